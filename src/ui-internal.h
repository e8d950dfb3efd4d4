/* ui-internal.h: what the reader's files share: its state, views as data
 * (row count, row formatter, a table of key operations), styles, the status
 * line, prompts and background refreshes. Included only by src/ui*.c, the
 * only files that may include <curses.h>; the rest of the program sees ui.h. */
#ifndef TIDINGS_UI_INTERNAL_H
#define TIDINGS_UI_INTERNAL_H

#include <stdbool.h>
#include <stdint.h>

#include <curses.h>

#include "buf.h"
#include "keys.h"
#include "settings.h"

struct filter_sql;

struct refresh;
struct session;
struct store;
struct ui;
struct view;

/* How a line looks; each maps to the color-NAME setting of the same name. */
enum ui_style {
	STYLE_NORMAL,
	STYLE_TITLE,
	STYLE_STATUS,
	STYLE_CURSOR,
	STYLE_UNREAD,
	STYLE_ERROR,
	STYLE_TAG,
	STYLE_HEADING,
	STYLE_QUOTE,
	STYLE_LINK,
	STYLE_META,
	STYLE_COUNT
};

/* A change to one item, told by the view that made it (an article) to the
 * views below it, which may show the item too. */
struct view_note {
	int64_t	 item_id;
	bool	 read;
	bool	 starred;
};

struct view_action {
	enum key_op	 op;
	void		(*run)(struct ui *, struct view *);
};

/* A view is data: how many rows it has, how to format one, which key
 * operations it answers, and what a view opened from it may ask of it. The
 * reader does the drawing, the scrolling and the operations every view
 * shares (movement, help, back, quit). No view looks at another's type or
 * data: what one asks of another goes through these operations, so a new
 * view offers them (or not) without the others changing. */
struct view_type {
	const char	*name;
	/* Read the rows (or their count) from the store: sets n_rows. */
	void		(*load)(struct ui *, struct view *);
	/* Called before rows [top, top + n) are formatted; may be NULL. */
	void		(*prepare)(struct ui *, struct view *, int64_t top, int n);
	/* The top line of the screen (sanitized text). */
	void		(*title)(struct ui *, struct view *, struct buf *out);
	/* Append row as exactly width columns of sanitized text; set *style. */
	void		(*row)(struct ui *, struct view *, int64_t row, int width,
			    struct buf *out, enum ui_style *style);
	/* What the status line always shows for this view (its filters);
	 * may be NULL. */
	void		(*status)(struct ui *, struct view *, struct buf *out);
	/* Lines shown when there are no rows, separated by '\n'; may be NULL. */
	void		(*empty)(struct ui *, struct view *, struct buf *out);
	/* The terminal's width changed; may be NULL. */
	void		(*resize)(struct ui *, struct view *);
	/* The view is on top again after the one above it closed; may be
	 * NULL (the reader then does nothing). */
	void		(*reveal)(struct ui *, struct view *);
	/* Work left for when no key is waiting (after a draw); returns true
	 * when it changed what is shown. May be NULL. */
	bool		(*idle)(struct ui *, struct view *);
	/* A key no operation is bound to; returns true when it used it. May
	 * be NULL. */
	bool		(*key)(struct ui *, struct view *, int key);
	void		(*free)(struct view *);
	const struct view_action *actions;
	size_t		 n_actions;

	/* What the view above this one (an article opened from a list) may
	 * ask of it through ui_view_step_item and ui_view_note; NULL when
	 * the view has no items to offer. */
	/* Move the cursor step items on (1: next, -1: previous) and return
	 * the id of the item now under it, or -1 past either end. */
	int64_t		(*step_item)(struct ui *, struct view *, int step);
	/* An item changed above: show its new state. */
	void		(*note)(struct ui *, struct view *, const struct view_note *);
};

struct view {
	const struct view_type *type;
	void		*data;		/* the view's own state */
	int64_t		 n_rows;
	int64_t		 top;		/* first row on screen */
	int64_t		 cursor;	/* selected row; ignored by pagers */
	bool		 pager;		/* no cursor: the movement keys scroll */
	unsigned	 generation;	/* the store generation it was loaded at */
	struct view	*below;		/* the view it was opened from */
};

/* Prompt callbacks: changed after the text changed (for filters that narrow
 * as one types), done when the prompt closes (text NULL when cancelled),
 * key for keys the line editor does not use (true when used). */
struct prompt_callbacks {
	void	(*changed)(struct ui *, void *ctx, const char *text);
	void	(*done)(struct ui *, void *ctx, const char *text);
	bool	(*key)(struct ui *, void *ctx, int key);
};

struct ui {
	struct session		*session;
	struct store		*store;
	const struct settings	*settings;
	struct keymap		 keys;
	struct view		*view;		/* the top of the view stack */
	/* Bumped whenever the store changed under the views (a refresh, or
	 * another process); a view with an older one reloads. */
	unsigned		 generation;
	bool			 quit;
	bool			 show_read;	/* the show-read setting */
	/* What ignore-article rules in display mode leave shown (filter.h),
	 * NULL: everything. */
	struct filter_sql	*shown;
	int			 lines, cols;

