/* cmd-parse.c: `tidings parse [--json] [--url URL] FILE|-`: read one feed file
 * and print it normalized, as JSON Lines or as a readable summary.
 * Nothing is stored; this is the parser's window for scripts and tests. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "cmd.h"
#include "json.h"
#include "parse.h"
#include "plural.h"
#include "sanitize.h"
#include "settings.h"
#include "xmalloc.h"

/* The feed object comes first in the output, but RSS and Atom may put feed
 * metadata after the first items. Item lines are therefore held back until
 * the feed is complete, or until this much output has piled up (a large
 * feed): then the feed line is written with what is known by then, and the
 * rest streams. Memory stays bounded either way. */
#define HOLD_BACK_LIMIT	(4u * 1024 * 1024)
#define FLUSH_SIZE	(256u * 1024)

struct output {
	bool		 json;
	bool		 header_written;
	struct buf	 held;	/* item lines not yet written */
	struct json_writer items;	/* into held */
	struct buf	 line;
	FILE		*fp;
	bool		 write_failed;
};

static void
write_out(struct output *o, const char *data, size_t len)
{
	if (len != 0 && fwrite(data, 1, len, o->fp) != len)
		o->write_failed = true;
}

static void
format_feed_json(struct buf *out, const struct feed *feed)
{
	struct json_writer w;

	json_writer_init(&w, out);
	json_begin_object(&w);
	json_member_string(&w, "format", feed_format_name(feed->format));
	json_member_string(&w, "title", feed->title);
	json_member_string(&w, "link", feed->link);
	json_member_string(&w, "description", feed->description);
	json_member_string(&w, "language", feed->language);
	json_member_date(&w, "updated", feed->updated);
	json_member_string(&w, "author", feed->author);
	json_member_string(&w, "image", feed->image);
	json_end_object(&w);
	json_writer_free(&w);
}

static void
format_item_json(struct json_writer *w, const struct item *item)
{
	size_t i;

	json_begin_object(w);
	json_member_string(w, "id", item->id);
	json_member_string(w, "title", item->title);
	json_member_string(w, "link", item->link);
	json_member_string(w, "author", item->author);
	json_member_date(w, "published", item->published);
	json_member_date(w, "updated", item->updated);
	json_member_string(w, "summary", item->summary);
	json_member_string(w, "content", item->content);
	if (item->thumbnail != NULL)
		json_member_string(w, "thumbnail", item->thumbnail);
	json_key(w, "enclosures");
	json_begin_array(w);
	for (i = 0; i < item->n_enclosures; i++) {
		json_begin_object(w);
		json_member_string(w, "url", item->enclosures[i].url);
		json_member_string(w, "type", item->enclosures[i].type);
		json_member_string(w, "length", item->enclosures[i].length);
		json_end_object(w);
	}
	json_end_array(w);
	json_key(w, "categories");
	json_begin_array(w);
	for (i = 0; i < item->n_categories; i++)
		json_string(w, item->categories[i]);
	json_end_array(w);
	json_end_object(w);
}

/* The readable form is for people at a terminal: every field from the feed
 * is sanitized, so no escape sequence in a title reaches the screen. */
static void
format_feed_text(struct buf *out, const struct feed *feed)
{
	char date[DATE_ISO_SIZE];

	buf_append_str(out, "Feed:     ");
	sanitize_line(out, feed->title != NULL ? feed->title : "(untitled)");
	buf_append_str(out, "\nFormat:   ");
	buf_append_str(out, feed_format_name(feed->format));
	if (feed->link != NULL) {
		buf_append_str(out, "\nLink:     ");
		sanitize_line(out, feed->link);
	}
	if (feed->updated != DATE_NONE) {
		buf_append_str(out, "\nUpdated:  ");
		buf_append_str(out, date_format_iso(feed->updated, date));
	}
	buf_append_str(out, "\n\n");
}

