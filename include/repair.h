/* repair.h: a streaming pre-filter that mends the breakages of real feeds
 * that would otherwise stop expat for good: a bare '&' that starts no
 * reference (AT&T, "?a=1&b=2") becomes "&amp;"; a bare '<' that starts no
 * markup ("2 < 3") becomes "&lt;"; "&#X41;" with an upper-case X becomes
 * "&#x41;"; a reference to a character XML forbids becomes "&#xFFFD;"; and
 * element names are lower-cased, so that <Title>..</title> is no mismatch;
 * C0 control characters XML forbids (all but tab, newline and carriage
 * return, NUL included) are dropped wherever they are, since one would end
 * the document. Text inside CDATA sections, comments and processing
 * instructions is otherwise left alone. Input and output are UTF-8. */
#ifndef TIDINGS_REPAIR_H
#define TIDINGS_REPAIR_H

#include <stdbool.h>
#include <stddef.h>

#include "buf.h"

struct repair {
	int		state;		/* private: where in the markup we are */
	struct buf	held;		/* private: bytes held back at a chunk's end */
	struct buf	clean;		/* private: a chunk without its controls */
};

void repair_init(struct repair *r);

/* Filter len bytes, appending the mended text to out. Bytes that cannot be
 * judged yet (an '&' near the end of the chunk, a half-seen "<![CDATA[") are
 * held until the next call or until final. */
void repair_filter(struct repair *r, const char *in, size_t len, bool final, struct buf *out);

void repair_free(struct repair *r);

#endif
