/* cmd-list.c: the commands over items: list (with filters, as TSV or JSON
 * Lines, or a count), mark-read, mark-unread, star and unstar. Not feeds. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "buf.h"
#include "cmd.h"
#include "date.h"
#include "filter.h"
#include "json.h"
#include "plural.h"
#include "store.h"

/* Rows are written out whenever this much has piled up: a listing of a
 * large store streams with flat memory, and a reader at the other end of a
 * pipe sees the first rows at once. */
#define FLUSH_SIZE 4096

/* The oldest age --since accepts: ten thousand years. */
#define AGE_MAX_SECONDS (10000LL * 366 * 24 * 60 * 60)

struct tag_search {
	const char	*tag;
	bool		 found;
};

static int
on_feed_tags(void *ctx, const struct store_feed *feed)
{
	struct tag_search *search = ctx;
	size_t i;

	for (i = 0; i < feed->n_tags; i++) {
		if (strcmp(feed->tags[i], search->tag) == 0) {
			search->found = true;
			return 1;
		}
	}
	return 0;
}

/* A tag no feed carries is most likely a typing mistake: say so rather
 * than answer with nothing. Returns 0 when some feed has the tag. */
static int
check_tag(struct store *s, const char *tag)
{
	struct tag_search search = { tag, false };
	struct buf b = BUF_INIT;

	if (store_each_feed(s, on_feed_tags, &search) == -1) {
		cmd_store_failure(s, NULL);
		return -1;
	}
	if (search.found)
		return 0;
	cmd_field(&b, tag);
	fprintf(stderr, "tidings: no feed has the tag \"%s\" (see tidings feeds)\n",
	    buf_str(&b));
	buf_free(&b);
	return -1;
}

/* An item id as `list --format json` prints it, or 0. */
static int64_t
parse_item_id(const char *s)
{
	char *end;
	long long n;

	if (*s < '0' || *s > '9')
		return 0;
	errno = 0;
	n = strtoll(s, &end, 10);
	if (*end != '\0' || errno != 0 || n <= 0)
		return 0;
	return n;
}

/* ---- list ---- */

/* "7d", "12h", "30m" (and "90s", "2w") ago, or anything date_parse reads:
 * "2024-05-01", RFC 3339, RFC 822. DATE_NONE when it is neither. */
static int64_t
parse_since(const char *s, int64_t now)
{
	static const struct {
		char	 unit;
		int64_t	 seconds;
	} units[] = {
		{ 's', 1 }, { 'm', 60 }, { 'h', 60 * 60 }, { 'd', 24 * 60 * 60 },
		{ 'w', 7 * 24 * 60 * 60 },
	};
	char *end;
	long long n;
	size_t i;

	if (*s >= '0' && *s <= '9') {
		errno = 0;
		n = strtoll(s, &end, 10);
		if (errno == 0 && end != s && end[0] != '\0' && end[1] == '\0') {
			for (i = 0; i < sizeof(units) / sizeof(units[0]); i++) {
				if (*end == units[i].unit &&
				    n <= AGE_MAX_SECONDS / units[i].seconds)
					return now - n * units[i].seconds;
			}
		}
	}
	return date_parse(s);
}

struct list_output {
	bool		 json;
	struct buf	 out;
	struct json_writer writer;	/* into out */
	struct buf	 field;
	bool		 failed;
};

static int
on_item(void *ctx, const struct store_item *item)
{
	struct list_output *o = ctx;
	struct json_writer *w = &o->writer;
	char iso[DATE_ISO_SIZE];

	if (o->json) {
		json_begin_object(w);
		json_member_int(w, "id", item->id);
		cmd_json_field(w, &o->field, "feed", item->feed_title);
		json_member_int(w, "feed_id", item->feed_id);
		json_member_date(w, "date", item->date);
		cmd_json_field(w, &o->field, "title", item->title);
		cmd_json_field(w, &o->field, "link", item->link);
		cmd_json_field(w, &o->field, "author", item->author);
		json_member_bool(w, "read", item->read);
		json_member_bool(w, "starred", item->starred);
		/* HTML, kept whole (line breaks matter inside <pre>): JSON
		 * escapes every control character, so none is printed raw. */
		json_member_string(w, "summary", item->summary);
		json_member_string(w, "content", item->content);
		/* The story from the item's web page (cleaned HTML), or null. */
		json_member_string(w, "story", item->story);
		json_end_object(w);
	} else {
		cmd_field(&o->out, item->feed_title);
		buf_append_char(&o->out, '\t');
		buf_append_str(&o->out, date_format_iso(item->date, iso));
		buf_append_char(&o->out, '\t');
		cmd_field(&o->out, item->title);
		buf_append_char(&o->out, '\t');
		cmd_field(&o->out, item->link);
		buf_append_char(&o->out, '\n');
	}
	if (o->out.len >= FLUSH_SIZE) {
		if (cmd_write(&o->out) != 0) {
			o->failed = true;
			return 1;
		}
		buf_reset(&o->out);
	}
	return 0;
}

