/* test-settings.c: the options table, value parsing of each type, the
 * config file reader, default paths, and that the manual documents every
 * setting. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "colorspec.h"
#include "options.h"
#include "settings.h"
#include "settings-check.h"
#include "test.h"
#include "xmalloc.h"

static void
test_values(void)
{
	static const struct {
		const char *name, *value;
		int rc;
		long long want;
	} rows[] = {
		{ "keep-unread", "yes", 0, 1 },
		{ "keep-unread", "OFF", 0, 0 },
		{ "keep-unread", "maybe", -1, 0 },
		{ "max-connections", "8", 0, 8 },
		{ "max-connections", "0", -1, 0 },
		{ "max-connections", "65", -1, 0 },
		{ "max-connections", "8x", -1, 0 },
		{ "max-connections", "", -1, 0 },
		{ "max-connections", "-3", -1, 0 },
		{ "refresh-interval", "90", 0, 90 },
		{ "refresh-interval", "90s", 0, 90 },
		{ "refresh-interval", "15m", 0, 900 },
		{ "refresh-interval", "2h", 0, 7200 },
		{ "refresh-interval", "1d", 0, 86400 },
		{ "refresh-interval", "59", -1, 0 },
		{ "refresh-interval", "31d", -1, 0 },
		{ "refresh-interval", "1w", -1, 0 },
		{ "max-size", "512K", 0, 512 * 1024 },
		{ "max-size", "32M", 0, 32 * 1024 * 1024 },
		{ "max-size", "1G", 0, 1024 * 1024 * 1024 },
		{ "max-size", "2G", -1, 0 },
		{ "max-size", "99999999999999999999M", -1, 0 },
		{ "user-agent", "anything at all", 0, 0 },
	};
	char err[200];
	size_t i;

	for (i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		const struct option_def *def = options_find(rows[i].name);
		long long n = 0;

		CHECK(def != NULL);
		CHECK_INT(options_parse_value(def, rows[i].value, &n, err, sizeof(err)), rows[i].rc);
		if (rows[i].rc == 0)
			CHECK_INT(n, rows[i].want);
		else
			CHECK(strstr(err, rows[i].name) != NULL);
	}
	CHECK(options_find("no-such-setting") == NULL);
	CHECK(options_find("") == NULL);
}

static void
test_defaults(void)
{
	struct settings s;
	size_t i;
	char err[200];

	settings_init(&s);
	CHECK_INT(s.number[OPT_REFRESH_INTERVAL], 3600);
	CHECK_INT(s.number[OPT_MAX_CONNECTIONS], 16);
	CHECK_INT(s.number[OPT_MAX_PER_HOST], 4);
	CHECK_INT(s.number[OPT_MAX_SIZE], 32 * 1024 * 1024);
	CHECK_INT(s.number[OPT_KEEP_UNREAD], 1);
	CHECK(strncmp(s.string[OPT_USER_AGENT], "tidings/", 8) == 0);
	/* Every default is a valid value of its own option. */
	for (i = 0; i < OPT_COUNT; i++) {
		long long n;

		CHECK_INT(options_parse_value(&options_table[i], options_table[i].default_value,
		    &n, err, sizeof(err)), 0);
	}
	settings_free(&s);
}

static char *
write_temp(const char *text)
{
	char path[] = "/tmp/tidings-settings-XXXXXX";
	int fd = mkstemp(path);

	if (fd < 0)
		return NULL;
	if (write(fd, text, strlen(text)) != (ssize_t)strlen(text))
		CHECK(0);
	close(fd);
	return xstrdup(path);
}

static void
test_file(void)
{
	static const struct {
		const char *text;
		const char *error;	/* part of the message, or NULL */
	} rows[] = {
		{ "", NULL },
		{ "# only a comment\n\n   \n", NULL },
		{ "refresh-interval 30m\nmax-size = 16M\nbrowser \"my browser\"\nkeep-days 7 # a week\n", NULL },
		{ "refresh-interval\t2h\r\n", NULL },
		{ "frobnicate yes\n", "line 1: unknown setting 'frobnicate'" },
		{ "\n\nmax-size 3X\n", "line 3: max-size: 3X is not a size" },
		{ "browser \"unclosed\n", "missing closing quote" },
	};
	size_t i;

	for (i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		struct settings s;
		char *path = write_temp(rows[i].text), *error = NULL;
		int rc;

		CHECK(path != NULL);
		if (path == NULL)
			continue;
		settings_init(&s);
		rc = settings_load(&s, path, true, &error);
		if (rows[i].error == NULL) {
			CHECK_INT(rc, 0);
			CHECK(error == NULL);
		} else {
			CHECK_INT(rc, -1);
			CHECK(error != NULL && strstr(error, rows[i].error) != NULL &&
			    strstr(error, path) != NULL);
		}
		if (i == 2) {
			CHECK_INT(s.number[OPT_REFRESH_INTERVAL], 1800);
			CHECK_INT(s.number[OPT_MAX_SIZE], 16 * 1024 * 1024);
			CHECK_STR(s.string[OPT_BROWSER], "my browser");
			CHECK_INT(s.number[OPT_KEEP_DAYS], 7);
		}
		if (i == 3)
			CHECK_INT(s.number[OPT_REFRESH_INTERVAL], 7200);
		free(error);
		settings_free(&s);
		unlink(path);
		free(path);
	}

	/* A missing file: fine at the default path, an error when named. */
	{
		struct settings s;
		char *error = NULL;

		settings_init(&s);
		CHECK_INT(settings_load(&s, "/nonexistent/tidings/config", false, &error), 0);
		CHECK_INT(settings_load(&s, "/nonexistent/tidings/config", true, &error), -1);
		CHECK(error != NULL && strstr(error, "/nonexistent/tidings/config") != NULL);
		free(error);
		settings_free(&s);
	}
}

