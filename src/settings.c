/* settings.c: the config file reader and the default paths. What each
 * option means is in options.c; who uses a setting is up to the commands. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ascii.h"
#include "buf.h"
#include "filter.h"
#include "settings.h"
#include "xmalloc.h"

void
settings_init(struct settings *s)
{
	char err[160];
	size_t i;

	s->path = NULL;
	s->rules = NULL;
	for (i = 0; i < OPT_COUNT; i++) {
		const struct option_def *def = &options_table[i];

		s->string[i] = NULL;
		s->number[i] = 0;
		s->line[i] = 0;
		if (def->type == OPTION_STRING)
			s->string[i] = xstrdup(def->default_value);
		else
			options_parse_value(def, def->default_value, &s->number[i], err, sizeof(err));
	}
}

void
settings_free(struct settings *s)
{
	size_t i;

	for (i = 0; i < OPT_COUNT; i++) {
		free(s->string[i]);
		s->string[i] = NULL;
	}
	free(s->path);
	s->path = NULL;
	filter_rules_free(&s->rules);
}

/* One line: "name value", "name = value", '#' comments, quoted values. */
static int
load_line(struct settings *s, char *line, unsigned long lineno, char *err, size_t errsize)
{
	const struct option_def *def;
	char *name, *value, *end;
	long long number;

	line = ascii_trim(line);
	if (*line == '\0' || *line == '#')
		return 0;
	name = line;
	value = name + strcspn(name, " \t=");
	if (*value != '\0') {
		*value++ = '\0';
		value = ascii_trim(value);
		if (*value == '=')
			value = ascii_trim(value + 1);
	}
	/* newsboat's killfile lines: two quoted arguments (filter.h). */
	if (strcmp(name, "ignore-article") == 0) {
		if (s->rules == NULL)
			s->rules = filter_rules_new();
		return filter_rules_add(s->rules, value, err, errsize);
	}
	if ((def = options_find(name)) == NULL) {
		snprintf(err, errsize, "unknown setting '%s'", name);
		return -1;
	}
	if (*value == '"') {
		end = strrchr(value + 1, '"');
		if (end == NULL) {
			snprintf(err, errsize, "%s: missing closing quote", name);
			return -1;
		}
		*end = '\0';
		value++;
	} else if ((end = strstr(value, " #")) != NULL) {
		*end = '\0';
		value = ascii_trim(value);
	}
	if (options_parse_value(def, value, &number, err, errsize) != 0)
		return -1;
	if (def == &options_table[OPT_IGNORE_MODE] && strcmp(value, "download") != 0 &&
	    strcmp(value, "display") != 0) {
		snprintf(err, errsize, "ignore-mode: %s is not download or display", value);
		return -1;
	}
	if (def->type == OPTION_STRING) {
		free(s->string[def - options_table]);
		s->string[def - options_table] = xstrdup(value);
	} else
		s->number[def - options_table] = number;
	s->line[def - options_table] = lineno;
	return 0;
}

int
settings_load(struct settings *s, const char *path, bool must_exist, char **error)
{
	char *line = NULL, err[256];
	size_t cap = 0;
	unsigned long lineno = 0;
	FILE *fp;
	int rc = 0;

	*error = NULL;
	if ((fp = fopen(path, "r")) == NULL) {
		if ((errno == ENOENT || errno == ENOTDIR) && !must_exist)
			return 0;
		*error = xasprintf("cannot read config %s: %s", path, strerror(errno));
		return -1;
	}
	free(s->path);
	s->path = xstrdup(path);
	while (getline(&line, &cap, fp) != -1) {
		lineno++;
		if (load_line(s, line, lineno, err, sizeof(err)) != 0) {
			*error = xasprintf("%s, line %lu: %s", path, lineno, err);
			rc = -1;
			break;
		}
	}
	free(line);
	fclose(fp);
	if (rc == 0 && s->rules != NULL) {
		filter_rules_set_mode(s->rules, strcmp(s->string[OPT_IGNORE_MODE],
		    "display") == 0 ? FILTER_IGNORE_DISPLAY : FILTER_IGNORE_DOWNLOAD);
		if (filter_rules_check(s->rules, err, sizeof(err)) != 0) {
			*error = xasprintf("%s: %s", path, err);
			rc = -1;
		}
	}
	return rc;
}

char *
settings_where(const struct settings *s, enum option_id id)
{
	if (s->path != NULL && s->line[id] != 0)
		return xasprintf("%s, line %lu", s->path, s->line[id]);
	return xasprintf("the default of %s", options_table[id].name);
}

static char *
xdg_path(const char *variable, const char *fallback, const char *file)
{
	const char *dir = getenv(variable), *home;

	/* XDG: a relative value is invalid and must be ignored. */
	if (dir != NULL && dir[0] == '/')
		return xasprintf("%s/tidings/%s", dir, file);
	if ((home = getenv("HOME")) == NULL || home[0] == '\0')
		return NULL;
	return xasprintf("%s/%s/tidings/%s", home, fallback, file);
}

char *
settings_default_config_path(void)
{
	return xdg_path("XDG_CONFIG_HOME", ".config", "config");
}

char *
settings_default_db_path(void)
{
	return xdg_path("XDG_DATA_HOME", ".local/share", "tidings.db");
}
