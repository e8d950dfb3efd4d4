/* ui.c: the reader's frame: the only owner of initscr/endwin, the signal
 * handlers, SIGWINCH and the main loop; the view stack and the drawing of a
 * view, the status line, prompts, colors, background refreshes, noticing
 * store changes, and the operations every view shares. What a view shows and
 * does is in its own ui-*.c file. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include "browser.h"
#include "cmd.h"
#include "date.h"
#include "filter.h"
#include "refresh.h"
#include "sanitize.h"
#include "store.h"
#include "ui-internal.h"
#include "ui.h"
#include "width.h"
#include "xmalloc.h"

/* How long a message stays on the status line, and how often an idle reader
 * asks the store whether another process changed it (a cron refresh): a
 * PRAGMA that reads no table, so it can be asked often. */
#define MESSAGE_MS		5000
#define ERROR_MS		10000
#define CHECK_INTERVAL_MS	500
/* How long the loop sleeps at most: messages expire and the store is
 * checked on these ticks. */
#define IDLE_WAIT_MS		1000
#define REFRESH_WAIT_MS		250
/* The wait after ESC for the rest of a key's sequence: long enough for a
 * terminal over ssh, short enough that Esc feels immediate. */
#define ESCAPE_DELAY_MS		25

/* ---- Signals and the emergency terminal reset ---- */

static volatile sig_atomic_t stop_signal;
static volatile sig_atomic_t resized;
/* Written before curses starts, read by the crash handler: the sequences
 * that leave the alternate screen and show the cursor, and the tty modes. */
static char reset_sequence[256];
static size_t reset_length;
static struct termios saved_termios;
static bool have_termios;

/* Only async-signal-safe calls: write(2) and tcsetattr(3). */
static void
emergency_reset(void)
{
	ssize_t n;

	if (reset_length > 0)
		n = write(STDOUT_FILENO, reset_sequence, reset_length);
	else
		n = write(STDOUT_FILENO, "\033[?1049l\033[?25h\033[0m", 19);
	(void)n;
	if (have_termios)
		tcsetattr(STDIN_FILENO, TCSANOW, &saved_termios);
}

static void
on_stop(int sig)
{
	/* The first signal asks the loop to quit cleanly; a second means the
	 * loop is stuck (a long query, a hung write): restore and die. */
	if (stop_signal != 0) {
		emergency_reset();
		signal(sig, SIG_DFL);
		raise(sig);
		return;
	}
	stop_signal = sig;
}

static void
on_crash(int sig)
{
	/* SA_RESETHAND put the default action back; SA_NODEFER lets the
	 * raise below deliver it now. */
	emergency_reset();
	raise(sig);
}

static void
on_resize(int sig)
{
	(void)sig;
	resized = 1;
}

static void
set_handler(int sig, void (*handler)(int), int flags)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = handler;
	sigemptyset(&sa.sa_mask);
	sa.sa_flags = flags;
	sigaction(sig, &sa, NULL);
}

static void
install_signals(void)
{
	static const int crashes[] = { SIGSEGV, SIGABRT, SIGBUS, SIGFPE, SIGILL };
	size_t i;

	/* No SA_RESTART: a signal interrupts the wait, so the loop sees it. */
	set_handler(SIGINT, on_stop, 0);
	set_handler(SIGTERM, on_stop, 0);
	set_handler(SIGHUP, on_stop, 0);
	set_handler(SIGWINCH, on_resize, 0);
	for (i = 0; i < sizeof(crashes) / sizeof(crashes[0]); i++)
		set_handler(crashes[i], on_crash, SA_RESETHAND | SA_NODEFER);
}

static void
restore_signals(void)
{
	static const int all[] = { SIGINT, SIGTERM, SIGHUP, SIGWINCH, SIGSEGV, SIGABRT,
	    SIGBUS, SIGFPE, SIGILL };
	size_t i;

	for (i = 0; i < sizeof(all) / sizeof(all[0]); i++)
		signal(all[i], SIG_DFL);
}

/* The terminal's own sequences for leaving full-screen mode, from terminfo,
 * so the crash handler writes what endwin would. */
static void
save_reset_sequence(void)
{
	static const char *const caps[] = { "sgr0", "cnorm", "rmkx", "rmcup" };
	size_t i, n;
	char *s;

	reset_length = 0;
	for (i = 0; i < sizeof(caps) / sizeof(caps[0]); i++) {
		s = tigetstr(caps[i]);
		if (s == NULL || s == (char *)-1)
			continue;
		n = strlen(s);
		if (reset_length + n >= sizeof(reset_sequence))
			break;
		memcpy(reset_sequence + reset_length, s, n);
		reset_length += n;
	}
}

/* ---- Time and small helpers ---- */

int64_t
ui_now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

