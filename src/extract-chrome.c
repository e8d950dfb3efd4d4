/* extract-chrome.c: what on a page is chrome rather than story: class and
 * id words that weigh for content or chrome, and chrome found by what it
 * holds (ad labels, headings of lists of other stories, link-dense
 * containers). Building and scoring the page is extract-score.c. */
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
				word[n] = (char)ascii_to_lower((unsigned char)s[i]);
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
int
extract_class_weight(const char *id, const char *class, bool *content)
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
		b->data[i] = (char)ascii_to_lower((unsigned char)b->data[i]);
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
				    extract_link_density(&pg->nodes[k]) >= 0.5)
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
		    nd->tag == GUMBO_TAG_TABLE) && extract_link_density(nd) > 0.5)
			nd->flags |= NF_DROP;
		else if ((nd->flags & NF_BLOCK) && !is_text_block(nd->tag) &&
		    nd->length > 0 && nd->length < 200 && extract_link_density(nd) >= 0.9)
			nd->flags |= NF_DROP;
	}
	buf_free(&text);
}
