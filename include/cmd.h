/* cmd.h: the commands of the command line and what they share: the one
 * table that declares every command and its options (src/cmd-table.c), from
 * which argument parsing, --help, `tidings help` and the manual's check are
 * derived; opening the settings and the store; printing feed text safely.
 * main() parses the global options and hands the rest of argv to a command.
 * Each returns an exit status: 0 success, 1 the command ran but something
 * failed, 2 usage or configuration error, or the store cannot be opened. */
#ifndef TIDINGS_CMD_H
#define TIDINGS_CMD_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

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
struct json_writer;

/* ---- The command table ---- */

/* Option flags. */
enum {
	CMD_OPT_MANY = 1 << 0,	/* may be repeated; every value is kept */
	CMD_OPT_ONCE = 1 << 1,	/* given twice is a usage error */
};

/* One option of a command, as --NAME or --NAME ARG. */
struct cmd_option {
	const char	*name;		/* without the dashes */
	int		 key;		/* what the command asks cmd_flag/cmd_value by */
	char		 letter;	/* a short form (-h), or 0; global options only */
	const char	*arg;		/* the value's name in the help ("FEED"), or NULL
					 * for a flag; "a|b|c" lists the only values taken */
	unsigned	 flags;		/* CMD_OPT_* */
	const char	*help;		/* one line, for CMD --help */
};

/* The most options a command has (--help aside). */
#define CMD_MAX_OPTIONS	16

struct cmd_args;

/* One command. Its synopsis is made from the options and operands, so the
 * help, the parser and the manual's check cannot disagree. */
struct command {
	const char	*name;
	const char	*operands;	/* as the synopsis shows them ("FILE|-"), or NULL */
	int		 min_operands;
	int		 max_operands;	/* -1: no limit */
	bool		 one_of;	/* exactly one of the options or the operands */
	const char	*help;		/* one line, for tidings --help */
	const char	*details;	/* lines after the options in CMD --help, or NULL */
	const struct cmd_option *options;	/* ends with a NULL name; --help is implied */
	int		(*run)(const struct globals *g, const struct cmd_args *args);
};

/* A command line parsed against a command's entry. */
struct cmd_args {
	const struct command *command;
	size_t		 count[CMD_MAX_OPTIONS];	/* times each option was given */
	const char	**values[CMD_MAX_OPTIONS];	/* its values, in order (owned array) */
	char		**operands;			/* in order (owned array of argv's) */
	int		 n_operands;
};

/* Every command, in the order tidings --help lists them. */
extern const struct command cmd_table[];
extern const size_t cmd_table_size;
/* The global options, as an entry with no run function: they come before
 * the command's name; the flags among them stand alone (--help). */
extern const struct command cmd_globals;

/* The command called name, or NULL. */
const struct command *cmd_find(const char *name);

/* Parse argv (argv[0] is the command's name) against the entry into args.
 * Returns -1 to go on; else the exit status to return, after printing the
 * help (--help: 0) or one line on stderr (a usage error: EXIT_USAGE). */
int cmd_parse_args(const struct command *cmd, int argc, char **argv, struct cmd_args *args);
void cmd_args_free(struct cmd_args *args);

/* Whether the option with key was given; its last value, or NULL; all its
 * values (their number, the array in *values). */
bool cmd_flag(const struct cmd_args *args, int key);
const char *cmd_value(const struct cmd_args *args, int key);
size_t cmd_values(const struct cmd_args *args, int key, const char *const **values);

/* A usage error of the command: "tidings: CMD: MESSAGE (see tidings CMD
 * --help)" on stderr; returns EXIT_USAGE. */
int cmd_usage_error(const struct command *cmd, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* The synopsis of a command after its name, on one line (owned). */
char *cmd_synopsis(const struct command *cmd);
/* Help output: tidings --help; CMD --help (also `tidings help CMD`); a list
 * of options, each with its help; tidings --help-config (every setting). */
void cmd_print_usage(FILE *fp);
void cmd_print_help(FILE *fp, const struct command *cmd);
void cmd_print_options(FILE *fp, const struct cmd_option *options, bool with_help);
void cmd_print_config_help(FILE *fp);

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

/* The member name: s as cmd_field makes it, or null; scratch is working
 * space. For feed text that scripts show on a terminal. */
void cmd_json_field(struct json_writer *w, struct buf *scratch, const char *name,
    const char *s);

/* Print the store's last error on stderr, sanitized (it may quote feed
 * names and URLs), after "context: " when context is not NULL. */
void cmd_store_failure(struct store *s, const char *context);

/* The feed a URL or a name names, or 0 after a message on stderr. */
int64_t cmd_find_feed(struct store *s, const char *url_or_name);

/* A wait of seconds (> 0) as `feeds` says when a feed is next due: "in 17
 * min" (rounded up), "in 3 h", "in 2 d" (rounded). */
void cmd_append_wait(struct buf *out, int64_t wait);

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

/* "tidings: NAME: MESSAGE" on stderr, both sanitized (they may quote a
 * feed's text or a URL). */
void cmd_warn(const char *name, const char *message);

/* How messages name a FILE operand: "standard input" for "-". */
const char *cmd_input_name(const char *path);

/* Read the file at path ("-": standard input) to its end, handing each
 * chunk to fn, which returns non-zero to stop reading there. Returns the
 * bytes read (those of the chunk fn stopped at included), or -1 after
 * "tidings: NAME: why" on stderr. */
long long cmd_read_input(const char *path,
    int (*fn)(void *ctx, const char *chunk, size_t len), void *ctx);

/* The end of a command that changed one thing: rc -1 (the store call
 * failed) prints the store's error and gives EXIT_FAILED; otherwise the
 * line "DONE NAME" (NAME sanitized) goes to stdout and EXIT_OK is returned
 * (EXIT_FAILED if stdout fails). */
int cmd_done(struct store *s, int rc, const char *done, const char *name);

int cmd_parse(const struct globals *g, const struct cmd_args *args);
int cmd_extract(const struct globals *g, const struct cmd_args *args);
int cmd_add(const struct globals *g, const struct cmd_args *args);
int cmd_remove(const struct globals *g, const struct cmd_args *args);
int cmd_enable(const struct globals *g, const struct cmd_args *args);
int cmd_full_story(const struct globals *g, const struct cmd_args *args);
int cmd_feeds(const struct globals *g, const struct cmd_args *args);
int cmd_add_query(const struct globals *g, const struct cmd_args *args);
int cmd_remove_query(const struct globals *g, const struct cmd_args *args);
int cmd_import(const struct globals *g, const struct cmd_args *args);
int cmd_export(const struct globals *g, const struct cmd_args *args);
int cmd_refresh(const struct globals *g, const struct cmd_args *args);
int cmd_sync(const struct globals *g, const struct cmd_args *args);
int cmd_add_remote(const struct globals *g, const struct cmd_args *args);
int cmd_list(const struct globals *g, const struct cmd_args *args);
int cmd_mark_read(const struct globals *g, const struct cmd_args *args);
int cmd_mark_unread(const struct globals *g, const struct cmd_args *args);
int cmd_star(const struct globals *g, const struct cmd_args *args);
int cmd_unstar(const struct globals *g, const struct cmd_args *args);
int cmd_help(const struct globals *g, const struct cmd_args *args);
/* The reader (no command). */
int cmd_ui(const struct globals *g);

#endif