int
ui_list_height(const struct ui *ui)
{
	/* The title line and the status line. */
	return ui->lines > 2 ? ui->lines - 2 : 1;
}

void
ui_format_date(const struct ui *ui, int64_t when, const char *format, struct buf *out)
{
	char text[128];
	struct tm tm;
	time_t t;

	(void)ui;
	if (when == DATE_NONE || when <= 0)
		return;
	t = (time_t)when;
	if (localtime_r(&t, &tm) == NULL)
		return;
	/* The format is the user's date-format setting; strftime reads no
	 * arguments, so a format that is not a literal is safe here. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
	if (strftime(text, sizeof(text), format, &tm) == 0)
		return;
#pragma GCC diagnostic pop
	sanitize_line(out, text);
}

void
ui_key_hint(const struct ui *ui, enum key_op op, char *out, size_t size)
{
	keys_first_name(&ui->keys, op, out, size);
}

/* ---- Styles ---- */

struct style_spec {
	short	 fg, bg;
	attr_t	 attrs;
	bool	 colored;
};

static const enum option_id style_options[STYLE_COUNT] = {
	[STYLE_NORMAL] = OPT_COUNT,
	[STYLE_TITLE] = OPT_COLOR_TITLE,
	[STYLE_STATUS] = OPT_COLOR_STATUS,
	[STYLE_CURSOR] = OPT_COLOR_CURSOR,
	[STYLE_UNREAD] = OPT_COLOR_UNREAD,
	[STYLE_ERROR] = OPT_COLOR_ERROR,
	[STYLE_TAG] = OPT_COLOR_TAG,
	[STYLE_HEADING] = OPT_COLOR_HEADING,
	[STYLE_QUOTE] = OPT_COLOR_QUOTE,
	[STYLE_LINK] = OPT_COLOR_LINK,
	[STYLE_META] = OPT_COLOR_META,
};

/* What each style falls back to without colors (NO_COLOR, or a terminal
 * without them), so bars and the cursor stay visible. */
static const attr_t plain_attrs[STYLE_COUNT] = {
	[STYLE_TITLE] = A_REVERSE | A_BOLD,
	[STYLE_STATUS] = A_REVERSE,
	[STYLE_CURSOR] = A_REVERSE,
	[STYLE_UNREAD] = A_BOLD,
	[STYLE_ERROR] = A_BOLD,
	[STYLE_TAG] = A_BOLD,
	[STYLE_HEADING] = A_BOLD,
	[STYLE_LINK] = A_UNDERLINE,
	[STYLE_META] = A_BOLD,
};

static int
parse_style(const char *option, const char *value, struct style_spec *spec, char **error)
{
	static const char *const colors[] = { "black", "red", "green", "yellow", "blue",
	    "magenta", "cyan", "white" };
	static const struct {
		const char	*name;
		attr_t		 attr;
	} attributes[] = {
		{ "normal", A_NORMAL }, { "bold", A_BOLD }, { "dim", A_DIM },
		{ "underline", A_UNDERLINE }, { "reverse", A_REVERSE },
		{ "standout", A_STANDOUT }, { "blink", A_BLINK }, { "italic", A_ITALIC },
	};
	char *copy, *word, *save = NULL, *end;
	int n_colors = 0, color, rc = 0;
	size_t i;
	long number;

	memset(spec, 0, sizeof(*spec));
	spec->fg = spec->bg = -1;
	copy = xstrdup(value);
	for (word = strtok_r(copy, " \t", &save); word != NULL;
	    word = strtok_r(NULL, " \t", &save)) {
		color = -2;
		if (strcasecmp(word, "default") == 0)
			color = -1;
		for (i = 0; i < sizeof(colors) / sizeof(colors[0]); i++) {
			if (strcasecmp(word, colors[i]) == 0)
				color = (int)i;
		}
		if (strncasecmp(word, "color", 5) == 0 && word[5] != '\0') {
			number = strtol(word + 5, &end, 10);
			if (*end == '\0' && number >= 0 && number <= 255)
				color = (int)number;
		}
		if (color != -2) {
			if (n_colors == 2) {
				*error = xasprintf("%s: more than two colors in '%s'", option,
				    value);
				rc = -1;
				break;
			}
			if (n_colors++ == 0)
				spec->fg = (short)color;
			else
				spec->bg = (short)color;
			spec->colored = true;
			continue;
		}
		for (i = 0; i < sizeof(attributes) / sizeof(attributes[0]); i++) {
			if (strcasecmp(word, attributes[i].name) == 0)
				break;
		}
		if (i == sizeof(attributes) / sizeof(attributes[0])) {
			*error = xasprintf("%s: '%s' is not a color (default, black, red, green, "
			    "yellow, blue, magenta, cyan, white, color0 to color255) or an "
			    "attribute (bold, dim, underline, reverse, standout, blink, italic)",
			    option, word);
			rc = -1;
			break;
		}
		spec->attrs |= attributes[i].attr;
	}
	if (rc == 0 && spec->colored && spec->fg == -1 && spec->bg == -1)
		spec->colored = false;	/* "default default": the terminal's own */
	free(copy);
	return rc;
}

static int
parse_styles(const struct settings *settings, struct style_spec *specs, char **error)
{
	int i;

	memset(&specs[STYLE_NORMAL], 0, sizeof(specs[0]));
	for (i = STYLE_NORMAL + 1; i < STYLE_COUNT; i++) {
		enum option_id id = style_options[i];

		if (parse_style(options_table[id].name, settings->string[id] != NULL ?
		    settings->string[id] : options_table[id].default_value, &specs[i], error) != 0)
			return -1;
	}
	return 0;
}

static void
apply_styles(struct ui *ui, const struct style_spec *specs)
{
	const char *no_color = getenv("NO_COLOR");
	bool color;
	int i;

	/* https://no-color.org: a NO_COLOR that is set and not empty turns
	 * colors off; attributes (bold, reverse) stay. */
	color = (no_color == NULL || no_color[0] == '\0') && has_colors();
	if (color) {
		start_color();
		use_default_colors();
	}
	for (i = 0; i < STYLE_COUNT; i++) {
		ui->pairs[i] = 0;
		ui->attrs[i] = specs[i].attrs;
		if (color && specs[i].colored && i < COLOR_PAIRS) {
			short fg = specs[i].fg < COLORS ? specs[i].fg : -1;
			short bg = specs[i].bg < COLORS ? specs[i].bg : -1;

			if (init_pair((short)i, fg, bg) == OK)
				ui->pairs[i] = (short)i;
		}
		/* Colors asked for and not shown: the plain look instead. */
		if (ui->pairs[i] == 0 && specs[i].colored)
			ui->attrs[i] |= plain_attrs[i];
	}
}

static void
set_style(const struct ui *ui, enum ui_style style, bool cursor)
{
	attr_t attrs = ui->attrs[style];
	short pair = ui->pairs[style];

	if (cursor) {
		attrs |= ui->attrs[STYLE_CURSOR];
		if (ui->pairs[STYLE_CURSOR] != 0)
			pair = ui->pairs[STYLE_CURSOR];
	}
	attr_set(attrs, pair, NULL);
}

/* ---- Views ---- */

struct view *
ui_view_new(const struct view_type *type, void *data)
{
	struct view *v = xcalloc(1, sizeof(*v));

	v->type = type;
	v->data = data;
	return v;
}

static void
view_free(struct view *v)
{
	if (v->type->free != NULL)
		v->type->free(v);
	free(v);
}

void
ui_push(struct ui *ui, struct view *view)
{
	view->below = ui->view;
	ui->view = view;
	view->type->load(ui, view);
	view->generation = ui->generation;
}

void
ui_pop(struct ui *ui)
{
	struct view *v = ui->view;

	if (v == NULL)
		return;
	ui->view = v->below;
	view_free(v);
	if (ui->view != NULL && ui->view->type->reveal != NULL &&
	    ui->view->generation == ui->generation)
		ui->view->type->reveal(ui, ui->view);
}

static void
clamp(const struct ui *ui, struct view *v)
{
	int64_t h = ui_list_height(ui), max_top;

	max_top = v->n_rows > h ? v->n_rows - h : 0;
	if (!v->pager) {
		if (v->cursor >= v->n_rows)
			v->cursor = v->n_rows - 1;
		if (v->cursor < 0)
			v->cursor = 0;
		if (v->cursor < v->top)
			v->top = v->cursor;
		if (v->cursor >= v->top + h)
			v->top = v->cursor - h + 1;
	}
	if (v->top > max_top)
		v->top = max_top;
	if (v->top < 0)
		v->top = 0;
}

/* ---- Status line and messages ---- */

static void __attribute__((format(printf, 3, 0)))
vmessage(struct ui *ui, bool error, const char *fmt, va_list ap)
{
	char *text;

	if (vasprintf(&text, fmt, ap) == -1)
		return;
	/* Messages often quote feed text (a name, a server's error): they go
	 * through the sanitizer like every other string on the screen. */
	buf_reset(&ui->message);
	sanitize_line(&ui->message, text);
	free(text);
	ui->message_error = error;
	ui->message_time = ui_now_ms();
}

void
ui_message(struct ui *ui, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmessage(ui, false, fmt, ap);
	va_end(ap);
}

void
ui_error(struct ui *ui, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmessage(ui, true, fmt, ap);
	va_end(ap);
}

static bool
message_shown(const struct ui *ui)
{
	return ui->message.len > 0 && ui_now_ms() - ui->message_time <
	    (ui->message_error ? ERROR_MS : MESSAGE_MS);
}

static void
draw_status(struct ui *ui)
{
	struct buf left = BUF_INIT, line = BUF_INIT;
	char help[16];
	int right_width, left_width;
	enum ui_style style = STYLE_STATUS;

	if (ui->view != NULL && ui->view->type->status != NULL)
		ui->view->type->status(ui, ui->view, &left);
	if (message_shown(ui)) {
		if (left.len > 0)
			buf_append_str(&left, " | ");
		buf_append_str(&left, buf_str(&ui->message));
		if (ui->message_error)
			style = STYLE_ERROR;
	} else if (left.len == 0) {
		ui_key_hint(ui, OP_HELP, help, sizeof(help));
		buf_appendf(&left, "%s: help", help);
	}
	right_width = ui->progress.len > 0 ? width_of(buf_str(&ui->progress)) + 1 : 0;
	if (right_width > ui->cols / 2)
		right_width = 0;
	left_width = ui->cols - right_width;
	width_pad(&line, buf_str(&left), left_width);
	if (right_width > 0) {
		buf_append_char(&line, ' ');
		buf_append_str(&line, buf_str(&ui->progress));
	}
	set_style(ui, style, false);
	mvaddstr(ui->lines - 1, 0, buf_str(&line));
	buf_free(&left);
	buf_free(&line);
}

static void
draw_prompt(struct ui *ui)
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
	set_style(ui, STYLE_NORMAL, false);
	move(ui->lines - 1, 0);
	clrtoeol();
	mvaddstr(ui->lines - 1, 0, buf_str(&line));
	move(ui->lines - 1, label_width + text_width < ui->cols ? label_width + text_width :
	    ui->cols - 1);
	buf_free(&shown);
	buf_free(&line);
}

