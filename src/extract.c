/* extract.c: finding the story on a parsed page, readability-style: the
 * page's nodes with their sums, chrome found and dropped, blocks scored, and
 * the story written as cleaned HTML. Reading the page is extract-page.c. */
#include "config.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gumbo.h>

#include "buf.h"
#include "encoding.h"
#include "extract.h"
#include "extract-internal.h"
#include "url.h"
#include "xmalloc.h"

/* Bytes looked at to tell binary data from text. */
#define SNIFF_SIZE	1024
/* Nodes analysed at most (an 8 MB page has far fewer). */
#define MAX_NODES	(4 * 1024 * 1024)
/* A block with less text than this is not a paragraph of a story. */
#define MIN_PARAGRAPH	25
/* Less story text than this is no story: a login wall, an error page. */
#define MIN_STORY	200
/* Inline elements waiting for their first text (see struct writer). */
#define MAX_PENDING	32

/* ---------------------------------------------------------------------
 * Class and id words. Class names are split into words at '-', '_' and
 * lower-to-upper case changes ("td-post-content", "relatedPosts"); each word
 * weighs for content (+1) or for chrome (-1, or -2 for words that are chrome
 * whatever else the name says: "entry-share" is a share bar). Sorted for
 * word_weight(); "prefix" words also match words they start ("comments",
 * "sidebar2").
 */

struct class_word {
	const char	*word;
	signed char	 weight;
	bool		 prefix;
};

static const struct class_word class_words[] = {
	{ "ad", -2, false },
	{ "ads", -2, false },
	{ "adsbygoogle", -2, false },
	{ "adslot", -2, true },
	{ "adspot", -2, true },
	{ "adunit", -2, true },
	{ "adv", -2, false },
	{ "advert", -2, true },
	{ "article", 1, false },
	{ "author", -1, false },
	{ "banner", -1, true },
	{ "blog", 1, false },
	{ "body", 1, false },
	{ "breadcrumb", -1, true },
	{ "byline", -1, true },
	{ "comment", -2, true },
	{ "community", -1, false },
	{ "content", 1, true },
	{ "cookie", -1, true },
	{ "crumbs", -1, false },
	{ "date", -1, false },
	{ "dateline", -1, false },
	{ "disqus", -2, true },
	{ "donate", -1, true },
	{ "dropdown", -1, false },
	{ "entries", 1, false },
	{ "entry", 1, true },
	{ "extra", -1, false },
	{ "eyebrow", -1, false },
	{ "follow", -1, false },
	{ "footer", -2, true },
	{ "gdpr", -1, false },
	{ "header", -2, false },
	{ "hentry", 1, false },
	{ "hidden", -2, false },
	{ "kicker", -1, false },
	{ "latest", -1, false },
	{ "login", -1, true },
	{ "main", 1, false },
	{ "masthead", -1, false },
	{ "menu", -1, true },
	{ "meta", -2, false },
	{ "modal", -1, false },
	{ "more", -1, false },
	{ "most", -1, false },
	{ "must", -1, false },
	{ "nav", -1, true },
	{ "newsletter", -2, true },
	{ "next", -1, false },
	{ "outbrain", -2, true },
	{ "pager", -1, false },
	{ "paginat", -1, true },
	{ "popular", -2, true },
	{ "popup", -1, false },
	{ "post", 1, false },
	{ "prev", -1, false },
	{ "previous", -1, false },
	{ "print", -1, false },
	{ "promo", -1, true },
	{ "readmore", -1, false },
	{ "recommend", -2, true },
	{ "related", -2, true },
	{ "replies", -2, false },
	{ "reply", -2, false },
	{ "respond", -2, false },
	{ "rss", -1, false },
	{ "share", -2, true },
	{ "sharing", -2, false },
	{ "shoutbox", -1, false },
	{ "sidebar", -2, true },
	{ "signup", -1, false },
	{ "skip", -1, false },
	{ "social", -2, true },
	{ "sponsor", -2, true },
	{ "story", 1, false },
	{ "subscri", -1, true },
	{ "taboola", -2, true },
	{ "tag", -1, false },
	{ "tagcloud", -1, false },
	{ "tags", -1, false },
	{ "text", 1, false },
	{ "timestamp", -1, false },
	{ "toolbar", -1, true },
	{ "trending", -2, false },
	{ "weather", -1, true },
	{ "widget", -2, true },
	{ "yarpp", -2, true },
};

/* Whole class names that mark the story's container in common themes and
 * CMSes (WordPress themes, Drupal, news sites). */
static const char *const content_classes[] = {
	"article-body", "article-content", "article-text", "article__body",
	"article__content", "articleBody", "articlebody", "c-entry-content",
	"content-body", "entry-body", "entry-content", "field--name-body",
	"field-name-body", "post-body", "post-content", "post-entry",
	"post-text", "story-body", "story-content", "story-text",
	"td-post-content",
};

static int
compare_class_word(const void *key, const void *entry)
{
	return strcmp(key, ((const struct class_word *)entry)->word);
}

static int
word_weight(const char *word)
{
	size_t lo = 0, hi = sizeof class_words / sizeof class_words[0], mid;
	const struct class_word *w;
	int cmp;

	w = bsearch(word, class_words, hi, sizeof class_words[0], compare_class_word);
	if (w != NULL)
		return w->weight;
	/* Prefix words sort before the words they start: look back from
	 * where word would go, among the entries with its first letter. */
	while (lo < hi) {
		mid = (lo + hi) / 2;
		cmp = strcmp(class_words[mid].word, word);
		if (cmp < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	while (lo > 0 && class_words[lo - 1].word[0] == word[0]) {
		w = &class_words[--lo];
		if (w->prefix && strncmp(word, w->word, strlen(w->word)) == 0)
			return w->weight;
	}
	return 0;
}

/* The weight of one class name or id, word by word. */
static int
name_weight(const char *s, size_t len)
{
	char word[32];
	size_t i, n = 0;
	int weight = 0;

	/* WordPress's post_class() adds "category-NAME" and "tag-NAME" for
	 * the post's terms: a category called "ads" says nothing of layout. */
	if ((len > 9 && memcmp(s, "category-", 9) == 0) || (len > 4 && memcmp(s, "tag-", 4) == 0))
		return 0;
	if ((len == 18 && memcmp(s, "screen-reader-text", 18) == 0) ||
	    (len == 7 && memcmp(s, "sr-only", 7) == 0) ||
	    (len == 15 && memcmp(s, "visually-hidden", 15) == 0))
		return -2;
	for (i = 0; i <= len; i++) {
		bool split = i == len || s[i] == '-' || s[i] == '_' ||
		    (i > 0 && s[i] >= 'A' && s[i] <= 'Z' && s[i - 1] >= 'a' && s[i - 1] <= 'z');

		if (split && n > 0) {
			word[n < sizeof word ? n : sizeof word - 1] = '\0';
			if (n < sizeof word)
				weight += word_weight(word);
			n = 0;
		}
		if (i < len && s[i] != '-' && s[i] != '_') {
			if (n + 1 < sizeof word)
				word[n] = (char)extract_lower((unsigned char)s[i]);
			n++;
		}
	}
	return weight;
}

static bool
is_content_class(const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < sizeof content_classes / sizeof content_classes[0]; i++) {
		if (strlen(content_classes[i]) == len && memcmp(content_classes[i], s, len) == 0)
			return true;
	}
	return false;
}

/* Sum of the weights of the class names and the id; *content says whether
 * a class name is a known story container. */
static int
class_weight(const char *id, const char *class, bool *content)
{
	const char *p, *start;
	int weight = 0;

	*content = false;
	if (id != NULL)
		weight += name_weight(id, strlen(id));
	if (class == NULL)
		return weight;
	for (p = class; *p != '\0';) {
		while (extract_is_space((unsigned char)*p))
			p++;
		start = p;
		while (*p != '\0' && !extract_is_space((unsigned char)*p))
			p++;
		if (p > start) {
			weight += name_weight(start, (size_t)(p - start));
			if (is_content_class(start, (size_t)(p - start)))
				*content = true;
		}
	}
	return weight;
}

/* ---------------------------------------------------------------------
 * The page as an array of nodes in document order (a subtree is the range
 * [i, end)), holding what the analysis needs next to each gumbo node.
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

/* Characters of s as collapsed text; a white space run counts one. Commas
 * (also the fullwidth, ideographic and Arabic ones) go to *commas. */
static void
measure_text(const char *s, int *length, int *commas)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t left = strlen(s), n, skip;
	bool space = false, any = false;
	int chars = 0, c = 0;

	while (left > 0) {
		if ((n = extract_space_length(p, left)) > 0) {
			if (!space)
				chars++;
			space = true;
			p += n;
			left -= n;
			continue;
		}
		space = false;
		if (extract_is_unsafe(p, left, &skip)) {
			p += skip;
			left -= skip;
			continue;
		}
		any = true;
		if ((*p & 0xc0) != 0x80)
			chars++;
		if (*p == ',' || (left >= 3 && ((p[0] == 0xef && p[1] == 0xbc && p[2] == 0x8c) ||
		    (p[0] == 0xe3 && p[1] == 0x80 && p[2] == 0x81))) ||
		    (left >= 2 && p[0] == 0xd8 && p[1] == 0x8c))
			c++;
		p++;
		left--;
	}
	*length = any ? chars : 0;
	*commas = c;
}

