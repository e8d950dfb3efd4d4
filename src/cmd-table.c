/* cmd-table.c: the one table of commands: each command's name, operands,
 * options with their help, one-line help and function. Parsing, every
 * help text and the manual's check (tests/cli/help.sh) are made from it. */
#include "config.h"

#include <stddef.h>

#include "cmd.h"

#define FEED_DETAILS	"FEED is a URL or a feed's name, as tidings feeds shows it."
#define ITEM_DETAILS	"ITEM is an item id, the id of tidings list --format json."

static const struct cmd_option global_options[] = {
	{ "db", 'd', 0, "PATH", 0,
	  "the store (default: $XDG_DATA_HOME/tidings/tidings.db)" },
	{ "config", 'c', 0, "PATH", 0,
	  "the config file (default: $XDG_CONFIG_HOME/tidings/config)" },
	{ "help", 'h', 'h', NULL, 0, "this help" },
	{ "help-config", 'C', 0, NULL, 0,
	  "every setting of the config file, with its type, default and help" },
	{ "version", 'V', 'V', NULL, 0, "the version" },
	{ NULL, 0, 0, NULL, 0, NULL },
};

const struct command cmd_globals = {
	"tidings", "[COMMAND [ARG ...]]", 0, -1, false, NULL, NULL, global_options, NULL,
};

static const struct cmd_option add_options[] = {
	{ "title", 't', 0, "TITLE", 0, "the name to show instead of the feed's own title" },
	{ "tag", 'g', 0, "TAG", CMD_OPT_MANY, "a tag for the feed; may be given several times" },
	{ "full-story", 'F', 0, NULL, 0, "fetch each new item's web page for its story" },
	{ "remote", 'R', 0, NULL, 0, "subscribe on the sync server (ttrss-url) instead;"
	  " --tag names its category" },
	{ NULL, 0, 0, NULL, 0, NULL },
};

static const struct cmd_option import_options[] = {
	{ "allow-file", 'A', 0, NULL, 0, "subscribe the list's file:// URLs too (skipped by default)" },
	{ NULL, 0, 0, NULL, 0, NULL },
};

static const struct cmd_option no_options[] = {
	{ NULL, 0, 0, NULL, 0, NULL },
};

static const struct cmd_option feeds_options[] = {
	{ "format", 'f', 0, "text|tsv|json", 0, "aligned columns (the default), TSV or JSON Lines" },
	{ NULL, 0, 0, NULL, 0, NULL },
};

static const struct cmd_option add_query_options[] = {
	{ "tag", 'g', 0, "TAG", CMD_OPT_MANY, "a tag for the query feed; may be given several times" },
	{ NULL, 0, 0, NULL, 0, NULL },
};

static const struct cmd_option refresh_options[] = {
	{ "all", 'a', 0, NULL, 0, "fetch every feed now, due or not" },
	{ "quiet", 'q', 0, NULL, 0, "print only the feeds that fail" },
	{ "watch", 'w', 0, NULL, 0, "stay in the foreground, refreshing each feed as it falls due" },
	{ NULL, 0, 0, NULL, 0, NULL },
};

static const struct cmd_option sync_options[] = {
	{ "quiet", 'q', 0, NULL, 0, "print only errors" },
	{ NULL, 0, 0, NULL, 0, NULL },
};

static const struct cmd_option list_options[] = {
	{ "unread", 'u', 0, NULL, 0, "only items not read" },
	{ "starred", 's', 0, NULL, 0, "only starred items" },
	{ "feed", 'f', 0, "FEED", CMD_OPT_ONCE, "only the items of FEED" },
	{ "tag", 't', 0, "TAG", CMD_OPT_ONCE, "only the items of feeds with TAG" },
	{ "search", 'q', 0, "WORDS", 0, "only items with every one of WORDS" },
	{ "since", 'S', 0, "DATE", 0, "only items dated at or after DATE" },
	{ "filter", 'E', 0, "EXPRESSION", 0, "only items matching EXPRESSION, in the filter language" },
	{ "ignored", 'I', 0, NULL, 0, "only the items display-mode ignore-article rules hide" },
	{ "limit", 'n', 0, "N", 0, "at most N items, the newest" },
	{ "format", 'F', 0, "tsv|json", 0, "TSV (the default) or JSON Lines" },
	{ "count", 'c', 0, NULL, 0, "print only the number of items" },
	{ NULL, 0, 0, NULL, 0, NULL },
};

static const struct cmd_option mark_options[] = {
	{ "feed", 'f', 0, "FEED", 0, "the items of FEED" },
	{ "tag", 't', 0, "TAG", 0, "the items of the feeds with TAG" },
	{ "all", 'a', 0, NULL, 0, "every item" },
	{ NULL, 0, 0, NULL, 0, NULL },
};

