/* cmd-args.c: parsing a command line against a command's entry in the
 * table: getopt_long built from the entry's options, the values kept per
 * option, the operands counted, and one line for every usage error. */
#include "config.h"

#include <assert.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "xmalloc.h"

/* getopt_long's value for option i of the table; 'h' is --help. */
#define OPTION_VALUE(i)	(256 + (int)(i))

const struct command *
cmd_find(const char *name)
{
	size_t i;

	for (i = 0; i < cmd_table_size; i++) {
		if (strcmp(cmd_table[i].name, name) == 0)
			return &cmd_table[i];
	}
	return NULL;
}

int
cmd_usage_error(const struct command *cmd, const char *fmt, ...)
{
	va_list ap;

	fputs("tidings: ", stderr);
	if (cmd->run != NULL)
		fprintf(stderr, "%s: ", cmd->name);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	if (cmd->run != NULL)
		fprintf(stderr, " (see tidings %s --help)\n", cmd->name);
	else
		fputs(" (see tidings --help)\n", stderr);
	return EXIT_USAGE;
}

static size_t
count_options(const struct command *cmd)
{
	size_t n = 0;

	while (cmd->options != NULL && cmd->options[n].name != NULL)
		n++;
	assert(n <= CMD_MAX_OPTIONS);
	return n;
}

/* Whether value is one of the choices "a|b|c". */
static bool
is_choice(const char *choices, const char *value)
{
	size_t len = strlen(value);
	const char *p = choices, *bar;

	for (;;) {
		bar = strchr(p, '|');
		if ((bar != NULL ? (size_t)(bar - p) : strlen(p)) == len &&
		    strncmp(p, value, len) == 0)
			return true;
		if (bar == NULL)
			return false;
		p = bar + 1;
	}
}

/* Keep one value of option i; returns 0, or the exit status of a usage error. */
static int
take_value(const struct command *cmd, struct cmd_args *args, size_t i, const char *value)
{
	const struct cmd_option *o = &cmd->options[i];

	if ((o->flags & CMD_OPT_ONCE) && args->count[i] > 0)
		return cmd_usage_error(cmd, "--%s may be given once", o->name);
	args->count[i]++;
	if (o->arg == NULL)
		return 0;
	if (strchr(o->arg, '|') != NULL && !is_choice(o->arg, value))
		return cmd_usage_error(cmd, "--%s %s: not one of %s", o->name, value, o->arg);
	args->values[i] = xreallocarray(args->values[i], args->count[i], sizeof(char *));
	args->values[i][args->count[i] - 1] = value;
	return 0;
}

/* The option getopt_long found, by its value or short letter. */
static size_t
option_index(const struct command *cmd, size_t n, int c)
{
	size_t i;

	if (c >= OPTION_VALUE(0))
		return (size_t)(c - OPTION_VALUE(0));
	for (i = 0; i < n; i++) {
		if (cmd->options[i].letter == c)
			return i;
	}
	return n;
}

static void
add_operand(struct cmd_args *args, char *operand)
{
	/* NULL-terminated, as a command's argv is when main hands it on. */
	args->operands = xreallocarray(args->operands, (size_t)args->n_operands + 2,
	    sizeof(char *));
	args->operands[args->n_operands++] = operand;
	args->operands[args->n_operands] = NULL;
}

/* The operands against the entry's counts, or exactly one scope. */
static int
check_operands(const struct command *cmd, const struct cmd_args *args, size_t n)
{
	size_t i, given = 0;
	char *synopsis;

	if (cmd->one_of) {
		for (i = 0; i < n; i++)
			given += args->count[i] > 0;
		if (given + (args->n_operands > 0) == 1)
			return -1;
		synopsis = cmd_synopsis(cmd);
		cmd_usage_error(cmd, "give exactly one of %s", synopsis);
		free(synopsis);
		return EXIT_USAGE;
	}
	if (args->n_operands < cmd->min_operands)
		return cmd_usage_error(cmd, "missing %s", cmd->operands);
	if (cmd->max_operands >= 0 && args->n_operands > cmd->max_operands) {
		if (cmd->max_operands == 0)
			return cmd_usage_error(cmd, "takes no arguments");
		return cmd_usage_error(cmd, "too many arguments (expects %s)", cmd->operands);
	}
	return -1;
}

/* The entry of the global options (run is NULL) stops at the first operand,
 * the command's name, and has its own --help; a command's entry has --help
 * implied, and options and operands may mix. */