static int
add_node(struct page *pg, const GumboNode *g, int parent, GumboTag tag, unsigned flags)
{
	struct node *n;
	int i;

	if (pg->n == pg->cap) {
		pg->cap = pg->cap == 0 ? 1024 : pg->cap * 2;
		pg->nodes = xreallocarray(pg->nodes, (size_t)pg->cap, sizeof *pg->nodes);
	}
	i = pg->n++;
	n = &pg->nodes[i];
	memset(n, 0, sizeof *n);
	n->gumbo = g;
	n->parent = parent;
	n->first_child = n->next = -1;
	n->end = i + 1;
	n->tag = tag;
	n->flags = flags;
	n->first_text = -1;
	return i;
}

/* Roles of WAI-ARIA landmarks and widgets that are never the story. */
static bool
is_chrome_role(const char *role)
{
	static const char *const roles[] = {
		"alert", "alertdialog", "banner", "complementary", "contentinfo",
		"dialog", "menu", "menubar", "navigation", "search", "tablist",
		"toolbar",
	};
	size_t i, len;

	len = strcspn(role, " \t\n\f\r");
	for (i = 0; i < sizeof roles / sizeof roles[0]; i++) {
		if (strlen(roles[i]) == len && extract_equal_nocase(role, roles[i], len))
			return true;
	}
	return false;
}

/* The attributes element_flags() reads, found in one pass. */
struct element_attributes {
	const char	*id, *class, *style, *role, *itemprop;
	bool		 hidden;
};

static void
read_attributes(const GumboNode *g, struct element_attributes *a)
{
	const GumboVector *attributes = &g->v.element.attributes;
	const GumboAttribute *attr;
	unsigned i;

	memset(a, 0, sizeof *a);
	for (i = 0; i < attributes->length; i++) {
		attr = attributes->data[i];
		switch (attr->name[0]) {
		case 'a':
			if (strcmp(attr->name, "aria-hidden") == 0 &&
			    extract_equal_nocase(attr->value, "true", 4) && attr->value[4] == '\0')
				a->hidden = true;
			break;
		case 'c':
			if (strcmp(attr->name, "class") == 0)
				a->class = attr->value;
			break;
		case 'h':
			if (strcmp(attr->name, "hidden") == 0)
				a->hidden = true;
			break;
		case 'i':
			if (strcmp(attr->name, "id") == 0)
				a->id = attr->value;
			else if (strcmp(attr->name, "itemprop") == 0)
				a->itemprop = attr->value;
			break;
		case 'r':
			if (strcmp(attr->name, "role") == 0)
				a->role = attr->value;
			break;
		case 's':
			if (strcmp(attr->name, "style") == 0)
				a->style = attr->value;
			break;
		default:
			break;
		}
	}
}

/* Hidden from readers: hidden, aria-hidden="true", or an inline style
 * display:none or visibility:hidden. */
static bool
is_hidden(const struct element_attributes *a)
{
	const char *p;
	char squeezed[128];
	size_t n = 0;

	if (a->hidden)
		return true;
	if (a->style == NULL)
		return false;
	for (p = a->style; *p != '\0' && n + 1 < sizeof squeezed; p++) {
		if (!extract_is_space((unsigned char)*p))
			squeezed[n++] = (char)extract_lower((unsigned char)*p);
	}
	squeezed[n] = '\0';
	return strstr(squeezed, "display:none") != NULL ||
	    strstr(squeezed, "visibility:hidden") != NULL;
}

/* Flags of an element the page keeps, or -1 for one left out whole. */
static int
element_flags(const GumboNode *g, GumboTag tag, GumboTag parent_tag)
{
	unsigned tf = tag == GUMBO_TAG_UNKNOWN ? extract_unknown_tag_flags(g) : extract_tag_flags[tag];
	struct element_attributes a;
	unsigned flags = 0;
	bool content;
	int weight;

	if (g->v.element.tag_namespace != GUMBO_NAMESPACE_HTML)
		return -1;
	/* A quotation's attribution is in a <footer> inside it (HTML 4.4.4). */
	if (tag == GUMBO_TAG_FOOTER && parent_tag == GUMBO_TAG_BLOCKQUOTE)
		tf &= ~(unsigned)TF_DROP;
	/* Landmarks go later, unless left open they hold the story. */
	if (tag == GUMBO_TAG_NAV || tag == GUMBO_TAG_ASIDE || tag == GUMBO_TAG_HEADER ||
	    tag == GUMBO_TAG_FOOTER) {
		if (tf & TF_DROP)
			flags |= NF_LANDMARK;
		tf &= ~(unsigned)TF_DROP;
	}
	if (tf & TF_DROP)
		return -1;
	read_attributes(g, &a);
	if (is_hidden(&a))
		return -1;
	if (a.role != NULL && is_chrome_role(a.role))
		return -1;
	if (tf & TF_BLOCK)
		flags |= NF_BLOCK;
	weight = class_weight(a.id, a.class, &content);
	if (weight > 0)
		flags |= NF_POSITIVE;
	else if (weight < 0)
		flags |= NF_NEGATIVE;
	if (content)
		flags |= NF_CONTENT;
	if (a.itemprop != NULL && strstr(a.itemprop, "articleBody") != NULL)
		flags |= NF_BODY_HINT;
	if (!(flags & NF_NEGATIVE) && ((flags & (NF_CONTENT | NF_BODY_HINT)) ||
	    tag == GUMBO_TAG_ARTICLE || tag == GUMBO_TAG_MAIN ||
	    (a.role != NULL && extract_equal_nocase(a.role, "main", 4) && a.role[4] == '\0')))
		flags |= NF_HINT;
	return (int)flags;
}

struct walk {
	const GumboNode	*gumbo;
	int		 index;		/* -1 inside a subtree left out */
	int		 last_child;	/* the last node linked under it, or -1 */
	unsigned	 next_child;
};

/* Candidates for the title found in the body: the first <h1>s and the first
 * element marked itemprop="headline" (schema.org). */
struct headlines {
	bool	 want;
	char	*h1[8];
	size_t	 n_h1;
	char	*headline;
};

static void
note_headline(struct headlines *h, const GumboNode *g)
{
	const GumboVector *attributes = &g->v.element.attributes;
	const GumboAttribute *a;
	unsigned i;

	if (!h->want)
		return;
	if (g->v.element.tag == GUMBO_TAG_H1 && h->n_h1 < sizeof h->h1 / sizeof h->h1[0])
		h->h1[h->n_h1++] = extract_gumbo_text(g);
	if (h->headline != NULL)
		return;
	/* gumbo's lookup compares without case, slowly; names are lower
	 * case already. */
	for (i = 0; i < attributes->length; i++) {
		a = attributes->data[i];
		if (a->name[0] == 'i' && strcmp(a->name, "itemprop") == 0 &&
		    strcmp(a->value, "headline") == 0) {
			h->headline = extract_gumbo_text(g);
			return;
		}
	}
}

