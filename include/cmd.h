/* cmd.h: the commands of the command line, one function each. main() parses
 * the global options and hands the rest of argv to one of these.
 * Each returns an exit status: 0 success, 1 the command ran but something
 * failed, 2 usage or configuration error. */
#ifndef TIDINGS_CMD_H
#define TIDINGS_CMD_H

enum {
	EXIT_OK = 0,
	EXIT_FAILED = 1,
	EXIT_USAGE = 2,
};

struct globals {
	const char	*db_path;	/* --db, or NULL for the default */
	const char	*config_path;	/* --config, or NULL for the default */
};

int cmd_parse(const struct globals *g, int argc, char **argv);

#endif