static void
draw(struct ui *ui)
{
	struct view *v = ui->view;
	struct buf line = BUF_INIT, text = BUF_INIT;
	enum ui_style style;
	int h = ui_list_height(ui), i;
	const char *p, *nl;

	if (v->generation != ui->generation) {
		v->type->load(ui, v);
		v->generation = ui->generation;
	}
	clamp(ui, v);
	if (v->type->prepare != NULL && v->n_rows > 0)
		v->type->prepare(ui, v, v->top, h);

	erase();
	v->type->title(ui, v, &text);
	width_pad(&line, buf_str(&text), ui->cols);
	set_style(ui, STYLE_TITLE, false);
	mvaddstr(0, 0, buf_str(&line));

	if (v->n_rows == 0 && v->type->empty != NULL) {
		buf_reset(&text);
		v->type->empty(ui, v, &text);
		set_style(ui, STYLE_NORMAL, false);
		for (p = buf_str(&text), i = 0; *p != '\0' && i < h; i++) {
			nl = strchr(p, '\n');
			buf_reset(&line);
			buf_append(&line, p, nl != NULL ? (size_t)(nl - p) : strlen(p));
			mvaddnstr(1 + i, 0, buf_str(&line),
			    (int)width_fit(buf_str(&line), ui->cols, NULL));
			p = nl != NULL ? nl + 1 : p + strlen(p);
		}
	}
	for (i = 0; i < h && v->top + i < v->n_rows; i++) {
		int64_t row = v->top + i;

		buf_reset(&line);
		style = STYLE_NORMAL;
		v->type->row(ui, v, row, ui->cols, &line, &style);
		set_style(ui, style, !v->pager && row == v->cursor);
		mvaddnstr(1 + i, 0, buf_str(&line), (int)width_fit(buf_str(&line), ui->cols, NULL));
	}
	if (ui->prompt.active) {
		draw_prompt(ui);
		curs_set(1);
	} else {
		draw_status(ui);
		curs_set(0);
	}
	attr_set(A_NORMAL, 0, NULL);
	refresh();
	buf_free(&line);
	buf_free(&text);
}

