/* store-filter.c: the store's side of the filter language: its functions
 * registered on the connection, item queries and counts with a compiled
 * condition (struct store_filter's where), and the test of an item before
 * it is stored (killfiles in download mode). Compiling is filter-sql.c's. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "filter.h"
#include "store-internal.h"
#include "xmalloc.h"

int
store_filter_open(struct store *s)
{
	return filter_register(s->db);
}

void
store_filter_close(struct store *s)
{
	sqlite3_finalize(s->candidate);
	s->candidate = NULL;
	free(s->candidate_sql);
	s->candidate_sql = NULL;
}

/* The statement for f with its condition, prepared for this call: a
 * condition is the user's text, so its statements are not kept. NULL with
 * the store's error set. */
static sqlite3_stmt *
prepare(struct store *s, const struct store_filter *f, bool count)
{
	struct store_filter plain = *f;
	struct buf b = BUF_INIT;
	sqlite3_stmt *st = NULL;
	char *match = NULL;

	/* Search words with no word are no search (as store_query_items). */
	if (f->search != NULL && (match = store_search_query(f->search)) == NULL)
		plain.search = NULL;
	if (match != NULL && store_flush_search(s) == -1)
		goto out;
	store_items_select(&b, &plain, count);
	buf_append_str(&b, " AND ");
	buf_append_str(&b, buf_str(&f->where->sql));
	if (!count) {
		buf_append_str(&b, f->oldest_first ? " ORDER BY i.sort_date, i.id" :
		    " ORDER BY i.sort_date DESC, i.id DESC");
		buf_append_str(&b, " LIMIT :limit OFFSET :offset");
	}
	if (sqlite3_prepare_v2(s->db, buf_str(&b), -1, &st, NULL) != SQLITE_OK) {
		store_set_db_error(s, "cannot filter items");
		sqlite3_finalize(st);
		st = NULL;
		goto out;
	}
	store_items_bind(st, &plain, match);
	filter_sql_bind(f->where, st, store_now(s));
out:
	/* Bound with SQLITE_STATIC: the statement must not outlive match. */
	if (st != NULL && match != NULL) {
		int index = sqlite3_bind_parameter_index(st, ":match");

		if (index > 0)
			sqlite3_bind_text(st, index, match, -1, SQLITE_TRANSIENT);
	}
	free(match);
	buf_free(&b);
	return st;
}

int64_t
store_filter_query(struct store *s, const struct store_filter *f,
    int (*fn)(void *, const struct store_item *), void *ctx)
{
	struct store_item item;
	sqlite3_stmt *st;
	int64_t calls = 0;
	bool stop = false;
	int rc = SQLITE_DONE;

	if ((st = prepare(s, f, false)) == NULL)
		return -1;
	while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		store_item_from_row(st, &item, f->with_text);
		calls++;
		stop = fn(ctx, &item) != 0;
		store_item_clear(&item);
	}
	if (!stop && rc != SQLITE_DONE) {
		store_set_db_error(s, "cannot filter items");
		calls = -1;
	}
	sqlite3_finalize(st);
	return calls;
}

