/* cmd-help.c: every help text, made from the tables: tidings --help, CMD
 * --help and `tidings help` from the command table, tidings --help-config
 * from the table of settings. Nothing here is written twice. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "cmd.h"
#include "options.h"
#include "xmalloc.h"

/* Where help lines are wrapped, and the widest the option column gets. */
#define HELP_WIDTH	79
#define OPTION_COLUMN	24

char *
cmd_synopsis(const struct command *cmd)
{
	struct buf b = BUF_INIT;
	const struct cmd_option *o;
	const char *sep = cmd->one_of ? " | " : " ";
	bool global = cmd->run == NULL;

	for (o = cmd->options; o != NULL && o->name != NULL; o++) {
		if (global && o->arg == NULL)
			continue;	/* --help, --version stand alone */
		if (b.len > 0)
			buf_append_str(&b, sep);
		buf_appendf(&b, "%s--%s", cmd->one_of ? "" : "[", o->name);
		if (o->arg != NULL)
			buf_appendf(&b, " %s", o->arg);
		if (o->flags & CMD_OPT_MANY)
			buf_append_str(&b, " ...");
		if (!cmd->one_of)
			buf_append_char(&b, ']');
	}
	if (cmd->operands != NULL)
		buf_appendf(&b, "%s%s", b.len > 0 ? sep : "", cmd->operands);
	return buf_detach(&b);
}

/* Print text after a prefix, wrapped at spaces outside brackets, the
 * following lines indented as far as the prefix. */
static void
print_wrapped(FILE *fp, const char *prefix, const char *text)
{
	size_t indent = strlen(prefix), col = indent, i, len = strlen(text);
	size_t start = 0, last_break = 0;
	int depth = 0;

	fputs(prefix, fp);
	for (i = 0; i <= len; i++) {
		if (i < len && text[i] == '[')
			depth++;
		else if (i < len && text[i] == ']')
			depth--;
		if (i < len && !(text[i] == ' ' && depth == 0))
			continue;
		/* text[start..i) is a unit; break before it if it does not fit. */
		if (col + (i - start) > HELP_WIDTH && last_break > 0) {
			fprintf(fp, "\n%*s", (int)indent, "");
			col = indent;
			while (start < i && text[start] == ' ')
				start++;
		}
		fwrite(text + start, 1, i - start, fp);
		col += i - start;
		start = i;
		last_break = i;
	}
	fputc('\n', fp);
}

static void
option_label(struct buf *b, const struct cmd_option *o)
{
	buf_reset(b);
	buf_append_str(b, "  ");
	if (o->letter != 0)
		buf_appendf(b, "-%c, ", o->letter);
	buf_appendf(b, "--%s", o->name);
	if (o->arg != NULL)
		buf_appendf(b, " %s", o->arg);
}

void
cmd_print_options(FILE *fp, const struct cmd_option *options, bool with_help)
{
	static const struct cmd_option help = { "help", 0, 'h', NULL, 0, "this help" };
	const struct cmd_option *o;
	struct buf label = BUF_INIT;
	size_t width = 0;

	for (o = options; o != NULL && o->name != NULL; o++) {
		option_label(&label, o);
		if (label.len > width)
			width = label.len;
	}
	if (with_help && width < 12)
		width = 12;
	if (width > OPTION_COLUMN)
		width = OPTION_COLUMN;
	for (o = options; ; o++) {
		if (o == NULL || o->name == NULL) {
			if (!with_help)
				break;
			o = &help;
			with_help = false;
		}
		option_label(&label, o);
		if (label.len > width)
			fprintf(fp, "%s\n%*s  %s\n", buf_str(&label), (int)width, "", o->help);
		else
			fprintf(fp, "%-*s  %s\n", (int)width, buf_str(&label), o->help);
		if (o == &help)
			break;
	}
	buf_free(&label);
}

void
cmd_print_help(FILE *fp, const struct command *cmd)
{
	char *synopsis = cmd_synopsis(cmd), *prefix;

	prefix = xasprintf("usage: tidings %s ", cmd->name);
	print_wrapped(fp, prefix, synopsis);
	fprintf(fp, "\n%s\n\n", cmd->help);
	cmd_print_options(fp, cmd->options, true);
	if (cmd->details != NULL)
		fprintf(fp, "\n%s\n", cmd->details);
	free(prefix);
	free(synopsis);
}

void
cmd_print_usage(FILE *fp)
{
	char *synopsis = cmd_synopsis(&cmd_globals);
	size_t i, width = 0;

	print_wrapped(fp, "usage: tidings ", synopsis);
	free(synopsis);
	fprintf(fp, "\nWithout a command, tidings opens the reader.\n\ncommands:\n");
	for (i = 0; i < cmd_table_size; i++) {
		if (strlen(cmd_table[i].name) > width)
			width = strlen(cmd_table[i].name);
	}
	for (i = 0; i < cmd_table_size; i++)
		fprintf(fp, "  %-*s  %s\n", (int)width, cmd_table[i].name, cmd_table[i].help);
	fprintf(fp, "\noptions:\n");
	cmd_print_options(fp, cmd_globals.options, false);
	fprintf(fp, "\nSee tidings help COMMAND for the options of a command, and tidings(1).\n");
}

int
cmd_help(const struct globals *g, const struct cmd_args *args)
{
	const struct command *cmd;
	char *synopsis;
	size_t i;

	(void)g;
	if (cmd_flag(args, 's')) {
		/* One line per command, for scripts and the manual's check. */
		for (i = 0; i < cmd_table_size; i++) {
			synopsis = cmd_synopsis(&cmd_table[i]);
			printf("%s%s%s\n", cmd_table[i].name, *synopsis != '\0' ? " " : "", synopsis);
			free(synopsis);
		}
	} else if (args->n_operands == 0) {
		cmd_print_usage(stdout);
	} else if ((cmd = cmd_find(args->operands[0])) != NULL) {
		cmd_print_help(stdout, cmd);
	} else
		return cmd_usage_error(args->command, "no command '%s'", args->operands[0]);
	return fflush(stdout) == 0 ? EXIT_OK : EXIT_FAILED;
}

void
cmd_print_config_help(FILE *fp)
{
	static const char *const type_names[] = {
		[OPTION_BOOL] = "yes|no",
		[OPTION_INT] = "number",
		[OPTION_DURATION] = "duration",
		[OPTION_SIZE] = "size",
		[OPTION_STRING] = "text",
	};
	const struct option_def *o;
	size_t i;

	fprintf(fp, "The settings of the configuration file, one a line as \"name value\"\n"
	    "(see tidings.conf(5)): each with its type and default, then what it does.\n"
	    "Durations are written 90, 90s, 15m, 2h or 1d; sizes 512K, 32M or 1G.\n\n");
	for (i = 0; i < OPT_COUNT; i++) {
		o = &options_table[i];
		fprintf(fp, "%-20s %-8s  %s\n    %s\n", o->name, type_names[o->type],
		    *o->default_value != '\0' ? o->default_value : "(empty)", o->help);
	}
}