/* ---- Prompts ---- */

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
	while (b->len > 0) {
		unsigned char c = (unsigned char)b->data[--b->len];

		if ((c & 0xc0) != 0x80)
			break;
	}
	if (b->data != NULL)
		b->data[b->len] = '\0';
}

static void
prompt_key(struct ui *ui, int key)
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

/* ---- Refreshing in the background ---- */

/* The progress shown on the right of the status line. */
static void
show_progress(struct ui *ui, const struct refresh_stats *stats)
{
	size_t stories = stats->stories_queued - stats->stories_done;

	buf_reset(&ui->progress);
	if (stats->queued > 0) {
		buf_appendf(&ui->progress, "refreshing %zu/%zu", stats->done, stats->queued);
		if (stats->new_items > 0)
			buf_appendf(&ui->progress, ", %zu new", stats->new_items);
	}
	if (stories > 0)
		buf_appendf(&ui->progress, "%s%zu stor%s", ui->progress.len > 0 ? ", " : "",
		    stories, stories == 1 ? "y" : "ies");
}

static void
on_refresh_progress(void *ctx, const struct refresh_stats *stats)
{
	struct ui *ui = ctx;

	show_progress(ui, stats);
	/* New items or a new error: the views reload with them. */
	if (stats->new_items != ui->refresh_new || stats->failed != ui->refresh_failed) {
		ui->refresh_new = stats->new_items;
		ui->refresh_failed = stats->failed;
		ui_store_changed(ui);
	}
}

