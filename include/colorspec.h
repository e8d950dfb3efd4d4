/* colorspec.h: a color-NAME setting's value ("white blue bold") read into
 * colors and attributes, with no curses here, so that every command checks
 * the config and the reader only maps the result to curses attributes. */
#ifndef TIDINGS_COLORSPEC_H
#define TIDINGS_COLORSPEC_H

#include <stdbool.h>

/* Attributes, as bits of colorspec.attrs. */
enum {
	COLORSPEC_BOLD = 1 << 0,
	COLORSPEC_DIM = 1 << 1,
	COLORSPEC_UNDERLINE = 1 << 2,
	COLORSPEC_REVERSE = 1 << 3,
	COLORSPEC_STANDOUT = 1 << 4,
	COLORSPEC_BLINK = 1 << 5,
	COLORSPEC_ITALIC = 1 << 6,
};

struct colorspec {
	short		 fg, bg;	/* 0 to 255, or -1: the terminal's own */
	unsigned	 attrs;		/* COLORSPEC_* */
	bool		 colored;	/* a color other than "default default" */
};

/* Read value, words separated by blanks: at most two colors (default,
 * black, red, green, yellow, blue, magenta, cyan, white, color0 to
 * color255; foreground first) and any attributes (normal, bold, dim,
 * underline, reverse, standout, blink, italic), in any case. Returns 0, or
 * -1 with *error (owned) naming option and the bad word. */
int colorspec_parse(const char *option, const char *value, struct colorspec *spec,
    char **error);

#endif