static void
headlines_free(struct headlines *h)
{
	size_t i;

	for (i = 0; i < h->n_h1; i++)
		free(h->h1[i]);
	free(h->headline);
	memset(h, 0, sizeof *h);
}

/* The nodes of the body, in document order, without the elements that are
 * never a story (element_flags). Iterative: the depth is bounded only by
 * MAX_NESTING. Subtrees left out are still walked for headlines when those
 * are wanted (the headline is often in a <header>). */
static void
build_page(struct page *pg, const GumboNode *body, size_t text_len, struct headlines *h)
{
	struct walk *stack, *top;
	size_t depth = 0;
	const GumboNode *g;
	const GumboVector *children;
	GumboTag tag;
	int i, flags;

	stack = xreallocarray(NULL, EXTRACT_MAX_DEPTH + 1, sizeof *stack);
	/* Pages have a node for every 30 to 40 bytes of slimmed markup;
	 * growing the array as it fills would copy it several times. */
	pg->cap = (int)(text_len / 32 < MAX_NODES ? text_len / 32 : MAX_NODES) + 1024;
	pg->nodes = xreallocarray(NULL, (size_t)pg->cap, sizeof *pg->nodes);
	i = add_node(pg, body, -1, GUMBO_TAG_BODY, NF_BLOCK);
	stack[depth++] = (struct walk){ body, i, -1, 0 };
	while (depth > 0) {
		top = &stack[depth - 1];
		children = &top->gumbo->v.element.children;
		if (top->next_child >= children->length || pg->n >= MAX_NODES) {
			if (top->index >= 0)
				pg->nodes[top->index].end = pg->n;
			depth--;
			continue;
		}
		g = children->data[top->next_child++];
		if (g->type == GUMBO_NODE_ELEMENT && g->v.element.tag_namespace == GUMBO_NAMESPACE_HTML)
			note_headline(h, g);
		if (top->index < 0) {
			/* Inside a subtree left out: headlines only. */
			if (g->type == GUMBO_NODE_ELEMENT && depth < EXTRACT_MAX_DEPTH)
				stack[depth++] = (struct walk){ g, -1, -1, 0 };
			continue;
		}
		if (g->type == GUMBO_NODE_TEXT || g->type == GUMBO_NODE_WHITESPACE ||
		    g->type == GUMBO_NODE_CDATA) {
			i = add_node(pg, g, top->index, GUMBO_TAG_UNKNOWN, NF_TEXT);
			/* Text does not change between attempts: measured once. */
			measure_text(g->v.text.text, &pg->nodes[i].length,
			    &pg->nodes[i].own_commas);
		} else if (g->type == GUMBO_NODE_ELEMENT && depth < EXTRACT_MAX_DEPTH) {
			tag = g->v.element.tag;
			if ((flags = element_flags(g, tag, pg->nodes[top->index].tag)) < 0) {
				if (h->want && g->v.element.tag_namespace == GUMBO_NAMESPACE_HTML)
					stack[depth++] = (struct walk){ g, -1, -1, 0 };
				continue;
			}
			i = add_node(pg, g, top->index, tag, (unsigned)flags);
		} else {
			continue;
		}
		if (top->last_child < 0)
			pg->nodes[top->index].first_child = i;
		else
			pg->nodes[top->last_child].next = i;
		top->last_child = i;
		if (g->type == GUMBO_NODE_ELEMENT)
			stack[depth++] = (struct walk){ g, i, -1, 0 };
	}
	free(stack);
}

/* ---------------------------------------------------------------------
 * The analysis: sums over the tree, chrome found by its content, scores.
 */

enum {
	ATTEMPT_CLASSES	= 1 << 0,	/* drop elements whose class says chrome */
};

static double
link_density(const struct node *nd)
{
	return nd->length > 0 ? (double)nd->link_length / nd->length : 0;
}

/* Which nodes hold blocks and hints; elements holding blocks are blocks. */
static void
mark_structure(struct page *pg)
{
	struct node *nd;
	int i;

	for (i = pg->n - 1; i > 0; i--) {
		nd = &pg->nodes[i];
		if (nd->flags & (NF_BLOCK | NF_HAS_BLOCK))
			pg->nodes[nd->parent].flags |= NF_HAS_BLOCK;
	}
	for (i = 0; i < pg->n; i++) {
		if (pg->nodes[i].flags & NF_HAS_BLOCK)
			pg->nodes[i].flags |= NF_BLOCK;
	}
}

/* Down the tree: dropped subtrees and link text. Then up: the sums. */
static void
measure(struct page *pg)
{
	struct node *nd, *parent;
	int i, b;

	for (i = 0; i < pg->n; i++) {
		nd = &pg->nodes[i];
		nd->flags &= ~(unsigned)(NF_DROPPED | NF_IN_LINK | NF_SCORED | NF_KEY);
		nd->score = 0;
		if (nd->parent >= 0)
			nd->flags |= pg->nodes[nd->parent].flags & (NF_DROPPED | NF_IN_LINK);
		if (nd->flags & NF_DROP)
			nd->flags |= NF_DROPPED;
		if (nd->tag == GUMBO_TAG_A && !(nd->flags & NF_TEXT))
			nd->flags |= NF_IN_LINK;
		if (!(nd->flags & NF_TEXT)) {
			nd->length = nd->link_length = nd->own_length = 0;
			nd->own_commas = nd->paragraphs = 0;
		}
		nd->first_text = -1;
	}
	pg->total_paragraphs = 0;
	for (i = pg->n - 1; i >= 0; i--) {
		nd = &pg->nodes[i];
		if (nd->flags & NF_DROPPED)
			continue;
		if (nd->flags & NF_TEXT) {
			nd->link_length = (nd->flags & NF_IN_LINK) ? nd->length : 0;
			if (nd->length > 0)
				nd->first_text = i;
			/* Its nearest block gets it as inline text. */
			for (b = nd->parent; b > 0 && !(pg->nodes[b].flags & NF_BLOCK);
			    b = pg->nodes[b].parent)
				;
			pg->nodes[b].own_length += nd->length;
			pg->nodes[b].own_commas += nd->own_commas;
		} else if (nd->own_length >= MIN_PARAGRAPH) {
			nd->paragraphs += nd->own_length;
			pg->total_paragraphs += nd->own_length;
		}
		if (nd->parent < 0)
			continue;
		parent = &pg->nodes[nd->parent];
		parent->length += nd->length;
		parent->link_length += nd->link_length;
		if (!(nd->flags & NF_TEXT))
			parent->paragraphs += nd->paragraphs;
		/* Later siblings come first here: the earliest wins. */
		if (nd->first_text >= 0)
			parent->first_text = nd->first_text;
	}
	/* A hint protects what holds it only when it holds a good part of
	 * the text: teasers in a list of other stories are <article>s too. */
	for (i = pg->n - 1; i >= 0; i--) {
		nd = &pg->nodes[i];
		if ((nd->flags & NF_HINT) && !(nd->flags & NF_DROPPED) &&
		    nd->paragraphs > 0 && nd->paragraphs * 3 >= pg->total_paragraphs)
			nd->flags |= NF_KEY;
		if ((nd->flags & NF_KEY) && nd->parent >= 0)
			pg->nodes[nd->parent].flags |= NF_KEY;
	}
}

/* The collapsed text of a subtree, cut after about limit bytes. */
static void
node_text(const struct page *pg, int i, struct buf *out, size_t limit)
{
	const struct node *nd;
	bool space = false;
	int k;

	buf_reset(out);
	for (k = i; k < pg->nodes[i].end && out->len < limit; k++) {
		nd = &pg->nodes[k];
		if ((nd->flags & NF_TEXT) && !(nd->flags & NF_DROPPED))
			extract_append_collapsed(out, nd->gumbo->v.text.text, &space);
	}
	if (out->data == NULL)
		buf_append(out, "", 0);
}

