/* options.c: the table of every setting, and reading a value of each type.
 * Where settings come from (the config file) is config.c's business. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "options.h"

const struct option_def options_table[OPT_COUNT] = {
	[OPT_REFRESH_INTERVAL] = { "refresh-interval", OPTION_DURATION, "1h", 60, 30LL * 86400,
	    "how often a feed is fetched, unless the feed asks for less often" },
	[OPT_MAX_CONNECTIONS] = { "max-connections", OPTION_INT, "16", 1, 64,
	    "transfers at once during a refresh" },
	[OPT_MAX_PER_HOST] = { "max-per-host", OPTION_INT, "4", 1, 16,
	    "transfers at once to one host (loopback hosts excepted)" },
	[OPT_CONNECT_TIMEOUT] = { "connect-timeout", OPTION_DURATION, "10s", 1, 300,
	    "time allowed to connect to a server" },
	[OPT_TIMEOUT] = { "timeout", OPTION_DURATION, "60s", 1, 3600,
	    "time allowed for one whole transfer" },
	[OPT_LOW_SPEED_LIMIT] = { "low-speed-limit", OPTION_SIZE, "10", 0, 1LL << 30,
	    "bytes per second below which a transfer counts as stalled" },
	[OPT_LOW_SPEED_TIME] = { "low-speed-time", OPTION_DURATION, "20s", 1, 3600,
	    "how long a transfer may stay stalled before it is dropped" },
	[OPT_MAX_SIZE] = { "max-size", OPTION_SIZE, "32M", 64 * 1024, 1LL << 30,
	    "largest feed accepted, counted after decompression" },
	[OPT_KEEP_DAYS] = { "keep-days", OPTION_INT, "0", 0, 36500,
	    "remove items older than this many days (0: keep them)" },
	[OPT_KEEP_ITEMS] = { "keep-items", OPTION_INT, "0", 0, 10000000,
	    "keep at most this many items per feed (0: no limit)" },
	[OPT_KEEP_UNREAD] = { "keep-unread", OPTION_BOOL, "yes", 0, 1,
	    "retention never removes unread or starred items" },
	[OPT_USER_AGENT] = { "user-agent", OPTION_STRING, "tidings/" PACKAGE_VERSION, 0, 0,
	    "the User-Agent header sent to servers" },
	[OPT_BROWSER] = { "browser", OPTION_STRING, "", 0, 0,
	    "the program that opens links (empty: $BROWSER, else xdg-open)" },
};

const struct option_def *
options_find(const char *name)
{
	size_t i;

	for (i = 0; i < OPT_COUNT; i++) {
		if (strcmp(options_table[i].name, name) == 0)
			return &options_table[i];
	}
	return NULL;
}

/* A number with an optional unit suffix from units (each a letter and its
 * multiplier). */
static int
parse_scaled(const char *value, const char *letters, const long long *factors,
    long long *out)
{
	char *end;
	long long n;
	const char *unit;

	errno = 0;
	n = strtoll(value, &end, 10);
	if (end == value || errno != 0 || n < 0)
		return -1;
	if (*end == '\0') {
		*out = n;
		return 0;
	}
	if (end[1] != '\0' || (unit = strchr(letters, *end)) == NULL)
		return -1;
	if (n > (1LL << 50) / factors[unit - letters])
		return -1;
	*out = n * factors[unit - letters];
	return 0;
}

int
options_parse_value(const struct option_def *def, const char *value,
    long long *number, char *err, size_t errsize)
{
	static const long long duration_factors[] = { 1, 60, 3600, 86400 };
	static const long long size_factors[] = { 1024, 1024, 1024 * 1024, 1024 * 1024,
	    1024 * 1024 * 1024, 1024 * 1024 * 1024 };
	long long n = 0;
	int rc = 0;
	const char *what = "";

	switch (def->type) {
	case OPTION_STRING:
		return 0;
	case OPTION_BOOL:
		if (strcasecmp(value, "yes") == 0 || strcasecmp(value, "true") == 0 ||
		    strcasecmp(value, "on") == 0 || strcmp(value, "1") == 0)
			n = 1;
		else if (strcasecmp(value, "no") == 0 || strcasecmp(value, "false") == 0 ||
		    strcasecmp(value, "off") == 0 || strcmp(value, "0") == 0)
			n = 0;
		else {
			snprintf(err, errsize, "%s: %s is not yes or no", def->name, value);
			return -1;
		}
		*number = n;
		return 0;
	case OPTION_INT:
		rc = parse_scaled(value, "", NULL, &n);
		what = "a whole number";
		break;
	case OPTION_DURATION:
		rc = parse_scaled(value, "smhd", duration_factors, &n);
		what = "a duration (90, 90s, 15m, 2h, 1d)";
		break;
	case OPTION_SIZE:
		rc = parse_scaled(value, "kKmMgG", size_factors, &n);
		what = "a size (512K, 32M, 1G)";
		break;
	}
	if (rc != 0) {
		snprintf(err, errsize, "%s: %s is not %s", def->name, value, what);
		return -1;
	}
	if (n < def->min || n > def->max) {
		snprintf(err, errsize, "%s: %s is out of range (%lld to %lld)", def->name,
		    value, def->min, def->max);
		return -1;
	}
	*number = n;
	return 0;
}
