/* repair.c: the streaming pre-filter that mends bare '&' and '<', "&#X" and
 * mismatched case in tag names before expat sees them. No XML parsing beyond
 * telling text and tag names from CDATA sections, comments and PIs. */
#include "config.h"

#include <stdint.h>
#include <string.h>

#include "ascii.h"
#include "buf.h"
#include "repair.h"

/* Where in the markup the filter is; repair.h keeps it as an int. */
enum state {
	IN_TEXT,	/* content, tags and attribute values: '&' is checked */
	IN_NAME,	/* an element's name, right after '<' or "</" */
	IN_CDATA,	/* until "]]>" */
	IN_COMMENT,	/* until "-->" */
	IN_PI		/* until "?>" */
};

/*
 * The longest reference we accept, from '&' to ';' inclusive. Longer runs are
 * taken for text: no entity name in HTML or in a feed's DTD comes close, and a
 * bound keeps what we hold back at a chunk's end small.
 */
#define REFERENCE_MAX	64

/* Bytes of the next chunk that settle any construct begun in the held bytes. */
#define LOOKAHEAD	REFERENCE_MAX

static const char cdata_open[] = "<![CDATA[";
static const char comment_open[] = "<!--";

enum verdict {
	UNDECIDED,	/* the input ends before the reference could */
	BARE,		/* no reference: write "&amp;" */
	REFERENCE,	/* well-formed: keep */
	UPPER_X,	/* "&#X41;": keep, with a lower-case x */
	BAD_CHARACTER	/* "&#0;", "&#xD800;": no XML character, write "&#xFFFD;" */
};

void
repair_init(struct repair *r)
{
	r->state = IN_TEXT;
	r->held = (struct buf)BUF_INIT;
	r->clean = (struct buf)BUF_INIT;
}

void
repair_free(struct repair *r)
{
	buf_free(&r->held);
	buf_free(&r->clean);
	r->state = IN_TEXT;
}

/* A C0 control other than tab, newline and carriage return: XML 1.0 allows
 * none anywhere, not even escaped, and expat stops at the first. */
static bool
is_forbidden_control(unsigned char c)
{
	return c < 0x20 && c != '\t' && c != '\n' && c != '\r';
}

/* in without its forbidden controls: in itself when it has none (the common
 * case costs one scan), else a copy in r->clean. */
static const char *
drop_controls(struct repair *r, const char *in, size_t *len)
{
	size_t i, start;

	for (i = 0; i < *len && !is_forbidden_control((unsigned char)in[i]); i++)
		;
	if (i == *len)
		return in;
	buf_reset(&r->clean);
	for (start = 0; i < *len; i++) {
		if (is_forbidden_control((unsigned char)in[i])) {
			buf_append(&r->clean, in + start, i - start);
			start = i + 1;
		}
	}
	buf_append(&r->clean, in + start, *len - start);
	*len = r->clean.len;
	return r->clean.data != NULL ? r->clean.data : "";
}

/* XML 1.0 section 2.3, NameStartChar; any byte of a multi-byte UTF-8 character counts. */
static int
is_name_start(unsigned char c)
{
	return ascii_is_alpha(c) || c == '_' || c == ':' || c >= 0x80;
}

static int
is_name_char(unsigned char c)
{
	return is_name_start(c) || ascii_is_digit(c) || c == '-' || c == '.';
}

/* XML 1.0 section 2.2, Char: what a character reference may name. */
static int
is_xml_char(unsigned long c)
{
	return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) ||
	    (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
}

/*
 * Judge the '&' at s[0] with n bytes available: a well-formed reference
 * (XML 1.0 section 4.1: "&" Name ";", "&#" [0-9]+ ";", "&#x" [0-9a-fA-F]+ ";")
 * or not. *len receives the reference's length.
 */