int
cmd_list(const struct globals *g, const struct cmd_args *args)
{
	const struct command *cmd = args->command;
	struct store_filter filter;
	struct list_output o = { false, BUF_INIT, { NULL, NULL, 0, 0, false }, BUF_INIT,
	    false };
	struct filter *expr = NULL;
	struct filter_sql where;
	const char *filter_text = cmd_value(args, 'E');
	bool ignored = cmd_flag(args, 'I');
	char why[512];
	struct session session;
	const char *feed, *since, *limit_arg, *format;
	char *query, *end;
	bool count = cmd_flag(args, 'c');
	int64_t n;
	long long limit;
	int status;

	memset(&filter, 0, sizeof(filter));
	filter.unread_only = cmd_flag(args, 'u');
	filter.starred_only = cmd_flag(args, 's');
	/* The store filters by one feed and one tag: the table says so. */
	feed = cmd_value(args, 'f');
	filter.tag = cmd_value(args, 't');
	if ((filter.search = cmd_value(args, 'q')) != NULL) {
		if ((query = store_search_query(filter.search)) == NULL)
			return cmd_usage_error(cmd, "--search needs words");
		free(query);
	}
	if ((limit_arg = cmd_value(args, 'n')) != NULL) {
		errno = 0;
		limit = strtoll(limit_arg, &end, 10);
		if (limit_arg[0] < '0' || limit_arg[0] > '9' || *end != '\0' || errno != 0 ||
		    limit <= 0)
			return cmd_usage_error(cmd, "--limit %s: not a positive whole number",
			    limit_arg);
		filter.limit = limit;
	}
	format = cmd_value(args, 'F');
	o.json = format != NULL && strcmp(format, "json") == 0;
	since = cmd_value(args, 'S');
	if (since != NULL && (filter.since = parse_since(since, time(NULL))) == DATE_NONE)
		return cmd_usage_error(cmd, "--since %s: not a date (2024-05-01, an RFC 3339 "
		    "date, or an age such as 12h or 7d)", since);

	if (filter_text != NULL && (expr = cmd_parse_filter("list: --filter", filter_text)) == NULL)
		return EXIT_USAGE;

	filter_sql_init(&where);
	if ((status = cmd_open(g, &session)) != 0) {
		filter_free(&expr);
		return status;
	}
	/* The expression, and the display-mode ignore-article rules. */
	if (filter_view_compile(&where, expr, session.settings.rules, ignored, why,
	    sizeof(why)) == -1) {
		fprintf(stderr, "tidings: list: %s\n", why);
		status = EXIT_USAGE;
		goto out;
	}
	if (where.sql.len > 0)
		filter.where = &where;
	if (feed != NULL && (filter.feed_id = cmd_find_feed(session.store, feed)) == 0) {
		status = EXIT_FAILED;
		goto out;
	}
	if (filter.tag != NULL && check_tag(session.store, filter.tag) == -1) {
		status = EXIT_FAILED;
		goto out;
	}

	if (count) {
		/* Nothing else is done here: this answers a status bar, often. */
		if ((n = store_count_items(session.store, &filter)) == -1) {
			cmd_store_failure(session.store, NULL);
			status = EXIT_FAILED;
			goto out;
		}
		if (filter.limit > 0 && n > filter.limit)
			n = filter.limit;
		buf_appendf(&o.out, "%lld\n", (long long)n);
		if (cmd_write(&o.out) != 0)
			status = EXIT_FAILED;
		goto out;
	}

	filter.with_text = o.json;
	json_writer_init(&o.writer, &o.out);
	if (store_query_items(session.store, &filter, on_item, &o) == -1) {
		cmd_store_failure(session.store, NULL);
		status = EXIT_FAILED;
	}
	if (!o.failed && cmd_write(&o.out) != 0)
		o.failed = true;
	if (o.failed)
		status = EXIT_FAILED;
out:
	json_writer_free(&o.writer);
	buf_free(&o.out);
	buf_free(&o.field);
	filter_sql_clear(&where);
	filter_free(&expr);
	cmd_close(&session);
	return status;
}

/* ---- mark-read, mark-unread, star, unstar ---- */

enum item_change {
	CHANGE_READ,
	CHANGE_UNREAD,
	CHANGE_STAR,
	CHANGE_UNSTAR,
};

/* Whether the item already is as the change would make it. */
static bool
already(const struct store_item *item, enum item_change change)
{
	switch (change) {
	case CHANGE_READ:
		return item->read;
	case CHANGE_UNREAD:
		return !item->read;
	case CHANGE_STAR:
		return item->starred;
	case CHANGE_UNSTAR:
		return !item->starred;
	}
	return false;
}

static int
apply(struct store *s, int64_t id, enum item_change change)
{
	switch (change) {
	case CHANGE_READ:
	case CHANGE_UNREAD:
		return store_mark_item_read(s, id, change == CHANGE_READ);
	case CHANGE_STAR:
	case CHANGE_UNSTAR:
		return store_set_item_starred(s, id, change == CHANGE_STAR);
	}
	return -1;
}

