/* ui-article.c: the reader's article view: one item rendered from HTML to
 * wrapped text under a header (title, feed, author, date, link), its links
 * numbered and opened by number, read and starred toggles, the next and
 * previous item of the list it came from, the story fetched from its web
 * page or the feed's own content. The HTML rendering is render.c's. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "plural.h"
#include "render.h"
#include "sanitize.h"
#include "store.h"
#include "ui-internal.h"
#include "width.h"
#include "xmalloc.h"

/* Text narrower than the screen reads better; wider screens keep a margin. */
#define MIN_WIDTH 10

struct article {
	int64_t			 item_id;
	struct store_item	 item;
	bool			 loaded;
	bool			 feed_content;	/* the feed's text though a story is stored */
	struct render		 head;	/* the header lines */
	struct render		 body;	/* the text, then the link list */
	int			 width;
};

static void
render_clear(struct article *a)
{
	render_free(&a->head);
	render_free(&a->body);
	memset(&a->head, 0, sizeof(a->head));
	memset(&a->body, 0, sizeof(a->body));
}

static void
add_header(struct article *a, const char *label, const char *value)
{
	struct buf line = BUF_INIT;

	if (value == NULL || value[0] == '\0')
		return;
	buf_append_str(&line, label);
	sanitize_line(&line, value);
	render_add_text(&a->head, buf_str(&line), RENDER_META, a->width);
	buf_free(&line);
}

static void
render_article(struct ui *ui, struct article *a)
{
	const struct store_item *item = &a->item;
	struct buf date = BUF_INIT;
	const char *html;
	char key[16], story[96];

	render_clear(a);
	a->width = ui->cols - 1 > MIN_WIDTH ? ui->cols - 1 : MIN_WIDTH;
	add_header(a, "Title: ", item->title != NULL ? item->title : "(no title)");
	add_header(a, "Feed: ", item->feed_title);
	add_header(a, "Author: ", item->author);
	ui_format_date(ui, item->date, "%a, %d %b %Y %H:%M %Z", &date);
	add_header(a, "Date: ", buf_str(&date));
	add_header(a, "Link: ", item->link);
	buf_free(&date);
	if (item->story != NULL) {
		ui_key_hint(ui, OP_TOGGLE_STORY, key, sizeof(key));
		snprintf(story, sizeof(story), a->feed_content ?
		    "the feed's content (%s: the story from the web page)" :
		    "from the web page (%s: the feed's content)", key);
		add_header(a, "Story: ", story);
	} else if (item->story_error != NULL)
		add_header(a, "Story: not fetched: ", item->story_error);

	/* The story from the web page when there is one (and it is wanted),
	 * else the full content when there is one, else the summary. */
	if (item->story != NULL && !a->feed_content)
		html = item->story;
	else
		html = item->content != NULL && item->content[0] != '\0' ? item->content :
		    item->summary != NULL ? item->summary : "";
	render_html(html, item->link, a->width, &a->body);
}

/* The rows: the header, a blank line, the body. */
static int64_t
rows_of(const struct article *a)
{
	return (int64_t)(a->head.n_lines + 1 + a->body.n_lines);
}

static const struct render_line *
line_at(struct article *a, int64_t row)
{
	static const struct render_line blank = { "", RENDER_TEXT };

	if (row < (int64_t)a->head.n_lines)
		return &a->head.lines[row];
	row -= (int64_t)a->head.n_lines;
	if (row-- == 0)
		return &blank;
	if (row < (int64_t)a->body.n_lines)
		return &a->body.lines[row];
	return NULL;
}

static void
article_load(struct ui *ui, struct view *v)
{
	struct article *a = v->data;

	if (a->loaded)
		store_item_clear(&a->item);
	a->loaded = false;
	render_clear(a);
	v->n_rows = 0;
	if (store_get_item(ui->store, a->item_id, &a->item) != 0) {
		ui_error(ui, "this item is gone (removed by retention or unsubscribed)");
		return;
	}
	a->loaded = true;
	render_article(ui, a);
	v->n_rows = rows_of(a);
}

static void
article_resize(struct ui *ui, struct view *v)
{
	struct article *a = v->data;
	int64_t old_rows = v->n_rows;

	if (!a->loaded)
		return;
	render_article(ui, a);
	v->n_rows = rows_of(a);
	/* Keep roughly the same place in the text. */
	if (old_rows > 0)
		v->top = v->top * v->n_rows / old_rows;
}