static enum verdict
judge_reference(const unsigned char *s, size_t n, size_t *len)
{
	unsigned long value = 0;
	size_t i, digits;
	int hex = 0, upper = 0, d;

	if (n > REFERENCE_MAX)
		n = REFERENCE_MAX;
	if (n < 2)
		return n < REFERENCE_MAX ? UNDECIDED : BARE;
	if (s[1] != '#') {
		if (!is_name_start(s[1]))
			return BARE;
		for (i = 2; i < n && is_name_char(s[i]); i++)
			continue;
		if (i == n)
			return n < REFERENCE_MAX ? UNDECIDED : BARE;
		if (s[i] != ';')
			return BARE;
		*len = i + 1;
		return REFERENCE;
	}
	i = 2;
	if (i < n && (s[i] == 'x' || s[i] == 'X')) {
		hex = 1;
		upper = s[i] == 'X';
		i++;
	}
	for (digits = 0; i < n; i++, digits++) {
		d = ascii_digit_value(s[i], hex ? 16 : 10);
		if (d < 0)
			break;
		/* Saturate: anything past U+10FFFF is as bad as any other. */
		if (value <= 0x10FFFF)
			value = value * (hex ? 16 : 10) + (unsigned long)d;
	}
	if (i == n)
		return n < REFERENCE_MAX ? UNDECIDED : BARE;
	if (s[i] != ';' || digits == 0)
		return BARE;
	*len = i + 1;
	if (!is_xml_char(value))
		return BAD_CHARACTER;
	return upper ? UPPER_X : REFERENCE;
}

/*
 * Whether s (n bytes available) starts with opening ("<!--", "<![CDATA["),
 * which enters next: its length with *state set, 0 when the input ends
 * before that is clear, 1 (the '<' is text) when it does not.
 */
static size_t
judge_opening(const char *s, size_t n, const char *opening, enum state next,
    enum state *state)
{
	size_t want = strlen(opening);

	if (memcmp(s, opening, n < want ? n : want) != 0)
		return 1;
	if (n < want)
		return 0;
	*state = next;
	return want;
}

/*
 * Judge the '<' at s[0] with n bytes available: the state it opens and the
 * length of its opening, or 0 when the input ends before that is clear.
 */
static size_t
judge_markup(const char *s, size_t n, enum state *state, bool *bare)
{
	*state = IN_TEXT;
	*bare = false;
	if (n < 2)
		return 0;
	if (s[1] == '?') {
		*state = IN_PI;
		return 2;
	}
	if (s[1] == '/') {
		*state = IN_NAME;
		return 2;
	}
	if (is_name_start((unsigned char)s[1])) {
		*state = IN_NAME;
		return 1;
	}
	if (s[1] != '!') {
		/* "2 < 3", "a <= b": no tag starts like that. */
		*bare = true;
		return 1;
	}
	if (n >= 3 && s[2] == '-')
		return judge_opening(s, n, comment_open, IN_COMMENT, state);
	return judge_opening(s, n, cdata_open, IN_CDATA, state);
}

/*
 * The first '&' or '<' in [s, end): eight bytes at a time, testing each
 * word for a zero byte after XOR with the character repeated.
 */
static const char *
find_markup(const char *s, const char *end)
{
	const uint64_t ones = UINT64_C(0x0101010101010101);
	const uint64_t highs = UINT64_C(0x8080808080808080);
	uint64_t v, amp, lt;

	while (end - s >= 8) {
		memcpy(&v, s, 8);
		amp = v ^ (ones * '&');
		lt = v ^ (ones * '<');
		if ((((amp - ones) & ~amp) | ((lt - ones) & ~lt)) & highs)
			break;
		s += 8;
	}
	for (; s < end; s++) {
		if (*s == '&' || *s == '<')
			return s;
	}
	return NULL;
}

/*
 * Filter s[0..n), judging every construct that starts before limit; bytes
 * after limit only serve as look-ahead. Unchanged runs are copied in one go.
 * Returns the position reached: at or past limit, or earlier when a construct
 * there cannot be judged before n and end is not set (n is not the end of
 * the document), in which case the caller holds s[position..n).
 */
