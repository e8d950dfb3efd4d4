/* test-browser.c: which program opens links, its argument vector (no shell:
 * quotes group words, "%s" places the URL), terminal browsers, and starting
 * one: only http and https links, errors from exec reported, the URL passed
 * as one argument untouched. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "browser.h"
#include "buf.h"
#include "test.h"
#include "xmalloc.h"

#define URL "https://example.org/a?b=1&c=2;d=$(x)"

static void
test_argv(void)
{
	static const struct {
		const char	*command;
		const char	*want;	/* the words joined by '|', NULL for none */
	} rows[] = {
		{ NULL, NULL },
		{ "", NULL },
		{ "  \t ", NULL },
		{ "firefox", "firefox|" URL },
		{ "  firefox   --new-tab ", "firefox|--new-tab|" URL },
		{ "open %s --background", "open|" URL "|--background" },
		{ "'my browser' -x", "my browser|-x|" URL },
		{ "\"a b\"c d", "a bc|d|" URL },
		{ "echo '%s'", "echo|" URL },
		{ "echo x%s", "echo|x%s|" URL },
		{ "sh -c 'exec firefox \"$0\"'", "sh|-c|exec firefox \"$0\"|" URL },
	};
	struct buf joined = BUF_INIT;
	char **argv;
	size_t i, j;

	for (i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		argv = browser_argv(rows[i].command, URL);
		if (rows[i].want == NULL) {
			CHECK(argv == NULL);
			continue;
		}
		CHECK(argv != NULL);
		if (argv == NULL)
			continue;
		buf_reset(&joined);
		for (j = 0; argv[j] != NULL; j++) {
			if (j > 0)
				buf_append_char(&joined, '|');
			buf_append_str(&joined, argv[j]);
		}
		CHECK_STR(buf_str(&joined), rows[i].want);
		browser_argv_free(&argv);
		CHECK(argv == NULL);
	}
	browser_argv_free(NULL);
	buf_free(&joined);
}

static void
test_command(void)
{
	unsetenv("BROWSER");
	CHECK_STR(browser_command(NULL), "xdg-open");
	CHECK_STR(browser_command(""), "xdg-open");
	CHECK_STR(browser_command("  "), "xdg-open");
	CHECK_STR(browser_command("lynx -dump"), "lynx -dump");
	setenv("BROWSER", "w3m:firefox", 1);
	CHECK_STR(browser_command(""), "w3m");
	CHECK_STR(browser_command("elinks"), "elinks");
	setenv("BROWSER", ":firefox", 1);
	CHECK_STR(browser_command(NULL), "xdg-open");
	setenv("BROWSER", "", 1);
	CHECK_STR(browser_command(NULL), "xdg-open");
	unsetenv("BROWSER");
}

static void
test_terminal(void)
{
	CHECK(!browser_in_terminal(NULL));
	CHECK(!browser_in_terminal(""));
	CHECK(browser_in_terminal("lynx"));
	CHECK(browser_in_terminal("/usr/bin/w3m"));
	CHECK(browser_in_terminal("elinks"));
	CHECK(!browser_in_terminal("firefox"));
	CHECK(!browser_in_terminal("/usr/bin/lynx-wrapper"));
	CHECK(!browser_in_terminal("xdg-open"));
}

/* Wait up to two seconds for path to hold something. */
static char *
wait_for_file(const char *path)
{
	struct timespec pause = { 0, 20 * 1000 * 1000 };
	char buf[512];
	FILE *fp;
	size_t n;
	int i;

	for (i = 0; i < 100; i++) {
		if ((fp = fopen(path, "r")) != NULL) {
			n = fread(buf, 1, sizeof(buf) - 1, fp);
			fclose(fp);
			if (n > 0) {
				buf[n] = '\0';
				return xstrdup(buf);
			}
		}
		nanosleep(&pause, NULL);
	}
	return NULL;
}

static void
test_open(void)
{
	static const char *const refused[] = { "javascript:alert(1)", "file:///etc/passwd",
	    "mailto:a@example.org", "", "example.org", "ftp://example.org/" };
	char *dir, *path, *command, *got, *error;
	size_t i;

	for (i = 0; i < sizeof(refused) / sizeof(refused[0]); i++) {
		error = NULL;
		CHECK_INT(browser_open("true", refused[i], false, &error), -1);
		CHECK_STR(error, "not an http or https link");
		free(error);
	}
	CHECK_INT(browser_open("true", NULL, false, &error), -1);
	free(error);
	CHECK_INT(browser_open("", URL, false, &error), -1);
	CHECK(error != NULL && strstr(error, "browser") != NULL);
	free(error);

	/* A program that is not there: exec's error comes back. */
	CHECK_INT(browser_open("/nonexistent/browser", URL, false, &error), -1);
	CHECK(error != NULL && strstr(error, "/nonexistent/browser") != NULL);
	free(error);
	CHECK_INT(browser_open("/nonexistent/browser", URL, true, &error), -1);
	CHECK(error != NULL && strstr(error, "No such file") != NULL);
	free(error);

	/* The URL arrives as one argument, untouched by any shell. */
	dir = xasprintf("%s/test-browser.XXXXXX", getenv("TMPDIR") != NULL ?
	    getenv("TMPDIR") : P_tmpdir);
	if (mkdtemp(dir) == NULL) {
		CHECK(!"mkdtemp");
		free(dir);
		return;
	}
	path = xasprintf("%s/url", dir);
	command = xasprintf("sh -c 'printf %%s \"$0\" >%s'", path);
	CHECK_INT(browser_open(command, URL, false, &error), 0);
	CHECK(error == NULL);
	got = wait_for_file(path);
	CHECK_STR(got, URL);
	free(got);
	unlink(path);
	/* Waited for: the file is there when browser_open returns. */
	CHECK_INT(browser_open(command, URL, true, &error), 0);
	got = wait_for_file(path);
	CHECK_STR(got, URL);
	free(got);
	unlink(path);
	rmdir(dir);
	free(dir);
	free(command);
	free(path);
}

int
main(void)
{
	test_argv();
	test_command();
	test_terminal();
	test_open();
	return test_done();
}
