/* filter.h: the filter language (newsboat's, plus tidings' own attributes):
 * an expression parsed to a tree, the tree compiled to an SQL condition over
 * the store's items whose values are bound parameters, and killfile rules
 * (ignore-article) built on both.
 *
 * Ownership: filter_parse returns an owned tree (filter_free). A struct
 * filter_sql owns its text and parameters (filter_sql_clear). Nothing here
 * holds a database handle; the store evaluates what this module writes. */
#ifndef TIDINGS_FILTER_H
#define TIDINGS_FILTER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <sqlite3.h>

#include "buf.h"

struct filter;

/* Why an expression was refused: the column (1-based, counted in bytes)
 * where it went wrong, and a sentence saying what was expected there. */
struct filter_error {
	size_t	 column;
	char	 message[256];
};

/* Parse text. NULL with *error filled on a syntax error. */
struct filter *filter_parse(const char *text, struct filter_error *error);
void filter_free(struct filter **f);

/* Where a compiled condition is evaluated. */
enum filter_context {
	/* Rows of the store's items, as "items i". */
	FILTER_STORED,
	/* An item about to be stored, as the one-row "i" that
	 * store_item_matches makes: no search index, no enclosures table
	 * (they come as columns of the row). */
	FILTER_CANDIDATE,
};

struct filter_param {
	char	*text;		/* NULL: a number */
	int64_t	 number;
};

/* An SQL condition over "i" (an items row), never NULL-valued, whose values
 * are the named parameters :f1, :f2... of params, plus :now (the time age
 * is counted from), bound by filter_sql_bind. */
struct filter_sql {
	struct buf		 sql;
	struct filter_param	*params;
	size_t			 n_params;
	size_t			 size;
};

void filter_sql_init(struct filter_sql *q);
void filter_sql_clear(struct filter_sql *q);
/* Append SQL text as it is (" AND NOT ", parentheses). */
void filter_sql_append(struct filter_sql *q, const char *text);
/* Append a text value as a new parameter (its placeholder goes in sql). */
void filter_sql_append_text(struct filter_sql *q, const char *value);

/* Append f compiled for context, in parentheses. -1 with *error filled
 * when an attribute or an operator does not fit (an unknown attribute, a
 * regular expression that does not compile, search where there is no
 * index), the column naming the culprit. */
int filter_sql_compile(struct filter_sql *q, const struct filter *f,
    enum filter_context context, struct filter_error *error);

/* Bind q's parameters to st, where its text was pasted in, and :now. */
void filter_sql_bind(const struct filter_sql *q, sqlite3_stmt *st, int64_t now);

/* Register on db the functions compiled conditions call (the regular
 * expression match, case-insensitive POSIX ERE as newsboat's). 0 or -1. */
int filter_register(sqlite3 *db);

/* ---- Killfiles ---- */

struct filter_rules;

enum filter_ignore_mode {
	FILTER_IGNORE_DOWNLOAD,	/* matching items are never stored */
	FILTER_IGNORE_DISPLAY,	/* stored, but not shown */
};

struct filter_rules *filter_rules_new(void);
void filter_rules_free(struct filter_rules **r);

/* Add an ignore-article rule from the rest of its config line: FEED (a
 * URL, "*" for every feed, or "regex:" and a POSIX ERE matched against the
 * feed's URL ignoring case) and EXPR, each optionally in double quotes
 * with \" and \\ inside. 0, or -1 with a message in err. */
int filter_rules_add(struct filter_rules *r, const char *args, char *err, size_t errsize);

size_t filter_rules_count(const struct filter_rules *r);

/* ignore-mode; download until told otherwise. */
void filter_rules_set_mode(struct filter_rules *r, enum filter_ignore_mode mode);
enum filter_ignore_mode filter_rules_mode(const struct filter_rules *r);

/* Append to q the condition "some rule matches the item", compiled for
 * context ("(0)" when there are no rules). -1 with err filled. */
int filter_rules_compile(const struct filter_rules *r, struct filter_sql *q,
    enum filter_context context, char *err, size_t errsize);

/* After the config is read: in download mode, compile the rules for the
 * refresh (a rule using search cannot be tested there). 0 or -1 with err. */
int filter_rules_check(struct filter_rules *r, char *err, size_t errsize);

struct store;
struct item;

/* Whether a refresh drops item, parsed from feed_id, instead of storing it
 * (download mode, some rule matches): 1, 0, or -1 with the store's error.
 * r may be NULL. */
int filter_rules_drop(struct filter_rules *r, struct store *s, int64_t feed_id,
    const struct item *item);

/* The condition of a view of items into q: expr (may be NULL) and, under
 * display-mode rules (r may be NULL), not hidden by them; or, when
 * ignored, only what they hide. q stays empty when there is nothing to
 * test. 0, or -1 with err filled ("column N: ..." for expr). */
int filter_view_compile(struct filter_sql *q, const struct filter *expr,
    const struct filter_rules *r, bool ignored, char *err, size_t errsize);
/* The condition of the views the display-mode rules hide from (owned:
 * filter_sql_free), or NULL when they hide nothing. */
struct filter_sql *filter_view_new(const struct filter_rules *r);
void filter_sql_free(struct filter_sql **q);

#endif
