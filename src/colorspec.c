/* colorspec.c: reading a color-NAME setting into colors and attributes.
 * Turning them into curses attributes is the reader's job. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "ascii.h"
#include "colorspec.h"
#include "xmalloc.h"

static const char *const colors[] = { "black", "red", "green", "yellow", "blue",
    "magenta", "cyan", "white" };

static const struct {
	const char	*name;
	unsigned	 attr;
} attributes[] = {
	{ "normal", 0 }, { "bold", COLORSPEC_BOLD }, { "dim", COLORSPEC_DIM },
	{ "underline", COLORSPEC_UNDERLINE }, { "reverse", COLORSPEC_REVERSE },
	{ "standout", COLORSPEC_STANDOUT }, { "blink", COLORSPEC_BLINK },
	{ "italic", COLORSPEC_ITALIC },
};

/* The color a word names: 0 to 255, -1 for default, -2 for none. */
static int
color_of(const char *word)
{
	char *end;
	long number;
	size_t i;

	if (ascii_casecmp(word, "default") == 0)
		return -1;
	for (i = 0; i < sizeof(colors) / sizeof(colors[0]); i++) {
		if (ascii_casecmp(word, colors[i]) == 0)
			return (int)i;
	}
	if (ascii_ncasecmp(word, "color", 5) == 0 && word[5] >= '0' && word[5] <= '9') {
		number = strtol(word + 5, &end, 10);
		if (*end == '\0' && number >= 0 && number <= 255)
			return (int)number;
	}
	return -2;
}

int
colorspec_parse(const char *option, const char *value, struct colorspec *spec,
    char **error)
{
	char *copy, *word, *save = NULL;
	int n_colors = 0, color, rc = 0;
	size_t i;

	*error = NULL;
	memset(spec, 0, sizeof(*spec));
	spec->fg = spec->bg = -1;
	copy = xstrdup(value != NULL ? value : "");
	for (word = strtok_r(copy, " \t", &save); word != NULL;
	    word = strtok_r(NULL, " \t", &save)) {
		if ((color = color_of(word)) != -2) {
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
	/* "default default" is the terminal's own: no color pair needed. */
	spec->colored = rc == 0 && (spec->fg != -1 || spec->bg != -1);
	free(copy);
	return rc;
}