static bool
is_word_byte(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (unsigned char)c >= 0x80;
}

/* Lower-case ASCII and trim the dashes, bars, colons and bullets people put
 * around labels ("- Advertisement -", "Related:", "» More"). */
static void
normalize_label(struct buf *b)
{
	static const char *const marks[] = {
		" ", "-", "|", ":", "\xe2\x80\x93", "\xe2\x80\x94", "\xc2\xbb",
		"\xe2\x80\xba", "\xc2\xb7", "\xe2\x80\xa2", "\xc2\xab",
	};
	size_t i, start = 0, end = b->len, n;
	bool trimmed;

	for (i = 0; i < b->len; i++)
		b->data[i] = (char)extract_lower((unsigned char)b->data[i]);
	if (b->len == 0 || (is_word_byte(b->data[0]) && is_word_byte(b->data[b->len - 1])))
		return;
	do {
		trimmed = false;
		for (i = 0; i < sizeof marks / sizeof marks[0]; i++) {
			n = strlen(marks[i]);
			if (end - start >= n && memcmp(b->data + start, marks[i], n) == 0) {
				start += n;
				trimmed = true;
			}
			if (end - start >= n && memcmp(b->data + end - n, marks[i], n) == 0) {
				end -= n;
				trimmed = true;
			}
		}
	} while (trimmed && start < end);
	memmove(b->data, b->data + start, end - start);
	b->len = end - start;
	b->data[b->len] = '\0';
}

static int
compare_string(const void *key, const void *entry)
{
	return strcmp(key, *(const char *const *)entry);
}

/* Whether s is in list (sorted), or, with prefix set, starts with an entry
 * followed by ':' ("Related: ...") or starts "more from " ("More from
 * Cyprus"). */
static bool
in_list(const char *s, const char *const *list, size_t n, bool prefix)
{
	char head[64];
	const char *colon;
	size_t len;

	if (bsearch(s, list, n, sizeof list[0], compare_string) != NULL)
		return true;
	if (!prefix)
		return false;
	if (strncmp(s, "more from ", 10) == 0)
		return true;
	if ((colon = strchr(s, ':')) == NULL || (len = (size_t)(colon - s)) >= sizeof head)
		return false;
	memcpy(head, s, len);
	head[len] = '\0';
	return bsearch(head, list, n, sizeof list[0], compare_string) != NULL;
}

/* The label of an ad slot, in the languages of the feeds people read.
 * Sorted (by bytes) for in_list(). */
static bool
is_ad_label(const char *s)
{
	static const char *const labels[] = {
		"ad", "ads", "advert", "advertisement", "advertising", "anzeige",
		"paid content", "promoted", "pubblicit\xc3\xa0", "publicidad",
		"publicit\xc3\xa9", "reklama", "sponsored", "sponsored content",
		"werbung",
		"\xce\x94\xce\x99\xce\x91\xce\xa6\xce\x97\xce\x9c\xce\x99\xce\xa3\xce\x97",
		"\xce\x94\xce\xb9\xce\xb1\xcf\x86\xce\xae\xce\xbc\xce\xb9\xcf\x83\xce\xb7",
	};

	return in_list(s, labels, sizeof labels / sizeof labels[0], false);
}

/* Headings of lists of other stories. Sorted (by bytes) for in_list(). */
static bool
is_list_heading(const char *s)
{
	static const char *const headings[] = {
		"also read", "don't miss", "editor's picks", "editors' picks",
		"further reading", "in other news", "latest", "latest article",
		"latest articles", "latest news", "latest posts", "latest stories",
		"more articles", "more from", "more news", "more stories",
		"most popular", "most read", "most viewed", "must read", "popular",
		"popular posts", "read also", "read more", "read next",
		"recommended", "recommended for you", "related", "related articles",
		"related news", "related posts", "related stories", "see also",
		"top stories", "trending", "trending now", "up next",
		"what to read next", "you may also like", "you may have missed",
		"you might also like",
		/* Greek: see also, popular, read also, latest news. */
		"\xce\x94\xce\xb5\xce\xaf\xcf\x84\xce\xb5 \xce\xb5\xcf\x80\xce\xaf\xcf\x83\xce\xb7\xcf\x82",
		"\xce\x94\xce\xb7\xce\xbc\xce\xbf\xcf\x86\xce\xb9\xce\xbb\xce\xae",
		"\xce\x94\xce\xb9\xce\xb1\xce\xb2\xce\xac\xcf\x83\xcf\x84\xce\xb5 \xce\xb5\xcf\x80\xce\xaf\xcf\x83\xce\xb7\xcf\x82",
		"\xce\xa4\xce\xb5\xce\xbb\xce\xb5\xcf\x85\xcf\x84\xce\xb1\xce\xaf\xce\xb1 \xce\xbd\xce\xad\xce\xb1",
	};

	return in_list(s, headings, sizeof headings / sizeof headings[0], true);
}

/* Tags whose text is a paragraph in itself, never a wrapper of chrome. */
static bool
is_text_block(GumboTag tag)
{
	switch (tag) {
	case GUMBO_TAG_P: case GUMBO_TAG_LI: case GUMBO_TAG_PRE:
	case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_TD: case GUMBO_TAG_TH:
	case GUMBO_TAG_DT: case GUMBO_TAG_DD: case GUMBO_TAG_FIGCAPTION:
	case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3:
	case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6:
		return true;
	default:
		return false;
	}
}

/* Mark chrome found by what it holds (and, on the first attempt, by its
 * class): ad slots by their label, lists of other stories by their heading,
 * link-dense containers. Reads the sums of measure(). */
static void
mark_chrome(struct page *pg, unsigned attempt)
{
	struct buf text = BUF_INIT;
	struct node *nd;
	bool space;
	int i, k, best;

	for (i = 1; i < pg->n; i++) {
		nd = &pg->nodes[i];
		if ((nd->flags & NF_DROPPED) || nd->tag == GUMBO_TAG_BODY)
			continue;
		if ((nd->flags & NF_LANDMARK) && nd->paragraphs * 2 <= pg->total_paragraphs) {
			nd->flags |= NF_DROP;
			continue;
		}
		if (nd->flags & NF_TEXT) {
			if (nd->length == 0 || nd->length > 60)
				continue;
			buf_reset(&text);
			space = false;
			extract_append_collapsed(&text, nd->gumbo->v.text.text, &space);
			if (text.data == NULL)
				continue;
			normalize_label(&text);
			if (nd->length <= 30 && is_ad_label(text.data)) {
				/* The slot around an ad's label, with its image. */
				for (k = nd->parent; pg->nodes[k].parent > 0; k = pg->nodes[k].parent) {
					const struct node *up = &pg->nodes[pg->nodes[k].parent];

					if ((up->flags & NF_KEY) || up->length - nd->length > 10)
						break;
				}
				if (k > 0)
					pg->nodes[k].flags |= NF_DROP;
				continue;
			}
			/* A heading like "Must read" or "More articles": the
			 * largest link-dense container it heads goes. */
			if (!is_list_heading(text.data))
				continue;
			best = -1;
			for (k = nd->parent; k > 0 && pg->nodes[k].first_text == i;
			    k = pg->nodes[k].parent) {
				if (!(pg->nodes[k].flags & NF_KEY) &&
				    link_density(&pg->nodes[k]) >= 0.5)
					best = k;
				else if (best >= 0)
					break;
			}
			if (best >= 0)
				pg->nodes[best].flags |= NF_DROP;
			continue;
		}
		if ((attempt & ATTEMPT_CLASSES) && (nd->flags & NF_NEGATIVE) &&
		    !(nd->flags & NF_KEY) && nd->paragraphs * 2 <= pg->total_paragraphs) {
			nd->flags |= NF_DROP;
			continue;
		}
		if (nd->flags & NF_KEY)
			continue;
		/* Sign-up, log-in and comment forms; but some sites (ASP.NET)
		 * wrap the whole page in one. */
		if (nd->tag == GUMBO_TAG_FORM && nd->paragraphs * 2 <= pg->total_paragraphs) {
			nd->flags |= NF_DROP;
			continue;
		}
		if (((nd->flags & NF_HAS_BLOCK) || nd->tag == GUMBO_TAG_UL ||
		    nd->tag == GUMBO_TAG_OL || nd->tag == GUMBO_TAG_DL ||
		    nd->tag == GUMBO_TAG_TABLE) && link_density(nd) > 0.5)
			nd->flags |= NF_DROP;
		else if ((nd->flags & NF_BLOCK) && !is_text_block(nd->tag) &&
		    nd->length > 0 && nd->length < 200 && link_density(nd) >= 0.9)
			nd->flags |= NF_DROP;
	}
	buf_free(&text);
}