static void
article_title(struct ui *ui, struct view *v, struct buf *out)
{
	struct article *a = v->data;

	(void)ui;
	buf_append_str(out, "tidings: ");
	if (!a->loaded)
		return;
	sanitize_line(out, a->item.feed_title);
	buf_append_str(out, ": ");
	sanitize_line(out, a->item.title);
}

static void
article_row(struct ui *ui, struct view *v, int64_t row, int width, struct buf *out,
    enum ui_style *style)
{
	static const enum ui_style styles[] = {
		[RENDER_TEXT] = STYLE_NORMAL,
		[RENDER_HEADING] = STYLE_HEADING,
		[RENDER_QUOTE] = STYLE_QUOTE,
		[RENDER_PRE] = STYLE_NORMAL,
		[RENDER_LINK] = STYLE_LINK,
		[RENDER_META] = STYLE_META,
	};
	const struct render_line *line = line_at(v->data, row);

	(void)ui;
	if (line == NULL) {
		width_pad(out, "", width);
		return;
	}
	/* render.c's lines are safe to print already. */
	width_pad(out, line->text, width);
	if ((size_t)line->style < sizeof(styles) / sizeof(styles[0]))
		*style = styles[line->style];
}

static void
article_status(struct ui *ui, struct view *v, struct buf *out)
{
	struct article *a = v->data;
	int64_t h = ui_list_height(ui), shown;
	char link[16];

	if (!a->loaded)
		return;
	shown = v->top + h < v->n_rows ? v->top + h : v->n_rows;
	buf_appendf(out, "%lld/%lld %s", (long long)shown, (long long)v->n_rows,
	    plural_noun(v->n_rows, "line", "lines"));
	if (a->item.starred)
		buf_append_str(out, " | starred");
	buf_append_str(out, a->item.read ? " | read" : " | unread");
	if (a->body.n_links > 0) {
		ui_key_hint(ui, OP_OPEN_LINK, link, sizeof(link));
		buf_appendf(out, " | %zu %s: %s or 1-9", a->body.n_links,
		    plural_noun((long long)a->body.n_links, "link", "links"), link);
	}
}

static void
article_free(struct view *v)
{
	struct article *a = v->data;

	if (a->loaded)
		store_item_clear(&a->item);
	render_clear(a);
	free(a);
}

/* The views below (the list this article was opened from), told of a
 * change. */
static void
note_below(struct ui *ui, struct view *v)
{
	struct article *a = v->data;
	struct view_note note = { a->item_id, a->item.read, a->item.starred };

	ui_view_note(ui, v, &note);
}

/* Flip the item's read (or starred) state, in the store and on screen. */
static void
flip(struct ui *ui, struct view *v, bool star)
{
	struct article *a = v->data;
	bool *state = star ? &a->item.starred : &a->item.read;
	int rc;

	if (!a->loaded)
		return;
	rc = star ? store_set_item_starred(ui->store, a->item_id, !*state) :
	    store_mark_item_read(ui->store, a->item_id, !*state);
	if (rc != 0) {
		ui_error(ui, "%s", store_error(ui->store));
		return;
	}
	*state = !*state;
	ui_store_written(ui);
	note_below(ui, v);
	if (star)
		ui_message(ui, "%s", *state ? "starred" : "unstarred");
	else
		ui_message(ui, "marked %s", *state ? "read" : "unread");
}

static void
article_toggle_read(struct ui *ui, struct view *v)
{
	flip(ui, v, false);
}

static void
article_star(struct ui *ui, struct view *v)
{
	flip(ui, v, true);
}

static void
article_browser(struct ui *ui, struct view *v)
{
	struct article *a = v->data;

	if (!a->loaded || a->item.link == NULL) {
		ui_message(ui, "this item has no link");
		return;
	}
	ui_open_url(ui, a->item.link);
}

static void
link_done(struct ui *ui, void *ctx, const char *text)
{
	struct view *v = ctx;
	struct article *a = v->data;
	char *end;
	long n;

	if (text == NULL || text[0] == '\0')
		return;
	n = strtol(text, &end, 10);
	if (*end != '\0' || n < 1 || (size_t)n > a->body.n_links) {
		ui_error(ui, "no link [%s]: this article has %zu", text, a->body.n_links);
		return;
	}
	ui_open_url(ui, a->body.links[n - 1]);
}

