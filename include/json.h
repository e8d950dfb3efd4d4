/* json.h: writing JSON values into a buffer (strings escaped for any UTF-8
 * input). Writing only; reading JSON Feed lives elsewhere. */
#ifndef TIDINGS_JSON_H
#define TIDINGS_JSON_H

#include <stdint.h>

#include "buf.h"

/* Append s as a JSON string literal, or null when s is NULL. */
void json_write_string(struct buf *out, const char *s);
/* Append "key": followed by the string value (null when s is NULL). */
void json_write_member(struct buf *out, const char *key, const char *s, int *first);
/* Append "key": followed by the date as "YYYY-MM-DDTHH:MM:SSZ" or null. */
void json_write_date_member(struct buf *out, const char *key, int64_t t, int *first);

#endif