static const struct cmd_option extract_options[] = {
	{ "url", 'u', 0, "URL", 0, "the page's address, to resolve its relative links" },
	{ "width", 'w', 0, "N", 0, "wrap the text at N columns (0, the default: no wrapping)" },
	{ "html", 'H', 0, NULL, 0, "print the cleaned HTML instead of text" },
	{ NULL, 0, 0, NULL, 0, NULL },
};

static const struct cmd_option parse_options[] = {
	{ "json", 'j', 0, NULL, 0, "print JSON Lines instead of a summary" },
	{ "url", 'u', 0, "URL", 0, "the feed's own URL, to resolve its relative links" },
	{ NULL, 0, 0, NULL, 0, NULL },
};

static const struct cmd_option help_options[] = {
	{ "synopses", 's', 0, NULL, 0, "print every command's synopsis, one a line" },
	{ NULL, 0, 0, NULL, 0, NULL },
};

const struct command cmd_table[] = {
	{ "add", "URL", 1, 1, false, "subscribe to a feed",
	  "URL is http://, https:// or file:///path.", add_options, cmd_add },
	{ "remove", "FEED", 1, 1, false, "unsubscribe from a feed and delete its items",
	  FEED_DETAILS, no_options, cmd_remove },
	{ "enable", "FEED", 1, 1, false, "fetch a feed disabled by 410 Gone again, from the next refresh on",
	  FEED_DETAILS, no_options, cmd_enable },
	{ "full-story", "FEED yes|no", 2, 2, false,
	  "whether a refresh fetches each new item's web page for its story",
	  FEED_DETAILS, no_options, cmd_full_story },
	{ "feeds", NULL, 0, 0, false, "list the feeds with counts, status and next refresh",
	  "Then the query feeds, with their counts.", feeds_options, cmd_feeds },
	{ "add-query", "NAME EXPRESSION", 2, 2, false,
	  "save a query feed: the items an expression matches",
	  "EXPRESSION is in the filter language of tidings.conf(5), such as\n"
	  "'unread = \"yes\" and tags # \"news\"'.", add_query_options, cmd_add_query },
	{ "remove-query", "NAME", 1, 1, false, "remove a query feed; no item changes",
	  NULL, no_options, cmd_remove_query },
	{ "import", "FILE|-", 1, 1, false,
	  "subscribe to the feeds of a newsboat urls file or an OPML file",
	  "A list from elsewhere could name any local file, so its file:// URLs\n"
	  "are skipped unless --allow-file is given; tidings add takes them.",
	  import_options, cmd_import },
	{ "export", NULL, 0, 0, false, "print the subscriptions as OPML 2.0",
	  NULL, no_options, cmd_export },
	{ "refresh", "[FEED ...]", 0, -1, false, "fetch the feeds that are due, or the FEEDs named",
	  FEED_DETAILS, refresh_options, cmd_refresh },
	{ "sync", NULL, 0, 0, false, "pull feeds, articles and read/star state from the Tiny Tiny RSS "
	  "server and push local changes", "The server is ttrss-url in tidings.conf(5).",
	  sync_options, cmd_sync },
	{ "list", NULL, 0, 0, false, "print stored items, newest first",
	  "DATE is 2024-05-01, an RFC 3339 or RFC 822 date, or an age such as\n"
	  "30m, 12h, 7d or 2w. EXPRESSION is in the filter language of\n"
	  "tidings.conf(5), such as 'title =~ \"rust\" and age < 7'.", list_options, cmd_list },
	{ "mark-read", "ITEM ...", 0, -1, true, "mark items read",
	  ITEM_DETAILS, mark_options, cmd_mark_read },
	{ "mark-unread", "ITEM ...", 0, -1, true, "mark items unread",
	  ITEM_DETAILS, mark_options, cmd_mark_unread },
	{ "star", "ITEM ...", 1, -1, false, "star items", ITEM_DETAILS, no_options, cmd_star },
	{ "unstar", "ITEM ...", 1, -1, false, "unstar items", ITEM_DETAILS, no_options, cmd_unstar },
	{ "parse", "FILE|-", 1, 1, false, "print a feed file normalized, as text or JSON Lines",
	  NULL, parse_options, cmd_parse },
	{ "extract", "FILE|URL|-", 1, 1, false,
	  "print the story of a web page, as text or cleaned HTML",
	  NULL, extract_options, cmd_extract },
	{ "help", "[COMMAND]", 0, 1, false, "print the help of tidings or of a command",
	  NULL, help_options, cmd_help },
};

const size_t cmd_table_size = sizeof(cmd_table) / sizeof(cmd_table[0]);
