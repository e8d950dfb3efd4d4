/* filter-sql.c: a filter tree compiled to an SQL condition over an items
 * row "i", every value a bound parameter (nothing from the expression is
 * pasted into the SQL), and the regular-expression function the condition
 * calls. Parsing is filter.c's; running the SQL is the store's.
 *
 * Semantics follow newsboat's matcher: = compares text exactly; <, >, <=,
 * >= and between compare the leading whole numbers of both sides (0 when
 * there is none); =~ is a POSIX extended regular expression ignoring case;
 * # is "one of the space-separated words is exactly". Every attribute's
 * value is text or a number, never NULL, so NOT and != are exact. */
#include "config.h"

#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "filter-internal.h"
#include "store.h"
#include "xmalloc.h"

enum attribute_kind {
	KIND_TEXT,
	KIND_NUMBER,
	KIND_DATE,	/* text: ISO 8601 in UTC; <, > and the like: the time */
	KIND_TAGS,	/* the feed's tags; # tests one tag */
	KIND_CATEGORIES,	/* the item's categories; # tests one */
	KIND_SEARCH,	/* the full-text index */
};

#define FEED_COLUMN(column) \
	"(SELECT " column " FROM feeds WHERE id = i.feed_id)"
#define ENCLOSURES(column) \
	"coalesce((SELECT group_concat(" column ", ' ') FROM (SELECT " column \
	" FROM enclosures WHERE item_id = i.id ORDER BY position)), '')"

struct attribute {
	const char		*name;
	enum attribute_kind	 kind;
	const char		*stored;	/* its value in FILTER_STORED */
	const char		*candidate;	/* in FILTER_CANDIDATE; NULL: the same */
};

/* Sorted by name, for bsearch. */
static const struct attribute attributes[] = {
	{ "age", KIND_NUMBER, "((:now - i.sort_date) / 86400)", NULL },
	{ "author", KIND_TEXT, "coalesce(i.author, '')", NULL },
	{ "category", KIND_CATEGORIES, "replace(coalesce(i.categories, ''), char(10), ' ')",
	    NULL },
	{ "content", KIND_TEXT, "coalesce(i.content, i.summary, '')", NULL },
	{ "date", KIND_DATE, "strftime('%Y-%m-%dT%H:%M:%SZ', i.sort_date, 'unixepoch')",
	    NULL },
	{ "description", KIND_TEXT, "coalesce(" FEED_COLUMN("description") ", '')", NULL },
	{ "enclosure_type", KIND_TEXT, ENCLOSURES("type"), "coalesce(i.enclosure_type, '')" },
	{ "enclosure_url", KIND_TEXT, ENCLOSURES("url"), "coalesce(i.enclosure_url, '')" },
	{ "feedlink", KIND_TEXT, "coalesce(" FEED_COLUMN("link") ", '')", NULL },
	{ "feedtitle", KIND_TEXT,
	    "coalesce(" FEED_COLUMN("coalesce(user_title, title, url)") ", '')", NULL },
	{ "feedurl", KIND_TEXT, "coalesce(" FEED_COLUMN("url") ", '')", NULL },
	/* tidings has no flags: an item's are always empty. */
	{ "flags", KIND_TEXT, "''", NULL },
	{ "guid", KIND_TEXT, "i.guid", NULL },
	{ "link", KIND_TEXT, "coalesce(i.link, '')", NULL },
	{ "rssurl", KIND_TEXT, "coalesce(" FEED_COLUMN("url") ", '')", NULL },
	{ "search", KIND_SEARCH, NULL, NULL },
	{ "starred", KIND_TEXT, "CASE WHEN i.starred = 1 THEN 'yes' ELSE 'no' END", NULL },
	{ "story", KIND_TEXT, "coalesce(i.story, '')", NULL },
	{ "summary", KIND_TEXT, "coalesce(i.summary, '')", NULL },
	{ "tags", KIND_TAGS,
	    "coalesce((SELECT group_concat(tag, ' ') FROM (SELECT tag FROM feed_tags"
	    " WHERE feed_id = i.feed_id ORDER BY tag)), '')", NULL },
	{ "title", KIND_TEXT, "coalesce(i.title, '')", NULL },
	{ "total_count", KIND_NUMBER, "coalesce(" FEED_COLUMN("item_count") ", 0)", NULL },
	{ "unread", KIND_TEXT, "CASE WHEN i.read = 0 THEN 'yes' ELSE 'no' END", NULL },
	{ "unread_count", KIND_NUMBER, "coalesce(" FEED_COLUMN("unread_count") ", 0)", NULL },
};

