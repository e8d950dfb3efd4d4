/* cmd.h: the commands of the command line, one function each, and what they
 * share: opening the settings and the store, printing feed text safely.
 * main() parses the global options and hands the rest of argv to a command.
 * Each returns an exit status: 0 success, 1 the command ran but something
 * failed, 2 usage or configuration error, or the store cannot be opened. */
#ifndef TIDINGS_CMD_H
#define TIDINGS_CMD_H

#include <stdbool.h>
#include <stdint.h>

#include "buf.h"
#include "settings.h"

enum {
	EXIT_OK = 0,
	EXIT_FAILED = 1,
	EXIT_USAGE = 2,
};

struct globals {
	const char	*db_path;	/* --db, or NULL for the default */
	const char	*config_path;	/* --config, or NULL for the default */
};

struct store;

/* What a command that uses the store works with. */
struct session {
	struct settings	 settings;
	struct store	*store;
	char		*db_path;	/* the store's path (owned) */
};

/* The settings in force: the defaults, then the config file --config names
 * (or the default one, which may be missing). On failure prints one line on
 * stderr and returns EXIT_USAGE (settings then need no freeing); else 0. */
int cmd_load_settings(const struct globals *g, struct settings *settings);

/* Load the settings and open the store. On failure prints one line on
 * stderr and returns EXIT_USAGE; on success 0. */
int cmd_open(const struct globals *g, struct session *session);
void cmd_close(struct session *session);

/* Append a field from a feed to out for printing: sanitized (no control or
 * escape sequences, one line) and, for TSV, with tabs already gone. */
void cmd_field(struct buf *out, const char *s);

/* Print the store's last error on stderr, sanitized (it may quote feed
 * names and URLs), after "context: " when context is not NULL. */
void cmd_store_failure(struct store *s, const char *context);

/* The feed a URL or a name names, or 0 after a message on stderr. */
int64_t cmd_find_feed(struct store *s, const char *url_or_name);

/* "" for one, "s" for any other count. */
const char *cmd_plural(int64_t n);

struct filter;
struct store_query_feed;

/* A filter expression given as an argument, parsed and checked (filter.h),
 * or NULL after a message on stderr after "tidings: context: " naming the
 * column, with a caret under it. Owned: filter_free. */
struct filter *cmd_parse_filter(const char *context, const char *text);

/* A query feed with its counts, the items the display-mode ignore-article
 * rules hide left out; counts -1 and error set when its expression no
 * longer compiles. Valid during the callback. */
struct cmd_query_row {
	const struct store_query_feed	*query;
	int64_t				 unread, total;
	const char			*error;
};

/* Call fn for every query feed of the session's store, by name; fn returns
 * non-zero to stop. The number of calls, or -1 with the store's error. */
int64_t cmd_each_query(struct session *session,
    int (*fn)(void *ctx, const struct cmd_query_row *row), void *ctx);

/* Write out to stdout; returns 0, or -1 with a message when stdout failed. */
int cmd_write(const struct buf *out);

int cmd_parse(const struct globals *g, int argc, char **argv);
int cmd_extract(const struct globals *g, int argc, char **argv);
int cmd_add(const struct globals *g, int argc, char **argv);
int cmd_remove(const struct globals *g, int argc, char **argv);
int cmd_enable(const struct globals *g, int argc, char **argv);
int cmd_full_story(const struct globals *g, int argc, char **argv);
int cmd_feeds(const struct globals *g, int argc, char **argv);
int cmd_add_query(const struct globals *g, int argc, char **argv);
int cmd_remove_query(const struct globals *g, int argc, char **argv);
int cmd_import(const struct globals *g, int argc, char **argv);
int cmd_export(const struct globals *g, int argc, char **argv);
int cmd_refresh(const struct globals *g, int argc, char **argv);
int cmd_list(const struct globals *g, int argc, char **argv);
int cmd_mark_read(const struct globals *g, int argc, char **argv);
int cmd_mark_unread(const struct globals *g, int argc, char **argv);
int cmd_star(const struct globals *g, int argc, char **argv);
int cmd_unstar(const struct globals *g, int argc, char **argv);
/* The reader (no command): argv holds only the program's name. */
int cmd_ui(const struct globals *g, int argc, char **argv);

#endif
