/* json.c: the JSON writer: nesting, commas and string escaping, so that no
 * command writes a JSON fragment by hand. Strings may hold any bytes: what
 * a terminal could act on is escaped, and invalid UTF-8 is replaced. */
#include "config.h"

#include <assert.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "json.h"
#include "utf8.h"
#include "xmalloc.h"

/* What the levels stack holds per open container. */
#define LEVEL_ARRAY	0x01	/* else an object */
#define LEVEL_NONEMPTY	0x02	/* a value was written: the next needs a comma */

/* The ASCII bytes that need an escape: controls, '"' and '\\'. Other
 * ASCII is copied in runs; a byte past ASCII starts a character that is
 * looked at (C1 and bidi controls, invalid UTF-8). */
static const unsigned char needs_escape[128] = {
	[0x00] = 1, [0x01] = 1, [0x02] = 1, [0x03] = 1, [0x04] = 1, [0x05] = 1,
	[0x06] = 1, [0x07] = 1, [0x08] = 1, [0x09] = 1, [0x0a] = 1, [0x0b] = 1,
	[0x0c] = 1, [0x0d] = 1, [0x0e] = 1, [0x0f] = 1, [0x10] = 1, [0x11] = 1,
	[0x12] = 1, [0x13] = 1, [0x14] = 1, [0x15] = 1, [0x16] = 1, [0x17] = 1,
	[0x18] = 1, [0x19] = 1, [0x1a] = 1, [0x1b] = 1, [0x1c] = 1, [0x1d] = 1,
	[0x1e] = 1, [0x1f] = 1, ['"'] = 1, ['\\'] = 1, [0x7f] = 1,
};

/* Code points past ASCII written as \uXXXX: the C1 controls and the bidi
 * embeddings, overrides and isolates, which a terminal or an editor showing
 * the output would act on. (The marks LRM, RLM and ALM reorder nothing.) */
static bool
escaped_code_point(unsigned long cp)
{
	return (cp >= 0x80 && cp <= 0x9f) || (cp >= 0x202a && cp <= 0x202e) ||
	    (cp >= 0x2066 && cp <= 0x2069);
}

static void
append_u_escape(struct buf *out, unsigned long cp)
{
	static const char hex[] = "0123456789abcdef";
	char u[6] = { '\\', 'u', hex[(cp >> 12) & 15], hex[(cp >> 8) & 15],
	    hex[(cp >> 4) & 15], hex[cp & 15] };

	buf_append(out, u, sizeof(u));
}

/* Append s as a JSON string literal. */
static void
append_string(struct buf *out, const char *s)
{
	const unsigned char *p, *run;
	unsigned long cp;
	size_t n;

	buf_reserve(out, strlen(s) + 2);
	buf_append_char(out, '"');
	for (p = run = (const unsigned char *)s; *p != '\0'; ) {
		if (*p < 0x80 && !needs_escape[*p]) {
			p++;
			continue;
		}
		if (*p >= 0x80) {
			n = utf8_decode(p, UTF8_TO_NUL, &cp);
			if (n != 0 && !escaped_code_point(cp)) {
				p += n;
				continue;
			}
			buf_append(out, run, (size_t)(p - run));
			if (n == 0) {
				/* One replacement per stray byte, as sanitize does. */
				buf_append_str(out, "\xEF\xBF\xBD");
				n = 1;
			} else
				append_u_escape(out, cp);
			p += n;
			run = p;
			continue;
		}
		buf_append(out, run, (size_t)(p - run));
		switch (*p) {
		case '"':
			buf_append(out, "\\\"", 2);
			break;
		case '\\':
			buf_append(out, "\\\\", 2);
			break;
		case '\n':
			buf_append(out, "\\n", 2);
			break;
		case '\t':
			buf_append(out, "\\t", 2);
			break;
		case '\r':
			buf_append(out, "\\r", 2);
			break;
		default:
			append_u_escape(out, *p);
			break;
		}
		run = ++p;
	}
	buf_append(out, run, (size_t)(p - run));
	buf_append_char(out, '"');
}

