/* buf.h: a growable byte buffer, always NUL-terminated after its contents.
 * The buffer owns its memory; buf_detach hands it to the caller. */
#ifndef TIDINGS_BUF_H
#define TIDINGS_BUF_H

#include <stddef.h>

struct buf {
	char	*data;	/* NULL until the first append; then NUL-terminated */
	size_t	 len;
	size_t	 cap;
};

#define BUF_INIT { NULL, 0, 0 }

void buf_reserve(struct buf *b, size_t extra);
void buf_append(struct buf *b, const void *data, size_t len);
void buf_append_str(struct buf *b, const char *s);
void buf_append_char(struct buf *b, char c);
void buf_appendf(struct buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Append the UTF-8 encoding of code point cp (U+FFFD for invalid ones). */
void buf_append_utf8(struct buf *b, unsigned long cp);
/* Forget the contents but keep the memory. */
void buf_reset(struct buf *b);
/* Drop the first n bytes. */
void buf_consume(struct buf *b, size_t n);
/* The contents as a string the caller owns (never NULL); the buffer is left empty. */
char *buf_detach(struct buf *b);
/* The contents as a string that lives as long as the buffer is not changed (never NULL). */
const char *buf_str(const struct buf *b);
void buf_free(struct buf *b);

#endif