int
cmd_parse_args(const struct command *cmd, int argc, char **argv, struct cmd_args *args)
{
	struct option longopts[CMD_MAX_OPTIONS + 2];
	char shorts[2 * CMD_MAX_OPTIONS + 4];
	bool global = cmd->run == NULL;
	size_t n = count_options(cmd), i, k = 0, s = 0;
	int c, status;

	memset(args, 0, sizeof(*args));
	args->command = cmd;
	/* '-' hands operands over in order (code 1), so options and operands
	 * mix even under POSIXLY_CORRECT; '+' stops at the command's name. */
	shorts[s++] = global ? '+' : '-';
	shorts[s++] = ':';
	for (i = 0; i < n; i++) {
		const struct cmd_option *o = &cmd->options[i];

		longopts[k].name = o->name;
		longopts[k].has_arg = o->arg != NULL ? required_argument : no_argument;
		longopts[k].flag = NULL;
		longopts[k++].val = OPTION_VALUE(i);
		if (o->letter != 0) {
			shorts[s++] = o->letter;
			if (o->arg != NULL)
				shorts[s++] = ':';
		}
	}
	if (!global) {
		longopts[k++] = (struct option){ "help", no_argument, NULL, 'h' };
		shorts[s++] = 'h';
	}
	longopts[k] = (struct option){ NULL, 0, NULL, 0 };
	shorts[s] = '\0';

	opterr = 0;	/* the messages are ours, on one line */
	optind = 0;	/* glibc: 0 starts a new scan */
	while ((c = getopt_long(argc, argv, shorts, longopts, NULL)) != -1) {
		if (c == 1) {
			add_operand(args, optarg);
			continue;
		}
		if (c == 'h' && !global) {
			cmd_print_help(stdout, cmd);
			cmd_args_free(args);
			return EXIT_OK;
		}
		if (c == '?' || c == ':') {
			const char *bad = argv[optind - 1];
			char letter[3] = { '-', (char)optopt, '\0' };

			/* A short option's letter may sit inside a group. */
			if (optopt != 0 && optopt < OPTION_VALUE(0))
				bad = letter;
			else if (c == ':' && optopt >= OPTION_VALUE(0))
				bad = cmd->options[optopt - OPTION_VALUE(0)].name;
			if (c == ':')
				status = cmd_usage_error(cmd, "%s%s needs a value",
				    bad[0] == '-' ? "" : "--", bad);
			else if (optopt >= OPTION_VALUE(0))	/* --flag=value */
				status = cmd_usage_error(cmd, "--%s takes no value",
				    cmd->options[optopt - OPTION_VALUE(0)].name);
			else
				status = cmd_usage_error(cmd, "unknown option '%s'", bad);
			cmd_args_free(args);
			return status;
		}
		i = option_index(cmd, n, c);
		assert(i < n);
		if ((status = take_value(cmd, args, i, optarg)) != 0) {
			cmd_args_free(args);
			return status;
		}
	}
	while (optind < argc)
		add_operand(args, argv[optind++]);
	if (!global && (status = check_operands(cmd, args, n)) != -1) {
		cmd_args_free(args);
		return status;
	}
	return -1;
}

void
cmd_args_free(struct cmd_args *args)
{
	size_t i;

	for (i = 0; i < CMD_MAX_OPTIONS; i++) {
		free(args->values[i]);
		args->values[i] = NULL;
		args->count[i] = 0;
	}
	free(args->operands);
	args->operands = NULL;
	args->n_operands = 0;
}

/* The index of the option with key; a key the entry lacks is a bug. */
static size_t
key_index(const struct cmd_args *args, int key)
{
	const struct cmd_option *o = args->command->options;
	size_t i;

	for (i = 0; o != NULL && o[i].name != NULL; i++) {
		if (o[i].key == key)
			return i;
	}
	fprintf(stderr, "tidings: %s has no option keyed %d\n", args->command->name, key);
	abort();
}

bool
cmd_flag(const struct cmd_args *args, int key)
{
	return args->count[key_index(args, key)] > 0;
}

const char *
cmd_value(const struct cmd_args *args, int key)
{
	size_t i = key_index(args, key);

	return args->count[i] > 0 && args->values[i] != NULL ?
	    args->values[i][args->count[i] - 1] : NULL;
}

size_t
cmd_values(const struct cmd_args *args, int key, const char *const **values)
{
	size_t i = key_index(args, key);

	*values = args->values[i];
	return args->values[i] != NULL ? args->count[i] : 0;
}
