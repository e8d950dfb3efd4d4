/* keys.c: key names to key codes and back, and the reader's bindings from
 * the key-OPERATION settings. What each operation does is the views' job. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ascii.h"
#include "buf.h"
#include "keys.h"
#include "utf8.h"
#include "xmalloc.h"

struct op_def {
	const char		*name;
	enum option_id		 option;
};

/* The option of each operation; its name and help come from the options
 * table, so the manual, the config reader and the help screen agree. */
static const struct op_def ops[OP_COUNT] = {
	[OP_NONE] = { "none", OPT_COUNT },
	[OP_UP] = { "up", OPT_KEY_UP },
	[OP_DOWN] = { "down", OPT_KEY_DOWN },
	[OP_PAGE_UP] = { "page-up", OPT_KEY_PAGE_UP },
	[OP_PAGE_DOWN] = { "page-down", OPT_KEY_PAGE_DOWN },
	[OP_TOP] = { "top", OPT_KEY_TOP },
	[OP_BOTTOM] = { "bottom", OPT_KEY_BOTTOM },
	[OP_OPEN] = { "open", OPT_KEY_OPEN },
	[OP_BACK] = { "back", OPT_KEY_BACK },
	[OP_QUIT] = { "quit", OPT_KEY_QUIT },
	[OP_HELP] = { "help", OPT_KEY_HELP },
	[OP_REDRAW] = { "redraw", OPT_KEY_REDRAW },
	[OP_FILTER] = { "filter", OPT_KEY_FILTER },
	[OP_TOGGLE_UNREAD] = { "toggle-unread", OPT_KEY_TOGGLE_UNREAD },
	[OP_TOGGLE_STARRED] = { "toggle-starred", OPT_KEY_TOGGLE_STARRED },
	[OP_CLEAR_FILTERS] = { "clear-filters", OPT_KEY_CLEAR_FILTERS },
	[OP_TOGGLE_READ] = { "toggle-read", OPT_KEY_TOGGLE_READ },
	[OP_MARK_ALL_READ] = { "mark-all-read", OPT_KEY_MARK_ALL_READ },
	[OP_STAR] = { "star", OPT_KEY_STAR },
	[OP_BROWSER] = { "browser", OPT_KEY_BROWSER },
	[OP_OPEN_LINK] = { "open-link", OPT_KEY_OPEN_LINK },
	[OP_NEXT_ITEM] = { "next-item", OPT_KEY_NEXT_ITEM },
	[OP_PREVIOUS_ITEM] = { "previous-item", OPT_KEY_PREVIOUS_ITEM },
	[OP_REFRESH] = { "refresh", OPT_KEY_REFRESH },
	[OP_REFRESH_ALL] = { "refresh-all", OPT_KEY_REFRESH_ALL },
	[OP_ADD_FEED] = { "add-feed", OPT_KEY_ADD_FEED },
	[OP_IMPORT] = { "import", OPT_KEY_IMPORT },
	[OP_FETCH_STORY] = { "fetch-story", OPT_KEY_FETCH_STORY },
	[OP_TOGGLE_STORY] = { "toggle-story", OPT_KEY_TOGGLE_STORY },
};

/* Names of the keys that send sequences or have no glyph, in the order of
 * the KEYS_* codes; the first name of a code is the one keys_name writes. */
static const struct {
	const char	*name;
	int		 key;
} named[] = {
	{ "Up", KEYS_UP },
	{ "Down", KEYS_DOWN },
	{ "Left", KEYS_LEFT },
	{ "Right", KEYS_RIGHT },
	{ "PageUp", KEYS_PAGE_UP },
	{ "PgUp", KEYS_PAGE_UP },
	{ "PageDown", KEYS_PAGE_DOWN },
	{ "PgDn", KEYS_PAGE_DOWN },
	{ "Home", KEYS_HOME },
	{ "End", KEYS_END },
	{ "Insert", KEYS_INSERT },
	{ "Delete", KEYS_DELETE },
	{ "Backspace", KEYS_BACKSPACE },
	{ "Enter", KEYS_ENTER },
	{ "Return", KEYS_ENTER },
	{ "Tab", KEYS_TAB },
	{ "Space", KEYS_SPACE },
	{ "Esc", KEYS_ESCAPE },
	{ "Escape", KEYS_ESCAPE },
};

const char *
keys_op_name(enum key_op op)
{
	if ((int)op < 0 || op >= OP_COUNT)
		return "none";
	return ops[op].name;
}

const char *
keys_op_help(enum key_op op)
{
	if ((int)op <= OP_NONE || op >= OP_COUNT)
		return "";
	return options_table[ops[op].option].help;
}

int
keys_parse(const char *name)
{
	size_t i;
	char *end;
	long n;

	if (name == NULL || *name == '\0')
		return -1;
	if (name[1] == '\0' || (unsigned char)name[0] >= 0x80)
		return (int)utf8_single(name);
	for (i = 0; i < sizeof(named) / sizeof(named[0]); i++) {
		if (ascii_casecmp(name, named[i].name) == 0)
			return named[i].key;
	}
	/* C-x: the control character the terminal sends for Ctrl and x. */
	if ((name[0] == 'C' || name[0] == 'c') && name[1] == '-' && name[2] != '\0' &&
	    name[3] == '\0') {
		int c = (unsigned char)name[2];

		if (ascii_is_alpha(c))
			return ascii_to_lower(c) - 'a' + 1;
		if (c == '@' || c == ' ')
			return -1;	/* NUL: never a key here */
		if (c >= '[' && c <= '_')
			return c - '@';
		if (c == '?')
			return 0x7f;
		return -1;
	}
	if ((name[0] == 'F' || name[0] == 'f') && name[1] >= '1' && name[1] <= '9') {
		n = strtol(name + 1, &end, 10);
		if (*end == '\0' && n >= 1 && n <= 12)
			return KEYS_F1 + (int)n - 1;
	}
	return -1;
}

