/* test-keys.c: key names to codes and back, the operation table against
 * the options table, and the bindings from defaults and key-* settings. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "keys.h"
#include "settings.h"
#include "test.h"

static void
test_parse(void)
{
	static const struct {
		const char	*name;
		int		 key;
	} rows[] = {
		{ NULL, -1 },
		{ "", -1 },
		{ "j", 'j' },
		{ "G", 'G' },
		{ "/", '/' },
		{ "?", '?' },
		{ "\xc3\xa9", 0xe9 },		/* é */
		{ "\xe6\x97\xa5", 0x65e5 },	/* 日 */
		{ "\xf0\x9f\x8e\x89", 0x1f389 },	/* 🎉 */
		{ "\xff", -1 },			/* not UTF-8 */
		{ "\xc0\xaf", -1 },		/* overlong '/' */
		{ "\xed\xa0\x80", -1 },		/* a surrogate */
		{ "\xc3\xa9x", -1 },		/* two characters */
		{ "jj", -1 },
		{ "C-n", 0x0e },
		{ "c-N", 0x0e },
		{ "C-a", 0x01 },
		{ "C-[", 0x1b },
		{ "C-?", 0x7f },
		{ "C-@", -1 },
		{ "C-", -1 },
		{ "C-nn", -1 },
		{ "Enter", KEYS_ENTER },
		{ "enter", KEYS_ENTER },
		{ "Return", KEYS_ENTER },
		{ "Space", ' ' },
		{ "Tab", '\t' },
		{ "Esc", 0x1b },
		{ "Up", KEYS_UP },
		{ "PageDown", KEYS_PAGE_DOWN },
		{ "pgup", KEYS_PAGE_UP },
		{ "Home", KEYS_HOME },
		{ "End", KEYS_END },
		{ "Backspace", KEYS_BACKSPACE },
		{ "F1", KEYS_F1 },
		{ "f12", KEYS_F12 },
		{ "F13", -1 },
		{ "F0", -1 },
		{ "F1x", -1 },
		{ "Foo", -1 },
	};
	size_t i;

	for (i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		if (keys_parse(rows[i].name) != rows[i].key)
			fprintf(stderr, "  keys_parse(%s)\n", rows[i].name ? rows[i].name : "NULL");
		CHECK_INT(keys_parse(rows[i].name), rows[i].key);
	}
}

static void
test_name(void)
{
	static const struct {
		int		 key;
		const char	*name;
	} rows[] = {
		{ 'j', "j" },
		{ KEYS_ENTER, "Enter" },
		{ ' ', "Space" },
		{ '\t', "Tab" },
		{ 0x1b, "Esc" },
		{ 0x01, "C-a" },
		{ 0x1c, "C-\\" },
		{ 0x7f, "C-?" },
		{ KEYS_PAGE_DOWN, "PageDown" },
		{ KEYS_F1 + 4, "F5" },
		{ 0x3b1, "\xce\xb1" },
		{ 0x85, "U+0085" },		/* a C1 control is never printed */
		{ 0xd800, "U+D800" },
	};
	char out[16];
	size_t i;

	for (i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		keys_name(rows[i].key, out, sizeof(out));
		CHECK_STR(out, rows[i].name);
		/* What keys_name writes, keys_parse reads back. */
		if (strncmp(rows[i].name, "U+", 2) != 0)
			CHECK_INT(keys_parse(out), rows[i].key);
	}
}

static void
test_ops(void)
{
	char option[64];
	int op;

	CHECK_STR(keys_op_name(OP_COUNT), "none");
	CHECK_STR(keys_op_name(OP_NONE), "none");
	CHECK_STR(keys_op_help(OP_NONE), "");
	/* Each operation has its key-NAME option, with help and defaults. */
	for (op = OP_NONE + 1; op < OP_COUNT; op++) {
		const struct option_def *def;

		snprintf(option, sizeof(option), "key-%s", keys_op_name(op));
		def = options_find(option);
		CHECK(def != NULL);
		if (def == NULL)
			continue;
		CHECK(def->type == OPTION_STRING);
		CHECK(keys_op_help(op)[0] != '\0');
		CHECK_STR(keys_op_help(op), def->help);
	}
}