static void
on_refresh_failure(void *ctx, const char *name, const char *message)
{
	ui_error(ctx, "%s: %s", name, message);
}

static void
on_refresh_notice(void *ctx, const char *name, const char *message)
{
	ui_message(ctx, "%s: %s", name, message);
}

/* A story the user asked for is reported; those of a refresh of a
 * full-story feed only when they fail would say too much, so they reload the
 * views quietly. Either way the article view shows the story at once. */
static void
on_refresh_story(void *ctx, int64_t item_id, bool ok, const char *message)
{
	struct ui *ui = ctx;

	if (item_id == ui->story_asked) {
		if (ok)
			ui_message(ui, "%s", message);
		else
			ui_error(ui, "no story: %s", message);
		ui->story_asked = 0;
	}
	ui_store_changed(ui);
}

/* The background loop, started on first need. The refresh lock is taken
 * only for feeds (ui_refresh_start): fetching a story beside a cron refresh
 * is harmless, each write being its own short transaction. */
static int
refresh_ensure(struct ui *ui)
{
	static const struct refresh_callbacks template = { on_refresh_progress,
	    on_refresh_failure, on_refresh_notice, on_refresh_story, NULL };
	struct refresh_callbacks callbacks = template;

	if (ui->refresh != NULL)
		return 0;
	callbacks.ctx = ui;
	ui->refresh = refresh_new(ui->store, ui->settings, &callbacks);
	if (ui->refresh == NULL) {
		ui_error(ui, "cannot start the network library");
		return -1;
	}
	ui->refresh_new = 0;
	ui->refresh_failed = 0;
	return 0;
}

int
ui_refresh_start(struct ui *ui, const int64_t *feed_ids, size_t n, bool all)
{
	size_t i, skipped = 0;
	int lock;

	if (ui->refresh_lock < 0) {
		/* Never beside a cron refresh: the two would fetch the same
		 * feeds twice. Wait for nothing; say so instead. */
		lock = refresh_lock(ui->session->db_path, 0);
		if (lock == -1) {
			ui_error(ui, "a refresh is already running in another tidings");
			return -1;
		}
		if (lock < 0) {
			ui_error(ui, "cannot lock the store for a refresh: %s", strerror(errno));
			return -1;
		}
		if (refresh_ensure(ui) != 0) {
			close(lock);
			return -1;
		}
		ui->refresh_lock = lock;
	}
	if (feed_ids != NULL) {
		for (i = 0; i < n; i++) {
			if (refresh_add_feed(ui->refresh, feed_ids[i]) == 1)
				skipped++;
		}
		if (skipped > 0)
			ui_message(ui, "%zu feed%s disabled or asked to wait (Retry-After)",
			    skipped, skipped == 1 ? " is" : "s are");
	} else if (refresh_add_due(ui->refresh, store_now(ui->store), all) < 0)
		ui_error(ui, "%s", store_error(ui->store));
	show_progress(ui, refresh_stats(ui->refresh));
	if (ui->progress.len == 0)
		buf_append_str(&ui->progress, "refreshing 0/0");
	return 0;
}

int
ui_story_fetch(struct ui *ui, int64_t item_id, const char *link)
{
	if (link == NULL || *link == '\0') {
		ui_message(ui, "this item has no link");
		return -1;
	}
	if (refresh_ensure(ui) != 0)
		return -1;
	if (refresh_add_story(ui->refresh, item_id, link) != 0) {
		ui_error(ui, "the item's link is not an http or https address");
		return -1;
	}
	ui->story_asked = item_id;
	ui_message(ui, "fetching the story\u2026");
	show_progress(ui, refresh_stats(ui->refresh));
	return 0;
}

