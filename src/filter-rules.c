/* filter-rules.c: killfiles: the config's ignore-article rules (newsboat's
 * syntax), compiled to one condition for the store to hide items by
 * (ignore-mode display) or for a refresh to drop them before they are
 * stored (ignore-mode download). The language itself is filter.c's. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "filter-internal.h"
#include "store.h"
#include "xmalloc.h"

enum scope {
	SCOPE_ALL,	/* "*" */
	SCOPE_URL,	/* one feed, by URL */
	SCOPE_REGEX,	/* "regex:" and a pattern over the feed's URL */
};

struct rule {
	enum scope	 scope;
	char		*feed;		/* the URL or the pattern */
	char		*text;		/* the expression as written */
	struct filter	*expr;
};

struct filter_rules {
	struct rule		*rules;
	size_t			 n, size;
	enum filter_ignore_mode	 mode;
	/* The condition a refresh tests items with, compiled on first use. */
	struct filter_sql	 candidate;
	bool			 compiled;
};

struct filter_rules *
filter_rules_new(void)
{
	struct filter_rules *r = xcalloc(1, sizeof(*r));

	filter_sql_init(&r->candidate);
	return r;
}

void
filter_rules_free(struct filter_rules **rp)
{
	struct filter_rules *r;
	size_t i;

	if (rp == NULL || (r = *rp) == NULL)
		return;
	for (i = 0; i < r->n; i++) {
		free(r->rules[i].feed);
		free(r->rules[i].text);
		filter_free(&r->rules[i].expr);
	}
	free(r->rules);
	filter_sql_clear(&r->candidate);
	free(r);
	*rp = NULL;
}

size_t
filter_rules_count(const struct filter_rules *r)
{
	return r != NULL ? r->n : 0;
}

void
filter_rules_set_mode(struct filter_rules *r, enum filter_ignore_mode mode)
{
	if (r != NULL)
		r->mode = mode;
}

enum filter_ignore_mode
filter_rules_mode(const struct filter_rules *r)
{
	return r != NULL ? r->mode : FILTER_IGNORE_DOWNLOAD;
}

/* One argument of a config line at *p: a word, or a string in double
 * quotes where \" and \\ stand for " and \ (other backslashes stay, for the
 * regular expressions inside). Owned; NULL with err filled. */
static char *
argument(const char **pp, char *err, size_t errsize)
{
	const char *p = *pp;
	struct buf b = BUF_INIT;

	while (*p == ' ' || *p == '\t')
		p++;
	if (*p == '\0' || *p == '#') {
		snprintf(err, errsize, "ignore-article: expected a feed (a URL, * or "
		    "regex:PATTERN) and an expression");
		return NULL;
	}
	if (*p != '"') {
		while (*p != '\0' && *p != ' ' && *p != '\t')
			buf_append_char(&b, *p++);
	} else {
		for (p++; *p != '"'; p++) {
			if (*p == '\0') {
				snprintf(err, errsize, "ignore-article: missing closing quote");
				buf_free(&b);
				return NULL;
			}
			if (*p == '\\' && (p[1] == '"' || p[1] == '\\'))
				p++;
			buf_append_char(&b, *p);
		}
		p++;
	}
	*pp = p;
	if (b.len == 0)
		return xstrdup("");
	return buf_detach(&b);
}

int
filter_rules_add(struct filter_rules *r, const char *args, char *err, size_t errsize)
{
	struct filter_error error;
	struct filter_sql check;
	struct rule rule;
	const char *p = args;
	char *feed, *text;
	int rc;

	if ((feed = argument(&p, err, errsize)) == NULL)
		return -1;
	if ((text = argument(&p, err, errsize)) == NULL) {
		free(feed);
		return -1;
	}
	while (*p == ' ' || *p == '\t')
		p++;
	if (*p != '\0' && *p != '#') {
		snprintf(err, errsize, "ignore-article: more than a feed and an "
		    "expression (quote the expression)");
		goto fail;
	}
	memset(&rule, 0, sizeof(rule));
	rule.scope = strcmp(feed, "*") == 0 ? SCOPE_ALL :
	    strncmp(feed, "regex:", 6) == 0 ? SCOPE_REGEX : SCOPE_URL;
	if ((rule.expr = filter_parse(text, &error)) == NULL) {
		snprintf(err, errsize, "ignore-article: \"%s\": column %zu: %s", text,
		    error.column, error.message);
		goto fail;
	}
	/* Unknown attributes and broken regular expressions show now, not
	 * at the first refresh. */
	filter_sql_init(&check);
	rc = filter_sql_compile(&check, rule.expr, FILTER_STORED, &error);
	filter_sql_clear(&check);
	if (rc == -1) {
		snprintf(err, errsize, "ignore-article: \"%s\": column %zu: %s", text,
		    error.column, error.message);
		filter_free(&rule.expr);
		goto fail;
	}
	rule.feed = rule.scope == SCOPE_REGEX ? xstrdup(feed + 6) : feed;
	if (rule.scope == SCOPE_REGEX)
		free(feed);
	rule.text = text;
	if (r->n == r->size) {
		r->size = r->size ? r->size * 2 : 4;
		r->rules = xreallocarray(r->rules, r->size, sizeof(*r->rules));
	}
	r->rules[r->n++] = rule;
	r->compiled = false;
	return 0;

fail:
	free(feed);
	free(text);
	return -1;
}