static void
test_paths(void)
{
	char *p;

	setenv("XDG_CONFIG_HOME", "/xdg/config", 1);
	setenv("XDG_DATA_HOME", "/xdg/data", 1);
	p = settings_default_config_path();
	CHECK_STR(p, "/xdg/config/tidings/config");
	free(p);
	p = settings_default_db_path();
	CHECK_STR(p, "/xdg/data/tidings/tidings.db");
	free(p);
	/* Relative XDG values are invalid and ignored (XDG base dir spec). */
	setenv("XDG_DATA_HOME", "relative", 1);
	setenv("HOME", "/home/someone", 1);
	p = settings_default_db_path();
	CHECK_STR(p, "/home/someone/.local/share/tidings/tidings.db");
	free(p);
	unsetenv("XDG_CONFIG_HOME");
	p = settings_default_config_path();
	CHECK_STR(p, "/home/someone/.config/tidings/config");
	free(p);
	unsetenv("HOME");
	unsetenv("XDG_DATA_HOME");
	CHECK(settings_default_db_path() == NULL);
}

/* The whole config is checked at once, each error naming the file and the
 * line of the setting at fault. */
static void
test_check(void)
{
	static const struct {
		const char *text;
		const char *error;	/* part of the message, or NULL */
	} rows[] = {
		{ "key-quit \"Q C-q\"\ncolor-cursor \"black yellow\"\n", NULL },
		{ "key-quit q\n", NULL },	/* taken from key-back's default */
		{ "# keys\nkey-quit F13\n", ", line 2: key-quit: 'F13' is not a key name" },
		{ "key-quit Q\n\nkey-back Q\n", "key-quit: 'Q' is bound by key-back too" },
		{ "key-star x\nkey-open x\n", "line 1: key-star: 'x' is bound by key-open too" },
		{ "\n\n\ncolor-title pink\n", ", line 4: color-title: 'pink' is not a color" },
		{ "color-link \"red green blue\"\n", "line 1: color-link: more than two colors" },
	};
	size_t i;

	for (i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		struct settings s;
		char *path = write_temp(rows[i].text), *error = NULL;

		CHECK(path != NULL);
		if (path == NULL)
			continue;
		settings_init(&s);
		CHECK_INT(settings_load(&s, path, true, &error), 0);
		if (rows[i].error == NULL) {
			CHECK_INT(settings_check(&s, &error), 0);
			CHECK(error == NULL);
		} else {
			CHECK_INT(settings_check(&s, &error), -1);
			CHECK(error != NULL && strstr(error, rows[i].error) != NULL &&
			    strncmp(error, path, strlen(path)) == 0);
			if (error != NULL && strstr(error, rows[i].error) == NULL)
				fprintf(stderr, "  got: %s\n", error);
		}
		free(error);
		settings_free(&s);
		unlink(path);
		free(path);
	}
}

static void
test_colorspec(void)
{
	struct colorspec c;
	char *error = NULL;

	CHECK_INT(colorspec_parse("color-title", "white blue bold", &c, &error), 0);
	CHECK_INT(c.fg, 7);
	CHECK_INT(c.bg, 4);
	CHECK_INT(c.attrs, COLORSPEC_BOLD);
	CHECK(c.colored);
	CHECK_INT(colorspec_parse("color-x", "DEFAULT default Reverse underline", &c, &error), 0);
	CHECK(!c.colored);
	CHECK_INT(c.attrs, COLORSPEC_REVERSE | COLORSPEC_UNDERLINE);
	CHECK_INT(colorspec_parse("color-x", "color255 color0", &c, &error), 0);
	CHECK_INT(c.fg, 255);
	CHECK_INT(c.bg, 0);
	CHECK_INT(colorspec_parse("color-x", "color256", &c, &error), -1);
	CHECK(error != NULL && strstr(error, "'color256'") != NULL);
	free(error);
	CHECK_INT(colorspec_parse("color-x", "color", &c, &error), -1);
	free(error);
	CHECK_INT(colorspec_parse("color-x", "", &c, &error), 0);
	CHECK(!c.colored && c.attrs == 0);
}

/* The manual names every setting, so none can be added undocumented. */
static void
test_manual(void)
{
	const char *top = getenv("top_srcdir");
	char *path = xasprintf("%s/man/tidings.conf.5", top ? top : ".");
	struct buf text = BUF_INIT;
	char chunk[4096];
	size_t i, n;
	FILE *fp = fopen(path, "r");

	CHECK(fp != NULL);
	if (fp != NULL) {
		while ((n = fread(chunk, 1, sizeof(chunk), fp)) > 0)
			buf_append(&text, chunk, n);
		fclose(fp);
	}
	for (i = 0; i < OPT_COUNT; i++) {
		char *entry = xasprintf(".It Ic %s ", options_table[i].name);

		CHECK(strstr(buf_str(&text), entry) != NULL);
		if (strstr(buf_str(&text), entry) == NULL)
			fprintf(stderr, "  tidings.conf.5 lacks %s\n", options_table[i].name);
		free(entry);
	}
	buf_free(&text);
	free(path);
}

int
main(void)
{
	test_values();
	test_defaults();
	test_file();
	test_paths();
	test_check();
	test_colorspec();
	test_manual();
	return test_done();
}