void
keys_name(int key, char *out, size_t size)
{
	struct buf b = BUF_INIT;
	size_t i;

	if (size == 0)
		return;
	for (i = 0; i < sizeof(named) / sizeof(named[0]); i++) {
		if (named[i].key == key) {
			snprintf(out, size, "%s", named[i].name);
			return;
		}
	}
	if (key >= KEYS_F1 && key <= KEYS_F12)
		snprintf(out, size, "F%d", key - KEYS_F1 + 1);
	else if (key >= 1 && key <= 26)
		snprintf(out, size, "C-%c", 'a' + key - 1);
	else if (key >= 27 && key <= 31)
		snprintf(out, size, "C-%c", '@' + key);
	else if (key == 0x7f)
		snprintf(out, size, "C-?");
	else if (key > 0x20 && key < 0x10ffff && !(key >= 0x80 && key < 0xa0) &&
	    !(key >= 0xd800 && key <= 0xdfff)) {
		buf_append_utf8(&b, (unsigned long)key);
		snprintf(out, size, "%s", buf_str(&b));
		buf_free(&b);
	} else
		snprintf(out, size, "U+%04X", (unsigned)key);
}

/* The binding of key, or NULL. */
static struct keymap_entry *
find_key(struct keymap *map, int key)
{
	size_t i;

	for (i = 0; i < map->n_entries; i++) {
		if (map->entries[i].key == key)
			return &map->entries[i];
	}
	return NULL;
}

static void
unbind_key(struct keymap *map, struct keymap_entry *entry)
{
	size_t i = (size_t)(entry - map->entries);

	memmove(&map->entries[i], &map->entries[i + 1],
	    (map->n_entries - i - 1) * sizeof(map->entries[0]));
	map->n_entries--;
}

/* Bind the keys of value to op. Returns 0, or -1 with *error set. */
static int
bind_list(struct keymap *map, enum key_op op, const char *value, bool user, char **error)
{
	struct keymap_entry *old;
	const char *option = options_table[ops[op].option].name;
	char *copy, *word, *save = NULL;
	int key, rc = 0;

	copy = xstrdup(value != NULL ? value : "");
	for (word = strtok_r(copy, " \t", &save); word != NULL;
	    word = strtok_r(NULL, " \t", &save)) {
		if ((key = keys_parse(word)) == -1) {
			*error = xasprintf("%s: '%s' is not a key name (a character, C-x, "
			    "Enter, Space, Up, PageDown, F1...)", option, word);
			rc = -1;
			break;
		}
		if ((old = find_key(map, key)) != NULL) {
			if (user && old->user && old->op != op) {
				*error = xasprintf("%s: '%s' is bound by %s too", option, word,
				    options_table[ops[old->op].option].name);
				rc = -1;
				break;
			}
			unbind_key(map, old);
		}
		if (map->n_entries == KEYS_MAX_BINDINGS) {
			*error = xasprintf("%s: more than %d keys bound", option,
			    KEYS_MAX_BINDINGS);
			rc = -1;
			break;
		}
		map->entries[map->n_entries].key = key;
		map->entries[map->n_entries].op = op;
		map->entries[map->n_entries].user = user;
		map->n_entries++;
	}
	free(copy);
	return rc;
}

/* keys_load, also telling which setting an error is about. */
static int
load_map(struct keymap *map, const struct settings *settings, enum option_id *at,
    char **error)
{
	const char *value, *fallback;
	int pass, op;
	bool user;

	*error = NULL;
	*at = OPT_COUNT;
	map->n_entries = 0;
	/* Defaults first, then what the user changed, so that a key the user
	 * gives to another operation leaves its default one. */
	for (pass = 0; pass < 2; pass++) {
		for (op = OP_NONE + 1; op < OP_COUNT; op++) {
			fallback = options_table[ops[op].option].default_value;
			value = settings != NULL ? settings->string[ops[op].option] : NULL;
			if (value == NULL)
				value = fallback;
			/* Set in the config file, even to its default, is the
			 * user's: two such settings cannot share a key. */
			user = strcmp(value, fallback) != 0 ||
			    (settings != NULL && settings->line[ops[op].option] != 0);
			if (user != (pass == 1))
				continue;
			if (bind_list(map, op, value, pass == 1, error) != 0) {
				*at = ops[op].option;
				return -1;
			}
		}
	}
	return 0;
}

int
keys_load(struct keymap *map, const struct settings *settings, char **error)
{
	enum option_id at;

	return load_map(map, settings, &at, error);
}

int
keys_check(const struct settings *settings, enum option_id *option, char **error)
{
	struct keymap map;

	return load_map(&map, settings, option, error);
}

enum key_op
keys_lookup(const struct keymap *map, int key)
{
	size_t i;

	for (i = 0; i < map->n_entries; i++) {
		if (map->entries[i].key == key)
			return map->entries[i].op;
	}
	return OP_NONE;
}

size_t
keys_of(const struct keymap *map, enum key_op op, int *keys, size_t max)
{
	size_t i, n = 0;

	for (i = 0; i < map->n_entries; i++) {
		if (map->entries[i].op != op)
			continue;
		if (n < max)
			keys[n] = map->entries[i].key;
		n++;
	}
	return n;
}

void
keys_first_name(const struct keymap *map, enum key_op op, char *out, size_t size)
{
	int key;

	if (keys_of(map, op, &key, 1) == 0)
		snprintf(out, size, "(unbound)");
	else
		keys_name(key, out, size);
}