int
filter_rules_compile(const struct filter_rules *r, struct filter_sql *q,
    enum filter_context context, char *err, size_t errsize)
{
	struct filter_error error;
	size_t i;

	if (filter_rules_count(r) == 0) {
		filter_sql_append(q, "(0)");
		return 0;
	}
	filter_sql_append(q, "(");
	for (i = 0; i < r->n; i++) {
		const struct rule *rule = &r->rules[i];

		filter_sql_append(q, i > 0 ? " OR (" : "(");
		if (rule->scope == SCOPE_URL) {
			filter_sql_append(q, "(SELECT url FROM feeds WHERE id = i.feed_id) = ");
			filter_sql_append_text(q, rule->feed);
			filter_sql_append(q, " AND ");
		} else if (rule->scope == SCOPE_REGEX) {
			filter_sql_append(q, "tidings_regexp(");
			filter_sql_append_text(q, rule->feed);
			filter_sql_append(q, ", (SELECT url FROM feeds WHERE id = i.feed_id)) AND ");
		}
		if (filter_sql_compile(q, rule->expr, context, &error) == -1) {
			snprintf(err, errsize, "ignore-article \"%s\": column %zu: %s",
			    rule->text, error.column, error.message);
			return -1;
		}
		filter_sql_append(q, ")");
	}
	filter_sql_append(q, ")");
	return 0;
}

int
filter_rules_check(struct filter_rules *r, char *err, size_t errsize)
{
	if (filter_rules_count(r) == 0 || r->mode != FILTER_IGNORE_DOWNLOAD)
		return 0;
	filter_sql_clear(&r->candidate);
	if (filter_rules_compile(r, &r->candidate, FILTER_CANDIDATE, err, errsize) == -1) {
		filter_sql_clear(&r->candidate);
		return -1;
	}
	r->compiled = true;
	return 0;
}

int
filter_rules_drop(struct filter_rules *r, struct store *s, int64_t feed_id,
    const struct item *item)
{
	char err[256];

	if (filter_rules_count(r) == 0 || r->mode != FILTER_IGNORE_DOWNLOAD)
		return 0;
	if (!r->compiled && filter_rules_check(r, err, sizeof(err)) == -1)
		return -1;
	return store_item_matches(s, &r->candidate, feed_id, item);
}

int
filter_view_compile(struct filter_sql *q, const struct filter *expr,
    const struct filter_rules *r, bool ignored, char *err, size_t errsize)
{
	struct filter_error error;
	bool hide = filter_rules_count(r) > 0 && r->mode == FILTER_IGNORE_DISPLAY;

	if (expr != NULL) {
		if (filter_sql_compile(q, expr, FILTER_STORED, &error) == -1) {
			snprintf(err, errsize, "column %zu: %s", error.column, error.message);
			return -1;
		}
	}
	if (ignored) {
		if (expr != NULL)
			filter_sql_append(q, " AND ");
		if (!hide) {
			filter_sql_append(q, "(0)");
			return 0;
		}
		return filter_rules_compile(r, q, FILTER_STORED, err, errsize);
	}
	if (!hide)
		return 0;
	filter_sql_append(q, expr != NULL ? " AND NOT " : "NOT ");
	return filter_rules_compile(r, q, FILTER_STORED, err, errsize);
}

struct filter_sql *
filter_view_new(const struct filter_rules *r)
{
	struct filter_sql *q;
	char err[256];

	if (filter_rules_count(r) == 0 || r->mode != FILTER_IGNORE_DISPLAY)
		return NULL;
	q = xmalloc(sizeof(*q));
	filter_sql_init(q);
	/* The rules compiled when the config was read: this cannot fail. */
	if (filter_view_compile(q, NULL, r, false, err, sizeof(err)) == -1) {
		filter_sql_free(&q);
		return NULL;
	}
	return q;
}

void
filter_sql_free(struct filter_sql **q)
{
	if (q == NULL || *q == NULL)
		return;
	filter_sql_clear(*q);
	free(*q);
	*q = NULL;
}
