/* extract-text.c: the cleaned HTML of a story (or any HTML fragment) as
 * plain text: blocks, list items, quotes, images as placeholders, wrapped by
 * display width on request. Finding the story is extract.c. */
#include "config.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gumbo.h>

#include "buf.h"
#include "extract.h"
#include "render.h"
#include "width.h"
#include "xmalloc.h"

char *
extract_text(const char *html, int width)
{
	if (html == NULL || strlen(html) > EXTRACT_MAX_PAGE)
		return xstrdup("");
	return render_text(html, width);
}