#define N_ATTRIBUTES (sizeof(attributes) / sizeof(attributes[0]))

static int
by_name(const void *key, const void *element)
{
	return strcmp(key, ((const struct attribute *)element)->name);
}

void
filter_sql_init(struct filter_sql *q)
{
	memset(q, 0, sizeof(*q));
	q->sql = (struct buf)BUF_INIT;
}

void
filter_sql_clear(struct filter_sql *q)
{
	size_t i;

	buf_free(&q->sql);
	for (i = 0; i < q->n_params; i++)
		free(q->params[i].text);
	free(q->params);
	filter_sql_init(q);
}

void
filter_sql_append(struct filter_sql *q, const char *text)
{
	buf_append_str(&q->sql, text);
}

/* A new parameter; its placeholder is appended to the SQL. */
static struct filter_param *
add_param(struct filter_sql *q)
{
	struct filter_param *p;

	if (q->n_params == q->size) {
		q->size = q->size ? q->size * 2 : 8;
		q->params = xreallocarray(q->params, q->size, sizeof(*q->params));
	}
	p = &q->params[q->n_params++];
	memset(p, 0, sizeof(*p));
	buf_appendf(&q->sql, ":f%zu", q->n_params);
	return p;
}

void
filter_sql_append_text(struct filter_sql *q, const char *value)
{
	add_param(q)->text = xstrdup(value);
}

static void
append_number(struct filter_sql *q, int64_t n)
{
	add_param(q)->number = n;
}

void
filter_sql_bind(const struct filter_sql *q, sqlite3_stmt *st, int64_t now)
{
	char name[32];
	size_t i;
	int index;

	for (i = 0; i < q->n_params; i++) {
		snprintf(name, sizeof(name), ":f%zu", i + 1);
		if ((index = sqlite3_bind_parameter_index(st, name)) == 0)
			continue;
		if (q->params[i].text != NULL)
			sqlite3_bind_text(st, index, q->params[i].text, -1, SQLITE_TRANSIENT);
		else
			sqlite3_bind_int64(st, index, q->params[i].number);
	}
	if ((index = sqlite3_bind_parameter_index(st, ":now")) > 0)
		sqlite3_bind_int64(st, index, now);
}

/* The leading whole number of s, as newsboat reads one (0 if none). */
static int64_t
leading_number(const char *s)
{
	return strtoll(s, NULL, 10);
}

static const char *
comparison_sql(enum filter_op op)
{
	switch (op) {
	case OP_LT:
		return "<";
	case OP_GT:
		return ">";
	case OP_LE:
		return "<=";
	case OP_GE:
		return ">=";
	case OP_NE:
		return "!=";
	default:
		return "=";
	}
}

static bool
negated(enum filter_op op)
{
	return op == OP_NE || op == OP_NOT_MATCH || op == OP_NOT_CONTAINS;
}

static int
compile_search(struct filter_sql *q, const struct filter_node *n,
    enum filter_context context, struct filter_error *error)
{
	char *match;

	if (context == FILTER_CANDIDATE) {
		filter_set_error(error, n->attribute_column, "search is not available "
		    "here: an item is tested before the search index has it");
		return -1;
	}
	if (n->op != OP_EQ && n->op != OP_NE) {
		filter_set_error(error, n->op_column, "search takes = or != and words "
		    "in double quotes");
		return -1;
	}
	/* Each word quoted for FTS5 (store_search_query): the text stays
	 * words, whatever it holds. */
	if ((match = store_search_query(n->text)) == NULL) {
		filter_set_error(error, n->value_column, "search needs a word");
		return -1;
	}
	buf_appendf(&q->sql, "(i.id %sIN (SELECT rowid FROM items_fts WHERE items_fts"
	    " MATCH ", n->op == OP_NE ? "NOT " : "");
	add_param(q)->text = match;
	buf_append_str(&q->sql, "))");
	return 0;
}

static int
check_regex(const struct filter_node *n, struct filter_error *error)
{
	regex_t re;
	char why[160];
	int rc;

	if ((rc = regcomp(&re, n->raw, REG_EXTENDED | REG_ICASE | REG_NOSUB)) != 0) {
		regerror(rc, &re, why, sizeof(why));
		filter_set_error(error, n->value_column, "not a regular expression: %s", why);
		return -1;
	}
	regfree(&re);
	return 0;
}

/* unread and starred against "yes" or "no" as the store's partial indexes
 * are written ("read = 0", "starred = 1"), so that they can serve: true
 * when so written. */
