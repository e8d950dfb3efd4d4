/* main.c: the command line: global options, the command table, exit codes.
 * Each command lives in its own src/cmd-*.c; nothing here parses feeds. */
#include "config.h"

#include <getopt.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"

struct command {
	const char	*name;
	int		(*run)(const struct globals *, int, char **);
	const char	*usage;
	const char	*help;
};

static const struct command commands[] = {
	{ "add", cmd_add, "add URL [--title T] [--tag T]... [--full-story]", "subscribe to a feed" },
	{ "remove", cmd_remove, "remove FEED", "unsubscribe, dropping its items" },
	{ "enable", cmd_enable, "enable FEED", "re-enable a feed disabled by 410 Gone" },
	{ "full-story", cmd_full_story, "full-story FEED yes|no",
	  "fetch each new item's web page for its story, or not" },
	{ "feeds", cmd_feeds, "feeds [--format text|tsv|json]", "list feeds with counts and status" },
	{ "add-query", cmd_add_query, "add-query NAME EXPRESSION [--tag T]...",
	  "save a query feed: the items an expression matches" },
	{ "remove-query", cmd_remove_query, "remove-query NAME", "remove a query feed" },
	{ "import", cmd_import, "import FILE|-", "subscribe to a newsboat urls or OPML file's feeds" },
	{ "export", cmd_export, "export", "print the subscriptions as OPML 2.0" },
	{ "refresh", cmd_refresh, "refresh [--all] [--quiet] [FEED...]", "fetch the feeds that are due" },
	{ "list", cmd_list, "list [--unread] [--feed F] [--search W] ...", "print stored items" },
	{ "mark-read", cmd_mark_read, "mark-read --feed F|--tag T|--all|ITEM...", "mark items read" },
	{ "mark-unread", cmd_mark_unread, "mark-unread --feed F|--tag T|--all|ITEM...", "mark items unread" },
	{ "star", cmd_star, "star ITEM...", "star items" },
	{ "unstar", cmd_unstar, "unstar ITEM...", "unstar items" },
	{ "parse", cmd_parse, "parse [--json] [--url URL] FILE|-",
	  "print a feed file normalized, as text or JSON Lines" },
	{ "extract", cmd_extract, "extract [--html] [--width N] ... FILE|URL|-",
	  "print the story of a web page, as text or cleaned HTML" },
};

static void
usage(FILE *fp)
{
	size_t i;

	fprintf(fp, "usage: tidings [--db PATH] [--config PATH] [COMMAND [ARGS...]]\n\n"
	    "Without a command, tidings opens the reader.\n\n"
	    "commands:\n");
	for (i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		fprintf(fp, "  %-44s %s\n", commands[i].usage, commands[i].help);
	fprintf(fp, "\noptions:\n"
	    "  --db PATH       the store (default: $XDG_DATA_HOME/tidings/tidings.db)\n"
	    "  --config PATH   the config file (default: $XDG_CONFIG_HOME/tidings/config)\n"
	    "  -h, --help      this help\n"
	    "  -V, --version   the version\n"
	    "\nSee tidings(1) for details.\n");
}

int
main(int argc, char **argv)
{
	static const struct option options[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "config", required_argument, NULL, 'c' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 },
	};
	struct globals g = { NULL, NULL };
	size_t i;
	int c;

	setlocale(LC_ALL, "");
	/* '+': stop at the command name, its options are its own. */
	while ((c = getopt_long(argc, argv, "+hV", options, NULL)) != -1) {
		switch (c) {
		case 'd':
			g.db_path = optarg;
			break;
		case 'c':
			g.config_path = optarg;
			break;
		case 'h':
			usage(stdout);
			return EXIT_OK;
		case 'V':
			printf("tidings %s\n", PACKAGE_VERSION);
			return EXIT_OK;
		default:
			usage(stderr);
			return EXIT_USAGE;
		}
	}
	/* No command: the reader. */
	if (optind >= argc)
		return cmd_ui(&g, 1, argv);
	for (i = 0; i < sizeof(commands) / sizeof(commands[0]); i++) {
		if (strcmp(argv[optind], commands[i].name) == 0) {
			argc -= optind;
			argv += optind;
			optind = 0;	/* glibc: 0 re-initialises getopt for the command */
			return commands[i].run(&g, argc, argv);
		}
	}
	fprintf(stderr, "tidings: unknown command '%s' (see tidings --help)\n", argv[optind]);
	return EXIT_USAGE;
}
