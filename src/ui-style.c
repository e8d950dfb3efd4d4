/* ui-style.c: how the reader's lines look: the color-NAME settings parsed
 * into styles, fitted to the terminal's colors (or none), and set before a
 * line is drawn. Not what is drawn (ui.c and the views). */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "ascii.h"
#include "ui-internal.h"
#include "xmalloc.h"

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
		if (ascii_casecmp(word, "default") == 0)
			color = -1;
		for (i = 0; i < sizeof(colors) / sizeof(colors[0]); i++) {
			if (ascii_casecmp(word, colors[i]) == 0)
				color = (int)i;
		}
		if (ascii_ncasecmp(word, "color", 5) == 0 && word[5] != '\0') {
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
			if (ascii_casecmp(word, attributes[i].name) == 0)
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