static bool
link_key(struct ui *ui, void *ctx, int key)
{
	(void)ui;
	(void)ctx;
	/* Only digits make a link number. */
	return !(key >= '0' && key <= '9') && key < KEYS_SPECIAL && key >= 0x20;
}

static void
link_prompt(struct ui *ui, struct view *v, const char *initial)
{
	static const struct prompt_callbacks callbacks = { NULL, link_done, link_key };
	struct article *a = v->data;
	char label[64];

	if (!a->loaded || a->body.n_links == 0) {
		ui_message(ui, "this article has no links");
		return;
	}
	snprintf(label, sizeof(label), "Open link (1-%zu): ", a->body.n_links);
	ui_prompt(ui, label, initial, &callbacks, v);
}

static void
article_open_link(struct ui *ui, struct view *v)
{
	link_prompt(ui, v, NULL);
}

static bool
article_key(struct ui *ui, struct view *v, int key)
{
	char digit[2] = { (char)key, '\0' };

	/* A digit starts the link prompt with itself, as in lynx. */
	if (key < '1' || key > '9')
		return false;
	link_prompt(ui, v, digit);
	return true;
}

static void
step(struct ui *ui, struct view *v, int direction)
{
	struct article *a = v->data;
	int64_t id;

	if ((id = ui_view_step_item(ui, v, direction)) < 0) {
		ui_message(ui, direction > 0 ? "this is the last item" : "this is the first item");
		return;
	}
	a->item_id = id;
	a->feed_content = false;
	v->top = 0;
	article_load(ui, v);
}

static void
article_next(struct ui *ui, struct view *v)
{
	step(ui, v, 1);
}

static void
article_previous(struct ui *ui, struct view *v)
{
	step(ui, v, -1);
}

static void
article_refresh(struct ui *ui, struct view *v)
{
	struct article *a = v->data;

	if (a->loaded)
		ui_refresh_start(ui, &a->item.feed_id, 1, false);
}

static void
article_fetch_story(struct ui *ui, struct view *v)
{
	struct article *a = v->data;

	if (!a->loaded)
		return;
	/* The story, once here, is what the user asked to see. */
	a->feed_content = false;
	ui_story_fetch(ui, a->item_id, a->item.link);
}

static void
article_toggle_story(struct ui *ui, struct view *v)
{
	struct article *a = v->data;
	char key[16];

	if (!a->loaded)
		return;
	if (a->item.story == NULL) {
		ui_key_hint(ui, OP_FETCH_STORY, key, sizeof(key));
		ui_message(ui, "no story fetched for this item (%s fetches it)", key);
		return;
	}
	a->feed_content = !a->feed_content;
	render_article(ui, a);
	v->n_rows = rows_of(a);
	v->top = 0;
	ui_message(ui, "%s", a->feed_content ? "the feed's content" :
	    "the story from the web page");
}

static void
article_down(struct ui *ui, struct view *v)
{
	(void)ui;
	v->top++;	/* Enter scrolls a line, as in less; the reader clamps */
}

static const struct view_action article_actions[] = {
	{ OP_OPEN, article_down },
	{ OP_TOGGLE_READ, article_toggle_read },
	{ OP_STAR, article_star },
	{ OP_BROWSER, article_browser },
	{ OP_OPEN_LINK, article_open_link },
	{ OP_NEXT_ITEM, article_next },
	{ OP_PREVIOUS_ITEM, article_previous },
	{ OP_REFRESH, article_refresh },
	{ OP_FETCH_STORY, article_fetch_story },
	{ OP_TOGGLE_STORY, article_toggle_story },
};

static const struct view_type article_type = {
	.name = "article",
	.load = article_load,
	.title = article_title,
	.row = article_row,
	.status = article_status,
	.resize = article_resize,
	.key = article_key,
	.free = article_free,
	.actions = article_actions,
	.n_actions = sizeof(article_actions) / sizeof(article_actions[0]),
};

struct view *
ui_article_new(struct ui *ui, int64_t item_id)
{
	struct article *a = xcalloc(1, sizeof(*a));
	struct view *v;

	(void)ui;
	a->item_id = item_id;
	v = ui_view_new(&article_type, a);
	v->pager = true;
	return v;
}