/* readability's starting score for a container. */
static double
initial_score(const struct node *nd)
{
	double score = 0;

	switch (nd->tag) {
	case GUMBO_TAG_DIV:
		score = 5;
		break;
	case GUMBO_TAG_ARTICLE:
		score = 10;
		break;
	case GUMBO_TAG_PRE: case GUMBO_TAG_TD: case GUMBO_TAG_BLOCKQUOTE:
		score = 3;
		break;
	case GUMBO_TAG_ADDRESS: case GUMBO_TAG_OL: case GUMBO_TAG_UL:
	case GUMBO_TAG_DL: case GUMBO_TAG_DD: case GUMBO_TAG_DT:
	case GUMBO_TAG_LI: case GUMBO_TAG_FORM:
		score = -3;
		break;
	case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3:
	case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6:
	case GUMBO_TAG_TH:
		score = -5;
		break;
	default:
		break;
	}
	if (nd->flags & NF_POSITIVE)
		score += 25;
	if (nd->flags & NF_NEGATIVE)
		score -= 25;
	if (nd->flags & NF_BODY_HINT)
		score += 50;
	if (nd->flags & NF_CONTENT)
		score += 25;
	return score;
}

/*
 * Score as readability does: each paragraph (a block with enough inline
 * text of its own) gives 1, one per comma and one per 100 characters (at
 * most 3) to its container, half to the next one up and a third of a level
 * further up to three more; then each container's score shrinks by its link
 * density. Returns the best container, or -1.
 */
static int
score_page(struct page *pg)
{
	struct node *nd, *up;
	double points, best_score = 0;
	int i, k, level, best = -1;

	for (i = 0; i < pg->n; i++) {
		nd = &pg->nodes[i];
		if ((nd->flags & (NF_DROPPED | NF_TEXT)) || nd->own_length < MIN_PARAGRAPH ||
		    nd->tag == GUMBO_TAG_LI)
			continue;
		points = 1 + nd->own_commas + (nd->own_length / 100 < 3 ? nd->own_length / 100 : 3);
		/* Text beside blocks is a paragraph of its own container. */
		k = (nd->flags & NF_HAS_BLOCK) ? i : nd->parent;
		for (level = 0; k >= 0 && level < 5; level++, k = pg->nodes[k].parent) {
			up = &pg->nodes[k];
			if (!(up->flags & NF_SCORED)) {
				up->score = initial_score(up);
				up->flags |= NF_SCORED;
			}
			up->score += points / (level == 0 ? 1 : level == 1 ? 2 : level * 3);
		}
	}
	for (i = 0; i < pg->n; i++) {
		nd = &pg->nodes[i];
		if (!(nd->flags & NF_SCORED))
			continue;
		nd->score *= 1 - link_density(nd);
		if (best < 0 || nd->score > best_score) {
			best = i;
			best_score = nd->score;
		}
	}
	return best;
}

/* The siblings that belong with the best container (readability: those
 * that score well, and paragraphs that read like story). Writes node
 * indices to picked, in document order; returns how many. */
static int
pick_siblings(const struct page *pg, int top, int *picked, int max)
{
	const struct node *nd, *t = &pg->nodes[top];
	double threshold = t->score * 0.2 > 10 ? t->score * 0.2 : 10;
	struct buf text = BUF_INIT;
	int n = 0, k;

	if (t->parent < 0) {
		picked[0] = top;
		return 1;
	}
	for (k = pg->nodes[t->parent].first_child; k >= 0 && n < max; k = pg->nodes[k].next) {
		nd = &pg->nodes[k];
		if (k == top) {
			picked[n++] = k;
			continue;
		}
		if (nd->flags & (NF_DROPPED | NF_TEXT))
			continue;
		if ((nd->flags & NF_SCORED) && nd->score >= threshold) {
			picked[n++] = k;
			continue;
		}
		if (nd->tag != GUMBO_TAG_P)
			continue;
		if (nd->length > 80 && link_density(nd) < 0.25) {
			picked[n++] = k;
		} else if (nd->length > 0 && nd->length <= 80 && nd->link_length == 0) {
			node_text(pg, k, &text, 200);
			if (text.len > 0 && (text.data[text.len - 1] == '.' || strstr(text.data, ". ")))
				picked[n++] = k;
		}
	}
	buf_free(&text);
	return n;
}

/* ---------------------------------------------------------------------
 * Links and images: absolute http(s) (or mailto) URLs only, so that no
 * javascript: or data: URL and nothing relative to an unknown page is kept.
 */

/* ref as the WHATWG URL parser reads it: surrounding C0 controls and
 * spaces, and tabs and newlines anywhere, removed. */
static char *
clean_ref(const char *ref)
{
	const unsigned char *p = (const unsigned char *)ref;
	size_t len = strlen(ref);
	char *out, *o;

	while (len > 0 && *p <= 0x20) {
		p++;
		len--;
	}
	while (len > 0 && p[len - 1] <= 0x20)
		len--;
	out = o = xmalloc(len + 1);
	for (; len > 0; p++, len--) {
		if (*p != '\t' && *p != '\n' && *p != '\r')
			*o++ = (char)*p;
	}
	*o = '\0';
	return out;
}

static char *
link_target(const struct page *pg, const char *ref, bool mailto)
{
	char *clean, *resolved;

	if (ref == NULL)
		return NULL;
	clean = clean_ref(ref);
	if (clean[0] == '\0') {
		free(clean);
		return NULL;
	}
	if (mailto && extract_equal_nocase(clean, "mailto:", 7) && clean[7] != '\0')
		return clean;
	resolved = url_resolve(pg->base, clean);
	free(clean);
	if (resolved != NULL && url_is_http(resolved))
		return resolved;
	free(resolved);
	return NULL;
}

/* The image's source: src, or what lazy loaders keep the real one in when
 * src is a placeholder (a data: URL). */
static char *
image_source(const struct page *pg, const GumboNode *g)
{
	static const char *const names[] = {
		"src", "data-src", "data-lazy-src", "data-original", "data-url",
		"srcset", "data-srcset",
	};
	const char *value;
	char *first, *target;
	size_t i, len;

	for (i = 0; i < sizeof names / sizeof names[0]; i++) {
		if ((value = extract_attribute(g, names[i])) == NULL)
			continue;
		if (strstr(names[i], "srcset") != NULL) {
			/* The first candidate: a URL up to white space. */
			while (extract_is_space((unsigned char)*value))
				value++;
			len = strcspn(value, " \t\n\f\r");
			while (len > 0 && value[len - 1] == ',')
				len--;
			first = xstrndup(value, len);
			target = link_target(pg, first, false);
			free(first);
		} else {
			target = link_target(pg, value, false);
		}
		if (target != NULL)
			return target;
	}
	return NULL;
}

/* ---------------------------------------------------------------------
 * The cleaned HTML. Text that sits in containers we do not keep (a <div>
 * of the div soup, a table cell) goes into a <p> of its own (an "implicit"
 * block); inline elements are written only once text comes for them, so
 * that no empty <a> or <em> is left.
 */

struct open_inline {
	const char	*tag;
	char		*href;		/* for <a>; owned */
	bool		 written;
};

