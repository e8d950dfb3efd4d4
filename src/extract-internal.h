/* extract-internal.h: what the parts of the extractor share: reading and
 * parsing the page (extract-page.c), finding the story (extract.c) and
 * writing it as text (extract-text.c). Not for other modules. */
#ifndef TIDINGS_EXTRACT_INTERNAL_H
#define TIDINGS_EXTRACT_INTERNAL_H

#include <setjmp.h>
#include <stdbool.h>
#include <stddef.h>

#include <gumbo.h>

#include "buf.h"

/* The HTML prescan reads this much of the page for a <meta> charset. The
 * standard says 1024 bytes; pages with long inline styles or scripts in the
 * head put it later, and browsers look further too. */
#define EXTRACT_PRESCAN_SIZE	4096
/* Deeper nodes are left out of the analysis; this bounds our recursion. */
#define EXTRACT_MAX_DEPTH	400

/* What an element is, by tag (extract_tag_flags). */
enum {
	TF_BLOCK	= 1 << 0,	/* starts a block of text */
	TF_DROP		= 1 << 1,	/* never part of a story */
	TF_VOID		= 1 << 2,	/* no content, no end tag */
	TF_BOUNDED	= 1 << 3,	/* the parser closes it before it nests deeply */
	TF_RAWTEXT	= 1 << 4,	/* text up to its end tag, not needed */
	TF_RCDATA	= 1 << 5,	/* text up to its end tag, kept */
	TF_BREAKOUT	= 1 << 6,	/* ends svg and math content (HTML 13.2.6.5) */
};

/* Indexed by gumbo's tag; GUMBO_TAG_UNKNOWN has none. */
extern const unsigned char extract_tag_flags[GUMBO_TAG_LAST + 1];

/* Flags of an element gumbo 0.10 does not know (<dialog>, <search>). */
unsigned extract_unknown_tag_flags(const GumboNode *g);

/* ASCII white space as HTML defines it (tab, LF, FF, CR, space). */
static inline bool
extract_is_space(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
}

static inline unsigned char
extract_lower(unsigned char c)
{
	return c >= 'A' && c <= 'Z' ? (unsigned char)(c + ('a' - 'A')) : c;
}

/* True when the n bytes at p are word (in lower case), ignoring ASCII case. */
static inline bool
extract_equal_nocase(const char *p, const char *word, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (extract_lower((unsigned char)p[i]) != (unsigned char)word[i])
			return false;
	}
	return true;
}

/* The memory gumbo allocates from (private to extract-page.c). */
struct extract_arena {
	struct arena_block	*blocks;
	char			*next, *end;
	size_t			 used, budget;
	/* Where to go when the budget is spent. gumbo allocates all its
	 * state through the arena and keeps none elsewhere, so leaving the
	 * parse from inside the allocator leaks nothing. */
	jmp_buf			*spent;
};

/* A parsed page. */
struct extract_parsed {
	char		*text;		/* the page as slimmed UTF-8; gumbo points into it */
	size_t		 length;
	GumboOutput	*output;	/* NULL when the parse failed */
	struct extract_arena arena;
};

/*
 * Parse text, len bytes of UTF-8 that the call takes over (it is slimmed in
 * place: scripts, styles, comments and the insides of well-formed <svg>,
 * <nav> and <aside> removed, control characters dropped). Returns NULL, or
 * why the page cannot be parsed in bounded time and memory. Either way *out
 * must be freed with extract_parsed_free().
 */
const char *extract_parse(char *text, size_t len, struct extract_parsed *out);
void extract_parsed_free(struct extract_parsed *parsed);

/* The value of an element's attribute, or NULL. */
const char *extract_attribute(const GumboNode *g, const char *name);
/* The first child element of g with tag, or NULL. */
const GumboNode *extract_child_element(const GumboNode *g, GumboTag tag);

/* True when the character at p (valid UTF-8, left bytes) is one that never
 * reaches a reader: C0 and C1 controls, DEL, bidi embeddings, overrides and
 * isolates. *skip gets its length either way. */
bool extract_is_unsafe(const unsigned char *p, size_t left, size_t *skip);
/* Length in bytes of the white space at p (ASCII or U+00A0), 0 if none. */
size_t extract_space_length(const unsigned char *p, size_t left);
/* Append s to out with white space collapsed and unsafe characters dropped;
 * *space says a space is due and is updated. Leading space is dropped while
 * out is empty. */
void extract_append_collapsed(struct buf *out, const char *s, bool *space);
/* The collapsed text of a subtree, owned by the caller. */
char *extract_gumbo_text(const GumboNode *root);

#endif