static void
format_item_text(struct buf *out, const struct item *item)
{
	char date[DATE_ISO_SIZE];
	int64_t t = item->published != DATE_NONE ? item->published : item->updated;

	buf_append_str(out, t != DATE_NONE ? date_format_iso(t, date) : "                    ");
	buf_append_str(out, "  ");
	sanitize_line(out, item->title != NULL && item->title[0] != '\0' ? item->title : "(untitled)");
	buf_append_char(out, '\n');
	if (item->link != NULL) {
		buf_append_str(out, "                      ");
		sanitize_line(out, item->link);
		buf_append_char(out, '\n');
	}
}

static void
write_header(struct output *o, const struct feed *feed)
{
	buf_reset(&o->line);
	if (o->json)
		format_feed_json(&o->line, feed);
	else
		format_feed_text(&o->line, feed);
	write_out(o, o->line.data, o->line.len);
	o->header_written = true;
}

static void
on_item(void *ctx, const struct feed *feed, const struct item *item)
{
	struct output *o = ctx;

	if (o->json)
		format_item_json(&o->items, item);
	else
		format_item_text(&o->held, item);
	if (!o->header_written && o->held.len > HOLD_BACK_LIMIT)
		write_header(o, feed);
	if (o->header_written && o->held.len > FLUSH_SIZE) {
		write_out(o, o->held.data, o->held.len);
		buf_reset(&o->held);
	}
}

/* Each chunk read goes to the parser; a feed broken beyond repair stops
 * the reading, since no more of it can be read. */
static int
push_chunk(void *ctx, const char *chunk, size_t len)
{
	return parse_feed_chunk(ctx, chunk, len) != 0;
}

int
cmd_parse(const struct globals *g, const struct cmd_args *args)
{
	struct output o = { false, false, BUF_INIT, { NULL, NULL, 0, 0, false }, BUF_INIT,
	    stdout, false };
	struct parse_options popts = { NULL, NULL, 0, 0, 0 };
	struct settings settings;
	struct parse_handlers handlers = { on_item, &o };
	struct parser *p;
	const char *path, *name;
	long long nread;
	int status = EXIT_OK;

	o.json = cmd_flag(args, 'j');
	popts.url = cmd_value(args, 'u');
	/* The bounds on hostile input are settings; nothing else here is. */
	if (cmd_load_settings(g, &settings) != 0)
		return EXIT_USAGE;
	popts.max_items = (size_t)settings.number[OPT_MAX_ITEMS];
	popts.max_depth = (size_t)settings.number[OPT_MAX_DEPTH];
	popts.max_text = (size_t)settings.number[OPT_MAX_FIELD];
	settings_free(&settings);

	path = args->operands[0];
	name = cmd_input_name(path);
	json_writer_init(&o.items, &o.held);
	p = parse_new(&popts, &handlers);
	nread = cmd_read_input(path, push_chunk, p);
	if (nread < 0) {
		status = EXIT_FAILED;
	} else if (nread == 0) {
		fprintf(stderr, "tidings: %s: not a feed: the file is empty\n", name);
		status = EXIT_FAILED;
	} else if (parse_feed_finish(p) != 0) {
		fprintf(stderr, "tidings: %s: %s\n", name,
		    parse_error(p) != NULL ? parse_error(p) : "not a feed");
		status = EXIT_FAILED;
	} else if (parse_error(p) != NULL) {
		/* Recovered: what could be read is printed, and the damage said. */
		fprintf(stderr, "tidings: %s: %s (kept %zu %s)\n", name, parse_error(p),
		    parse_item_count(p), plural_noun((long long)parse_item_count(p), "item", "items"));
		status = EXIT_FAILED;
	}
	/* Whatever was recovered is printed, even from a broken feed. */
	if (parse_feed(p)->format != FEED_FORMAT_UNKNOWN) {
		if (!o.header_written)
			write_header(&o, parse_feed(p));
		write_out(&o, o.held.data, o.held.len);
	}
	if (fflush(stdout) != 0 || o.write_failed) {
		fprintf(stderr, "tidings: writing output: %s\n", strerror(errno));
		status = EXIT_FAILED;
	}
	parse_free(&p);
	json_writer_free(&o.items);
	buf_free(&o.held);
	buf_free(&o.line);
	return status;
}
