/* main.c: the command line: the global options, then the command named,
 * found in the command table (src/cmd-table.c), with the exit codes. Each
 * command lives in its own src/cmd-*.c; nothing here parses feeds. */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>

#include "cmd.h"

int
main(int argc, char **argv)
{
	struct globals g = { NULL, NULL };
	struct cmd_args globals, args;
	const struct command *cmd;
	int status;

	setlocale(LC_ALL, "");
	if ((status = cmd_parse_args(&cmd_globals, argc, argv, &globals)) != -1)
		return status;
	g.db_path = cmd_value(&globals, 'd');
	g.config_path = cmd_value(&globals, 'c');
	if (cmd_flag(&globals, 'h')) {
		cmd_print_usage(stdout);
		status = EXIT_OK;
	} else if (cmd_flag(&globals, 'V')) {
		printf("tidings %s\n", PACKAGE_VERSION);
		status = EXIT_OK;
	} else if (cmd_flag(&globals, 'C')) {
		cmd_print_config_help(stdout);
		status = EXIT_OK;
	} else if (globals.n_operands == 0) {
		status = cmd_ui(&g);	/* no command: the reader */
	} else if ((cmd = cmd_find(globals.operands[0])) == NULL) {
		fprintf(stderr, "tidings: unknown command '%s' (see tidings --help)\n",
		    globals.operands[0]);
		status = EXIT_USAGE;
	} else if ((status = cmd_parse_args(cmd, globals.n_operands, globals.operands,
	    &args)) == -1) {
		status = cmd->run(&g, &args);
		cmd_args_free(&args);
	}
	cmd_args_free(&globals);
	return status;
}
