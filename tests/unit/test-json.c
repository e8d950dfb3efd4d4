/* test-json.c: the JSON writer: escaping of controls, C1 and bidi
 * characters, invalid UTF-8, nesting and commas, empty containers, member
 * order, and JSON Lines framing. */
#include "config.h"

#include <stdlib.h>

#include "date.h"
#include "json.h"
#include "test.h"

/* s written as one top-level JSON string, without the newline. */
static char *
string_json(const char *s)
{
	struct buf out = BUF_INIT;
	struct json_writer w;

	json_writer_init(&w, &out);
	json_string(&w, s);
	json_writer_free(&w);
	if (out.len > 0 && out.data[out.len - 1] == '\n')
		out.data[--out.len] = '\0';
	return buf_detach(&out);
}

#define CHECK_JSON_STRING(in, want) do { \
	char *got_json_ = string_json(in); \
	CHECK_STR(got_json_, want); \
	free(got_json_); \
} while (0)

static void
test_escapes(void)
{
	CHECK_JSON_STRING("plain", "\"plain\"");
	CHECK_JSON_STRING("", "\"\"");
	CHECK_JSON_STRING(NULL, "null");
	CHECK_JSON_STRING("a\"b\\c/d", "\"a\\\"b\\\\c/d\"");
	CHECK_JSON_STRING("\n\t\r", "\"\\n\\t\\r\"");
	/* Every other C0 control as \u00XX, DEL too. */
	CHECK_JSON_STRING("\x01\x08\x0c\x1b[2J\x1f\x7f",
	    "\"\\u0001\\u0008\\u000c\\u001b[2J\\u001f\\u007f\"");
}

static void
test_every_c0(void)
{
	char in[2] = { 0, 0 }, want[16], *got;
	int c, bad = 0;

	for (c = 1; c < 0x20; c++) {
		in[0] = (char)c;
		got = string_json(in);
		if (c == '\n' || c == '\t' || c == '\r')
			snprintf(want, sizeof(want), "\"\\%c\"", c == '\n' ? 'n' : c == '\t' ? 't' : 'r');
		else
			snprintf(want, sizeof(want), "\"\\u%04x\"", c);
		if (strcmp(got, want) != 0) {
			fprintf(stderr, "control 0x%02x: got %s\n", c, got);
			bad++;
		}
		free(got);
	}
	CHECK_INT(bad, 0);
}

static void
test_c1_and_bidi(void)
{
	/* C1: U+0080, the DCS U+0090, the CSI U+009B, the OSC U+009D, U+009F. */
	CHECK_JSON_STRING("a\xc2\x80" "b", "\"a\\u0080b\"");
	CHECK_JSON_STRING("\xc2\x90\xc2\x9b\xc2\x9d\xc2\x9f",
	    "\"\\u0090\\u009b\\u009d\\u009f\"");
	/* The first character past C1 is itself. */
	CHECK_JSON_STRING("\xc2\xa0", "\"\xc2\xa0\"");
	/* Embeddings and overrides U+202A..U+202E, isolates U+2066..U+2069. */
	CHECK_JSON_STRING("\xe2\x80\xaa\xe2\x80\xab\xe2\x80\xac\xe2\x80\xad\xe2\x80\xae",
	    "\"\\u202a\\u202b\\u202c\\u202d\\u202e\"");
	CHECK_JSON_STRING("x\xe2\x81\xa6\xe2\x81\xa7\xe2\x81\xa8\xe2\x81\xa9y",
	    "\"x\\u2066\\u2067\\u2068\\u2069y\"");
	/* Their neighbours are not controls. */
	CHECK_JSON_STRING("\xe2\x80\xa9\xe2\x80\xaf\xe2\x81\xa5\xe2\x81\xaa",
	    "\"\xe2\x80\xa9\xe2\x80\xaf\xe2\x81\xa5\xe2\x81\xaa\"");
	/* Other text past ASCII is copied as it is. */
	CHECK_JSON_STRING("caf\xc3\xa9 \xe6\x97\xa5\xe6\x9c\xac \xf0\x9f\x98\x80",
	    "\"caf\xc3\xa9 \xe6\x97\xa5\xe6\x9c\xac \xf0\x9f\x98\x80\"");
}

static void
test_invalid_utf8(void)
{
	/* A stray continuation byte, a lone lead byte, an overlong form, a
	 * surrogate, a code point past U+10FFFF, a cut sequence: each bad byte
	 * becomes one U+FFFD, and the text around it stays. */
	CHECK_JSON_STRING("a\x80z", "\"a\xef\xbf\xbdz\"");
	CHECK_JSON_STRING("a\xc3z", "\"a\xef\xbf\xbdz\"");
	CHECK_JSON_STRING("\xc0\xaf", "\"\xef\xbf\xbd\xef\xbf\xbd\"");
	CHECK_JSON_STRING("\xed\xa0\x80", "\"\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\"");
	CHECK_JSON_STRING("\xf4\x90\x80\x80",
	    "\"\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\"");
	CHECK_JSON_STRING("end\xe2\x82", "\"end\xef\xbf\xbd\xef\xbf\xbd\"");
	/* A C1 control written as invalid UTF-8 (windows-1252 bytes) is no
	 * escape route: the byte is replaced. */
	CHECK_JSON_STRING("\x9b" "2J", "\"\xef\xbf\xbd" "2J\"");
	CHECK_JSON_STRING("\xff\xfe", "\"\xef\xbf\xbd\xef\xbf\xbd\"");
}