static bool
compile_state(struct filter_sql *q, const struct attribute *a,
    const struct filter_node *n)
{
	bool unread = strcmp(a->name, "unread") == 0, yes;

	if ((!unread && strcmp(a->name, "starred") != 0) ||
	    (strcmp(n->text, "yes") != 0 && strcmp(n->text, "no") != 0))
		return false;
	yes = (strcmp(n->text, "yes") == 0) == (n->op == OP_EQ);
	if (unread)
		buf_append_str(&q->sql, yes ? "(i.read = 0)" : "(i.read != 0)");
	else
		buf_append_str(&q->sql, yes ? "(i.starred = 1)" : "(i.starred != 1)");
	return true;
}

/* age against a number as a range of dates, which the date index serves:
 * with age the whole days since the date, rounded toward zero, age < n
 * (n >= 1) is exactly "dated after now - n days", and age > n (n >= 0)
 * "dated at or before now - (n + 1) days"; <= and >= are those shifted by
 * one. True when so written. */
static bool
compile_age(struct filter_sql *q, const struct filter_node *n)
{
	int64_t days;
	bool before;

	if (n->value_type != VALUE_NUMBER || n->low > 100000000 || n->low < -100000000)
		return false;
	switch (n->op) {
	case OP_LT:
		days = n->low;
		before = false;
		break;
	case OP_LE:
		days = n->low + 1;
		before = false;
		break;
	case OP_GT:
		days = n->low + 1;
		before = true;
		break;
	case OP_GE:
		days = n->low;
		before = true;
		break;
	default:
		return false;
	}
	if (days < 1)
		return false;
	buf_append_str(&q->sql, before ? "(i.sort_date <= :now - " : "(i.sort_date > :now - ");
	append_number(q, days * 86400);
	buf_append_char(&q->sql, ')');
	return true;
}

static int
compile_compare(struct filter_sql *q, const struct filter_node *n,
    enum filter_context context, struct filter_error *error)
{
	const struct attribute *a;
	const char *value, *not;
	int64_t low, high, when;

	a = bsearch(n->attribute, attributes, N_ATTRIBUTES, sizeof(attributes[0]), by_name);
	if (a == NULL) {
		filter_set_error(error, n->attribute_column, "unknown attribute '%s'",
		    n->attribute);
		return -1;
	}
	if (a->kind == KIND_SEARCH)
		return compile_search(q, n, context, error);
	value = context == FILTER_CANDIDATE && a->candidate != NULL ? a->candidate : a->stored;
	not = negated(n->op) ? "NOT " : "";
	if ((n->op == OP_EQ || n->op == OP_NE) && compile_state(q, a, n))
		return 0;
	if (strcmp(a->name, "age") == 0 && compile_age(q, n))
		return 0;

