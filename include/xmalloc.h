/* xmalloc.h: allocation wrappers that abort with a message instead of returning NULL.
 * Callers never check for NULL; running out of memory ends the program cleanly. */
#ifndef TIDINGS_XMALLOC_H
#define TIDINGS_XMALLOC_H

#include <stdarg.h>
#include <stddef.h>

void *xmalloc(size_t size);
void *xcalloc(size_t count, size_t size);
void *xrealloc(void *ptr, size_t size);
/* Grow an array of count elements of size bytes to hold at least want elements. */
void *xreallocarray(void *ptr, size_t count, size_t size);
char *xstrdup(const char *s);
/* At most n bytes of s, stopping at a NUL, as POSIX strndup. */
char *xstrndup(const char *s, size_t n);
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* xasprintf with the arguments in ap, which it uses up (va_end is the caller's). */
char *xvasprintf(const char *fmt, va_list ap) __attribute__((format(printf, 1, 0)));

#endif
