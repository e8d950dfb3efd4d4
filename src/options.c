/* options.c: the table of every setting, and reading a value of each type.
 * Where settings come from (the config file) is config.c's business. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ascii.h"
#include "options.h"

const struct option_def options_table[OPT_COUNT] = {
	[OPT_REFRESH_INTERVAL] = { "refresh-interval", OPTION_DURATION, "1h", 60, 30LL * 86400,
	    "how often a feed is fetched, unless the feed asks for less often" },
	[OPT_MAX_CONNECTIONS] = { "max-connections", OPTION_INT, "16", 1, 64,
	    "transfers at once during a refresh" },
	[OPT_MAX_PER_HOST] = { "max-per-host", OPTION_INT, "4", 1, 16,
	    "transfers at once to one host (loopback hosts excepted)" },
	[OPT_CONNECT_TIMEOUT] = { "connect-timeout", OPTION_DURATION, "10s", 1, 300,
	    "time allowed to connect to a server" },
	[OPT_TIMEOUT] = { "timeout", OPTION_DURATION, "60s", 1, 3600,
	    "time allowed for one whole transfer" },
	[OPT_LOW_SPEED_LIMIT] = { "low-speed-limit", OPTION_SIZE, "10", 0, 1LL << 30,
	    "bytes per second below which a transfer counts as stalled" },
	[OPT_LOW_SPEED_TIME] = { "low-speed-time", OPTION_DURATION, "20s", 1, 3600,
	    "how long a transfer may stay stalled before it is dropped" },
	[OPT_MAX_SIZE] = { "max-size", OPTION_SIZE, "32M", 64 * 1024, 1LL << 30,
	    "largest feed accepted, counted after decompression" },
	[OPT_ALLOW_PRIVATE_REDIRECTS] = { "allow-private-redirects", OPTION_BOOL, "no", 0, 1,
	    "follow a remote feed's redirect to a loopback, link-local or private address" },
	[OPT_KEEP_DAYS] = { "keep-days", OPTION_INT, "0", 0, 36500,
	    "remove items older than this many days (0: keep them)" },
	[OPT_KEEP_ITEMS] = { "keep-items", OPTION_INT, "0", 0, 10000000,
	    "keep at most this many items per feed (0: no limit)" },
	[OPT_KEEP_UNREAD] = { "keep-unread", OPTION_BOOL, "yes", 0, 1,
	    "retention never removes unread or starred items" },
	[OPT_USER_AGENT] = { "user-agent", OPTION_STRING, "tidings/" PACKAGE_VERSION, 0, 0,
	    "the User-Agent header sent to servers" },
	[OPT_MAX_ITEMS] = { "max-items", OPTION_INT, "100000", 1, 10000000,
	    "items read from one feed; the rest are ignored with a message" },
	[OPT_MAX_DEPTH] = { "max-depth", OPTION_INT, "256", 16, 100000,
	    "element nesting in a feed before it is refused" },
	[OPT_MAX_FIELD] = { "max-field-size", OPTION_SIZE, "16M", 4096, 1LL << 30,
	    "bytes of one field (a title, a content) kept; the rest is cut" },
	[OPT_TTRSS_URL] = { "ttrss-url", OPTION_STRING, "", 0, 0,
	    "the Tiny Tiny RSS server to sync with (empty: none)" },
	[OPT_TTRSS_LOGIN] = { "ttrss-login", OPTION_STRING, "", 0, 0,
	    "the user name on the Tiny Tiny RSS server" },
	[OPT_TTRSS_PASSWORD_FILE] = { "ttrss-password-file", OPTION_STRING, "", 0, 0,
	    "a file whose first line is the server password (mode 600)" },
	[OPT_TTRSS_PASSWORD_COMMAND] = { "ttrss-password-command", OPTION_STRING, "", 0, 0,
	    "a command printing the server password on its first line" },
	[OPT_IGNORE_MODE] = { "ignore-mode", OPTION_STRING, "download", 0, 0,
	    "what ignore-article rules do: download (never store) or display (hide)" },
	[OPT_BROWSER] = { "browser", OPTION_STRING, "", 0, 0,
	    "the program that opens links (empty: $BROWSER, else xdg-open)" },
	[OPT_MARK_READ_ON_OPEN] = { "mark-read-on-open", OPTION_BOOL, "yes", 0, 1,
	    "the reader marks an item read when it opens it" },
	[OPT_SHOW_READ] = { "show-read", OPTION_BOOL, "no", 0, 1,
	    "the reader's item lists start with read items shown (no: unread only)" },
	[OPT_REFRESH_ON_START] = { "refresh-on-start", OPTION_BOOL, "no", 0, 1,
	    "the reader refreshes the feeds that are due when it starts" },
	[OPT_AUTO_REFRESH] = { "auto-refresh", OPTION_BOOL, "yes", 0, 1,
	    "while open, the reader refreshes each feed when it falls due" },
	[OPT_DATE_FORMAT] = { "date-format", OPTION_STRING, "%b %d", 0, 0,
	    "how the reader's item lists show dates (strftime(3), local time)" },
	[OPT_COLOR_TITLE] = { "color-title", OPTION_STRING, "white blue bold", 0, 0,
	    "the top line of each view" },
	[OPT_COLOR_STATUS] = { "color-status", OPTION_STRING, "white blue", 0, 0,
	    "the status line" },
	[OPT_COLOR_CURSOR] = { "color-cursor", OPTION_STRING, "reverse", 0, 0,
	    "the line under the cursor" },
	[OPT_COLOR_UNREAD] = { "color-unread", OPTION_STRING, "default default bold", 0, 0,
	    "unread items and feeds with unread items" },
	[OPT_COLOR_ERROR] = { "color-error", OPTION_STRING, "red default bold", 0, 0,
	    "feeds whose last refresh failed, and error messages" },
	[OPT_COLOR_TAG] = { "color-tag", OPTION_STRING, "yellow default bold", 0, 0,
	    "tag headings in the feed list" },
	[OPT_COLOR_HEADING] = { "color-heading", OPTION_STRING, "cyan default bold", 0, 0,
	    "headings in an article" },
	[OPT_COLOR_QUOTE] = { "color-quote", OPTION_STRING, "green default", 0, 0,
	    "block quotes in an article" },
	[OPT_COLOR_LINK] = { "color-link", OPTION_STRING, "cyan default underline", 0, 0,
	    "the numbered list of links of an article" },
	[OPT_COLOR_META] = { "color-meta", OPTION_STRING, "yellow default", 0, 0,
	    "the header of an article: title, feed, author, date, link" },
	[OPT_KEY_UP] = { "key-up", OPTION_STRING, "k Up C-p", 0, 0,
	    "move up one line" },
	[OPT_KEY_DOWN] = { "key-down", OPTION_STRING, "j Down C-n", 0, 0,
	    "move down one line" },
	[OPT_KEY_PAGE_UP] = { "key-page-up", OPTION_STRING, "PageUp C-b b", 0, 0,
	    "move up one screen" },
	[OPT_KEY_PAGE_DOWN] = { "key-page-down", OPTION_STRING, "PageDown C-f Space", 0, 0,
	    "move down one screen" },
	[OPT_KEY_TOP] = { "key-top", OPTION_STRING, "g Home", 0, 0,
	    "go to the first line" },
	[OPT_KEY_BOTTOM] = { "key-bottom", OPTION_STRING, "G End", 0, 0,
	    "go to the last line" },
	[OPT_KEY_OPEN] = { "key-open", OPTION_STRING, "Enter l Right", 0, 0,
	    "open the feed, tag or item under the cursor" },
	[OPT_KEY_BACK] = { "key-back", OPTION_STRING, "q h Left", 0, 0,
	    "go back to the view before; quit from the feed list" },
	[OPT_KEY_QUIT] = { "key-quit", OPTION_STRING, "Q", 0, 0,
	    "quit at once" },
	[OPT_KEY_HELP] = { "key-help", OPTION_STRING, "? F1", 0, 0,
	    "show the bindings in force" },
	[OPT_KEY_REDRAW] = { "key-redraw", OPTION_STRING, "C-l", 0, 0,
	    "redraw the screen" },
	[OPT_KEY_FILTER] = { "key-filter", OPTION_STRING, "/", 0, 0,
	    "filter the items by keywords as you type" },
	[OPT_KEY_TOGGLE_UNREAD] = { "key-toggle-unread", OPTION_STRING, "u", 0, 0,
	    "show unread items only, or all items" },
	[OPT_KEY_TOGGLE_STARRED] = { "key-toggle-starred", OPTION_STRING, "S", 0, 0,
	    "show starred items only, or all items" },
	[OPT_KEY_CLEAR_FILTERS] = { "key-clear-filters", OPTION_STRING, "c", 0, 0,
	    "clear every filter: all feeds, read and unread, no keywords" },
	[OPT_KEY_TOGGLE_READ] = { "key-toggle-read", OPTION_STRING, "N", 0, 0,
	    "mark the item read or unread" },
	[OPT_KEY_MARK_ALL_READ] = { "key-mark-all-read", OPTION_STRING, "A", 0, 0,
	    "mark every item in the view read (asks first)" },
	[OPT_KEY_STAR] = { "key-star", OPTION_STRING, "s *", 0, 0,
	    "star or unstar the item" },
	[OPT_KEY_BROWSER] = { "key-browser", OPTION_STRING, "o", 0, 0,
	    "open the item's link in the browser" },
	[OPT_KEY_OPEN_LINK] = { "key-open-link", OPTION_STRING, "f", 0, 0,
	    "open a numbered link of the article in the browser" },
	[OPT_KEY_NEXT_ITEM] = { "key-next-item", OPTION_STRING, "n", 0, 0,
	    "in an article, go to the next item of the list" },
	[OPT_KEY_PREVIOUS_ITEM] = { "key-previous-item", OPTION_STRING, "p", 0, 0,
	    "in an article, go to the item before" },
	[OPT_KEY_REFRESH] = { "key-refresh", OPTION_STRING, "r", 0, 0,
	    "refresh the feed under the cursor (or the one shown) in the background" },
	[OPT_KEY_REFRESH_ALL] = { "key-refresh-all", OPTION_STRING, "R", 0, 0,
	    "refresh every feed in the background" },
	[OPT_KEY_ADD_FEED] = { "key-add-feed", OPTION_STRING, "a", 0, 0,
	    "subscribe to a feed by typing its URL" },
	[OPT_KEY_IMPORT] = { "key-import", OPTION_STRING, "i", 0, 0,
	    "import an OPML or newsboat urls file" },
	[OPT_KEY_FETCH_STORY] = { "key-fetch-story", OPTION_STRING, "x", 0, 0,
	    "fetch the item's web page and keep the story found on it" },
	[OPT_KEY_TOGGLE_STORY] = { "key-toggle-story", OPTION_STRING, "X", 0, 0,
	    "in an article, switch between the fetched story and the feed's content" },
};

const struct option_def *
options_find(const char *name)
{
	size_t i;

	for (i = 0; i < OPT_COUNT; i++) {
		if (strcmp(options_table[i].name, name) == 0)
			return &options_table[i];
	}
	return NULL;
}

/* A number with an optional unit suffix from units (each a letter and its
 * multiplier). */