static void
test_values_and_order(void)
{
	struct buf out = BUF_INIT;
	struct json_writer w;

	json_writer_init(&w, &out);
	json_begin_object(&w);
	json_member_string(&w, "z", "last letter first");
	json_member_int(&w, "a", -42);
	json_member_int(&w, "big", INT64_MAX);
	json_member_bool(&w, "t", true);
	json_member_bool(&w, "f", false);
	json_key(&w, "n");
	json_null(&w);
	json_member_string(&w, "s", NULL);
	json_member_date(&w, "d", 0);
	json_member_date(&w, "none", DATE_NONE);
	json_member_string(&w, "k\"e\ny", "v");
	json_end_object(&w);
	CHECK_STR(buf_str(&out), "{\"z\":\"last letter first\",\"a\":-42,"
	    "\"big\":9223372036854775807,\"t\":true,\"f\":false,\"n\":null,\"s\":null,"
	    "\"d\":\"1970-01-01T00:00:00Z\",\"none\":null,\"k\\\"e\\ny\":\"v\"}\n");
	CHECK_INT(w.depth, 0);
	json_writer_free(&w);
	buf_free(&out);
}

static void
test_empty_and_lines(void)
{
	struct buf out = BUF_INIT;
	struct json_writer w;

	json_writer_init(&w, &out);
	json_begin_object(&w);
	json_end_object(&w);
	json_begin_array(&w);
	json_end_array(&w);
	json_begin_object(&w);
	json_key(&w, "a");
	json_begin_array(&w);
	json_end_array(&w);
	json_key(&w, "o");
	json_begin_object(&w);
	json_end_object(&w);
	json_end_object(&w);
	json_int(&w, 7);
	/* Each top-level value is a line of its own. */
	CHECK_STR(buf_str(&out), "{}\n[]\n{\"a\":[],\"o\":{}}\n7\n");
	json_writer_free(&w);
	buf_free(&out);
}

static void
test_arrays(void)
{
	struct buf out = BUF_INIT;
	struct json_writer w;

	json_writer_init(&w, &out);
	json_begin_array(&w);
	json_string(&w, "a");
	json_int(&w, 1);
	json_begin_object(&w);
	json_member_string(&w, "k", "v");
	json_end_object(&w);
	json_begin_array(&w);
	json_null(&w);
	json_end_array(&w);
	json_bool(&w, false);
	json_end_array(&w);
	CHECK_STR(buf_str(&out), "[\"a\",1,{\"k\":\"v\"},[null],false]\n");
	json_writer_free(&w);
	buf_free(&out);
}

/* Deep nesting: the writer keeps a level per container, with no limit of
 * its own, and closes each in order. */
static void
test_deep_nesting(void)
{
	enum { DEPTH = 10000 };
	struct buf out = BUF_INIT;
	struct json_writer w;
	size_t i;
	bool ok = true;

	json_writer_init(&w, &out);
	for (i = 0; i < DEPTH; i++) {
		if (i % 2 == 0)
			json_begin_array(&w);
		else {
			json_begin_object(&w);
			json_key(&w, "k");
		}
	}
	CHECK_INT(w.depth, DEPTH);
	json_string(&w, "deep");
	for (i = DEPTH; i-- > 0; ) {
		if (i % 2 == 0)
			json_end_array(&w);
		else
			json_end_object(&w);
	}
	CHECK_INT(w.depth, 0);
	/* "[{"k":" per two levels, then the value, then "}]" per two. */
	CHECK_INT(out.len, (DEPTH / 2) * 6 + 6 + (DEPTH / 2) * 2 + 1);
	for (i = 0; i < DEPTH / 2 && ok; i++)
		ok = memcmp(out.data + i * 6, "[{\"k\":", 6) == 0;
	CHECK(ok);
	CHECK(memcmp(out.data + (DEPTH / 2) * 6, "\"deep\"", 6) == 0);
	CHECK(strcmp(out.data + out.len - 3, "}]\n") == 0);
	json_writer_free(&w);
	buf_free(&out);
}

/* The writer appends: what the buffer held stays. */
static void
test_appends(void)
{
	struct buf out = BUF_INIT;
	struct json_writer w;

	buf_append_str(&out, "before ");
	json_writer_init(&w, &out);
	json_begin_object(&w);
	json_member_string(&w, "x", "\xe2\x80\xae" "evil");
	json_end_object(&w);
	CHECK_STR(buf_str(&out), "before {\"x\":\"\\u202eevil\"}\n");
	json_writer_free(&w);
	buf_free(&out);
}

int
main(void)
{
	test_escapes();
	test_every_c0();
	test_c1_and_bidi();
	test_invalid_utf8();
	test_values_and_order();
	test_empty_and_lines();
	test_arrays();
	test_deep_nesting();
	test_appends();
	return test_done();
}