static void
refresh_finish(struct ui *ui)
{
	const struct refresh_stats *stats;

	if (ui->refresh == NULL || refresh_pending(ui->refresh) > 0)
		return;
	stats = refresh_stats(ui->refresh);
	/* Stories alone: their own messages said it all. */
	if (stats->queued == 0 && stats->stories_queued > 0)
		;
	else if (stats->queued == 0)
		ui_message(ui, "nothing to refresh");
	else if (stats->failed > 0)
		ui_error(ui, "refreshed %zu feeds: %zu new items, %zu failed", stats->done,
		    stats->new_items, stats->failed);
	else
		ui_message(ui, "refreshed %zu feed%s: %zu new item%s", stats->done,
		    stats->done == 1 ? "" : "s", stats->new_items,
		    stats->new_items == 1 ? "" : "s");
	refresh_free(&ui->refresh);
	if (ui->refresh_lock >= 0)
		close(ui->refresh_lock);
	ui->refresh_lock = -1;
	buf_reset(&ui->progress);
	ui_store_changed(ui);
}

/* ---- Noticing changes to the store ---- */

void
ui_store_written(struct ui *ui)
{
	ui->data_version = store_data_version(ui->store);
	ui->last_check = ui_now_ms();
}

void
ui_store_changed(struct ui *ui)
{
	ui->generation++;
	ui_store_written(ui);
}

static void
check_store(struct ui *ui)
{
	int64_t version;

	if (ui_now_ms() - ui->last_check < CHECK_INTERVAL_MS)
		return;
	ui->last_check = ui_now_ms();
	/* Another process committed (a cron refresh, marks from a script):
	 * every view asks the store again. */
	version = store_data_version(ui->store);
	if (version != ui->data_version) {
		ui->data_version = version;
		ui->generation++;
	}
}

/* ---- Browser ---- */

void
ui_open_url(struct ui *ui, const char *url)
{
	const char *command = browser_command(ui->settings->string[OPT_BROWSER]);
	char **argv = browser_argv(command, url);
	char *error = NULL;
	bool wait;
	int rc;

	if (argv == NULL) {
		ui_error(ui, "no browser: set browser in the config file, or $BROWSER");
		return;
	}
	/* A browser in the terminal gets the terminal while it runs; any
	 * other one is started on its own and not waited for. */
	wait = browser_in_terminal(argv[0]);
	browser_argv_free(&argv);
	if (wait) {
		def_prog_mode();
		endwin();
	}
	rc = browser_open(command, url, wait, &error);
	if (wait) {
		reset_prog_mode();
		clearok(curscr, TRUE);
		refresh();
	}
	if (rc != 0)
		ui_error(ui, "%s", error);
	else if (!wait)
		ui_message(ui, "opened %s", url);
	free(error);
}

/* ---- Operations every view shares ---- */

static void
op_up(struct ui *ui, struct view *v)
{
	if (v->pager)
		v->top--;
	else
		v->cursor--;
	clamp(ui, v);
}

static void
op_down(struct ui *ui, struct view *v)
{
	if (v->pager)
		v->top++;
	else
		v->cursor++;
	clamp(ui, v);
}

static void
op_page_up(struct ui *ui, struct view *v)
{
	int h = ui_list_height(ui);

	/* As in mutt and less: the screen moves a page and the cursor
	 * keeps its place on it. */
	v->top -= h;
	if (!v->pager)
		v->cursor = v->top <= 0 && v->cursor - h < 0 ? 0 : v->cursor - h;
	if (v->top < 0)
		v->top = 0;
	clamp(ui, v);
}

static void
op_page_down(struct ui *ui, struct view *v)
{
	int h = ui_list_height(ui);

	if (v->pager) {
		v->top += h;
	} else if (v->top + h >= v->n_rows) {
		v->cursor = v->n_rows - 1;	/* the last page: go to its end */
	} else {
		v->top += h;
		v->cursor += h;
	}
	clamp(ui, v);
}

static void
op_top(struct ui *ui, struct view *v)
{
	v->top = 0;
	v->cursor = 0;
	clamp(ui, v);
}

static void
op_bottom(struct ui *ui, struct view *v)
{
	v->cursor = v->n_rows - 1;
	v->top = v->n_rows;
	clamp(ui, v);
}

static void
op_back(struct ui *ui, struct view *v)
{
	(void)v;
	if (ui->view->below == NULL)
		ui->quit = true;
	else
		ui_pop(ui);
}

static void
op_quit(struct ui *ui, struct view *v)
{
	(void)v;
	ui->quit = true;
}

static void
op_help(struct ui *ui, struct view *v)
{
	if (strcmp(v->type->name, "help") == 0)
		ui_pop(ui);
	else
		ui_push(ui, ui_help_new(ui));
}

static void
op_redraw(struct ui *ui, struct view *v)
{
	(void)v;
	(void)ui;
	clearok(curscr, TRUE);
}

static void
op_refresh_all(struct ui *ui, struct view *v)
{
	(void)v;
	ui_refresh_start(ui, NULL, 0, true);
}

