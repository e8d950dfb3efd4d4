/* fuzz-opml.c: libFuzzer harness for reading feed lists (OPML and newsboat
 * urls files): whatever the input, the list holds clean UTF-8 without control
 * characters, within its limits, and survives being written as OPML and read
 * back. Not a unit test: tests/unit/test-fuzz-regress.c replays its finds. */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "encoding.h"
#include "feedlist.h"

#ifndef FUZZ_OPML_ENTRY
#define FUZZ_OPML_ENTRY LLVMFuzzerTestOneInput
#endif

int FUZZ_OPML_ENTRY(const uint8_t *data, size_t size);

static void
opml_fail(const char *what, const char *detail)
{
	fprintf(stderr, "fuzz-opml: %s: %s\n", what, detail != NULL ? detail : "(null)");
	abort();
}

/* feedlist.h: UTF-8 without control characters (C0, DEL, C1), trimmed,
 * white space runs collapsed. */
static void
opml_check_clean(const char *what, const char *s)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t len, i;

	if (s == NULL)
		return;
	len = strlen(s);
	if (encoding_utf8_valid_prefix(s, len) != len)
		opml_fail("invalid UTF-8", what);
	for (i = 0; i < len; i++) {
		if (u[i] < 0x20 || u[i] == 0x7f || (u[i] == 0xc2 && u[i + 1] >= 0x80 && u[i + 1] <= 0x9f))
			opml_fail("control character", what);
		if (u[i] == ' ' && (i == 0 || i == len - 1 || u[i + 1] == ' '))
			opml_fail("untrimmed white space", what);
	}
}

static void
opml_check_list(const struct feedlist *list)
{
	const struct feedlist_entry *e;
	size_t i, j, k;

	if (list->n_entries > FEEDLIST_MAX_ENTRIES || list->n_warnings > FEEDLIST_MAX_WARNINGS)
		opml_fail("limit", "too many entries or warnings");
	for (i = 0; i < list->n_warnings; i++) {
		if (encoding_utf8_valid_prefix(list->warnings[i], strlen(list->warnings[i])) !=
		    strlen(list->warnings[i]))
			opml_fail("invalid UTF-8", "warning");
	}
	for (i = 0; i < list->n_entries; i++) {
		e = &list->entries[i];
		if (e->url == NULL || e->url[0] == '\0')
			opml_fail("entry", "without a URL");
		opml_check_clean("url", e->url);
		opml_check_clean("title", e->title);
		opml_check_clean("html_url", e->html_url);
		if (e->n_tags > FEEDLIST_MAX_TAGS)
			opml_fail("limit", "too many tags");
		for (j = 0; j < e->n_tags; j++) {
			opml_check_clean("tag", e->tags[j]);
			for (k = 0; k < j; k++) {
				if (strcmp(e->tags[j], e->tags[k]) == 0)
					opml_fail("duplicate tag", e->tags[j]);
			}
		}
		for (j = 0; j < i; j++) {
			if (strcmp(list->entries[j].url, e->url) == 0)
				opml_fail("duplicate URL", e->url);
		}
	}
}

static int
opml_same(const char *a, const char *b)
{
	return (a == NULL && b == NULL) || (a != NULL && b != NULL && strcmp(a, b) == 0);
}

/* The OPML reader takes a title equal to the URL for none (exporters,
 * feedlist_write_opml too, put the URL in text when they know no title). */
static const char *
opml_title(const struct feedlist_entry *e)
{
	return e->title != NULL && strcmp(e->title, e->url) == 0 ? NULL : e->title;
}

int
FUZZ_OPML_ENTRY(const uint8_t *data, size_t size)
{
	struct feedlist list, again;
	struct buf out = BUF_INIT;
	char *err = NULL;
	size_t i;
	int rc;

	rc = feedlist_read((const char *)data, size, &list, &err);
	if (rc != 0 && rc != -1)
		opml_fail("result", "neither 0 nor -1");
	if (rc == -1) {
		if (err == NULL || list.n_entries != 0)
			opml_fail("failure", "without a message, or with entries");
		if (encoding_utf8_valid_prefix(err, strlen(err)) != strlen(err))
			opml_fail("invalid UTF-8", "error message");
		free(err);
		feedlist_free(&list);
		return 0;
	}
	free(err);
	opml_check_list(&list);

	/* What was read is written as OPML and reads back the same. */
	feedlist_write_opml(&list, 0, &out);
	err = NULL;
	if (feedlist_read(out.data, out.len, &again, &err) != 0)
		opml_fail("written OPML does not read back", err);
	if (again.n_entries != list.n_entries)
		opml_fail("written OPML", "reads back with another number of feeds");
	for (i = 0; i < list.n_entries; i++) {
		if (!opml_same(list.entries[i].url, again.entries[i].url) ||
		    !opml_same(opml_title(&list.entries[i]), again.entries[i].title) ||
		    !opml_same(list.entries[i].html_url, again.entries[i].html_url))
			opml_fail("written OPML reads back differently", list.entries[i].url);
	}
	free(err);
	feedlist_free(&again);
	feedlist_free(&list);
	buf_free(&out);
	return 0;
}
