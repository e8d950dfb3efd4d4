/* cmd-query.c: query feeds on the command line: add-query and remove-query,
 * their live counts for `feeds`, and reading a filter expression from an
 * argument with a message naming the column. Not the language itself
 * (filter.c) nor how feeds are printed (cmd-feeds.c). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "cmd.h"
#include "filter.h"
#include "store.h"

struct filter *
cmd_parse_filter(const char *context, const char *text)
{
	struct filter_error error;
	struct filter_sql check;
	struct filter *f;
	struct buf shown = BUF_INIT;
	int rc = -1;

	if ((f = filter_parse(text, &error)) != NULL) {
		filter_sql_init(&check);
		rc = filter_sql_compile(&check, f, FILTER_STORED, &error);
		filter_sql_clear(&check);
	}
	if (rc == 0)
		return f;
	filter_free(&f);
	/* The expression once more with a caret under the column. */
	cmd_field(&shown, text);
	fprintf(stderr, "tidings: %s: column %zu: %s\n  %s\n  %*s^\n", context,
	    error.column, error.message, buf_str(&shown), (int)(error.column - 1), "");
	buf_free(&shown);
	return NULL;
}

/* ---- add-query, remove-query ---- */

int
cmd_add_query(const struct globals *g, const struct cmd_args *args)
{
	struct session session;
	struct filter *expr;
	const char *name = args->operands[0], *expression = args->operands[1];
	const char *const *tags;
	size_t n_tags = cmd_values(args, 'g', &tags);
	int status;

	if (name[0] == '\0')
		return cmd_usage_error(args->command, "the name is empty");
	if ((expr = cmd_parse_filter("add-query", expression)) == NULL)
		return EXIT_USAGE;
	filter_free(&expr);
	if ((status = cmd_open(g, &session)) != 0)
		return status;
	status = cmd_done(session.store, store_add_query(session.store, name, expression, tags,
	    n_tags) == -1 ? -1 : 0, "added query feed", name);
	cmd_close(&session);
	return status;
}

int
cmd_remove_query(const struct globals *g, const struct cmd_args *args)
{
	struct session session;
	const char *name = args->operands[0];
	int status;

	if ((status = cmd_open(g, &session)) != 0)
		return status;
	status = cmd_done(session.store, store_remove_query(session.store, name), "removed query feed",
	    name);
	cmd_close(&session);
	return status;
}

/* ---- Counts for feeds ---- */

struct query_walk {
	struct session	*session;
	int		(*fn)(void *, const struct cmd_query_row *);
	void		*ctx;
	bool		 failed;
};

static int
on_query(void *ctx, const struct store_query_feed *query)
{
	struct query_walk *w = ctx;
	struct cmd_query_row row;
	struct filter_error error;
	struct store_filter f;
	struct filter_sql where;
	struct filter *expr;
	char why[512];

	memset(&row, 0, sizeof(row));
	row.query = query;
	row.unread = row.total = -1;
	filter_sql_init(&where);
	if ((expr = filter_parse(query->expression, &error)) == NULL) {
		snprintf(why, sizeof(why), "column %zu: %s", error.column, error.message);
		row.error = why;
	} else if (filter_view_compile(&where, expr, w->session->settings.rules, false,
	    why, sizeof(why)) == -1)
		row.error = why;
	else {
		/* Items the display-mode rules hide are not in the view. */
		memset(&f, 0, sizeof(f));
		f.where = &where;
		if ((row.total = store_count_items(w->session->store, &f)) != -1) {
			f.unread_only = true;
			row.unread = store_count_items(w->session->store, &f);
		}
		if (row.unread == -1) {
			w->failed = true;
			filter_sql_clear(&where);
			filter_free(&expr);
			return 1;
		}
	}
	filter_sql_clear(&where);
	filter_free(&expr);
	return w->fn(w->ctx, &row);
}

int64_t
cmd_each_query(struct session *session, int (*fn)(void *, const struct cmd_query_row *),
    void *ctx)
{
	struct query_walk w = { session, fn, ctx, false };
	int64_t n;

	n = store_each_query(session->store, on_query, &w);
	return w.failed ? -1 : n;
}
