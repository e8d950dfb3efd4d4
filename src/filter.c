/* filter.c: the filter language's lexer and recursive-descent parser, from
 * text to a tree. What the tree means is filter-sql.c's business.
 *
 * The grammar is newsboat's (its filterparser.rs):
 *
 *	expression = term [("and" | "or") expression]
 *	term       = "(" expression ")" | comparison
 *	comparison = attribute operator value
 *	operator   = "=~" | "==" | "=" | "!~" | "!=" | "<=" | ">=" | "<" | ">"
 *	           | "between" | "#" | "!#"
 *	value      = '"' chars '"' | number ":" number | number
 *
 * "and" and "or" bind equally and group from the right, as in newsboat:
 * a and b or c means a and (b or c). Inside quotes a backslash escapes the
 * next character. */
#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ascii.h"
#include "buf.h"
#include "filter-internal.h"
#include "xmalloc.h"

/* Bounds that keep the recursion and the SQL it compiles to (SQLite allows
 * an expression tree 1000 deep) small whatever the input. */
#define MAX_NESTING 32
#define MAX_COMPARISONS 200

struct parser {
	const char		*text;
	const char		*p;
	int			 depth;
	int			 comparisons;
	struct filter_error	*error;
};

void
filter_set_error(struct filter_error *error, size_t column, const char *fmt, ...)
{
	va_list ap;

	if (error == NULL)
		return;
	error->column = column;
	va_start(ap, fmt);
	vsnprintf(error->message, sizeof(error->message), fmt, ap);
	va_end(ap);
}

static size_t
column(const struct parser *ps, const char *at)
{
	return (size_t)(at - ps->text) + 1;
}

static void
fail(struct parser *ps, const char *at, const char *expected)
{
	filter_set_error(ps->error, column(ps, at), "expected %s", expected);
}

static void
skip_space(struct parser *ps)
{
	while (*ps->p == ' ' || *ps->p == '\t')
		ps->p++;
}

static void
node_free(struct filter_node *n)
{
	if (n == NULL)
		return;
	node_free(n->left);
	node_free(n->right);
	free(n->attribute);
	free(n->raw);
	free(n->text);
	free(n);
}

static bool
is_attribute_char(char c)
{
	return ascii_is_alnum((unsigned char)c) || c == '_' || c == '-' || c == '.';
}

/* -?[0-9]+ at p, into *n; the end, or NULL when there is no number. */
static const char *
number(const char *p, int64_t *n, bool *overflow)
{
	const char *start = p;
	long long v;
	char *end;

	if (*p == '-')
		p++;
	if (!ascii_is_digit((unsigned char)*p))
		return NULL;
	while (ascii_is_digit((unsigned char)*p))
		p++;
	errno = 0;
	v = strtoll(start, &end, 10);
	*overflow = errno == ERANGE;
	*n = v;
	return p;
}

/* The operators, longest first where one is a prefix of another. */
static const struct {
	const char	*text;
	enum filter_op	 op;
} operators[] = {
	{ "=~", OP_MATCH },
	{ "==", OP_EQ },
	{ "=", OP_EQ },
	{ "!~", OP_NOT_MATCH },
	{ "!=", OP_NE },
	{ "!#", OP_NOT_CONTAINS },
	{ "<=", OP_LE },
	{ ">=", OP_GE },
	{ "<", OP_LT },
	{ ">", OP_GT },
	{ "between", OP_BETWEEN },
	{ "#", OP_CONTAINS },
};

static int
parse_value(struct parser *ps, struct filter_node *n)
{
	const char *start = ps->p, *p, *end;
	struct buf raw = BUF_INIT, text = BUF_INIT;
	bool overflow = false;

	n->value_column = column(ps, start);
	if (*start == '"') {
		for (p = start + 1; *p != '"'; p++) {
			if (*p == '\0') {
				fail(ps, start, "a closing '\"' for the string starting here");
				goto fail;
			}
			if (*p == '\\' && p[1] != '\0') {
				buf_append_char(&raw, *p++);
				buf_append_char(&raw, *p);
				buf_append_char(&text, *p);
				continue;
			}
			buf_append_char(&raw, *p);
			buf_append_char(&text, *p);
		}
		n->value_type = VALUE_STRING;
		n->raw = buf_detach(&raw);
		n->text = buf_detach(&text);
		if (n->raw == NULL)
			n->raw = xstrdup("");
		if (n->text == NULL)
			n->text = xstrdup("");
		ps->p = p + 1;
		return 0;
	}
	if ((end = number(start, &n->low, &overflow)) == NULL) {
		fail(ps, start, "a value: a string in double quotes, a number, or a "
		    "range such as 1:10");
		return -1;
	}
	n->value_type = VALUE_NUMBER;
	if (*end == ':' && !overflow) {
		if ((p = number(end + 1, &n->high, &overflow)) == NULL) {
			fail(ps, end + 1, "a number ending the range");
			return -1;
		}
		n->value_type = VALUE_RANGE;
		end = p;
	}
	if (overflow) {
		filter_set_error(ps->error, column(ps, start), "number out of range");
		return -1;
	}
	n->raw = xstrndup(start, (size_t)(end - start));
	n->text = xstrdup(n->raw);
	ps->p = end;
	return 0;

fail:
	buf_free(&raw);
	buf_free(&text);
	return -1;
}

