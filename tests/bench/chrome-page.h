/* chrome-page.h: a 2 MB news page, story in the middle of a site's chrome,
 * shared by the extractor's unit test (is the story found?) and its
 * benchmark (how long does it take?). */
#ifndef TIDINGS_CHROME_PAGE_H
#define TIDINGS_CHROME_PAGE_H

#include "buf.h"

/* Append to page about 1 MB of chrome, an <article> holding story (HTML)
 * ten times, then chrome up to 2 MB. */
void chrome_page(struct buf *page, const char *story);

#endif
