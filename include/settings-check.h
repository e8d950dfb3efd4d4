/* settings-check.h: the checks of the settings that need more than one
 * value's type: key names, a key bound twice, colors. Every command runs
 * them after reading the config, so a mistake the reader would refuse is
 * reported by cron jobs too, with the file and line. */
#ifndef TIDINGS_SETTINGS_CHECK_H
#define TIDINGS_SETTINGS_CHECK_H

#include "settings.h"

/* Returns 0, or -1 with *error (owned): "PATH, line N: MESSAGE". */
int settings_check(const struct settings *s, char **error);

#endif
