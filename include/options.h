/* options.h: every setting tidings has, in one table: name, type, default,
 * bounds and help. The config file reader, `tidings --help-config` and the
 * test that checks the manual all read this table. */
#ifndef TIDINGS_OPTIONS_H
#define TIDINGS_OPTIONS_H

#include <stdbool.h>
#include <stddef.h>

enum option_type {
	OPTION_BOOL,
	OPTION_INT,
	OPTION_DURATION,	/* seconds; written 90, 90s, 15m, 2h, 1d */
	OPTION_SIZE,		/* bytes; written 512K, 32M, 1G */
	OPTION_STRING,
};

enum option_id {
	OPT_REFRESH_INTERVAL,
	OPT_MAX_CONNECTIONS,
	OPT_MAX_PER_HOST,
	OPT_CONNECT_TIMEOUT,
	OPT_TIMEOUT,
	OPT_LOW_SPEED_LIMIT,
	OPT_LOW_SPEED_TIME,
	OPT_MAX_SIZE,
	OPT_ALLOW_PRIVATE_REDIRECTS,
	OPT_KEEP_DAYS,
	OPT_KEEP_ITEMS,
	OPT_KEEP_UNREAD,
	OPT_USER_AGENT,
	OPT_BROWSER,
	OPT_MAX_ITEMS,
	OPT_MAX_DEPTH,
	OPT_MAX_FIELD,
	/* Sync with a Tiny Tiny RSS server (sync.h). */
	OPT_TTRSS_URL,
	OPT_TTRSS_LOGIN,
	OPT_TTRSS_PASSWORD_FILE,
	OPT_TTRSS_PASSWORD_COMMAND,
	OPT_IGNORE_MODE,
	/* The reader. */
	OPT_MARK_READ_ON_OPEN,
	OPT_SHOW_READ,
	OPT_REFRESH_ON_START,
	OPT_AUTO_REFRESH,
	OPT_DATE_FORMAT,
	OPT_COLOR_TITLE,
	OPT_COLOR_STATUS,
	OPT_COLOR_CURSOR,
	OPT_COLOR_UNREAD,
	OPT_COLOR_ERROR,
	OPT_COLOR_TAG,
	OPT_COLOR_HEADING,
	OPT_COLOR_QUOTE,
	OPT_COLOR_LINK,
	OPT_COLOR_META,
	/* Key bindings, in the order of enum key_op (keys.h) from OP_UP. */
	OPT_KEY_UP,
	OPT_KEY_DOWN,
	OPT_KEY_PAGE_UP,
	OPT_KEY_PAGE_DOWN,
	OPT_KEY_TOP,
	OPT_KEY_BOTTOM,
	OPT_KEY_OPEN,
	OPT_KEY_BACK,
	OPT_KEY_QUIT,
	OPT_KEY_HELP,
	OPT_KEY_REDRAW,
	OPT_KEY_FILTER,
	OPT_KEY_TOGGLE_UNREAD,
	OPT_KEY_TOGGLE_STARRED,
	OPT_KEY_CLEAR_FILTERS,
	OPT_KEY_TOGGLE_READ,
	OPT_KEY_MARK_ALL_READ,
	OPT_KEY_STAR,
	OPT_KEY_BROWSER,
	OPT_KEY_OPEN_LINK,
	OPT_KEY_NEXT_ITEM,
	OPT_KEY_PREVIOUS_ITEM,
	OPT_KEY_REFRESH,
	OPT_KEY_REFRESH_ALL,
	OPT_KEY_ADD_FEED,
	OPT_KEY_IMPORT,
	OPT_KEY_FETCH_STORY,
	OPT_KEY_TOGGLE_STORY,
	OPT_COUNT
};

struct option_def {
	const char		*name;
	enum option_type	 type;
	const char		*default_value;	/* as it would be written in the file */
	long long		 min, max;	/* for numbers */
	const char		*help;
};

extern const struct option_def options_table[OPT_COUNT];

/* The option called name, or NULL. */
const struct option_def *options_find(const char *name);

/* Read value as the option's type into *number (booleans are 0/1; strings
 * leave it alone). Returns 0, or -1 with a message in err (size errsize)
 * such as "max-size: 3X is not a size (512K, 32M, 1G)". */
int options_parse_value(const struct option_def *def, const char *value,
    long long *number, char *err, size_t errsize);

#endif