struct writer {
	const struct page *pg;
	struct buf	 out;
	size_t		 implicit_start;
	const char	*implicit;	/* "p" or "li" while one is open */
	bool		 list;		/* directly inside <ul> or <ol> */
	const char	*block;		/* the explicit text block we are in */
	int		 inline_depth;	/* inside an element that takes text */
	int		 pre;
	bool		 space;		/* a space is due before more text */
	bool		 content;	/* the open block has something */
	int		 breaks;	/* <br>s due */
	struct open_inline inlines[MAX_PENDING];
	int		 n_inlines;
	size_t		 text_length;
	bool		 title_done;
};

static void
escape(struct buf *out, const char *s, size_t len, bool in_attribute)
{
	size_t i, start = 0;
	const char *rep;

	for (i = 0; i < len; i++) {
		switch (s[i]) {
		case '&':
			rep = "&amp;";
			break;
		case '<':
			rep = "&lt;";
			break;
		case '>':
			rep = "&gt;";
			break;
		case '"':
			rep = in_attribute ? "&quot;" : NULL;
			break;
		default:
			rep = NULL;
			break;
		}
		if (rep == NULL)
			continue;
		buf_append(out, s + start, i - start);
		buf_append_str(out, rep);
		start = i + 1;
	}
	buf_append(out, s + start, len - start);
}

static void
open_implicit(struct writer *w)
{
	w->implicit = w->list ? "li" : "p";
	w->implicit_start = w->out.len;
	buf_appendf(&w->out, "<%s>", w->implicit);
	w->content = w->space = false;
	w->breaks = 0;
}

static void
close_implicit(struct writer *w)
{
	if (w->implicit == NULL)
		return;
	if (w->content) {
		buf_appendf(&w->out, "</%s>\n", w->implicit);
	} else {
		w->out.len = w->implicit_start;
		w->out.data[w->out.len] = '\0';
	}
	w->implicit = NULL;
	w->content = w->space = false;
	w->breaks = 0;
}

/* Everything due before the next text or image. */
static void
begin_content(struct writer *w)
{
	int i, written = 0;

	if (w->inline_depth == 0 && w->implicit == NULL)
		open_implicit(w);
	for (i = 0; i < w->n_inlines; i++)
		written += w->inlines[i].written;
	if (w->breaks > 0) {
		/* Two <br>s in loose text end a paragraph, as they look. */
		if (w->breaks >= 2 && w->implicit != NULL && written == 0) {
			close_implicit(w);
			open_implicit(w);
		} else {
			buf_append_str(&w->out, w->breaks >= 2 ? "<br><br>" : "<br>");
		}
		w->breaks = 0;
		w->space = false;
	}
	if (w->space) {
		buf_append_char(&w->out, ' ');
		w->text_length++;
		w->space = false;
	}
	for (i = 0; i < w->n_inlines; i++) {
		if (w->inlines[i].written)
			continue;
		if (w->inlines[i].href != NULL) {
			buf_append_str(&w->out, "<a href=\"");
			escape(&w->out, w->inlines[i].href, strlen(w->inlines[i].href), true);
			buf_append_str(&w->out, "\">");
		} else {
			buf_appendf(&w->out, "<%s>", w->inlines[i].tag);
		}
		w->inlines[i].written = true;
	}
	w->content = true;
}

static void
write_text(struct writer *w, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t left = strlen(s), n, skip;

	while (left > 0) {
		if (w->pre == 0 && (n = extract_space_length(p, left)) > 0) {
			/* Space before anything in a block is dropped. */
			if (w->content)
				w->space = true;
			p += n;
			left -= n;
			continue;
		}
		if (extract_is_unsafe(p, left, &skip)) {
			p += skip;
			left -= skip;
			continue;
		}
		if (!w->content || w->space || w->breaks > 0 ||
		    (w->n_inlines > 0 && !w->inlines[w->n_inlines - 1].written))
			begin_content(w);
		/* Copy the run up to the next space or character to drop. */
		for (n = 0; n < left; n += skip) {
			if ((w->pre == 0 && extract_space_length(p + n, left - n) > 0) ||
			    extract_is_unsafe(p + n, left - n, &skip))
				break;
			if ((p[n] & 0xc0) != 0x80)
				w->text_length++;
		}
		escape(&w->out, (const char *)p, n, false);
		p += n;
		left -= n;
	}
}

/* A block boundary: the end of loose text's paragraph, or a line break
 * inside a block that takes text. */
static void
boundary(struct writer *w)
{
	if (w->inline_depth > 0) {
		if (w->content && w->breaks == 0)
			w->breaks = 1;
		w->space = false;
	} else {
		close_implicit(w);
	}
}

static void write_children(struct writer *, int, int);

static bool
is_title(struct writer *w, int i)
{
	struct buf text = BUF_INIT;
	bool same;

	if (w->title_done || w->pg->title == NULL)
		return false;
	node_text(w->pg, i, &text, strlen(w->pg->title) + 8);
	same = strcmp(text.data, w->pg->title) == 0;
	buf_free(&text);
	if (same)
		w->title_done = true;
	return same;
}

/* p, h2-h6, li, figcaption, pre: blocks that take text. */
static void
write_text_block(struct writer *w, int i, const char *tag, int depth)
{
	const char *block = w->block;
	bool list = w->list;
	size_t start;

	if (w->inline_depth > 0) {
		boundary(w);
		write_children(w, i, depth);
		boundary(w);
		return;
	}
	close_implicit(w);
	start = w->out.len;
	buf_appendf(&w->out, "<%s>", tag);
	w->content = w->space = false;
	w->breaks = 0;
	w->inline_depth++;
	w->block = tag;
	w->list = false;
	if (strcmp(tag, "pre") == 0)
		w->pre++;
	write_children(w, i, depth);
	if (strcmp(tag, "pre") == 0)
		w->pre--;
	w->inline_depth--;
	w->block = block;
	w->list = list;
	if (w->content) {
		buf_appendf(&w->out, "</%s>\n", tag);
	} else {
		w->out.len = start;
		w->out.data[start] = '\0';
	}
	w->content = w->space = false;
	w->breaks = 0;
}

/* ul, ol, blockquote, figure: blocks that hold blocks. A list inside an
 * item nests; anything else inside a text block is flattened. */
static void
write_container(struct writer *w, int i, const char *tag, int depth)
{
	const char *block = w->block;
	bool list = w->list, is_list = tag[0] != 'b' && tag[0] != 'f';
	int inline_depth = w->inline_depth;
	size_t start, empty;

	if (w->inline_depth > 0 && !(is_list && block != NULL && strcmp(block, "li") == 0)) {
		boundary(w);
		write_children(w, i, depth);
		boundary(w);
		return;
	}
	close_implicit(w);
	start = w->out.len;
	buf_appendf(&w->out, "<%s>\n", tag);
	empty = w->out.len;
	w->inline_depth = 0;
	w->list = is_list;
	w->block = NULL;
	w->breaks = 0;
	w->space = false;
	write_children(w, i, depth);
	close_implicit(w);
	w->inline_depth = inline_depth;
	w->list = list;
	w->block = block;
	if (w->out.len == empty) {
		w->out.len = start;
		w->out.data[start] = '\0';
		if (inline_depth > 0)
			w->content = true;	/* the item had text before */
	} else {
		buf_appendf(&w->out, "</%s>\n", tag);
		w->content = inline_depth > 0;
	}
	w->space = false;
}

static void
write_inline(struct writer *w, int i, const char *tag, char *href, int depth)
{
	struct open_inline *o;

	if (w->n_inlines == MAX_PENDING) {
		free(href);
		write_children(w, i, depth);
		return;
	}
	o = &w->inlines[w->n_inlines++];
	o->tag = tag;
	o->href = href;
	o->written = false;
	write_children(w, i, depth);
	o = &w->inlines[--w->n_inlines];
	if (o->written)
		buf_appendf(&w->out, "</%s>", o->tag);
	free(o->href);
}