static int
parse_scaled(const char *value, const char *letters, const long long *factors,
    long long *out)
{
	char *end;
	long long n;
	const char *unit;

	errno = 0;
	n = strtoll(value, &end, 10);
	if (end == value || errno != 0 || n < 0)
		return -1;
	if (*end == '\0') {
		*out = n;
		return 0;
	}
	if (end[1] != '\0' || (unit = strchr(letters, *end)) == NULL)
		return -1;
	if (n > (1LL << 50) / factors[unit - letters])
		return -1;
	*out = n * factors[unit - letters];
	return 0;
}

int
options_parse_value(const struct option_def *def, const char *value,
    long long *number, char *err, size_t errsize)
{
	static const long long duration_factors[] = { 1, 60, 3600, 86400 };
	static const long long size_factors[] = { 1024, 1024, 1024 * 1024, 1024 * 1024,
	    1024 * 1024 * 1024, 1024 * 1024 * 1024 };
	long long n = 0;
	int rc = 0;
	const char *what = "";

	switch (def->type) {
	case OPTION_STRING:
		return 0;
	case OPTION_BOOL:
		if (ascii_casecmp(value, "yes") == 0 || ascii_casecmp(value, "true") == 0 ||
		    ascii_casecmp(value, "on") == 0 || strcmp(value, "1") == 0)
			n = 1;
		else if (ascii_casecmp(value, "no") == 0 || ascii_casecmp(value, "false") == 0 ||
		    ascii_casecmp(value, "off") == 0 || strcmp(value, "0") == 0)
			n = 0;
		else {
			snprintf(err, errsize, "%s: %s is not yes or no", def->name, value);
			return -1;
		}
		*number = n;
		return 0;
	case OPTION_INT:
		rc = parse_scaled(value, "", NULL, &n);
		what = "a whole number";
		break;
	case OPTION_DURATION:
		rc = parse_scaled(value, "smhd", duration_factors, &n);
		what = "a duration (90, 90s, 15m, 2h, 1d)";
		break;
	case OPTION_SIZE:
		rc = parse_scaled(value, "kKmMgG", size_factors, &n);
		what = "a size (512K, 32M, 1G)";
		break;
	}
	if (rc != 0) {
		snprintf(err, errsize, "%s: %s is not %s", def->name, value, what);
		return -1;
	}
	if (n < def->min || n > def->max) {
		snprintf(err, errsize, "%s: %s is out of range (%lld to %lld)", def->name,
		    value, def->min, def->max);
		return -1;
	}
	*number = n;
	return 0;
}
