/* ui-style.c: how the reader's lines look: the color-NAME settings parsed
 * into styles, fitted to the terminal's colors (or none), and set before a
 * line is drawn. Not what is drawn (ui.c and the views). */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "colorspec.h"
#include "ui-internal.h"

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

/* A color setting read by colorspec.c (which every command checks the
 * config with), its attributes mapped to curses'. */
static int
parse_style(const char *option, const char *value, struct style_spec *spec, char **error)
{
	static const struct {
		unsigned	 bit;
		attr_t		 attr;
	} attributes[] = {
		{ COLORSPEC_BOLD, A_BOLD }, { COLORSPEC_DIM, A_DIM },
		{ COLORSPEC_UNDERLINE, A_UNDERLINE }, { COLORSPEC_REVERSE, A_REVERSE },
		{ COLORSPEC_STANDOUT, A_STANDOUT }, { COLORSPEC_BLINK, A_BLINK },
		{ COLORSPEC_ITALIC, A_ITALIC },
	};
	struct colorspec cs;
	size_t i;

	memset(spec, 0, sizeof(*spec));
	if (colorspec_parse(option, value, &cs, error) != 0)
		return -1;
	spec->fg = cs.fg;
	spec->bg = cs.bg;
	spec->colored = cs.colored;
	for (i = 0; i < sizeof(attributes) / sizeof(attributes[0]); i++) {
		if (cs.attrs & attributes[i].bit)
			spec->attrs |= attributes[i].attr;
	}
	return 0;
}

int
ui_styles_parse(const struct settings *settings, struct style_spec *specs, char **error)
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

void
ui_styles_apply(struct ui *ui, const struct style_spec *specs)
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

void
ui_style_set(const struct ui *ui, enum ui_style style, bool cursor)
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
