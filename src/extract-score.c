/* extract-score.c: finding the story on a parsed page, readability-style:
 * the page's nodes with their sums, blocks scored and the best one picked
 * with its siblings. What counts as chrome is extract-chrome.c's; writing
 * what was found is extract-write.c's. */
#include "config.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include <gumbo.h>

#include "ascii.h"
#include "buf.h"
#include "extract.h"
#include "extract-internal.h"
#include "html.h"
#include "xmalloc.h"

/* Nodes analysed at most (an 8 MB page has far fewer). */
#define MAX_NODES	(4 * 1024 * 1024)
/* A block with less text than this is not a paragraph of a story. */
#define MIN_PARAGRAPH	25

/* ---------------------------------------------------------------------
 * The page as an array of nodes in document order (a subtree is the range
 * [i, end)), holding what the analysis needs next to each gumbo node.
 */

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
		if (ascii_equals(role, len, roles[i]))
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
			    ascii_casecmp(attr->value, "true") == 0)
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
		if (!html_is_space((unsigned char)*p))
			squeezed[n++] = (char)ascii_to_lower((unsigned char)*p);
	}
	squeezed[n] = '\0';
	return strstr(squeezed, "display:none") != NULL ||
	    strstr(squeezed, "visibility:hidden") != NULL;
}

/* Whether g starts a block of text: the elements that separate words in
 * html.c's one table, but for <br>, a break inside a block. */
static bool
is_block(const GumboNode *g, GumboTag tag)
{
	GumboStringPiece name;
	enum html_element e;

	if (tag == GUMBO_TAG_UNKNOWN) {
		name = g->v.element.original_tag;
		gumbo_tag_from_original_text(&name);
	} else {
		name.data = gumbo_normalized_tagname(tag);
		name.length = strlen(name.data);
	}
	e = html_element_of(name.data, name.length);
	return html_separates(e) && e != HTML_BR;
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
	if (is_block(g, tag))
		flags |= NF_BLOCK;
	weight = extract_class_weight(a.id, a.class, &content);
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
	    (a.role != NULL && ascii_casecmp(a.role, "main") == 0)))
		flags |= NF_HINT;
	return (int)flags;
}

struct walk {
	const GumboNode	*gumbo;
	int		 index;		/* -1 inside a subtree left out */
	int		 last_child;	/* the last node linked under it, or -1 */
	unsigned	 next_child;
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

void
extract_headlines_free(struct headlines *h)
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
void
extract_build_page(struct page *pg, const GumboNode *body, size_t text_len, struct headlines *h)
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
 * The analysis: sums over the tree and scores (chrome is extract-chrome.c).
 */

/* Which nodes hold blocks and hints; elements holding blocks are blocks. */
void
extract_mark_structure(struct page *pg)
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
void
extract_measure(struct page *pg)
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
void
extract_node_text(const struct page *pg, int i, struct buf *out, size_t limit)
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
int
extract_score_page(struct page *pg)
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
		nd->score *= 1 - extract_link_density(nd);
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
int
extract_pick_siblings(const struct page *pg, int top, int *picked, int max)
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
		if (nd->length > 80 && extract_link_density(nd) < 0.25) {
			picked[n++] = k;
		} else if (nd->length > 0 && nd->length <= 80 && nd->link_length == 0) {
			extract_node_text(pg, k, &text, 200);
			if (text.len > 0 && (text.data[text.len - 1] == '.' || strstr(text.data, ". ")))
				picked[n++] = k;
		}
	}
	buf_free(&text);
	return n;
}
