/* chrome-page.c: the 2 MB news page of chrome-page.h. */
#include "config.h"

#include "chrome-page.h"

/* One block of a news site's chrome, as the big sites write it: inline
 * state for scripts, critical CSS, an SVG icon, menus, a "latest" list,
 * an ad slot. About 60% of it is script and style, as on real news pages. */
static void
append_chrome(struct buf *b, int n)
{
	int i;

	buf_appendf(b, "<div class=\"site-header\" id=\"h%d\"><nav class=\"menu\"><ul>", n);
	for (i = 0; i < 8; i++)
		buf_appendf(b, "<li class=\"menu-item\"><a href=\"/section-%d/\">Section %d</a></li>",
		    i, i);
	buf_append_str(b, "</ul></nav></div>\n<script>window.__STATE__ = {\"items\":[");
	for (i = 0; i < 12; i++)
		buf_appendf(b, "%s{\"id\":%d,\"title\":\"A headline about item %d\",\"url\":"
		    "\"/news/2024/05/item-%d.html\",\"image\":\"/img/%d.jpg\",\"tags\":[\"a\",\"b\"]}",
		    i > 0 ? "," : "", n * 100 + i, i, i, i);
	buf_append_str(b, "]}; if (a < b && c > d) { track('<div>'); }</script>\n<style>");
	for (i = 0; i < 14; i++)
		buf_appendf(b, ".c%d-%d{color:#333;margin:0 auto;padding:4px 8px;font:14px/1.4 "
		    "Georgia,serif}", n, i);
	buf_append_str(b, "</style>\n<svg class=\"icon\" viewBox=\"0 0 24 24\"><path d=\"M12 2C6.48 "
	    "2 2 6.48 2 12s4.48 10 10 10 10-4.48 10-10S17.52 2 12 2zm0 18c-4.41 0-8-3.59-8-8s3.59-8 "
	    "8-8 8 3.59 8 8-3.59 8-8 8zm-1-13h2v6h-2zm0 8h2v2h-2z\"/></svg>\n");
	buf_append_str(b, "<!-- widget: latest -->\n<div class=\"widget latest\"><h3>Latest</h3><ul>");
	for (i = 0; i < 6; i++)
		buf_appendf(b, "<li><a href=\"/news/%d/\">Another headline for the latest list, "
		    "number %d</a> <span class=\"date\">May %d</span></li>", i, i, i + 1);
	buf_append_str(b, "</ul></div>\n<div class=\"ad-slot\"><span>Advertisement</span><a href="
	    "\"https://ads.example/c\"><img src=\"/ads/banner.gif\" alt=\"Buy now\"></a></div>\n");
}

void
chrome_page(struct buf *page, const char *story)
{
	size_t i, chrome_blocks = 0;

	buf_append_str(page, "<!doctype html><html><head><meta charset=utf-8><title>The "
	    "library stays open on Sundays - Example News</title></head><body>\n");
	while (page->len < 1024 * 1024)
		append_chrome(page, (int)chrome_blocks++);
	buf_append_str(page, "<article><h1>The library stays open on Sundays</h1>"
	    "<div class=\"entry-content\">");
	for (i = 0; i < 10; i++)
		buf_append_str(page, story);
	buf_append_str(page, "</div></article>\n");
	while (page->len < 2 * 1024 * 1024)
		append_chrome(page, (int)chrome_blocks++);
	buf_append_str(page, "</body></html>\n");
}
