/* filter-internal.h: the tree filter.c parses and filter-sql.c compiles.
 * Not for other modules. */
#ifndef TIDINGS_FILTER_INTERNAL_H
#define TIDINGS_FILTER_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

#include "filter.h"

enum filter_node_type {
	NODE_AND,
	NODE_OR,
	NODE_COMPARE,
};

enum filter_op {
	OP_EQ,		/* = and == */
	OP_NE,
	OP_MATCH,	/* =~ */
	OP_NOT_MATCH,	/* !~ */
	OP_LT,
	OP_GT,
	OP_LE,
	OP_GE,
	OP_BETWEEN,
	OP_CONTAINS,	/* # */
	OP_NOT_CONTAINS,	/* !# */
};

enum filter_value_type {
	VALUE_STRING,
	VALUE_NUMBER,
	VALUE_RANGE,
};

struct filter_node {
	enum filter_node_type	 type;
	struct filter_node	*left, *right;	/* AND, OR */

	/* COMPARE. Columns are 1-based, for messages. */
	char			*attribute;
	size_t			 attribute_column;
	enum filter_op		 op;
	size_t			 op_column;
	enum filter_value_type	 value_type;
	size_t			 value_column;
	char			*raw;	/* a string as written between its quotes;
					 * a number or range as written */
	char			*text;	/* a string with \" and \\ undone */
	int64_t			 low, high;	/* a number (low), a range */
};

struct filter {
	struct filter_node	*root;
};

/* Fill *error. */
void filter_set_error(struct filter_error *error, size_t column, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

#endif
