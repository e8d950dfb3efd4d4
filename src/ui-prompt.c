/* ui-prompt.c: the reader's one-line prompts on the status line: a line
 * editor with callbacks as the text changes and when it closes, and yes/no
 * questions. Not what a prompt is for (the views that open one). */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "sanitize.h"
#include "ui-internal.h"
#include "utf8.h"
#include "width.h"
#include "xmalloc.h"

void
ui_prompt(struct ui *ui, const char *label, const char *initial,
    const struct prompt_callbacks *callbacks, void *ctx)
{
	free(ui->prompt.label);
	ui->prompt.label = xstrdup(label);
	buf_reset(&ui->prompt.text);
	if (initial != NULL)
		buf_append_str(&ui->prompt.text, initial);
	ui->prompt.callbacks = *callbacks;
	ui->prompt.ctx = ctx;
	ui->prompt.confirm = false;
	ui->prompt.changed = false;
	ui->prompt.active = true;
}

void
ui_prompt_set_label(struct ui *ui, const char *label)
{
	free(ui->prompt.label);
	ui->prompt.label = xstrdup(label);
}

struct confirm {
	void	(*yes)(struct ui *, void *);
	void	*ctx;
};

static struct confirm pending_confirm;

static void
confirm_done(struct ui *ui, void *ctx, const char *text)
{
	struct confirm *c = ctx;

	if (text != NULL && (text[0] == 'y' || text[0] == 'Y'))
		c->yes(ui, c->ctx);
	else
		ui_message(ui, "cancelled");
}

void
ui_confirm(struct ui *ui, const char *question, void (*yes)(struct ui *, void *), void *ctx)
{
	static const struct prompt_callbacks callbacks = { NULL, confirm_done, NULL };
	char *label = xasprintf("%s (y/n) ", question);

	pending_confirm.yes = yes;
	pending_confirm.ctx = ctx;
	ui_prompt(ui, label, NULL, &callbacks, &pending_confirm);
	ui->prompt.confirm = true;
	free(label);
}

static void
prompt_close(struct ui *ui, bool accept)
{
	struct prompt_callbacks callbacks = ui->prompt.callbacks;
	void *ctx = ui->prompt.ctx;
	char *text;

	if (accept && ui->prompt.changed && callbacks.changed != NULL)
		callbacks.changed(ui, ctx, buf_str(&ui->prompt.text));
	ui->prompt.active = false;
	ui->prompt.changed = false;
	text = xstrdup(buf_str(&ui->prompt.text));
	/* The callback may open another prompt. */
	if (callbacks.done != NULL)
		callbacks.done(ui, ctx, accept ? text : NULL);
	free(text);
}

/* Drop the last character (not byte) of the line. */
static void
prompt_backspace(struct buf *b)
{
	b->len = utf8_prev(b->data, b->len);
	if (b->data != NULL)
		b->data[b->len] = '\0';
}

void
ui_prompt_key(struct ui *ui, int key)
{
	struct buf *b = &ui->prompt.text;

	if (ui->prompt.confirm) {
		if (key == 'y' || key == 'Y' || key == 'n' || key == 'N' || key == KEYS_ENTER) {
			buf_reset(b);
			buf_append_char(b, key == 'y' || key == 'Y' ? 'y' : 'n');
			prompt_close(ui, true);
		} else if (key == KEYS_ESCAPE || key == 0x07 || key == 'q')
			prompt_close(ui, false);
		return;
	}
	switch (key) {
	case KEYS_ENTER:
		prompt_close(ui, true);
		return;
	case KEYS_ESCAPE:
	case 0x07:	/* C-g, as in Emacs and mutt */
		prompt_close(ui, false);
		return;
	case KEYS_BACKSPACE:
	case 0x08:
		if (b->len == 0)
			return;
		prompt_backspace(b);
		ui->prompt.changed = true;
		return;
	case 0x15:	/* C-u: the whole line */
		buf_reset(b);
		ui->prompt.changed = true;
		return;
	case 0x17:	/* C-w: the word before */
		while (b->len > 0 && b->data[b->len - 1] == ' ')
			prompt_backspace(b);
		while (b->len > 0 && b->data[b->len - 1] != ' ')
			prompt_backspace(b);
		ui->prompt.changed = true;
		return;
	}
	if (ui->prompt.callbacks.key != NULL &&
	    ui->prompt.callbacks.key(ui, ui->prompt.ctx, key))
		return;
	if (key >= 0x20 && key != 0x7f && key < KEYS_SPECIAL && !(key >= 0x80 && key < 0xa0)) {
		if (b->len < 1024) {
			buf_append_utf8(b, (unsigned long)key);
			ui->prompt.changed = true;
		}
	}
}

void
ui_prompt_draw(struct ui *ui)
{
	struct buf shown = BUF_INIT, line = BUF_INIT;
	const char *text;
	int label_width, max_label, text_width, room;
	size_t skip = 0;

	sanitize_line(&shown, buf_str(&ui->prompt.text));
	text = buf_str(&shown);
	/* A question may take the line; a prompt keeps a third for typing. */
	max_label = ui->prompt.confirm ? ui->cols - 2 : ui->cols * 2 / 3;
	label_width = width_of(ui->prompt.label);
	if (label_width > max_label)
		label_width = max_label;
	width_pad(&line, ui->prompt.label, label_width);
	/* Keep the end of a long input in view: that is where one types. */
	room = ui->cols - label_width - 1;
	text_width = width_of(text);
	while (text_width > room && text[skip] != '\0') {
		size_t n = width_fit(text + skip, 1, NULL);

		if (n == 0)
			n = 1;
		skip += n;
		text_width = width_of(text + skip);
	}
	buf_append_str(&line, text + skip);
	ui_style_set(ui, STYLE_NORMAL, false);
	move(ui->lines - 1, 0);
	clrtoeol();
	ui_put(ui, ui->lines - 1, buf_str(&line), line.len);
	move(ui->lines - 1, label_width + text_width < ui->cols ? label_width + text_width :
	    ui->cols - 1);
	buf_free(&shown);
	buf_free(&line);
}

/* A filter narrows once per batch of typed keys, not per key: a fast typist
 * or a paste costs one query. */
void
ui_prompt_flush(struct ui *ui)
{
	if (ui->prompt.active && ui->prompt.changed) {
		ui->prompt.changed = false;
		if (ui->prompt.callbacks.changed != NULL)
			ui->prompt.callbacks.changed(ui, ui->prompt.ctx, buf_str(&ui->prompt.text));
	}
}

void
ui_prompt_free(struct ui *ui)
{
	buf_free(&ui->prompt.text);
	free(ui->prompt.label);
	ui->prompt.label = NULL;
	ui->prompt.active = false;
}
