/* date.h: feed dates (RFC 822 and its real-world variants, RFC 3339, ISO 8601,
 * W3CDTF and a few national forms) to seconds since the epoch, UTC. Pure functions. */
#ifndef TIDINGS_DATE_H
#define TIDINGS_DATE_H

#include <stddef.h>
#include <stdint.h>

/* The value of a missing or unparseable date. */
#define DATE_NONE INT64_MIN

/* Seconds since 1970-01-01T00:00:00Z, or DATE_NONE. Fractions of a second are
 * truncated. Accepts years 0001 to 9999 (so 64-bit results before 1970 too). */
int64_t date_parse(const char *s);

/* Format t as "YYYY-MM-DDTHH:MM:SSZ" into out (at least DATE_ISO_SIZE bytes).
 * Returns out, or "" written into out for DATE_NONE or years outside 0-9999. */
#define DATE_ISO_SIZE 21
char *date_format_iso(int64_t t, char *out);

#endif
