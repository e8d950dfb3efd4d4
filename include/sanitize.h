/* sanitize.h: making feed text safe to print on a terminal. Feed text is
 * hostile: escape sequences, OSC strings, C1 controls and bidi overrides in a
 * title could rewrite the screen or the window title, or disguise a link. */
#ifndef TIDINGS_SANITIZE_H
#define TIDINGS_SANITIZE_H

#include <stddef.h>

#include "buf.h"

/* Append s to out as one line safe for a terminal: C0 controls (tab and
 * newline included), DEL, C1 controls, bidi embedding/override/isolate
 * characters and invalid UTF-8 become a space or U+FFFD; an ESC starts a
 * sequence that is dropped whole (CSI, OSC up to BEL or ST, and the rest);
 * runs of spaces are collapsed. s may be NULL. */
void sanitize_line(struct buf *out, const char *s);

#endif