static void
write_image(struct writer *w, const GumboNode *g)
{
	const char *alt = extract_attribute(g, "alt");
	char *src = image_source(w->pg, g);

	if (src == NULL)
		return;
	begin_content(w);
	buf_append_str(&w->out, "<img src=\"");
	escape(&w->out, src, strlen(src), true);
	buf_append_char(&w->out, '"');
	if (alt != NULL) {
		struct buf clean = BUF_INIT;
		bool space = false;

		extract_append_collapsed(&clean, alt, &space);
		buf_append_str(&w->out, " alt=\"");
		escape(&w->out, clean.data != NULL ? clean.data : "", clean.len, true);
		buf_append_char(&w->out, '"');
		buf_free(&clean);
	}
	buf_append_char(&w->out, '>');
	free(src);
}

static void
write_node(struct writer *w, int i, int depth)
{
	const struct node *nd = &w->pg->nodes[i];
	static const char *const headings[] = { "h2", "h2", "h3", "h4", "h5", "h6" };
	char *href;

	if (nd->flags & NF_DROPPED)
		return;
	if (nd->flags & NF_TEXT) {
		write_text(w, nd->gumbo->v.text.text);
		return;
	}
	if (depth > EXTRACT_MAX_DEPTH)
		return;
	switch (nd->tag) {
	case GUMBO_TAG_P:
	case GUMBO_TAG_LI:
	case GUMBO_TAG_FIGCAPTION:
		write_text_block(w, i, gumbo_normalized_tagname(nd->tag), depth);
		break;
	case GUMBO_TAG_PRE:
	case GUMBO_TAG_LISTING:
		write_text_block(w, i, "pre", depth);
		break;
	case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3:
	case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6:
		/* The headline is the title, shown apart; h1 is for it. */
		if (nd->tag <= GUMBO_TAG_H3 && is_title(w, i))
			break;
		write_text_block(w, i, headings[nd->tag - GUMBO_TAG_H1], depth);
		break;
	case GUMBO_TAG_UL:
	case GUMBO_TAG_OL:
	case GUMBO_TAG_BLOCKQUOTE:
	case GUMBO_TAG_FIGURE:
		write_container(w, i, gumbo_normalized_tagname(nd->tag), depth);
		break;
	case GUMBO_TAG_A:
		/* A link to nowhere safe is written as its text. */
		href = NULL;
		if (!(nd->flags & NF_HAS_BLOCK))
			href = link_target(w->pg, extract_attribute(nd->gumbo, "href"), true);
		if (href != NULL)
			write_inline(w, i, "a", href, depth);
		else
			write_children(w, i, depth);
		break;
	case GUMBO_TAG_EM: case GUMBO_TAG_STRONG: case GUMBO_TAG_B:
	case GUMBO_TAG_I: case GUMBO_TAG_CODE:
		if (nd->flags & NF_HAS_BLOCK)
			write_children(w, i, depth);
		else
			write_inline(w, i, gumbo_normalized_tagname(nd->tag), NULL, depth);
		break;
	case GUMBO_TAG_BR:
		if (w->pre > 0) {
			begin_content(w);
			buf_append_char(&w->out, '\n');
		} else if (w->content) {
			w->breaks++;
			w->space = false;
		}
		break;
	case GUMBO_TAG_IMG:
	case GUMBO_TAG_IMAGE:
		write_image(w, nd->gumbo);
		break;
	default:
		if (nd->flags & NF_BLOCK) {
			boundary(w);
			write_children(w, i, depth);
			boundary(w);
		} else {
			write_children(w, i, depth);
		}
		break;
	}
}

static void
write_children(struct writer *w, int i, int depth)
{
	int k;

	for (k = w->pg->nodes[i].first_child; k >= 0; k = w->pg->nodes[k].next)
		write_node(w, k, depth + 1);
}

static char *
write_story(const struct page *pg, const int *picked, int n, size_t *text_length)
{
	struct writer w;
	int i;

	memset(&w, 0, sizeof w);
	w.pg = pg;
	buf_append(&w.out, "", 0);
	for (i = 0; i < n; i++)
		write_node(&w, picked[i], 0);
	close_implicit(&w);
	*text_length = w.text_length;
	return buf_detach(&w.out);
}

/* ---------------------------------------------------------------------
 * The title and the base URL, from the head (and the first <h1>s).
 */

static char *
collapsed(const char *s)
{
	struct buf out = BUF_INIT;
	bool space = false;

	extract_append_collapsed(&out, s, &space);
	return buf_detach(&out);
}

static size_t
count_words(const char *s, size_t len)
{
	size_t i, words = 0;
	bool in_word = false;

	for (i = 0; i < len; i++) {
		if (s[i] == ' ')
			in_word = false;
		else if (!in_word) {
			in_word = true;
			words++;
		}
	}
	return words;
}

/*
 * A <title> without the site's name: "Story - Site", "Site :: Story",
 * "Story | Section | Site". The longest part is kept when it has three
 * words or more and every other part is less than half as long; otherwise
 * the title stays whole ("Brexit - what now?" is a title, not a site).
 */
static char *
trim_site_name(char *title)
{
	static const char *const separators[] = {
		" | ", " - ", " \xe2\x80\x93 ", " \xe2\x80\x94 ", " :: ", " \xc2\xbb ", " / ",
	};
	const char *parts[16], *p, *sep;
	size_t lengths[16], n = 0, i, k, best = 0, seplen = 0;

	for (i = 0; i < sizeof separators / sizeof separators[0]; i++) {
		if (strstr(title, separators[i]) != NULL) {
			sep = separators[i];
			seplen = strlen(sep);
			break;
		}
	}
	if (seplen == 0)
		return title;
	for (p = title; n < 16; p += seplen) {
		parts[n] = p;
		if ((p = strstr(p, sep)) == NULL) {
			lengths[n] = strlen(parts[n]);
			n++;
			break;
		}
		lengths[n] = (size_t)(p - parts[n]);
		n++;
	}
	if (n < 2 || n == 16)
		return title;
	for (i = 1; i < n; i++) {
		if (lengths[i] > lengths[best])
			best = i;
	}
	if (count_words(parts[best], lengths[best]) < 3)
		return title;
	for (k = 0; k < n; k++) {
		if (k != best && lengths[k] * 2 >= lengths[best])
			return title;
	}
	memmove(title, parts[best], lengths[best]);
	title[lengths[best]] = '\0';
	return title;
}

/* The <title> and og:title of the head, or NULL. */
static void
read_head(const GumboNode *html, char **title, char **og)
{
	const GumboNode *head = extract_child_element(html, GUMBO_TAG_HEAD), *g;
	const char *property, *content;
	size_t i;

	*title = *og = NULL;
	for (i = 0; head != NULL && i < head->v.element.children.length; i++) {
		g = head->v.element.children.data[i];
		if (g->type != GUMBO_NODE_ELEMENT)
			continue;
		if (g->v.element.tag == GUMBO_TAG_TITLE && *title == NULL) {
			*title = extract_gumbo_text(g);
		} else if (g->v.element.tag == GUMBO_TAG_META && *og == NULL &&
		    (property = extract_attribute(g, "property")) != NULL &&
		    strcmp(property, "og:title") == 0 &&
		    (content = extract_attribute(g, "content")) != NULL) {
			*og = collapsed(content);
			if ((*og)[0] == '\0') {
				free(*og);
				*og = NULL;
			}
		}
	}
}

/*
 * The story's title (taking title and og): og:title (what the site itself
 * offers for sharing), else the schema.org headline, else an <h1> that the
 * <title> contains (the <title> usually adds the site's name; a logo's <h1>
 * is short beside it), else the <title> without the site's name, else the
 * first <h1>.
 */
