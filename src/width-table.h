/* width-table.h: the generated table of code points that take zero or two
 * columns, shared by width-table.c (the data) and width.c (the lookup). */
#ifndef TIDINGS_WIDTH_TABLE_H
#define TIDINGS_WIDTH_TABLE_H

#include <stddef.h>

struct width_range {
	unsigned int	 first;
	unsigned int	 last;
	unsigned char	 columns;	/* 0 or 2 */
};

/* Sorted by first code point, disjoint. */
extern const struct width_range width_ranges[];
extern const size_t width_ranges_count;

#endif