static size_t
filter(struct repair *r, const char *s, size_t n, size_t limit, bool end, struct buf *out)
{
	const char *p;
	size_t pos = 0, copied = 0, len = 0, k;
	enum state next;
	enum verdict verdict;
	char close;
	bool bare;

	while (pos < limit) {
		if (r->state == IN_NAME) {
			/*
			 * Element names in any case: feeds write <Title>..</title>,
			 * which XML calls mismatched, and the element tables match
			 * names ignoring case anyway, so names are lower-cased.
			 */
			for (; pos < limit && is_name_char((unsigned char)s[pos]); pos++) {
				if (ascii_to_lower((unsigned char)s[pos]) != (unsigned char)s[pos]) {
					buf_append(out, s + copied, pos - copied);
					buf_append_char(out, (char)ascii_to_lower((unsigned char)s[pos]));
					copied = pos + 1;
				}
			}
			if (pos < limit)
				r->state = IN_TEXT;
			continue;
		}
		if (r->state == IN_TEXT) {
			if ((p = find_markup(s + pos, s + limit)) == NULL) {
				pos = limit;
				break;
			}
			pos = (size_t)(p - s);
			if (*p == '<') {
				k = judge_markup(p, n - pos, &next, &bare);
				if (k == 0) {
					if (!end)
						break;
					k = 1;	/* a '<' cut off by the end: left for expat */
				}
				if (bare) {
					buf_append(out, s + copied, pos - copied);
					buf_append(out, "&lt;", 4);
					copied = pos + 1;
				}
				r->state = next;
				pos += k;
				continue;
			}
			verdict = judge_reference((const unsigned char *)p, n - pos, &len);
			if (verdict == UNDECIDED) {
				if (!end)
					break;
				verdict = BARE;
			}
			switch (verdict) {
			case BARE:
				buf_append(out, s + copied, pos + 1 - copied);
				buf_append(out, "amp;", 4);
				pos++;
				copied = pos;
				break;
			case UPPER_X:
				buf_append(out, s + copied, pos - copied);
				buf_append(out, "&#x", 3);
				copied = pos + 3;
				pos += len;
				break;
			case BAD_CHARACTER:
				buf_append(out, s + copied, pos - copied);
				buf_append(out, "&#xFFFD;", 8);
				pos += len;
				copied = pos;
				break;
			default:
				pos += len;
				break;
			}
			continue;
		}

		/* Inside a section only its closing delimiter matters. */
		close = r->state == IN_CDATA ? ']' : r->state == IN_COMMENT ? '-' : '?';
		if ((p = memchr(s + pos, close, limit - pos)) == NULL) {
			pos = limit;
			break;
		}
		pos = (size_t)(p - s);
		k = r->state == IN_PI ? 2 : 3;	/* "?>", "]]>", "-->" */
		if (n - pos < k) {
			/* Cut short: hold it if it is still a possible end. */
			if (!end && (n - pos == 1 || p[1] == close))
				break;
			pos++;
			continue;
		}
		if ((k == 2 && p[1] == '>') || (k == 3 && p[1] == close && p[2] == '>')) {
			r->state = IN_TEXT;
			pos += k;
		} else
			pos++;
	}
	buf_append(out, s + copied, pos - copied);
	return pos;
}

void
repair_filter(struct repair *r, const char *in, size_t len, bool final, struct buf *out)
{
	size_t held, take, pos, used;

	/* NULL stands for no input; "" spares filter() arithmetic on NULL,
	 * which is undefined even for an offset of 0 (C11 6.5.6). */
	if (in == NULL) {
		in = "";
		len = 0;
	}
	buf_append(out, "", 0);	/* a string even when nothing comes out */
	in = drop_controls(r, in, &len);

	if (r->held.len > 0) {
		/*
		 * Judge the held construct with the next bytes as look-ahead;
		 * LOOKAHEAD of them settle it unless the input ends first.
		 */
		held = r->held.len;
		take = len < LOOKAHEAD ? len : LOOKAHEAD;
		buf_append(&r->held, in, take);
		pos = filter(r, r->held.data, r->held.len, held, final && take == len, out);
		if (pos < held) {
			/* Still undecided, so all of the input is in held now. */
			buf_consume(&r->held, pos);
			return;
		}
		used = pos - held;
		buf_reset(&r->held);
		in += used;
		len -= used;
	}
	pos = filter(r, in, len, len, final, out);
	if (pos < len)
		buf_append(&r->held, in + pos, len - pos);
	if (final) {
		/* Ready for the next document. */
		r->state = IN_TEXT;
		buf_reset(&r->held);
	}
}
