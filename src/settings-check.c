/* settings-check.c: the whole config checked once, as the reader will use
 * it: the key bindings (keys.c) and the colors (colorspec.c), each error
 * pointing to the line that set the value at fault. */
#include "config.h"

#include <stdlib.h>

#include "colorspec.h"
#include "keys.h"
#include "settings-check.h"
#include "xmalloc.h"

/* error (taken) with the place of option id in front. */
static char *
at_line(const struct settings *s, enum option_id id, char *error)
{
	char *where = settings_where(s, id), *msg;

	msg = xasprintf("%s: %s", where, error);
	free(where);
	free(error);
	return msg;
}

int
settings_check(const struct settings *s, char **error)
{
	struct colorspec spec;
	enum option_id id;
	const char *value;

	*error = NULL;
	if (keys_check(s, &id, error) != 0) {
		*error = at_line(s, id, *error);
		return -1;
	}
	for (id = OPT_COLOR_TITLE; id <= OPT_COLOR_META; id++) {
		value = s->string[id] != NULL ? s->string[id] : options_table[id].default_value;
		if (colorspec_parse(options_table[id].name, value, &spec, error) != 0) {
			*error = at_line(s, id, *error);
			return -1;
		}
	}
	return 0;
}
