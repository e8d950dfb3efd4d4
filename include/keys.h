/* keys.h: the reader's key operations, key names ("j", "C-n", "PageDown"),
 * and the bindings in force: the defaults, replaced per operation by the
 * config file's key-OPERATION settings. No curses here: the reader turns
 * curses key codes into the codes below before looking them up.
 *
 * A key code is a Unicode code point for a character (control characters
 * included: C-a is 1), or one of the KEYS_* codes above Unicode for the
 * keys that send escape sequences. */
#ifndef TIDINGS_KEYS_H
#define TIDINGS_KEYS_H

#include <stdbool.h>
#include <stddef.h>

#include "settings.h"

enum key_op {
	OP_NONE,
	OP_UP,
	OP_DOWN,
	OP_PAGE_UP,
	OP_PAGE_DOWN,
	OP_TOP,
	OP_BOTTOM,
	OP_OPEN,
	OP_BACK,
	OP_QUIT,
	OP_HELP,
	OP_REDRAW,
	OP_FILTER,
	OP_TOGGLE_UNREAD,
	OP_TOGGLE_STARRED,
	OP_CLEAR_FILTERS,
	OP_TOGGLE_READ,
	OP_MARK_ALL_READ,
	OP_STAR,
	OP_BROWSER,
	OP_OPEN_LINK,
	OP_NEXT_ITEM,
	OP_PREVIOUS_ITEM,
	OP_REFRESH,
	OP_REFRESH_ALL,
	OP_ADD_FEED,
	OP_IMPORT,
	OP_FETCH_STORY,
	OP_TOGGLE_STORY,
	OP_COUNT
};

/* Keys that send sequences, above the last Unicode code point. */
enum {
	KEYS_SPECIAL = 0x110000,
	KEYS_UP = KEYS_SPECIAL,
	KEYS_DOWN,
	KEYS_LEFT,
	KEYS_RIGHT,
	KEYS_PAGE_UP,
	KEYS_PAGE_DOWN,
	KEYS_HOME,
	KEYS_END,
	KEYS_INSERT,
	KEYS_DELETE,
	KEYS_BACKSPACE,
	KEYS_F1,		/* KEYS_F1 + n - 1 is Fn, up to F12 */
	KEYS_F12 = KEYS_F1 + 11,
	KEYS_LAST
};

/* C0 codes with names of their own. */
#define KEYS_TAB	0x09
#define KEYS_ENTER	0x0a
#define KEYS_ESCAPE	0x1b
#define KEYS_SPACE	0x20

/* Bindings per key are kept in a small array: a terminal user binds at most
 * a few dozen keys, and a lookup per keystroke is no cost. */
#define KEYS_MAX_BINDINGS 256

struct keymap_entry {
	int		key;
	enum key_op	op;
	bool		user;	/* from a setting the user changed */
};

struct keymap {
	struct keymap_entry	entries[KEYS_MAX_BINDINGS];
	size_t			n_entries;
};

/* The operation's name as in the config ("page-down"), its one-line help,
 * and the option that binds it (OPT_KEY_...). */
const char *keys_op_name(enum key_op op);
const char *keys_op_help(enum key_op op);

/* The code for a key name: one UTF-8 character ("j", "G", "/", "é"), C-x
 * for a control character (C-a to C-z, also C-[ C-\ C-] C-^ C-_ C-?),
 * or Enter, Tab, Space, Esc, Backspace, Up, Down, Left, Right, PageUp,
 * PageDown, Home, End, Insert, Delete, F1 to F12 (any case). -1 if name is
 * none of those (or NULL). */
int keys_parse(const char *name);

/* The name of a key code as keys_parse reads it, in out (size at least 16);
 * characters that are not printable are written as U+XXXX. */
void keys_name(int key, char *out, size_t size);

/* Fill map with the bindings in force: each operation's key-OPERATION
 * setting, a list of key names separated by spaces (empty: unbound). A key
 * the user gave to one operation is taken from any default that had it.
 * Returns 0, or -1 with *error (owned) naming the setting and the bad key,
 * or the two settings that give one key to two operations. */
int keys_load(struct keymap *map, const struct settings *settings, char **error);

/* Whether keys_load would take settings: 0, or -1 with *error as keys_load
 * gives it and *option the key-OPERATION setting at fault. */
int keys_check(const struct settings *settings, enum option_id *option, char **error);

/* The operation bound to key, or OP_NONE. */
enum key_op keys_lookup(const struct keymap *map, int key);

/* The keys bound to op in binding order, up to max of them; returns how many
 * there are (may exceed max). */
size_t keys_of(const struct keymap *map, enum key_op op, int *keys, size_t max);

/* The first key bound to op, as a name in out (size at least 16); "(unbound)"
 * when none is. */
void keys_first_name(const struct keymap *map, enum key_op op, char *out, size_t size);

#endif