static char *
choose_title(char *title, char *og, struct headlines *h)
{
	char *best = NULL;
	size_t i;

	if (og != NULL) {
		free(title);
		return og;
	}
	if (h->headline != NULL && h->headline[0] != '\0') {
		best = h->headline;
		h->headline = NULL;
	}
	for (i = 0; i < h->n_h1 && best == NULL; i++) {
		if (h->h1[i][0] != '\0' && (title == NULL || title[0] == '\0' ||
		    (strstr(title, h->h1[i]) != NULL && strlen(h->h1[i]) * 2 >= strlen(title)))) {
			best = h->h1[i];
			h->h1[i] = xstrdup("");
		}
	}
	if (best != NULL) {
		free(title);
		return best;
	}
	if (title != NULL && title[0] != '\0')
		return trim_site_name(title);
	free(title);
	return NULL;
}

/* The document's base URL (HTML 2.4.1): the first <base href> resolved
 * against the page's address. */
static char *
find_base(const GumboNode *html, const char *base_url)
{
	const GumboNode *head = extract_child_element(html, GUMBO_TAG_HEAD), *base;
	const char *href;
	char *clean, *resolved;

	base = head != NULL ? extract_child_element(head, GUMBO_TAG_BASE) : NULL;
	if (base == NULL || (href = extract_attribute(base, "href")) == NULL)
		return base_url != NULL && base_url[0] != '\0' ? xstrdup(base_url) : NULL;
	clean = clean_ref(href);
	resolved = url_resolve(base_url, clean);
	free(clean);
	if (resolved != NULL && url_is_http(resolved))
		return resolved;
	free(resolved);
	return base_url != NULL && base_url[0] != '\0' ? xstrdup(base_url) : NULL;
}

/* ---------------------------------------------------------------------
 * The story.
 */

static int
fail(char **error, const char *message)
{
	if (error != NULL)
		*error = xstrdup(message);
	return -1;
}

/* Why the bytes are not an HTML page, or NULL when they may be one. */
static const char *
not_html(const unsigned char *p, size_t len, const char *charset)
{
	size_t i, n = len < SNIFF_SIZE ? len : SNIFF_SIZE, controls = 0;

	if (len >= 5 && memcmp(p, "%PDF-", 5) == 0)
		return "not an HTML page (a PDF document)";
	/* UTF-16 and UTF-32 have NUL bytes in every ASCII character. */
	if (strncmp(charset, "UTF-16", 6) != 0 && strncmp(charset, "UTF-32", 6) != 0) {
		for (i = 0; i < n; i++) {
			if (p[i] == 0)
				return "not an HTML page (binary data)";
			if (p[i] < 0x20 && !extract_is_space(p[i]) && p[i] != 0x1b)
				controls++;
		}
		if (controls * 10 > n)
			return "not an HTML page (binary data)";
		while (len > 0 && extract_is_space(*p)) {
			p++;
			len--;
		}
		if (len > 0 && (*p == '{' || *p == '['))
			return "not an HTML page (JSON)";
		n = len < EXTRACT_PRESCAN_SIZE ? len : EXTRACT_PRESCAN_SIZE;
		if (memchr(p, '<', n) == NULL)
			return "not an HTML page (plain text)";
		if (len >= 5 && memcmp(p, "<?xml", 5) == 0) {
			/* An RSS or Atom feed rather than a page. */
			for (i = 0; i + 5 < n; i++) {
				if (p[i] != '<')
					continue;
				if (extract_equal_nocase((const char *)p + i + 1, "html", 4))
					break;
				if (memcmp(p + i + 1, "rss", 3) == 0 || memcmp(p + i + 1, "feed", 4) == 0 ||
				    memcmp(p + i + 1, "rdf:RDF", i + 8 <= n ? 7 : 0) == 0)
					return "not an HTML page (a feed)";
			}
		}
	}
	return NULL;
}

/* The page as UTF-8, its byte-order mark gone. */
static char *
decode_page(const char *page, size_t len, const char *label, size_t *out_len)
{
	struct decoder *d = encoding_decoder_new(label);
	struct buf out = BUF_INIT;

	if (d == NULL)
		d = encoding_decoder_new("windows-1252");
	buf_reserve(&out, len + len / 8 + 16);
	encoding_decode(d, page, len, true, &out);
	encoding_decoder_free(&d);
	*out_len = out.len;
	return buf_detach(&out);
}

void
extract_result_free(struct extract_result *result)
{
	if (result == NULL)
		return;
	free(result->html);
	free(result->title);
	free(result->charset);
	memset(result, 0, sizeof *result);
}

int
extract_story(const char *page, size_t len, const char *base_url,
    const char *http_charset, struct extract_result *out, char **error)
{
	static const unsigned attempts[] = { ATTEMPT_CLASSES, 0 };
	char label[EXTRACT_CHARSET_SIZE], *text, message[80], *title, *og;
	struct headlines headlines;
	const char *why;
	struct extract_parsed parsed;
	struct page pg;
	const GumboNode *html, *body;
	size_t bom, text_len, i, story_length = 0;
	int top, picked[64], n_picked, status = -1;

	memset(out, 0, sizeof *out);
	if (error != NULL)
		*error = NULL;
	if (page == NULL)
		len = 0;
	for (i = 0; i < len && extract_is_space((unsigned char)page[i]); i++)
		;
	if (i == len)
		return fail(error, "the page is empty");
	if (len > EXTRACT_MAX_PAGE) {
		snprintf(message, sizeof message, "the page is larger than %zu MB",
		    EXTRACT_MAX_PAGE / (1024 * 1024));
		return fail(error, message);
	}
	extract_page_charset(page, len, http_charset, label, sizeof label, &bom);
	if ((why = not_html((const unsigned char *)page + bom, len - bom, label)) != NULL)
		return fail(error, why);

	text = decode_page(page + bom, len - bom, label, &text_len);
	if ((why = extract_parse(text, text_len, &parsed)) != NULL) {
		extract_parsed_free(&parsed);
		return fail(error, why);
	}
	html = parsed.output->root;
	body = extract_child_element(html, GUMBO_TAG_BODY);
	memset(&pg, 0, sizeof pg);
	if (body != NULL) {
		pg.base = find_base(html, base_url);
		read_head(html, &title, &og);
		memset(&headlines, 0, sizeof headlines);
		headlines.want = og == NULL;
		build_page(&pg, body, parsed.length, &headlines);
		pg.title = choose_title(title, og, &headlines);
		headlines_free(&headlines);
		mark_structure(&pg);
	}
	for (i = 0; body != NULL && i < sizeof attempts / sizeof attempts[0]; i++) {
		/* Chrome is found from the sums, then the sums are taken
		 * again without it. */
		measure(&pg);
		mark_chrome(&pg, attempts[i]);
		measure(&pg);
		if ((top = score_page(&pg)) < 0)
			goto next;
		n_picked = pick_siblings(&pg, top, picked, (int)(sizeof picked / sizeof picked[0]));
		free(out->html);
		out->html = write_story(&pg, picked, n_picked, &story_length);
		if (story_length >= MIN_STORY) {
			status = 0;
			break;
		}
next:
		for (top = 0; top < pg.n; top++)
			pg.nodes[top].flags &= ~(unsigned)NF_DROP;
	}
	if (status == 0) {
		out->title = pg.title;
		pg.title = NULL;
		out->charset = xstrdup(label);
		out->text_length = story_length;
	} else {
		free(out->html);
		out->html = NULL;
		fail(error, "no story found on the page");
	}
	free(pg.nodes);
	free(pg.base);
	free(pg.title);
	extract_parsed_free(&parsed);
	return status;
}

bool
extract_is_not_page(const char *media_type)
{
	static const char *const prefixes[] = { "image/", "audio/", "video/", "font/" };
	static const char *const types[] = {
		"application/gzip", "application/json", "application/pdf",
		"application/zip",
	};
	size_t i;

	if (media_type == NULL)
		return false;
	for (i = 0; i < sizeof prefixes / sizeof prefixes[0]; i++) {
		if (strncmp(media_type, prefixes[i], strlen(prefixes[i])) == 0)
			return true;
	}
	for (i = 0; i < sizeof types / sizeof types[0]; i++) {
		if (strcmp(media_type, types[i]) == 0)
			return true;
	}
	return false;
}
