/* extract-internal.h: what the parts of the extractor share: reading and
 * parsing the page (extract-charset.c, extract-page.c), finding the story
 * (extract-score.c, with extract-chrome.c), writing it (extract-write.c)
 * and the front that runs them (extract.c). Not for other modules. */
#ifndef TIDINGS_EXTRACT_INTERNAL_H
#define TIDINGS_EXTRACT_INTERNAL_H

#include <setjmp.h>
#include <stdbool.h>
#include <stddef.h>

#include <gumbo.h>

#include "buf.h"
#include "html.h"

/* The HTML prescan reads this much of the page for a <meta> charset. The
 * standard says 1024 bytes; pages with long inline styles or scripts in the
 * head put it later, and browsers look further too. */
#define EXTRACT_PRESCAN_SIZE	4096
/* extract_page_charset() (extract.h), and when nothing is declared and the
 * bytes are not UTF-8, the legacy default of the page's <html lang> or of
 * url's top-level domain (may be NULL). */
void extract_sniff_charset(const char *page, size_t len, const char *http_charset,
    const char *url, char *label, size_t size, size_t *bom_len);

/* Deeper nodes are left out of the analysis; this bounds our recursion. */
#define EXTRACT_MAX_DEPTH	400

/* What an element is, by tag (extract_tag_flags). */
enum {
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

/* ---------------------------------------------------------------------
 * The page as an array of nodes in document order (a subtree is the range
 * [i, end)), holding what the analysis needs next to each gumbo node
 * (extract-score.c builds and scores it, extract-write.c writes from it).
 */

enum {
	NF_TEXT		= 1 << 0,
	NF_BLOCK	= 1 << 1,	/* starts a block: by tag, or holds blocks */
	NF_HAS_BLOCK	= 1 << 2,	/* a block somewhere below */
	NF_DROPPED	= 1 << 3,	/* in a subtree found to be chrome */
	NF_DROP		= 1 << 4,	/* the root of such a subtree */
	NF_SCORED	= 1 << 5,
	NF_IN_LINK	= 1 << 6,
	NF_POSITIVE	= 1 << 7,	/* class and id say content */
	NF_NEGATIVE	= 1 << 8,	/* class and id say chrome */
	NF_HINT		= 1 << 9,	/* article, main, articleBody, content class */
	NF_BODY_HINT	= 1 << 10,	/* itemprop="articleBody" */
	NF_CONTENT	= 1 << 11,	/* a known content class name */
	NF_KEY		= 1 << 12,	/* holds a hint with much of the text */
	NF_LANDMARK	= 1 << 13,	/* nav, aside, header, footer: dropped later */
};

struct node {
	const GumboNode	*gumbo;
	int		 parent, first_child, next, end;
	GumboTag	 tag;		/* GUMBO_TAG_UNKNOWN for text */
	unsigned	 flags;
	int		 length;	/* characters of text in the subtree */
	int		 link_length;	/* of which inside links */
	int		 own_length;	/* inline text whose nearest block is this */
	int		 own_commas;
	int		 paragraphs;	/* text in paragraphs (own_length >= MIN_PARAGRAPH) */
	int		 first_text;	/* the first node with text in the subtree */
	double		 score;
};

struct page {
	struct node	*nodes;
	int		 n, cap;
	char		*base;		/* resolved base URL, or NULL */
	char		*title;
	int		 total_paragraphs;
};

/* Candidates for the title found in the body: the first <h1>s and the first
 * element marked itemprop="headline" (schema.org). */
struct headlines {
	bool	 want;
	char	*h1[8];
	size_t	 n_h1;
	char	*headline;
};

/* What an attempt at finding the story may do beyond the default. */
enum {
	ATTEMPT_CLASSES	= 1 << 0,	/* drop elements whose class says chrome */
};

/* The nodes of body, the title candidates in *h when h->want. */
void extract_build_page(struct page *pg, const GumboNode *body, size_t text_len,
    struct headlines *h);
void extract_headlines_free(struct headlines *h);
/* Which nodes hold blocks; elements holding blocks are blocks. Once. */
void extract_mark_structure(struct page *pg);
/* The sums over the tree, of nodes not dropped. */
void extract_measure(struct page *pg);
/* The best block's node, or -1 when nothing scores. */
int extract_score_page(struct page *pg);
/* top and the siblings that belong with it, in document order, into
 * picked (at most max); returns how many. */
int extract_pick_siblings(const struct page *pg, int top, int *picked, int max);
/* The collapsed text of the subtree at i, cut after about limit bytes. */
void extract_node_text(const struct page *pg, int i, struct buf *out, size_t limit);

/* Sum of the weights of the class names and the id (+1 a word for content,
 * -1 or -2 for chrome); *content says whether a class name is a known
 * story container. */
int extract_class_weight(const char *id, const char *class, bool *content);
/* Mark chrome found by what it holds (and, with ATTEMPT_CLASSES, by its
 * class). Reads the sums of extract_measure(). */
void extract_mark_chrome(struct page *pg, unsigned attempt);

static inline double
extract_link_density(const struct node *nd)
{
	return nd->length > 0 ? (double)nd->link_length / nd->length : 0;
}

/* ref as the WHATWG URL parser reads it: surrounding C0 controls and
 * spaces, and tabs and newlines anywhere, removed. Owned by the caller. */
char *extract_clean_ref(const char *ref);
/* The picked subtrees as cleaned HTML (owned); the characters of text in
 * it go to *text_length. */
char *extract_write_story(const struct page *pg, const int *picked, int n,
    size_t *text_length);

#endif