	switch (n->op) {
	case OP_EQ:
	case OP_NE:
		buf_appendf(&q->sql, a->kind == KIND_NUMBER ? "(CAST(%s AS TEXT) %s " :
		    "(%s %s ", value, comparison_sql(n->op));
		filter_sql_append_text(q, n->text);
		buf_append_char(&q->sql, ')');
		return 0;
	case OP_MATCH:
	case OP_NOT_MATCH:
		/* As written: a backslash stays for the regular expression. */
		if (check_regex(n, error) == -1)
			return -1;
		buf_appendf(&q->sql, "(%stidings_regexp(", not);
		filter_sql_append_text(q, n->raw);
		buf_appendf(&q->sql, ", %s))", value);
		return 0;
	case OP_CONTAINS:
	case OP_NOT_CONTAINS:
		/* No word is empty or holds a space: such a value is in no list. */
		if (n->text[0] == '\0' || (a->kind != KIND_TAGS &&
		    a->kind != KIND_CATEGORIES && strchr(n->text, ' ') != NULL)) {
			buf_append_str(&q->sql, negated(n->op) ? "(1)" : "(0)");
			return 0;
		}
		if (a->kind == KIND_TAGS) {
			buf_appendf(&q->sql, "(%sEXISTS (SELECT 1 FROM feed_tags WHERE"
			    " feed_id = i.feed_id AND tag = ", not);
			filter_sql_append_text(q, n->text);
			buf_append_str(&q->sql, "))");
		} else if (a->kind == KIND_CATEGORIES) {
			buf_appendf(&q->sql, "(%sinstr(char(10) || coalesce(i.categories, '')"
			    " || char(10), char(10) || ", not);
			filter_sql_append_text(q, n->text);
			buf_append_str(&q->sql, " || char(10)) > 0)");
		} else {
			buf_appendf(&q->sql, "(%sinstr(' ' || %s || ' ', ' ' || ", not, value);
			filter_sql_append_text(q, n->text);
			buf_append_str(&q->sql, " || ' ') > 0)");
		}
		return 0;
	case OP_LT:
	case OP_GT:
	case OP_LE:
	case OP_GE:
		if (a->kind == KIND_DATE) {
			if (n->value_type != VALUE_STRING ||
			    (when = date_parse(n->text)) == DATE_NONE) {
				filter_set_error(error, n->value_column, "a date in double "
				    "quotes, such as \"2024-05-01\" or an RFC 3339 date");
				return -1;
			}
			buf_appendf(&q->sql, "(i.sort_date %s ", comparison_sql(n->op));
			append_number(q, when);
			buf_append_char(&q->sql, ')');
			return 0;
		}
		buf_appendf(&q->sql, a->kind == KIND_NUMBER ? "(%s %s " :
		    "(CAST(%s AS INTEGER) %s ", value, comparison_sql(n->op));
		append_number(q, n->value_type == VALUE_STRING ? leading_number(n->text) :
		    n->low);
		buf_append_char(&q->sql, ')');
		return 0;
	case OP_BETWEEN:
		if (n->value_type != VALUE_RANGE || a->kind == KIND_DATE) {
			filter_set_error(error, n->value_column, a->kind == KIND_DATE ?
			    "a date comparison: between takes numbers (use date >= "
			    "\"...\" and date < \"...\")" : "a range such as 1:10");
			return -1;
		}
		low = n->low < n->high ? n->low : n->high;
		high = n->low < n->high ? n->high : n->low;
		buf_appendf(&q->sql, a->kind == KIND_NUMBER ? "(%s BETWEEN " :
		    "(CAST(%s AS INTEGER) BETWEEN ", value);
		append_number(q, low);
		buf_append_str(&q->sql, " AND ");
		append_number(q, high);
		buf_append_char(&q->sql, ')');
		return 0;
	}
	return -1;
}

static int
compile(struct filter_sql *q, const struct filter_node *n, enum filter_context context,
    struct filter_error *error)
{
	if (n->type == NODE_COMPARE)
		return compile_compare(q, n, context, error);
	buf_append_char(&q->sql, '(');
	if (compile(q, n->left, context, error) == -1)
		return -1;
	buf_append_str(&q->sql, n->type == NODE_AND ? " AND " : " OR ");
	if (compile(q, n->right, context, error) == -1)
		return -1;
	buf_append_char(&q->sql, ')');
	return 0;
}

int
filter_sql_compile(struct filter_sql *q, const struct filter *f,
    enum filter_context context, struct filter_error *error)
{
	if (error != NULL) {
		error->column = 0;
		error->message[0] = '\0';
	}
	return compile(q, f->root, context, error);
}

/* ---- The regular expression function ---- */

static void
regex_free(void *p)
{
	regfree(p);
	free(p);
}

/* tidings_regexp(pattern, text): 1 when the case-insensitive POSIX ERE
 * matches somewhere in text, else 0 (text NULL is ""). The compiled
 * pattern is kept with the statement (auxiliary data of a bound value). */
static void
regexp_function(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const char *pattern, *text;
	regex_t *re;
	bool fresh = false;
	char why[160];
	int rc;

	(void)argc;
	if ((re = sqlite3_get_auxdata(ctx, 0)) == NULL) {
		if ((pattern = (const char *)sqlite3_value_text(argv[0])) == NULL)
			pattern = "";
		re = xmalloc(sizeof(*re));
		if ((rc = regcomp(re, pattern, REG_EXTENDED | REG_ICASE | REG_NOSUB)) != 0) {
			regerror(rc, re, why, sizeof(why));
			free(re);
			sqlite3_result_error(ctx, why, -1);
			return;
		}
		fresh = true;
	}
	if ((text = (const char *)sqlite3_value_text(argv[1])) == NULL)
		text = "";
	sqlite3_result_int(ctx, regexec(re, text, 0, NULL, 0) == 0);
	/* Last: SQLite may free it at once when it cannot keep it. */
	if (fresh)
		sqlite3_set_auxdata(ctx, 0, re, regex_free);
}

int
filter_register(sqlite3 *db)
{
	if (sqlite3_create_function(db, "tidings_regexp", 2, SQLITE_UTF8 |
	    SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, NULL, regexp_function, NULL,
	    NULL) != SQLITE_OK)
		return -1;
	return 0;
}
