/* date-names.h: the month and day names of other languages for date.c's
 * free-form dates (date-names.c). Each takes a word of len bytes. */
#ifndef TIDINGS_DATE_NAMES_H
#define TIDINGS_DATE_NAMES_H

#include <stdbool.h>
#include <stddef.h>

/* The month (1 to 12) the word names, or 0. */
int date_month_name_other(const char *p, size_t len);
/* Whether the word is a day's name or its abbreviation. */
bool date_day_name_other(const char *p, size_t len);
/* Whether the word is one of those dates put between their parts. */
bool date_filler_word(const char *p, size_t len);

#endif
