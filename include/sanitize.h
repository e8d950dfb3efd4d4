/* sanitize.h: making feed text safe to store and to print on a terminal.
 * Feed text is hostile: escape sequences, OSC strings, C1 controls and bidi
 * overrides in a title could rewrite the screen or the window title, or
 * disguise a link. */
#ifndef TIDINGS_SANITIZE_H
#define TIDINGS_SANITIZE_H

#include <stdbool.h>
#include <stddef.h>

#include "buf.h"

/* Whether cp is a control character: C0 (U+0000..U+001F), DEL or C1
 * (U+0080..U+009F). */
bool sanitize_is_control(unsigned long cp);

/* Whether cp is a bidi embedding, override or isolate control (U+202A..
 * U+202E, U+2066..U+2069): each reorders all the text after it up to its
 * terminator. The marks U+200E, U+200F and U+061C are not: they only settle
 * the direction of the neutral characters next to them. */
bool sanitize_is_bidi_control(unsigned long cp);

/* Append s to out as one line safe for a terminal: C0 controls (tab and
 * newline included), DEL, C1 controls, bidi controls and marks and invalid
 * UTF-8 become a space or U+FFFD; an ESC or a C1 introducer starts a
 * sequence that is dropped whole (CSI, OSC up to BEL or ST, and the rest);
 * runs of spaces are collapsed. s may be NULL. */
void sanitize_line(struct buf *out, const char *s);

/* The kinds of field feed text is stored in. */
enum sanitize_field {
	/* One line of plain text (a title, an author, a category): tab,
	 * newline and the other C0 white space become a space, runs of
	 * spaces one, both ends trimmed. */
	SANITIZE_PLAIN,
	/* HTML: markup kept, and tab, newline and carriage return (HTML
	 * white space); other C0 white space dropped. */
	SANITIZE_HTML,
};

/* s cleaned for storing as a field of the given kind: other C0 controls,
 * DEL, C1 controls and bidi controls dropped (an ESC with the sequence it
 * starts; a C1 character alone, as it is far more often a stray
 * windows-1252 byte than an introducer), invalid UTF-8 as U+FFFD. Takes s
 * (may be NULL) and returns it when nothing needed changing, else frees it
 * and returns a new string. */
char *sanitize_field(char *s, enum sanitize_field kind);

#endif
