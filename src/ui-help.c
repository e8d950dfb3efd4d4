/* ui-help.c: the reader's help view: every operation with the keys bound to
 * it now (defaults or the config's key-OPERATION settings) and what it does,
 * then the keys of the prompts. Not the bindings themselves: keys.c. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "keys.h"
#include "ui-internal.h"
#include "width.h"
#include "xmalloc.h"

/* The key column's width, unless the screen is too narrow for it. */
#define KEYS_COLUMN 22

static const char *const notes[] = {
	"",
	"In a prompt: Enter accepts, Esc or C-g cancels, Backspace deletes a",
	"character, C-w a word, C-u the line.",
	"In the filter line (/), the list narrows as you type; Tab looks in",
	"all feeds or back in the feed or tag shown.",
	"In an article, a digit opens the link of that number.",
	"Change a binding with key-OPERATION in the config file; see",
	"tidings.conf(5).",
};

struct help {
	char	*keys[OP_COUNT];	/* the keys of each operation, joined */
};

static void
help_load(struct ui *ui, struct view *v)
{
	struct help *h = v->data;
	struct buf b = BUF_INIT;
	int keys[16], op;
	size_t n, i;
	char name[16];

	for (op = OP_NONE + 1; op < OP_COUNT; op++) {
		buf_reset(&b);
		n = keys_of(&ui->keys, op, keys, 16);
		for (i = 0; i < n && i < 16; i++) {
			keys_name(keys[i], name, sizeof(name));
			if (i > 0)
				buf_append_str(&b, ", ");
			buf_append_str(&b, name);
		}
		if (n == 0)
			buf_append_str(&b, "(unbound)");
		free(h->keys[op]);
		h->keys[op] = xstrdup(buf_str(&b));
	}
	buf_free(&b);
	v->n_rows = OP_COUNT - 1 + (int64_t)(sizeof(notes) / sizeof(notes[0]));
}

static void
help_title(struct ui *ui, struct view *v, struct buf *out)
{
	char back[16];

	(void)v;
	ui_key_hint(ui, OP_BACK, back, sizeof(back));
	buf_appendf(out, "tidings: keys (%s to go back)", back);
}

static void
help_row(struct ui *ui, struct view *v, int64_t row, int width, struct buf *out,
    enum ui_style *style)
{
	struct help *h = v->data;
	int op = (int)row + 1, column;

	(void)ui;
	if (op >= OP_COUNT) {
		width_pad(out, notes[op - OP_COUNT], width);
		return;
	}
	column = width / 3 < KEYS_COLUMN ? width / 3 : KEYS_COLUMN;
	width_pad(out, h->keys[op], column);
	buf_append_char(out, ' ');
	width_pad(out, keys_op_help(op), width - column - 1);
	(void)style;
}

static void
help_free(struct view *v)
{
	struct help *h = v->data;
	int op;

	for (op = 0; op < OP_COUNT; op++)
		free(h->keys[op]);
	free(h);
}

/* The help key again closes the help, as it would in a pager. */
static void
help_close(struct ui *ui, struct view *v)
{
	(void)v;
	ui_pop(ui);
}

static const struct view_action help_actions[] = {
	{ OP_HELP, help_close },
};

static const struct view_type help_type = {
	.name = "help",
	.load = help_load,
	.title = help_title,
	.row = help_row,
	.free = help_free,
	.actions = help_actions,
	.n_actions = sizeof(help_actions) / sizeof(help_actions[0]),
};

struct view *
ui_help_new(struct ui *ui)
{
	struct view *v;

	(void)ui;
	v = ui_view_new(&help_type, xcalloc(1, sizeof(struct help)));
	v->pager = true;
	return v;
}
