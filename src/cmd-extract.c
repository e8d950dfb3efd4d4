/* cmd-extract.c: `tidings extract [--url URL] [--width N] [--html] FILE|URL|-`:
 * the story of one web page as plain text or cleaned HTML, for scripts and
 * tests. Nothing is stored; the extraction itself is extract.c. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "cmd.h"
#include "extract.h"
#include "fetch.h"
#include "settings.h"
#include "url.h"
#include "xmalloc.h"

#define MAX_WIDTH	1000

/* What a download brought back. */
struct download {
	struct buf	 body;
	char		*url;		/* the effective URL, after redirects */
	char		*charset;	/* from Content-Type */
	char		*refused;	/* why the response is not a page */
	char		*error;		/* the fetcher's message on failure */
	bool		 ok;
};

static int
on_header(void *ctx, const struct fetch_response_info *info)
{
	struct download *d = ctx;

	return extract_note_response(info, &d->url, &d->charset, &d->refused);
}

static int
on_data(void *ctx, const char *bytes, size_t len)
{
	struct download *d = ctx;

	buf_append(&d->body, bytes, len);
	return 0;
}

static void
on_done(void *ctx, const struct fetch_result *result)
{
	struct download *d = ctx;

	if (result->status == FETCH_OK)
		d->ok = true;
	else if (d->refused == NULL)
		d->error = xstrdup(result->message != NULL ? result->message :
		    fetch_status_name(result->status));
}

/* Fetch url into d; returns 0, or -1 after printing why not. */
static int
download(const struct settings *settings, const char *url, struct download *d)
{
	struct fetch_callbacks callbacks = { on_header, on_data, on_done };
	struct fetch_request request = { url, NULL, NULL, d };
	struct fetch_options options;
	struct fetch *fetch;

	fetch_options_default(&options);
	options.connect_timeout = (long)settings->number[OPT_CONNECT_TIMEOUT];
	options.total_timeout = (long)settings->number[OPT_TIMEOUT];
	options.low_speed_limit = (long)settings->number[OPT_LOW_SPEED_LIMIT];
	options.low_speed_time = (long)settings->number[OPT_LOW_SPEED_TIME];
	options.user_agent = settings->string[OPT_USER_AGENT];
	options.allow_private_redirects = settings->number[OPT_ALLOW_PRIVATE_REDIRECTS] != 0;
	/* The fetcher says "larger than 8 MiB" and stops reading; no page
	 * past the extractor's limit is worth the download. */
	options.max_body = EXTRACT_MAX_PAGE;
	options.accept = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5";
	fetch = fetch_new(&options, &callbacks);
	if (fetch == NULL) {
		cmd_warn(url, "cannot start the HTTP client");
		return -1;
	}
	fetch_add(fetch, &request);
	if (fetch_run(fetch) != 0 && !d->ok && d->error == NULL && d->refused == NULL)
		d->error = xstrdup("the HTTP client failed");
	fetch_free(&fetch);
	if (!d->ok) {
		cmd_warn(url, d->refused != NULL ? d->refused : d->error);
		return -1;
	}
	return 0;
}

/* A file's page is read up to one byte past the extractor's limit, which
 * then refuses it. */
static int
append_chunk(void *ctx, const char *chunk, size_t len)
{
	struct buf *out = ctx;

	buf_append(out, chunk, len);
	return out->len > EXTRACT_MAX_PAGE;
}

int
cmd_extract(const struct globals *g, const struct cmd_args *args)
{
	struct download d = { BUF_INIT, NULL, NULL, NULL, NULL, false };
	struct extract_result result;
	struct buf out = BUF_INIT;
	struct settings settings;
	const char *base = cmd_value(args, 'u'), *source, *name, *w;
	char *error = NULL, *text, *end;
	bool html = cmd_flag(args, 'H');
	long width = 0;
	int status = EXIT_FAILED;

	if ((w = cmd_value(args, 'w')) != NULL) {
		errno = 0;
		width = strtol(w, &end, 10);
		if (errno != 0 || end == w || *end != '\0' || width < 0 || width > MAX_WIDTH)
			return cmd_usage_error(args->command, "--width takes a number of "
			    "columns from 0 (no wrapping) to %d", MAX_WIDTH);
	}
	/* Read for a URL's timeouts, checked whole for every source. */
	if (cmd_load_settings(g, &settings) != 0)
		return EXIT_USAGE;
	source = args->operands[0];
	name = cmd_input_name(source);

	if (url_is_http(source)) {
		if (download(&settings, source, &d) != 0)
			goto out;
		if (base == NULL)
			base = d.url != NULL ? d.url : source;
	} else if (cmd_read_input(source, append_chunk, &d.body) < 0) {
		goto out;
	}
	if (extract_story(d.body.data, d.body.len, base, d.charset, &result, &error) != 0) {
		cmd_warn(name, error);
		free(error);
		goto out;
	}
	if (html) {
		buf_append_str(&out, result.html);
	} else {
		text = extract_text(result.html, (int)width);
		buf_append_str(&out, text);
		free(text);
	}
	extract_result_free(&result);
	status = cmd_write(&out) == 0 ? EXIT_OK : EXIT_FAILED;
out:
	buf_free(&out);
	buf_free(&d.body);
	free(d.url);
	free(d.charset);
	free(d.refused);
	free(d.error);
	settings_free(&settings);
	return status;
}
