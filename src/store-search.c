/* store-search.c: the store's full-text search index: entries queued
 * during a transaction and written at its end, and words turned into FTS5
 * queries. Not the plans that answer a search (store-views.c). */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "ascii.h"
#include "buf.h"
#include "search-fold.h"
#include "store-internal.h"
#include "text.h"
#include "utf8.h"
#include "xmalloc.h"

static const char *const search_sql[STMT_COUNT] = {
	[STMT_SEARCH_INSERT] =
	    "INSERT INTO items_fts (rowid, " STORE_SEARCH_COLUMNS ") "
	    STORE_SEARCH_ROW " WHERE id = ?1",
	[STMT_SEARCH_DELETE] = "DELETE FROM items_fts WHERE rowid = ?1",
};

#define statement(s, id) store_statement((s), (id), search_sql[(id)])

/* tidings_search_fold(TEXT): the text as the index holds it. */
static void
fold_function(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const char *text = (const char *)sqlite3_value_text(argv[0]);
	char *folded;

	(void)argc;
	if (text == NULL || *text == '\0') {
		sqlite3_result_null(ctx);
		return;
	}
	folded = xstrdup(text);
	search_fold(folded);
	sqlite3_result_text(ctx, folded, -1, free);
}

/* tidings_search_text(HTML): its plain text, folded, so that markup and
 * attribute values never match. */
static void
text_function(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const char *html = (const char *)sqlite3_value_text(argv[0]);
	char *text;

	(void)argc;
	if (html == NULL || *html == '\0' || (text = text_from_html(html)) == NULL) {
		sqlite3_result_null(ctx);
		return;
	}
	search_fold(text);
	sqlite3_result_text(ctx, text, -1, free);
}

int
store_search_register(sqlite3 *db)
{
	int flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS;

	if (sqlite3_create_function(db, "tidings_search_fold", 1, flags, NULL,
	    fold_function, NULL, NULL) != SQLITE_OK ||
	    sqlite3_create_function(db, "tidings_search_text", 1, flags, NULL,
	    text_function, NULL, NULL) != SQLITE_OK)
		return -1;
	return 0;
}

static int
write_entry(struct store *s, const struct search_entry *e)
{
	sqlite3_stmt *st;

	if (e->replace) {
		if ((st = statement(s, STMT_SEARCH_DELETE)) == NULL)
			return -1;
		sqlite3_bind_int64(st, 1, e->id);
		if (store_step_done(s, st, "cannot update the search index") == -1)
			return -1;
	}
	/* An item deleted since (by raw SQL, say) selects no row: no entry. */
	if ((st = statement(s, STMT_SEARCH_INSERT)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, e->id);
	return store_step_done(s, st, "cannot update the search index");
}

int
store_flush_search(struct store *s)
{
	size_t i;
	int rc = 0;

	for (i = 0; i < s->n_pending; i++) {
		if (rc == 0 && write_entry(s, &s->pending[i]) == -1)
			rc = -1;
	}
	s->n_pending = 0;
	return rc;
}

void
store_discard_search(struct store *s)
{
	s->n_pending = 0;
}

/* Queue the search entry of item id; the end of the transaction (or of
 * the upsert's own savepoint) writes it from the item's row. */
void
store_queue_search(struct store *s, int64_t item_id, bool replace)
{
	/* Grow by doubling: a refresh of a large feed queues thousands. */
	if (s->n_pending == s->pending_size) {
		s->pending_size = s->pending_size == 0 ? 64 : s->pending_size * 2;
		s->pending = xreallocarray(s->pending, s->pending_size,
		    sizeof(*s->pending));
	}
	s->pending[s->n_pending].id = item_id;
	s->pending[s->n_pending].replace = replace;
	s->n_pending++;
}

/* The number of characters in the UTF-8 text from p to end; a byte that
 * starts no character counts as one. */
static size_t
characters(const char *p, const char *end)
{
	const unsigned char *u = (const unsigned char *)p;
	unsigned long cp;
	size_t n = 0, len;

	for (; u < (const unsigned char *)end; u += len, n++) {
		if ((len = utf8_decode(u, (size_t)((const unsigned char *)end - u), &cp)) == 0)
			len = 1;
	}
	return n;
}

/* The words of a search as an FTS5 query: each word quoted, as a prefix
 * or not. A word of one character is always whole: as a prefix it would
 * match nearly every item, slowly. */
char *
store_fts_query(const char *words, bool prefix)
{
	struct buf b = BUF_INIT;
	const char *p, *end;
	bool star;

	if (words == NULL)
		return NULL;
	for (p = words; *p != '\0'; p = end) {
		while (*p != '\0' && ascii_is_space((unsigned char)*p))
			p++;
		if (*p == '\0')
			break;
		for (end = p; *end != '\0' && !ascii_is_space((unsigned char)*end); end++)
			;
		/* An FTS5 string is "..." with "" for a quote inside; a
		 * string followed by * is a prefix query (FTS5 section 3.3);
		 * strings side by side must all match (implicit AND). */
		if (b.len > 0)
			buf_append_char(&b, ' ');
		star = prefix && characters(p, end) > 1;
		buf_append_char(&b, '"');
		for (; p < end; p++) {
			if (*p == '"')
				buf_append_char(&b, '"');
			buf_append_char(&b, *p);
		}
		buf_append_str(&b, star ? "\"*" : "\"");
	}
	if (b.len == 0) {
		buf_free(&b);
		return NULL;
	}
	/* Typed as the index holds it: "ντέρμπι" and "ντερμπι" are one word. */
	search_fold(b.data);
	return buf_detach(&b);
}

char *
store_search_query(const char *words)
{
	return store_fts_query(words, true);
}