/* Change the items named by id (already checked to be ids), in one
 * transaction. Counts in *changed only those not already so; an id that
 * names no item is reported and the others still change. Returns the exit
 * status. */
static int
change_items(struct store *s, char **ids, int n_ids, enum item_change change,
    int64_t *changed)
{
	struct store_item item;
	int status = EXIT_OK, i;
	int64_t id;

	*changed = 0;
	if (store_begin(s) == -1) {
		cmd_store_failure(s, NULL);
		return EXIT_FAILED;
	}
	for (i = 0; i < n_ids; i++) {
		id = parse_item_id(ids[i]);
		if (store_get_item(s, id, &item) == -1) {
			fprintf(stderr, "tidings: no item %lld (ids are those of "
			    "tidings list --format json)\n", (long long)id);
			status = EXIT_FAILED;
			continue;
		}
		if (!already(&item, change)) {
			if (apply(s, id, change) == -1) {
				cmd_store_failure(s, NULL);
				store_item_clear(&item);
				store_rollback(s);
				*changed = 0;
				return EXIT_FAILED;
			}
			(*changed)++;
		}
		store_item_clear(&item);
	}
	if (store_commit(s) == -1) {
		cmd_store_failure(s, NULL);
		store_rollback(s);
		*changed = 0;
		return EXIT_FAILED;
	}
	return status;
}

static int
check_ids(int n_ids, char **ids)
{
	int i;

	for (i = 0; i < n_ids; i++) {
		if (parse_item_id(ids[i]) == 0) {
			fprintf(stderr, "tidings: '%s' is not an item id (ids are "
			    "those of tidings list --format json)\n", ids[i]);
			return -1;
		}
	}
	return 0;
}

static int
report(enum item_change change, int64_t changed)
{
	struct buf out = BUF_INIT;
	int rc;

	switch (change) {
	case CHANGE_READ:
	case CHANGE_UNREAD:
		buf_appendf(&out, "marked %lld %s %s\n", (long long)changed,
		    plural_noun(changed, "item", "items"), change == CHANGE_READ ? "read" : "unread");
		break;
	case CHANGE_STAR:
	case CHANGE_UNSTAR:
		buf_appendf(&out, "%s %lld %s\n", change == CHANGE_STAR ?
		    "starred" : "unstarred", (long long)changed, plural_noun(changed, "item", "items"));
		break;
	}
	rc = cmd_write(&out);
	buf_free(&out);
	return rc;
}

/* The parser saw to it that exactly one of the scopes is given. */
static int
mark(const struct globals *g, const struct cmd_args *args, enum item_change change)
{
	struct session session;
	const char *feed = cmd_value(args, 'f'), *tag = cmd_value(args, 't');
	bool all = cmd_flag(args, 'a'), read = change == CHANGE_READ;
	int64_t changed = 0, id;
	int status;

	if (check_ids(args->n_operands, args->operands) == -1)
		return EXIT_USAGE;
	if ((status = cmd_open(g, &session)) != 0)
		return status;
	if (args->n_operands > 0)
		status = change_items(session.store, args->operands, args->n_operands,
		    change, &changed);
	else {
		if (feed != NULL) {
			if ((id = cmd_find_feed(session.store, feed)) == 0) {
				status = EXIT_FAILED;
				goto out;
			}
			changed = store_mark_feed_read(session.store, id, read);
		} else if (tag != NULL) {
			if (check_tag(session.store, tag) == -1) {
				status = EXIT_FAILED;
				goto out;
			}
			changed = store_mark_tag_read(session.store, tag, read);
		} else if (all)
			changed = store_mark_all_read(session.store, read);
		if (changed == -1) {
			cmd_store_failure(session.store, NULL);
			status = EXIT_FAILED;
			goto out;
		}
	}
	if (report(change, changed) != 0)
		status = EXIT_FAILED;
out:
	cmd_close(&session);
	return status;
}

int
cmd_mark_read(const struct globals *g, const struct cmd_args *args)
{
	return mark(g, args, CHANGE_READ);
}

int
cmd_mark_unread(const struct globals *g, const struct cmd_args *args)
{
	return mark(g, args, CHANGE_UNREAD);
}

static int
star(const struct globals *g, const struct cmd_args *args, enum item_change change)
{
	struct session session;
	int64_t changed = 0;
	int status;

	if (check_ids(args->n_operands, args->operands) == -1)
		return EXIT_USAGE;
	if ((status = cmd_open(g, &session)) != 0)
		return status;
	status = change_items(session.store, args->operands, args->n_operands, change,
	    &changed);
	if (report(change, changed) != 0)
		status = EXIT_FAILED;
	cmd_close(&session);
	return status;
}

int
cmd_star(const struct globals *g, const struct cmd_args *args)
{
	return star(g, args, CHANGE_STAR);
}

int
cmd_unstar(const struct globals *g, const struct cmd_args *args)
{
	return star(g, args, CHANGE_UNSTAR);
}
