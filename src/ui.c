/* ui.c: the reader's frame: the only owner of the terminal (newterm and
 * endwin, the signal handlers, SIGWINCH) and of the main loop; the view
 * stack, the drawing of the top view and the status line, and the
 * operations every view shares. Styles, prompts and background refreshes
 * have their own ui-*.c files, as has what each view shows and does. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <langinfo.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include "browser.h"
#include "cmd.h"
#include "date.h"
#include "encoding.h"
#include "filter.h"
#include "refresh.h"
#include "sanitize.h"
#include "store.h"
#include "term-charset.h"
#include "ui-internal.h"
#include "ui.h"
#include "width.h"
#include "xmalloc.h"

/* How long a message stays on the status line. */
#define MESSAGE_MS		5000
#define ERROR_MS		10000
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

void
ui_put(struct ui *ui, int y, const char *s, size_t len)
{
	if (ui->charset == NULL) {
		mvaddnstr(y, 0, s, (int)len);
		return;
	}
	buf_reset(&ui->converted);
	term_charset_convert(ui->charset, s, len, &ui->converted);
	mvaddstr(y, 0, buf_str(&ui->converted));
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

int64_t
ui_view_step_item(struct ui *ui, struct view *v, int step)
{
	struct view *below = v->below;

	if (below == NULL || below->type->step_item == NULL)
		return -1;
	return below->type->step_item(ui, below, step);
}

void
ui_view_note(struct ui *ui, struct view *v, const struct view_note *note)
{
	struct view *below;

	for (below = v->below; below != NULL; below = below->below) {
		if (below->type->note != NULL)
			below->type->note(ui, below, note);
	}
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
	char *text = xvasprintf(fmt, ap);

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
	ui_style_set(ui, style, false);
	ui_put(ui, ui->lines - 1, buf_str(&line), line.len);
	buf_free(&left);
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
	ui_style_set(ui, STYLE_TITLE, false);
	ui_put(ui, 0, buf_str(&line), line.len);

	if (v->n_rows == 0 && v->type->empty != NULL) {
		buf_reset(&text);
		v->type->empty(ui, v, &text);
		ui_style_set(ui, STYLE_NORMAL, false);
		for (p = buf_str(&text), i = 0; *p != '\0' && i < h; i++) {
			nl = strchr(p, '\n');
			buf_reset(&line);
			buf_append(&line, p, nl != NULL ? (size_t)(nl - p) : strlen(p));
			ui_put(ui, 1 + i, buf_str(&line), width_fit(buf_str(&line), ui->cols, NULL));
			p = nl != NULL ? nl + 1 : p + strlen(p);
		}
	}
	for (i = 0; i < h && v->top + i < v->n_rows; i++) {
		int64_t row = v->top + i;

		buf_reset(&line);
		style = STYLE_NORMAL;
		v->type->row(ui, v, row, ui->cols, &line, &style);
		ui_style_set(ui, style, !v->pager && row == v->cursor);
		ui_put(ui, 1 + i, buf_str(&line), width_fit(buf_str(&line), ui->cols, NULL));
	}
	if (ui->prompt.active) {
		ui_prompt_draw(ui);
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

/* The help view answers OP_HELP itself (it closes). */
static void
op_help(struct ui *ui, struct view *v)
{
	(void)v;
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
		ui_prompt_key(ui, key);
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
	ui_prompt_flush(ui);
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
		ui_refresh_finish(ui);
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

/* Terminal flow control (IXON) would swallow Ctrl-S and Ctrl-Q, keys the
 * config may bind. curses has no call for it, so it goes off by hand, and
 * def_prog_mode makes it part of the modes curses saves: endwin (quit,
 * suspend, a browser in the terminal) gives back the user's own modes,
 * and reset_prog_mode (resume) takes these again. */
static void
flow_control_off(void)
{
	struct termios t;

	if (tcgetattr(STDIN_FILENO, &t) != 0)
		return;
	t.c_iflag &= ~(tcflag_t)IXON;
	if (tcsetattr(STDIN_FILENO, TCSANOW, &t) == 0)
		def_prog_mode();
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
	flow_control_off();
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
	    ui_styles_parse(ui.settings, specs, &error) != 0) {
		fprintf(stderr, "tidings: config: %s\n", error);
		free(error);
		filter_sql_free(&ui.shown);
		return EXIT_USAGE;
	}
	if (start_terminal(&ui) != 0) {
		filter_sql_free(&ui.shown);
		return EXIT_USAGE;
	}
	ui_styles_apply(&ui, specs);
	ui_store_written(&ui);
	/* The store and the views speak UTF-8; a terminal whose locale does
	 * not gets its own charset at the edge (ui_put). */
	if (!encoding_is_utf8(nl_langinfo(CODESET)))
		ui.charset = term_charset_new(nl_langinfo(CODESET));

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
		ui_store_check(&ui);
		ui_poll(&ui);
	}

	stop_terminal();
	while (ui.view != NULL)
		ui_pop(&ui);
	ui_refresh_stop(&ui);
	ui_prompt_free(&ui);
	buf_free(&ui.message);
	term_charset_free(&ui.charset);
	buf_free(&ui.converted);
	filter_sql_free(&ui.shown);
	/* Stopped by a signal: the shell's convention for the status. */
	return stop_signal != 0 ? 128 + stop_signal : EXIT_OK;
}