int64_t
store_filter_count(struct store *s, const struct store_filter *f)
{
	sqlite3_stmt *st;
	int64_t n = -1;

	if ((st = prepare(s, f, true)) == NULL)
		return -1;
	if (sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int64(st, 0);
	else
		store_set_db_error(s, "cannot count filtered items");
	sqlite3_finalize(st);
	return n;
}

/* ---- Items before they are stored ---- */

/* The one-row "i" a FILTER_CANDIDATE condition reads: the columns of
 * items it uses, and the enclosures as columns. */
#define CANDIDATE_ROW \
	" FROM (SELECT NULL AS id, :c_feed AS feed_id, :c_guid AS guid," \
	" :c_title AS title, :c_link AS link, :c_author AS author," \
	" :c_summary AS summary, :c_content AS content, NULL AS story," \
	" :c_date AS sort_date, 0 AS read, 0 AS starred," \
	" :c_categories AS categories, :c_enclosure_url AS enclosure_url," \
	" :c_enclosure_type AS enclosure_type) AS i"

static void
bind_named(sqlite3_stmt *st, const char *name, const char *text)
{
	int index;

	if ((index = sqlite3_bind_parameter_index(st, name)) > 0)
		sqlite3_bind_text(st, index, text, -1, SQLITE_TRANSIENT);
}

/* The enclosures' URLs (or types) with a space between them. */
static char *
enclosures(const struct item *item, bool types)
{
	struct buf b = BUF_INIT;
	const char *v;
	size_t i;

	for (i = 0; i < item->n_enclosures; i++) {
		v = types ? item->enclosures[i].type : item->enclosures[i].url;
		if (v == NULL || *v == '\0')
			continue;
		if (b.len > 0)
			buf_append_char(&b, ' ');
		buf_append_str(&b, v);
	}
	return buf_detach(&b);
}

int
store_item_matches(struct store *s, const struct filter_sql *cond, int64_t feed_id,
    const struct item *item)
{
	struct buf sql = BUF_INIT;
	sqlite3_stmt *st;
	char *guid, *cats, *urls, *types;
	int64_t date;
	int rc, result = -1, index;

	buf_appendf(&sql, "SELECT %s%s", buf_str(&cond->sql), CANDIDATE_ROW);
	if (s->candidate == NULL || strcmp(s->candidate_sql, buf_str(&sql)) != 0) {
		store_filter_close(s);
		if (sqlite3_prepare_v3(s->db, buf_str(&sql), -1, SQLITE_PREPARE_PERSISTENT,
		    &s->candidate, NULL) != SQLITE_OK) {
			store_set_db_error(s, "cannot test an item against ignore-article");
			sqlite3_finalize(s->candidate);
			s->candidate = NULL;
			buf_free(&sql);
			return -1;
		}
		s->candidate_sql = buf_detach(&sql);
	}
	buf_free(&sql);
	st = s->candidate;
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	filter_sql_bind(cond, st, store_now(s));

	date = item->published != DATE_NONE ? item->published :
	    item->updated != DATE_NONE ? item->updated : store_now(s);
	guid = item_identity(item);
	cats = store_items_categories(item);
	urls = enclosures(item, false);
	types = enclosures(item, true);
	if ((index = sqlite3_bind_parameter_index(st, ":c_feed")) > 0)
		sqlite3_bind_int64(st, index, feed_id);
	if ((index = sqlite3_bind_parameter_index(st, ":c_date")) > 0)
		sqlite3_bind_int64(st, index, date);
	bind_named(st, ":c_guid", guid != NULL ? guid : "");
	bind_named(st, ":c_title", item->title);
	bind_named(st, ":c_link", item->link);
	bind_named(st, ":c_author", item->author);
	bind_named(st, ":c_summary", item->summary);
	bind_named(st, ":c_content", item->content);
	bind_named(st, ":c_categories", cats);
	bind_named(st, ":c_enclosure_url", urls);
	bind_named(st, ":c_enclosure_type", types);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		result = sqlite3_column_int(st, 0) != 0;
	else
		store_set_db_error(s, "cannot test an item against ignore-article");
	sqlite3_reset(st);
	free(guid);
	free(cats);
	free(urls);
	free(types);
	return result;
}

/* ---- Query feeds ---- */

int64_t
store_add_query(struct store *s, const char *name, const char *expression,
    const char *const *tags, size_t n_tags)
{
	sqlite3_stmt *st = NULL;
	struct buf joined = BUF_INIT;
	int64_t id = -1;
	size_t i;
	int rc;

	for (i = 0; i < n_tags; i++) {
		if (tags[i] == NULL || tags[i][0] == '\0')
			continue;
		if (joined.len > 0)
			buf_append_char(&joined, '\n');
		buf_append_str(&joined, tags[i]);
	}
	if (sqlite3_prepare_v2(s->db, "INSERT INTO queries (name, expression, tags,"
	    " added) VALUES (?1, ?2, ?3, ?4)", -1, &st, NULL) != SQLITE_OK) {
		store_set_db_error(s, "cannot save the query feed");
		goto out;
	}
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, expression, -1, SQLITE_STATIC);
	if (joined.len > 0)
		sqlite3_bind_text(st, 3, buf_str(&joined), -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 4, store_now(s));
	if ((rc = sqlite3_step(st)) == SQLITE_DONE)
		id = sqlite3_last_insert_rowid(s->db);
	else if (rc == SQLITE_CONSTRAINT_UNIQUE)
		store_set_error(s, "a query feed \"%s\" exists already", name);
	else
		store_set_db_error(s, "cannot save the query feed");
out:
	sqlite3_finalize(st);
	buf_free(&joined);
	return id;
}

int
store_remove_query(struct store *s, const char *name)
{
	sqlite3_stmt *st;
	int rc = -1;

	if (sqlite3_prepare_v2(s->db, "DELETE FROM queries WHERE name = ?1", -1, &st,
	    NULL) != SQLITE_OK) {
		store_set_db_error(s, "cannot remove the query feed");
		return -1;
	}
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	if (sqlite3_step(st) != SQLITE_DONE)
		store_set_db_error(s, "cannot remove the query feed");
	else if (sqlite3_changes(s->db) == 0)
		store_set_error(s, "no query feed is called \"%s\"", name);
	else
		rc = 0;
	sqlite3_finalize(st);
	return rc;
}

struct saved_query {
	int64_t	 id;
	char	*name;
	char	*expression;
	char	*tags;
	int64_t	 added;
};

int64_t
store_each_query(struct store *s, int (*fn)(void *, const struct store_query_feed *),
    void *ctx)
{
	sqlite3_stmt *st;
	struct saved_query *all = NULL;
	struct store_query_feed q;
	size_t n = 0, i, j;
	char *p, *tags[64];
	int64_t calls = 0;
	int rc;

	/* Read them all first (a few rows), so that fn may query the store. */
	if (sqlite3_prepare_v2(s->db, "SELECT id, name, expression, tags, added"
	    " FROM queries ORDER BY name COLLATE NOCASE, id", -1, &st, NULL) != SQLITE_OK) {
		store_set_db_error(s, "cannot read the query feeds");
		return -1;
	}
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		all = xreallocarray(all, n + 1, sizeof(*all));
		all[n].id = sqlite3_column_int64(st, 0);
		all[n].name = store_column_strdup(st, 1);
		all[n].expression = store_column_strdup(st, 2);
		all[n].tags = store_column_strdup(st, 3);
		all[n].added = sqlite3_column_int64(st, 4);
		n++;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		store_set_db_error(s, "cannot read the query feeds");
		calls = -1;
	}
	for (i = 0; i < n && calls != -1; i++) {
		memset(&q, 0, sizeof(q));
		q.id = all[i].id;
		q.name = all[i].name != NULL ? all[i].name : "";
		q.expression = all[i].expression != NULL ? all[i].expression : "";
		q.added = all[i].added;
		q.tags = tags;
		for (p = all[i].tags; p != NULL && q.n_tags < 64; ) {
			tags[q.n_tags++] = p;
			if ((p = strchr(p, '\n')) != NULL)
				*p++ = '\0';
		}
		calls++;
		if (fn(ctx, &q) != 0)
			break;
	}
	for (j = 0; j < n; j++) {
		free(all[j].name);
		free(all[j].expression);
		free(all[j].tags);
	}
	free(all);
	return calls;
}
