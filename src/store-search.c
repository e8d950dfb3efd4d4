/* store-search.c: the store's full-text search index: entries queued
 * during a transaction and written at its end, and words turned into FTS5
 * queries. Not the plans that answer a search (store-views.c). */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "ascii.h"
#include "buf.h"
#include "store-internal.h"
#include "text.h"
#include "utf8.h"
#include "xmalloc.h"

static const char *const search_sql[STMT_COUNT] = {
	[STMT_ITEM_EXISTS] = "SELECT 1 FROM items WHERE id = ?1",
	[STMT_SEARCH_INSERT] =
	    "INSERT INTO items_fts (rowid, title, author, summary, content)"
	    " VALUES (?1, ?2, ?3, ?4, ?5)",
	[STMT_SEARCH_DELETE] = "DELETE FROM items_fts WHERE rowid = ?1",
};

#define statement(s, id) store_statement((s), (id), search_sql[(id)])

static char *
plain_text(const char *html)
{
	if (html == NULL || *html == '\0')
		return NULL;
	return text_from_html(html);
}

static void
clear_entry(struct search_entry *e)
{
	free(e->title);
	free(e->author);
	free(e->summary);
	free(e->content);
	memset(e, 0, sizeof(*e));
}

static int
write_entry(struct store *s, const struct search_entry *e)
{
	sqlite3_stmt *st;
	int rc;

	if (e->replace) {
		if ((st = statement(s, STMT_SEARCH_DELETE)) == NULL)
			return -1;
		sqlite3_bind_int64(st, 1, e->id);
		if (store_step_done(s, st, "cannot update the search index") == -1)
			return -1;
	}
	/* An item deleted since (by raw SQL, say) gets no entry. */
	if ((st = statement(s, STMT_ITEM_EXISTS)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, e->id);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc == SQLITE_DONE)
		return 0;
	if (rc != SQLITE_ROW) {
		store_set_db_error(s, "cannot update the search index");
		return -1;
	}
	if ((st = statement(s, STMT_SEARCH_INSERT)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, e->id);
	store_bind_text(st, 2, e->title);
	store_bind_text(st, 3, e->author);
	store_bind_text(st, 4, e->summary);
	store_bind_text(st, 5, e->content);
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
		clear_entry(&s->pending[i]);
	}
	s->n_pending = 0;
	return rc;
}

void
store_discard_search(struct store *s)
{
	size_t i;

	for (i = 0; i < s->n_pending; i++)
		clear_entry(&s->pending[i]);
	s->n_pending = 0;
}

/* Queue the search entry of item id: title and author as they are, summary
 * and content as plain text (so markup and attribute values never match).
 * The end of the transaction (or of the upsert's own savepoint) writes it. */
void
store_queue_search(struct store *s, int64_t item_id, const struct item *item, bool replace)
{
	struct search_entry e;

	memset(&e, 0, sizeof(e));
	e.id = item_id;
	e.replace = replace;
	if (item->title != NULL && *item->title != '\0')
		e.title = xstrdup(item->title);
	if (item->author != NULL && *item->author != '\0')
		e.author = xstrdup(item->author);
	e.content = plain_text(item->content);
	/* Many feeds repeat the content as the summary: index it once. */
	if (item->summary != NULL && (item->content == NULL ||
	    strcmp(item->summary, item->content) != 0))
		e.summary = plain_text(item->summary);
	/* Grow by doubling: a refresh of a large feed queues thousands. */
	if (s->n_pending == s->pending_size) {
		s->pending_size = s->pending_size == 0 ? 64 : s->pending_size * 2;
		s->pending = xreallocarray(s->pending, s->pending_size,
		    sizeof(*s->pending));
	}
	s->pending[s->n_pending++] = e;
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
	return buf_detach(&b);
}

char *
store_search_query(const char *words)
{
	return store_fts_query(words, true);
}
