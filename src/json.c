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

/* What a byte needs in a string, by its class: */
enum {
	PLAIN,		/* ASCII copied as it is, in runs */
	ESCAPE,		/* ASCII written as an escape: controls, '"', '\\', DEL; NUL ends */
	LEAD_C2,	/* starts U+0080 to U+00BF: the C1 controls, then Latin-1 signs */
	LEAD2,		/* starts a 2-byte character copied as it is (U+00C0 to U+07FF) */
	LEAD3,		/* starts a 3-byte character copied as it is (no surrogates, no bidi) */
	LEAD_E2,	/* starts U+2000 to U+2FFF: punctuation, and the bidi controls */
	CAREFUL,	/* anything else past ASCII: decoded and checked (C1, 4 bytes, bad bytes) */
};

#define R16(v)	v, v, v, v, v, v, v, v, v, v, v, v, v, v, v, v
static const unsigned char byte_class[256] = {
	R16(ESCAPE), R16(ESCAPE),
	PLAIN, PLAIN, ESCAPE, PLAIN, PLAIN, PLAIN, PLAIN, PLAIN,		/* 0x22 '"' */
	PLAIN, PLAIN, PLAIN, PLAIN, PLAIN, PLAIN, PLAIN, PLAIN,
	R16(PLAIN), R16(PLAIN),
	PLAIN, PLAIN, PLAIN, PLAIN, PLAIN, PLAIN, PLAIN, PLAIN,
	PLAIN, PLAIN, PLAIN, PLAIN, ESCAPE, PLAIN, PLAIN, PLAIN,		/* 0x5c '\\' */
	R16(PLAIN),
	PLAIN, PLAIN, PLAIN, PLAIN, PLAIN, PLAIN, PLAIN, PLAIN,
	PLAIN, PLAIN, PLAIN, PLAIN, PLAIN, PLAIN, PLAIN, ESCAPE,		/* 0x7f DEL */
	R16(CAREFUL), R16(CAREFUL), R16(CAREFUL), R16(CAREFUL),		/* continuations */
	CAREFUL, CAREFUL, LEAD_C2, LEAD2, LEAD2, LEAD2, LEAD2, LEAD2,	/* C0, C1 overlong */
	LEAD2, LEAD2, LEAD2, LEAD2, LEAD2, LEAD2, LEAD2, LEAD2,
	R16(LEAD2),
	CAREFUL, LEAD3, LEAD_E2, LEAD3, LEAD3, LEAD3, LEAD3, LEAD3,	/* E0 overlong */
	LEAD3, LEAD3, LEAD3, LEAD3, LEAD3, CAREFUL, LEAD3, LEAD3,	/* ED surrogates */
	R16(CAREFUL),							/* 4 bytes, bad */
};
#undef R16

#define CONTINUATION(c)	(((c) & 0xc0) == 0x80)

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

/* Append s as a JSON string literal. The common characters are checked
 * inline by their first byte's class; the rare ones are decoded. */
static void
append_string(struct buf *out, const char *s)
{
	const unsigned char *p, *run;
	unsigned long cp;
	size_t n;

	buf_reserve(out, strlen(s) + 2);
	buf_append_char(out, '"');
	for (p = run = (const unsigned char *)s; ; ) {
		while (byte_class[*p] == PLAIN)
			p++;
		switch (byte_class[*p]) {
		case LEAD_C2:
			if (p[1] >= 0xa0 && p[1] <= 0xbf) {
				p += 2;
				continue;
			}
			break;
		case LEAD2:
			if (CONTINUATION(p[1])) {
				p += 2;
				continue;
			}
			break;
		case LEAD3:
			if (CONTINUATION(p[1]) && CONTINUATION(p[2])) {
				p += 3;
				continue;
			}
			break;
		case LEAD_E2:
			if (CONTINUATION(p[1]) && CONTINUATION(p[2]) &&
			    !(p[1] == 0x80 && p[2] >= 0xaa && p[2] <= 0xae) &&
			    !(p[1] == 0x81 && p[2] >= 0xa6 && p[2] <= 0xa9)) {
				p += 3;
				continue;
			}
			break;
		case ESCAPE:
			if (*p == '\0')
				goto end;
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
			continue;
		}
		/* The careful path: a C1 or bidi control, 4 bytes, or bad bytes. */
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
	}
end:
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
