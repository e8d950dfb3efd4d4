/* extract-score.c: finding the story on a parsed page, readability-style:
 * the page's nodes with their sums, chrome found by class and id words and
 * by its content, blocks scored and the best one picked with its siblings.
 * Writing what was found is extract-write.c. */
#include "config.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include <gumbo.h>

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
				word[n] = (char)html_lower((unsigned char)s[i]);
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
		while (html_is_space((unsigned char)*p))
			p++;
		start = p;
		while (*p != '\0' && !html_is_space((unsigned char)*p))
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
		if (!html_is_space((unsigned char)*p))
			squeezed[n++] = (char)html_lower((unsigned char)*p);
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
 * The analysis: sums over the tree, chrome found by its content, scores.
 */

static double
link_density(const struct node *nd)
{
	return nd->length > 0 ? (double)nd->link_length / nd->length : 0;
}

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
		b->data[i] = (char)html_lower((unsigned char)b->data[i]);
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
 * link-dense containers. Reads the sums of extract_measure(). */
void
extract_mark_chrome(struct page *pg, unsigned attempt)
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
		if (nd->length > 80 && link_density(nd) < 0.25) {
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