static struct filter_node *
parse_comparison(struct parser *ps)
{
	struct filter_node *n;
	const char *start = ps->p;
	size_t i, len;

	if (!is_attribute_char(*start)) {
		fail(ps, start, *start == '\0' ? "an attribute name (the expression "
		    "ends early)" : "an attribute name");
		return NULL;
	}
	if (++ps->comparisons > MAX_COMPARISONS) {
		filter_set_error(ps->error, column(ps, start), "at most %d comparisons "
		    "in one expression", MAX_COMPARISONS);
		return NULL;
	}
	while (is_attribute_char(*ps->p))
		ps->p++;
	n = xcalloc(1, sizeof(*n));
	n->type = NODE_COMPARE;
	n->attribute = xstrndup(start, (size_t)(ps->p - start));
	n->attribute_column = column(ps, start);
	skip_space(ps);
	for (i = 0; i < sizeof(operators) / sizeof(operators[0]); i++) {
		len = strlen(operators[i].text);
		if (strncmp(ps->p, operators[i].text, len) == 0)
			break;
	}
	if (i == sizeof(operators) / sizeof(operators[0])) {
		fail(ps, ps->p, "an operator: one of =~, ==, =, !~, !=, <=, >=, <, >, "
		    "between, #, !#");
		node_free(n);
		return NULL;
	}
	n->op = operators[i].op;
	n->op_column = column(ps, ps->p);
	ps->p += len;
	skip_space(ps);
	if (parse_value(ps, n) == -1) {
		node_free(n);
		return NULL;
	}
	return n;
}

static struct filter_node *parse_expression(struct parser *ps);

static struct filter_node *
parse_term(struct parser *ps)
{
	struct filter_node *n;
	const char *open;

	skip_space(ps);
	if (*ps->p != '(')
		return parse_comparison(ps);
	if (++ps->depth > MAX_NESTING) {
		filter_set_error(ps->error, column(ps, ps->p), "at most %d nested "
		    "parentheses", MAX_NESTING);
		return NULL;
	}
	open = ps->p++;
	if ((n = parse_expression(ps)) == NULL)
		return NULL;
	skip_space(ps);
	if (*ps->p != ')') {
		filter_set_error(ps->error, column(ps, ps->p), "expected \"and\", \"or\" "
		    "or ')' closing the '(' at column %zu", column(ps, open));
		node_free(n);
		return NULL;
	}
	ps->p++;
	ps->depth--;
	return n;
}

/* "and" or "or" at p, followed by a space or a '(' (newsboat asks that:
 * "a=1andb=2" is refused) or the end (then the missing term is named):
 * the operator's node type, or -1. */
static int
logical(const char *p, size_t *len)
{
	const char *after;
	int type;

	if (strncmp(p, "and", 3) == 0) {
		type = NODE_AND;
		*len = 3;
	} else if (strncmp(p, "or", 2) == 0) {
		type = NODE_OR;
		*len = 2;
	} else
		return -1;
	for (after = p + *len; *after == ' ' || *after == '\t'; after++)
		;
	if (after == p + *len && *after != '(' && *after != '\0')
		return -1;
	return type;
}

/* A chain of terms joined by "and"/"or", folded from the right; iterative,
 * so a long chain costs no stack. */
static struct filter_node *
parse_expression(struct parser *ps)
{
	struct filter_node **terms = NULL, *n;
	int *ops = NULL, type;
	size_t count = 0, size = 0, len, i;

	for (;;) {
		if (count == size) {
			size = size ? size * 2 : 8;
			terms = xreallocarray(terms, size, sizeof(*terms));
			ops = xreallocarray(ops, size, sizeof(*ops));
		}
		if ((terms[count] = parse_term(ps)) == NULL)
			goto fail;
		count++;
		skip_space(ps);
		if ((type = logical(ps->p, &len)) == -1)
			break;
		ops[count - 1] = type;
		ps->p += len;
		skip_space(ps);
	}
	n = terms[count - 1];
	for (i = count - 1; i > 0; i--) {
		struct filter_node *parent = xcalloc(1, sizeof(*parent));

		parent->type = ops[i - 1];
		parent->left = terms[i - 1];
		parent->right = n;
		n = parent;
	}
	free(terms);
	free(ops);
	return n;

fail:
	for (i = 0; i < count; i++)
		node_free(terms[i]);
	free(terms);
	free(ops);
	return NULL;
}

struct filter *
filter_parse(const char *text, struct filter_error *error)
{
	struct parser ps = { text, text, 0, 0, error };
	struct filter_node *root;
	struct filter *f;

	if (error != NULL) {
		error->column = 0;
		error->message[0] = '\0';
	}
	if (text == NULL) {
		filter_set_error(error, 1, "expected an expression");
		return NULL;
	}
	if ((root = parse_expression(&ps)) == NULL)
		return NULL;
	skip_space(&ps);
	if (*ps.p != '\0') {
		fail(&ps, ps.p, *ps.p == ')' ? "the end: this ')' closes nothing" :
		    "\"and\", \"or\" or the end");
		node_free(root);
		return NULL;
	}
	f = xcalloc(1, sizeof(*f));
	f->root = root;
	return f;
}

void
filter_free(struct filter **fp)
{
	if (fp == NULL || *fp == NULL)
		return;
	node_free((*fp)->root);
	free(*fp);
	*fp = NULL;
}