static void
op_add_feed(struct ui *ui, struct view *v)
{
	(void)v;
	ui_feeds_add_prompt(ui);
}

static void
op_import(struct ui *ui, struct view *v)
{
	(void)v;
	ui_feeds_import_prompt(ui);
}

static const struct view_action shared_actions[] = {
	{ OP_UP, op_up },
	{ OP_DOWN, op_down },
	{ OP_PAGE_UP, op_page_up },
	{ OP_PAGE_DOWN, op_page_down },
	{ OP_TOP, op_top },
	{ OP_BOTTOM, op_bottom },
	{ OP_BACK, op_back },
	{ OP_QUIT, op_quit },
	{ OP_HELP, op_help },
	{ OP_REDRAW, op_redraw },
	{ OP_REFRESH_ALL, op_refresh_all },
	{ OP_ADD_FEED, op_add_feed },
	{ OP_IMPORT, op_import },
};

static void
handle_key(struct ui *ui, int key)
{
	struct view *v = ui->view;
	enum key_op op;
	char name[16], help[16];
	size_t i;

	if (ui->prompt.active) {
		prompt_key(ui, key);
		return;
	}
	op = keys_lookup(&ui->keys, key);
	if (op != OP_NONE) {
		for (i = 0; i < v->type->n_actions; i++) {
			if (v->type->actions[i].op == op) {
				v->type->actions[i].run(ui, v);
				return;
			}
		}
		for (i = 0; i < sizeof(shared_actions) / sizeof(shared_actions[0]); i++) {
			if (shared_actions[i].op == op) {
				shared_actions[i].run(ui, v);
				return;
			}
		}
		ui_message(ui, "%s: not in this view", keys_op_name(op));
		return;
	}
	if (v->type->key != NULL && v->type->key(ui, v, key))
		return;
	keys_name(key, name, sizeof(name));
	ui_key_hint(ui, OP_HELP, help, sizeof(help));
	ui_message(ui, "%s is not bound (%s: help)", name, help);
}

/* ---- Terminal ---- */

static void
handle_resize(struct ui *ui)
{
	struct winsize ws;
	struct view *v;

	resized = 0;
	if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_row > 0 && ws.ws_col > 0)
		resizeterm(ws.ws_row, ws.ws_col);
	ui->lines = LINES;
	ui->cols = COLS;
	for (v = ui->view; v != NULL; v = v->below) {
		if (v->type->resize != NULL)
			v->type->resize(ui, v);
		clamp(ui, v);
	}
	clearok(curscr, TRUE);
}

/* A curses key to a keys.h code: -1 to ignore it, -2 for a resize. */
static int
translate_key(int rc, wint_t wc)
{
	if (rc == KEY_CODE_YES) {
		switch (wc) {
		case KEY_UP: return KEYS_UP;
		case KEY_DOWN: return KEYS_DOWN;
		case KEY_LEFT: return KEYS_LEFT;
		case KEY_RIGHT: return KEYS_RIGHT;
		case KEY_PPAGE: return KEYS_PAGE_UP;
		case KEY_NPAGE: return KEYS_PAGE_DOWN;
		case KEY_HOME: return KEYS_HOME;
		case KEY_END: return KEYS_END;
		case KEY_IC: return KEYS_INSERT;
		case KEY_DC: return KEYS_DELETE;
		case KEY_BACKSPACE: return KEYS_BACKSPACE;
		case KEY_ENTER: return KEYS_ENTER;
		case KEY_RESIZE: return -2;
		}
		if (wc >= KEY_F(1) && wc <= KEY_F(12))
			return KEYS_F1 + (int)(wc - KEY_F(1));
		return -1;
	}
	if (wc == '\r')
		return KEYS_ENTER;
	if (wc == 0x7f)
		return KEYS_BACKSPACE;
	return (int)wc;
}

static void
read_keys(struct ui *ui)
{
	wint_t wc;
	int rc, key;

	while (!ui->quit && ui->view != NULL && (rc = get_wch(&wc)) != ERR) {
		key = translate_key(rc, wc);
		if (key == -2)
			resized = 1;
		else if (key >= 0)
			handle_key(ui, key);
	}
	/* A filter narrows once per batch of typed keys, not per key: a
	 * fast typist or a paste costs one query. */
	if (ui->prompt.active && ui->prompt.changed) {
		ui->prompt.changed = false;
		if (ui->prompt.callbacks.changed != NULL)
			ui->prompt.callbacks.changed(ui, ui->prompt.ctx, buf_str(&ui->prompt.text));
	}
}

/* The view's deferred work, when no key is waiting. True when it ran. */
static bool
idle(struct ui *ui)
{
	struct pollfd pfd = { STDIN_FILENO, POLLIN, 0 };

	if (ui->view->type->idle == NULL || poll(&pfd, 1, 0) != 0)
		return false;
	return ui->view->type->idle(ui, ui->view);
}

