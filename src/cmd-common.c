/* cmd-common.c: what the commands share: settings and store opening with one
 * clear line on failure, reading a FILE operand, and safe printing of feed
 * text. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd.h"
#include "json.h"
#include "sanitize.h"
#include "settings-check.h"
#include "store.h"
#include "xmalloc.h"

/* What one read() asks for: files and pipes of feeds and pages. */
#define READ_SIZE	(256u * 1024)

int
cmd_load_settings(const struct globals *g, struct settings *settings)
{
	char *path, *error = NULL;
	int status = 0;

	settings_init(settings);
	path = g->config_path != NULL ? xstrdup(g->config_path) : settings_default_config_path();
	/* The default file may be missing; one named with --config may not. */
	if (path != NULL && (settings_load(settings, path, g->config_path != NULL, &error) != 0 ||
	    settings_check(settings, &error) != 0)) {
		fprintf(stderr, "tidings: %s\n", error);
		free(error);
		settings_free(settings);
		status = EXIT_USAGE;
	}
	free(path);
	return status;
}

int
cmd_open(const struct globals *g, struct session *session)
{
	char *error = NULL;
	int status;

	memset(session, 0, sizeof(*session));
	if ((status = cmd_load_settings(g, &session->settings)) != 0)
		return status;

	session->db_path = g->db_path != NULL ? xstrdup(g->db_path) : settings_default_db_path();
	if (session->db_path == NULL) {
		fprintf(stderr, "tidings: no place for the store: set HOME or XDG_DATA_HOME, or give --db\n");
		settings_free(&session->settings);
		return EXIT_USAGE;
	}
	session->store = store_open(session->db_path, &error);
	if (session->store == NULL) {
		fprintf(stderr, "tidings: %s\n", error != NULL ? error : "cannot open the store");
		free(error);
		cmd_close(session);
		return EXIT_USAGE;
	}
	return 0;
}

void
cmd_close(struct session *session)
{
	store_close(&session->store);
	settings_free(&session->settings);
	free(session->db_path);
	session->db_path = NULL;
}

void
cmd_field(struct buf *out, const char *s)
{
	sanitize_line(out, s != NULL ? s : "");
}

void
cmd_json_field(struct json_writer *w, struct buf *scratch, const char *name, const char *s)
{
	json_key(w, name);
	if (s == NULL) {
		json_null(w);
		return;
	}
	buf_reset(scratch);
	cmd_field(scratch, s);
	json_string(w, buf_str(scratch));
}

int
cmd_write(const struct buf *out)
{
	if ((out->len != 0 && fwrite(out->data, 1, out->len, stdout) != out->len) ||
	    fflush(stdout) != 0) {
		fprintf(stderr, "tidings: writing output: %s\n", strerror(errno));
		return -1;
	}
	return 0;
}

void
cmd_warn(const char *name, const char *message)
{
	struct buf line = BUF_INIT;

	buf_append_str(&line, "tidings: ");
	sanitize_line(&line, name);
	buf_append_str(&line, ": ");
	sanitize_line(&line, message);
	fprintf(stderr, "%s\n", buf_str(&line));
	buf_free(&line);
}

const char *
cmd_input_name(const char *path)
{
	return strcmp(path, "-") == 0 ? "standard input" : path;
}

long long
cmd_read_input(const char *path, int (*fn)(void *ctx, const char *chunk, size_t len),
    void *ctx)
{
	static char chunk[READ_SIZE];
	long long total = 0;
	ssize_t n;
	int fd;

	if (strcmp(path, "-") == 0)
		fd = STDIN_FILENO;
	else if ((fd = open(path, O_RDONLY)) == -1) {
		cmd_warn(path, strerror(errno));
		return -1;
	}
	for (;;) {
		if ((n = read(fd, chunk, sizeof(chunk))) < 0) {
			if (errno == EINTR)
				continue;
			cmd_warn(cmd_input_name(path), strerror(errno));
			total = -1;
			break;
		}
		total += n;
		if (n == 0 || fn(ctx, chunk, (size_t)n) != 0)
			break;
	}
	if (fd != STDIN_FILENO)
		close(fd);
	return total;
}

int
cmd_done(struct store *s, int rc, const char *done, const char *name)
{
	struct buf out = BUF_INIT;
	int status = EXIT_OK;

	if (rc == -1) {
		cmd_store_failure(s, NULL);
		return EXIT_FAILED;
	}
	buf_append_str(&out, done);
	buf_append_char(&out, ' ');
	cmd_field(&out, name);
	buf_append_char(&out, '\n');
	if (cmd_write(&out) != 0)
		status = EXIT_FAILED;
	buf_free(&out);
	return status;
}

void
cmd_store_failure(struct store *s, const char *context)
{
	struct buf b = BUF_INIT;

	cmd_field(&b, store_error(s));
	if (context != NULL)
		fprintf(stderr, "tidings: %s: %s\n", context, buf_str(&b));
	else
		fprintf(stderr, "tidings: %s\n", buf_str(&b));
	buf_free(&b);
}

int64_t
cmd_find_feed(struct store *s, const char *key)
{
	struct buf b = BUF_INIT;
	int64_t id;

	id = store_find_feed(s, key);
	if (id > 0)
		return id;
	if (id == 0) {
		cmd_field(&b, key);
		fprintf(stderr, "tidings: no feed matches \"%s\" (see tidings feeds)\n", buf_str(&b));
		buf_free(&b);
	} else
		cmd_store_failure(s, NULL);
	return 0;
}

void
cmd_append_wait(struct buf *out, int64_t wait)
{
	if (wait < 60 * 60)
		buf_appendf(out, "in %lld min", (long long)((wait + 59) / 60));
	else if (wait < 48 * 60 * 60)
		buf_appendf(out, "in %lld h", (long long)((wait + 30 * 60) / (60 * 60)));
	else
		buf_appendf(out, "in %lld d", (long long)((wait + 12 * 60 * 60) / (24 * 60 * 60)));
}