static void
set(struct settings *s, const char *name, const char *value)
{
	const struct option_def *def = options_find(name);

	free(s->string[def - options_table]);
	s->string[def - options_table] = strdup(value);
}

static void
test_load(void)
{
	struct settings s;
	struct keymap map;
	char *error = NULL, name[16];
	int keys[8];

	/* Defaults, also with no settings at all. */
	CHECK_INT(keys_load(&map, NULL, &error), 0);
	CHECK(error == NULL);
	CHECK_INT(keys_lookup(&map, 'j'), OP_DOWN);
	settings_init(&s);
	CHECK_INT(keys_load(&map, &s, &error), 0);
	CHECK_INT(keys_lookup(&map, 'j'), OP_DOWN);
	CHECK_INT(keys_lookup(&map, KEYS_DOWN), OP_DOWN);
	CHECK_INT(keys_lookup(&map, 'k'), OP_UP);
	CHECK_INT(keys_lookup(&map, KEYS_ENTER), OP_OPEN);
	CHECK_INT(keys_lookup(&map, 'q'), OP_BACK);
	CHECK_INT(keys_lookup(&map, '/'), OP_FILTER);
	CHECK_INT(keys_lookup(&map, 'G'), OP_BOTTOM);
	CHECK_INT(keys_lookup(&map, KEYS_END), OP_BOTTOM);
	CHECK_INT(keys_lookup(&map, 'Z'), OP_NONE);
	CHECK_INT(keys_of(&map, OP_DOWN, keys, 8), 3);
	CHECK_INT(keys[0], 'j');

	/* A user binding replaces the operation's defaults. */
	set(&s, "key-down", "x");
	CHECK_INT(keys_load(&map, &s, &error), 0);
	CHECK_INT(keys_lookup(&map, 'x'), OP_DOWN);
	CHECK_INT(keys_lookup(&map, 'j'), OP_NONE);
	CHECK_INT(keys_lookup(&map, KEYS_DOWN), OP_NONE);

	/* A key taken from another operation's defaults moves, whatever
	 * the order of the table. */
	set(&s, "key-down", "x Down");
	set(&s, "key-up", "j");
	CHECK_INT(keys_load(&map, &s, &error), 0);
	CHECK_INT(keys_lookup(&map, 'j'), OP_UP);
	CHECK_INT(keys_lookup(&map, KEYS_DOWN), OP_DOWN);
	CHECK_INT(keys_lookup(&map, 'k'), OP_NONE);
	set(&s, "key-up", "k");
	set(&s, "key-star", "s j");
	CHECK_INT(keys_load(&map, &s, &error), 0);
	CHECK_INT(keys_lookup(&map, 'j'), OP_STAR);
	CHECK_INT(keys_lookup(&map, 'k'), OP_UP);

	/* One key given to two operations by the user is a mistake. */
	set(&s, "key-star", "k");
	CHECK_INT(keys_load(&map, &s, &error), -1);
	CHECK(error != NULL && strstr(error, "key-star") != NULL &&
	    strstr(error, "key-up") != NULL);
	free(error);
	set(&s, "key-up", "j k");
	set(&s, "key-star", "s");
	CHECK_INT(keys_load(&map, &s, &error), 0);
	CHECK_INT(keys_lookup(&map, 'k'), OP_UP);

	/* Empty: unbound. */
	set(&s, "key-quit", "");
	CHECK_INT(keys_load(&map, &s, &error), 0);
	CHECK_INT(keys_lookup(&map, 'Q'), OP_NONE);
	keys_first_name(&map, OP_QUIT, name, sizeof(name));
	CHECK_STR(name, "(unbound)");
	keys_first_name(&map, OP_HELP, name, sizeof(name));
	CHECK_STR(name, "?");

	/* A bad name: the option and the word in the message. */
	set(&s, "key-help", "F1 Hyper-x");
	CHECK_INT(keys_load(&map, &s, &error), -1);
	CHECK(error != NULL && strstr(error, "key-help") != NULL &&
	    strstr(error, "Hyper-x") != NULL);
	free(error);
	settings_free(&s);
}

int
main(void)
{
	test_parse();
	test_name();
	test_ops();
	test_load();
	return test_done();
}