	/* Private to the frame's files (ui.c, ui-style.c, ui-prompt.c,
	 * ui-refresh.c): styles, status, prompt, refresh, change checks. */
	attr_t			 attrs[STYLE_COUNT];
	short			 pairs[STYLE_COUNT];
	struct buf		 message;
	bool			 message_error;
	int64_t			 message_time;
	struct {
		bool			 active;
		bool			 confirm;	/* one key: y or n */
		bool			 changed;	/* text changed in this batch */
		char			*label;
		struct buf		 text;
		struct prompt_callbacks	 callbacks;
		void			*ctx;
	} prompt;
	struct refresh		*refresh;
	int			 refresh_lock;
	size_t			 refresh_new;	/* new items when last reported */
	size_t			 refresh_failed;
	int64_t			 story_asked;	/* the item whose story x fetches */
	struct buf		 progress;
	struct buf		 sync_summary;	/* the reader's sync, once done */
	bool			 sync_failed;
	int64_t			 data_version;	/* the store's, when last looked at */
	int64_t			 last_check;	/* milliseconds */
	/* The terminal's charset when its locale is not UTF-8, else NULL. */
	struct term_charset	*charset;
	struct buf		 converted;	/* scratch for ui_put */
};

/* How a style was asked for in the settings, before the terminal says
 * which colors it has. */
struct style_spec {
	short	 fg, bg;
	attr_t	 attrs;
	bool	 colored;
};

/* ui-sync.c: the reader's sync, on a thread, beside its refresh. Start one
 * (no-op without a server or while one runs); whether one runs; check
 * whether it ended: true once, with its outcome appended to summary and
 * *failed set; when the last one ended (milliseconds); wait for it. */
bool		 ui_sync_configured(const struct ui *ui);
int		 ui_sync_start(struct ui *ui);
bool		 ui_sync_running(void);
bool		 ui_sync_check(struct ui *ui, struct buf *summary, bool *failed);
int64_t		 ui_sync_last_ms(void);
void		 ui_sync_stop(void);

/* ui-poll.c: refresh the feeds that fall due (auto-refresh); once a loop. */
void		 ui_poll(struct ui *ui);

/* ui.c: the frame, the view stack, messages, shared operations. */
struct view	*ui_view_new(const struct view_type *type, void *data);
void		 ui_push(struct ui *ui, struct view *view);
void		 ui_pop(struct ui *ui);
/* Ask the view below v for the next (step 1) or previous (-1) item: its
 * id, or -1 when there is none or that view has no items. */
int64_t		 ui_view_step_item(struct ui *ui, struct view *v, int step);
/* Tell every view below v of a change to an item. */
void		 ui_view_note(struct ui *ui, struct view *v, const struct view_note *note);
int		 ui_list_height(const struct ui *ui);
/* Write the first len bytes of the UTF-8 s at line y, column 0, in the
 * terminal's charset. Every line of the screen goes through here. */
void		 ui_put(struct ui *ui, int y, const char *s, size_t len);
void		 ui_message(struct ui *ui, const char *fmt, ...)
		    __attribute__((format(printf, 2, 3)));
void		 ui_error(struct ui *ui, const char *fmt, ...)
		    __attribute__((format(printf, 2, 3)));
void		 ui_open_url(struct ui *ui, const char *url);
void		 ui_format_date(const struct ui *ui, int64_t when, const char *format,
		    struct buf *out);
void		 ui_key_hint(const struct ui *ui, enum key_op op, char *out, size_t size);
int64_t		 ui_now_ms(void);

/* ui-style.c: parse the color settings (before the terminal starts: an
 * error goes to stderr), fit them to the terminal, set one before drawing. */
int		 ui_styles_parse(const struct settings *settings, struct style_spec *specs,
		    char **error);
void		 ui_styles_apply(struct ui *ui, const struct style_spec *specs);
void		 ui_style_set(const struct ui *ui, enum ui_style style, bool cursor);

/* ui-prompt.c: the prompt's state is ui->prompt. */
void		 ui_prompt(struct ui *ui, const char *label, const char *initial,
		    const struct prompt_callbacks *callbacks, void *ctx);
void		 ui_prompt_set_label(struct ui *ui, const char *label);
void		 ui_confirm(struct ui *ui, const char *question,
		    void (*yes)(struct ui *, void *), void *ctx);
void		 ui_prompt_key(struct ui *ui, int key);
/* After a batch of keys: tell the prompt's owner the text changed. */
void		 ui_prompt_flush(struct ui *ui);
void		 ui_prompt_draw(struct ui *ui);
void		 ui_prompt_free(struct ui *ui);

/* ui-refresh.c: background refreshes and noticing store changes. */
void		 ui_store_written(struct ui *ui);
void		 ui_store_changed(struct ui *ui);
/* Every CHECK_INTERVAL_MS: bump the generation if another process wrote. */
void		 ui_store_check(struct ui *ui);
int		 ui_refresh_start(struct ui *ui, const int64_t *feed_ids, size_t n, bool all);
/* Fetch the story of the item at link in the background (the refresh's
 * loop); the views reload when it is stored. */
int		 ui_story_fetch(struct ui *ui, int64_t item_id, const char *link);
/* After a step of the loop: report and drop a refresh with nothing left. */
void		 ui_refresh_finish(struct ui *ui);
void		 ui_refresh_stop(struct ui *ui);

/* ui-feeds.c: the feed list, first-start screen, adding and importing. */
struct view	*ui_feeds_new(struct ui *ui);
void		 ui_feeds_add_prompt(struct ui *ui);
void		 ui_feeds_import_prompt(struct ui *ui);

/* ui-items.c: a list of items of one feed, one tag or all feeds. */
struct items_source {
	int64_t		 feed_id;	/* 0: not one feed */
	const char	*tag;		/* NULL: not one tag */
	const char	*name;		/* the feed's or tag's name, for titles */
	bool		 unread_only;
	bool		 starred_only;
};
struct view	*ui_items_new(struct ui *ui, const struct items_source *source);
void		 ui_items_filter_prompt(struct ui *ui, struct view *items, bool pop_on_cancel);

/* ui-article.c: one item, rendered. */
struct view	*ui_article_new(struct ui *ui, int64_t item_id);

/* ui-help.c: the bindings in force. */
struct view	*ui_help_new(struct ui *ui);

#endif
