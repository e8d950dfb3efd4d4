/* json.h: the one JSON writer: a stream of values into a buffer, as JSON
 * Lines (each top-level value ends with a newline). The writer tracks the
 * nesting and puts the commas; strings are escaped in one place. Writing
 * only; reading JSON Feed lives elsewhere. */
#ifndef TIDINGS_JSON_H
#define TIDINGS_JSON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "buf.h"

struct json_writer {
	struct buf	*out;		/* not owned */
	unsigned char	*levels;	/* per open container: its kind, and whether it has a value */
	size_t		 depth;
	size_t		 cap;
	bool		 key_pending;	/* a member name was written, its value is due */
};

/* Start writing into out (appended to, never reset). */
void json_writer_init(struct json_writer *w, struct buf *out);
/* Free the writer's own memory; the buffer stays the caller's. */
void json_writer_free(struct json_writer *w);

void json_begin_object(struct json_writer *w);
void json_end_object(struct json_writer *w);
void json_begin_array(struct json_writer *w);
void json_end_array(struct json_writer *w);

/* The name of the next member of the open object. */
void json_key(struct json_writer *w, const char *name);

/* Values. A string is escaped: '"', '\\', U+0000 to U+001F, U+007F to
 * U+009F and the bidi controls become escapes, invalid UTF-8 becomes
 * U+FFFD; NULL is written as null. */
void json_string(struct json_writer *w, const char *s);
void json_int(struct json_writer *w, int64_t n);
void json_bool(struct json_writer *w, bool b);
void json_null(struct json_writer *w);
/* A date as "YYYY-MM-DDTHH:MM:SSZ" (UTC), or null for DATE_NONE. */
void json_date(struct json_writer *w, int64_t t);

/* A member: json_key, then the value. */
void json_member_string(struct json_writer *w, const char *name, const char *s);
void json_member_int(struct json_writer *w, const char *name, int64_t n);
void json_member_bool(struct json_writer *w, const char *name, bool b);
void json_member_date(struct json_writer *w, const char *name, int64_t t);

#endif