void
json_writer_init(struct json_writer *w, struct buf *out)
{
	memset(w, 0, sizeof(*w));
	w->out = out;
}

void
json_writer_free(struct json_writer *w)
{
	free(w->levels);
	w->levels = NULL;
	w->depth = w->cap = 0;
}

/* Before any value: the comma after the previous one in an array (in an
 * object json_key put it). */
static void
before_value(struct json_writer *w)
{
	unsigned char *level;

	if (w->depth == 0)
		return;
	level = &w->levels[w->depth - 1];
	if (*level & LEVEL_ARRAY) {
		if (*level & LEVEL_NONEMPTY)
			buf_append_char(w->out, ',');
		*level |= LEVEL_NONEMPTY;
	} else {
		assert(w->key_pending);	/* an object member needs its name first */
		w->key_pending = false;
	}
}

/* After a value: a top-level one ends its line. */
static void
after_value(struct json_writer *w)
{
	if (w->depth == 0)
		buf_append_char(w->out, '\n');
}

static void
begin(struct json_writer *w, unsigned char kind, char open)
{
	before_value(w);
	if (w->depth == w->cap) {
		w->cap = w->cap == 0 ? 8 : w->cap * 2;
		w->levels = xrealloc(w->levels, w->cap);
	}
	w->levels[w->depth++] = kind;
	buf_append_char(w->out, open);
}

static void
end(struct json_writer *w, unsigned char kind, char close)
{
	assert(w->depth > 0 && (w->levels[w->depth - 1] & LEVEL_ARRAY) == kind);
	assert(!w->key_pending);
	(void)kind;
	w->depth--;
	buf_append_char(w->out, close);
	after_value(w);
}

void
json_begin_object(struct json_writer *w)
{
	begin(w, 0, '{');
}

void
json_end_object(struct json_writer *w)
{
	end(w, 0, '}');
}

void
json_begin_array(struct json_writer *w)
{
	begin(w, LEVEL_ARRAY, '[');
}

void
json_end_array(struct json_writer *w)
{
	end(w, LEVEL_ARRAY, ']');
}

void
json_key(struct json_writer *w, const char *name)
{
	unsigned char *level;

	assert(w->depth > 0 && !(w->levels[w->depth - 1] & LEVEL_ARRAY) && !w->key_pending);
	level = &w->levels[w->depth - 1];
	if (*level & LEVEL_NONEMPTY)
		buf_append_char(w->out, ',');
	*level |= LEVEL_NONEMPTY;
	append_string(w->out, name);
	buf_append_char(w->out, ':');
	w->key_pending = true;
}

/* A value written as it is: a number, true, false or null. */
static void
literal(struct json_writer *w, const char *text)
{
	before_value(w);
	buf_append_str(w->out, text);
	after_value(w);
}

void
json_string(struct json_writer *w, const char *s)
{
	if (s == NULL) {
		literal(w, "null");
		return;
	}
	before_value(w);
	append_string(w->out, s);
	after_value(w);
}

void
json_int(struct json_writer *w, int64_t n)
{
	char text[24];

	snprintf(text, sizeof(text), "%" PRId64, n);
	literal(w, text);
}

void
json_bool(struct json_writer *w, bool b)
{
	literal(w, b ? "true" : "false");
}

void
json_null(struct json_writer *w)
{
	literal(w, "null");
}

void
json_date(struct json_writer *w, int64_t t)
{
	char iso[DATE_ISO_SIZE];

	if (t == DATE_NONE || date_format_iso(t, iso)[0] == '\0')
		json_null(w);
	else
		json_string(w, iso);
}

void
json_member_string(struct json_writer *w, const char *name, const char *s)
{
	json_key(w, name);
	json_string(w, s);
}

void
json_member_int(struct json_writer *w, const char *name, int64_t n)
{
	json_key(w, name);
	json_int(w, n);
}

void
json_member_bool(struct json_writer *w, const char *name, bool b)
{
	json_key(w, name);
	json_bool(w, b);
}

void
json_member_date(struct json_writer *w, const char *name, int64_t t)
{
	json_key(w, name);
	json_date(w, t);
}
