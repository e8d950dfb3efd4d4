/* entities.h: the generated HTML named entity table shared by entities.c (the
 * data) and html.c (the lookup and the decoder); private, not installed. */
#ifndef TIDINGS_ENTITIES_H
#define TIDINGS_ENTITIES_H

#include <stddef.h>

/* The longest HTML 4 entity name is "thetasym"; gen-entities.py checks. */
#define ENTITY_NAME_MAX 8

struct text_entity {
	char		 name[ENTITY_NAME_MAX + 1];
	unsigned int	 codepoint;
};

/* Sorted by name in strcmp order. */
extern const struct text_entity text_entities[];
extern const size_t text_entities_count;

#endif