/* Wait for a key, the network (during a refresh), a signal or the next
 * tick; then read every key there is. Curses may hold keys it has read
 * already, so the keys are read whatever woke the wait. */
static void
wait_for_input(struct ui *ui)
{
	struct pollfd pfd = { STDIN_FILENO, POLLIN, 0 };
	bool ready;

	if (ui->refresh != NULL) {
		if (refresh_step(ui->refresh, REFRESH_WAIT_MS, STDIN_FILENO, &ready) != 0)
			ui_error(ui, "the refresh failed: %s", store_error(ui->store));
		refresh_finish(ui);
	} else
		poll(&pfd, 1, IDLE_WAIT_MS);
	read_keys(ui);
}

/* Home and End as terminals other than the one TERM names send them (tmux,
 * screen, rxvt and the Linux console say ESC [ 1 ~, xterm ESC O H): a user
 * whose TERM is slightly off still gets the keys. */
static void
define_other_keys(void)
{
	static const struct {
		const char	*sequence;
		int		 key;
	} others[] = {
		{ "\033[1~", KEY_HOME }, { "\033[7~", KEY_HOME }, { "\033[H", KEY_HOME },
		{ "\033OH", KEY_HOME }, { "\033[4~", KEY_END }, { "\033[8~", KEY_END },
		{ "\033[F", KEY_END }, { "\033OF", KEY_END },
	};
	size_t i;

	for (i = 0; i < sizeof(others) / sizeof(others[0]); i++) {
		if (key_defined(others[i].sequence) == 0)
			define_key(others[i].sequence, others[i].key);
	}
}

static int
start_terminal(struct ui *ui)
{
	SCREEN *screen;

	if (tcgetattr(STDIN_FILENO, &saved_termios) == 0)
		have_termios = true;
	screen = newterm(NULL, stdout, stdin);
	if (screen == NULL) {
		fprintf(stderr, "tidings: cannot use the terminal '%s'\n",
		    getenv("TERM") != NULL ? getenv("TERM") : "(TERM not set)");
		return -1;
	}
	set_term(screen);
	save_reset_sequence();
	/* After newterm, so ours replace the handlers curses installs. */
	install_signals();
	cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	define_other_keys();
	nodelay(stdscr, TRUE);
	set_escdelay(ESCAPE_DELAY_MS);
	curs_set(0);
	ui->lines = LINES;
	ui->cols = COLS;
	return 0;
}

static void
stop_terminal(void)
{
	endwin();
	restore_signals();
}

int
ui_run(struct session *session)
{
	struct style_spec specs[STYLE_COUNT];
	struct ui ui;
	char *error = NULL;

	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		fprintf(stderr, "tidings: the reader needs a terminal; see tidings --help "
		    "for the commands\n");
		return EXIT_USAGE;
	}
	memset(&ui, 0, sizeof(ui));
	ui.session = session;
	ui.store = session->store;
	ui.settings = &session->settings;
	ui.refresh_lock = -1;
	ui.show_read = session->settings.number[OPT_SHOW_READ] != 0;
	ui.shown = filter_view_new(session->settings.rules);
	if (keys_load(&ui.keys, ui.settings, &error) != 0 ||
	    parse_styles(ui.settings, specs, &error) != 0) {
		fprintf(stderr, "tidings: config: %s\n", error);
		free(error);
		filter_sql_free(&ui.shown);
		return EXIT_USAGE;
	}
	if (start_terminal(&ui) != 0) {
		filter_sql_free(&ui.shown);
		return EXIT_USAGE;
	}
	apply_styles(&ui, specs);
	ui_store_written(&ui);

	ui_push(&ui, ui_feeds_new(&ui));
	if (session->settings.number[OPT_REFRESH_ON_START] != 0)
		ui_refresh_start(&ui, NULL, 0, false);
	while (!ui.quit && ui.view != NULL && stop_signal == 0) {
		if (resized)
			handle_resize(&ui);
		draw(&ui);
		if (idle(&ui))
			continue;
		wait_for_input(&ui);
		check_store(&ui);
	}

	stop_terminal();
	while (ui.view != NULL)
		ui_pop(&ui);
	refresh_free(&ui.refresh);
	if (ui.refresh_lock >= 0)
		close(ui.refresh_lock);
	buf_free(&ui.message);
	buf_free(&ui.progress);
	filter_sql_free(&ui.shown);
	buf_free(&ui.prompt.text);
	free(ui.prompt.label);
	/* Stopped by a signal: the shell's convention for the status. */
	return stop_signal != 0 ? 128 + stop_signal : EXIT_OK;
}
