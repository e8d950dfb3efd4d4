/* settings.h: the settings in force: defaults from the options table, then
 * the config file. Also where the config file and the store live by default
 * (XDG base directories). */
#ifndef TIDINGS_SETTINGS_H
#define TIDINGS_SETTINGS_H

#include "options.h"

struct filter_rules;

struct settings {
	long long	 number[OPT_COUNT];	/* bools, ints, durations, sizes */
	char		*string[OPT_COUNT];	/* strings (owned); NULL for others */
	unsigned long	 line[OPT_COUNT];	/* the config line that set it, or 0 */
	char		*path;			/* the config file read (owned), or NULL */
	/* ignore-article lines (filter.h), in ignore-mode; NULL: none. */
	struct filter_rules *rules;
};

/* Fill s with every option's default. */
void settings_init(struct settings *s);
void settings_free(struct settings *s);

/* Read the config file at path over the defaults: lines of "name value" (or
 * "name = value"), '#' comments, values optionally in double quotes. A
 * missing file is fine when it is the default path (must_exist false).
 * Keeps the path and the line of each setting it sets, for settings_where.
 * Returns 0, or -1 with a message (owned) naming the file and line. */
int settings_load(struct settings *s, const char *path, bool must_exist, char **error);

/* "PATH, line N" for a setting the config file set, else "the default of
 * NAME" (owned): where a message about its value points the user. */
char *settings_where(const struct settings *s, enum option_id id);

/* Default locations, owned by the caller: $XDG_CONFIG_HOME/tidings/config
 * and $XDG_DATA_HOME/tidings/tidings.db, falling back to ~/.config and
 * ~/.local/share. NULL when neither XDG nor HOME is set. */
char *settings_default_config_path(void);
char *settings_default_db_path(void);

#endif
