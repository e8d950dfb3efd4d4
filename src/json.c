/* json.c: JSON output: string escaping and object members. Input strings are
 * valid UTF-8 (the parser guarantees it); control characters are escaped. */
#include "config.h"

#include <string.h>

#include "date.h"
#include "json.h"

/* Bytes that need an escape: controls, '"' and '\\'. Everything else,
 * multi-byte UTF-8 included, is copied as it is, in runs. */
static const unsigned char needs_escape[256] = {
	[0x00] = 1, [0x01] = 1, [0x02] = 1, [0x03] = 1, [0x04] = 1, [0x05] = 1,
	[0x06] = 1, [0x07] = 1, [0x08] = 1, [0x09] = 1, [0x0a] = 1, [0x0b] = 1,
	[0x0c] = 1, [0x0d] = 1, [0x0e] = 1, [0x0f] = 1, [0x10] = 1, [0x11] = 1,
	[0x12] = 1, [0x13] = 1, [0x14] = 1, [0x15] = 1, [0x16] = 1, [0x17] = 1,
	[0x18] = 1, [0x19] = 1, [0x1a] = 1, [0x1b] = 1, [0x1c] = 1, [0x1d] = 1,
	[0x1e] = 1, [0x1f] = 1, ['"'] = 1, ['\\'] = 1, [0x7f] = 1,
};

void
json_write_string(struct buf *out, const char *s)
{
	const unsigned char *p, *run;
	static const char hex[] = "0123456789abcdef";

	if (s == NULL) {
		buf_append(out, "null", 4);
		return;
	}
	buf_reserve(out, strlen(s) + 2);
	buf_append_char(out, '"');
	for (p = run = (const unsigned char *)s; *p != '\0'; p++) {
		if (!needs_escape[*p])
			continue;
		buf_append(out, run, (size_t)(p - run));
		run = p + 1;
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
		default: {
			char u[6] = { '\\', 'u', '0', '0', hex[*p >> 4], hex[*p & 15] };

			buf_append(out, u, sizeof(u));
			break;
		}
		}
	}
	buf_append(out, run, (size_t)(p - run));
	buf_append_char(out, '"');
}

static void
write_key(struct buf *out, const char *key, int *first)
{
	if (!*first)
		buf_append_char(out, ',');
	*first = 0;
	json_write_string(out, key);
	buf_append_char(out, ':');
}

void
json_write_member(struct buf *out, const char *key, const char *s, int *first)
{
	write_key(out, key, first);
	json_write_string(out, s);
}

void
json_write_date_member(struct buf *out, const char *key, int64_t t, int *first)
{
	char iso[DATE_ISO_SIZE];

	write_key(out, key, first);
	if (t == DATE_NONE || date_format_iso(t, iso)[0] == '\0')
		buf_append(out, "null", 4);
	else
		json_write_string(out, iso);
}
