/* test-encoding.c: sniffing, the label table, decoding whole and in pieces, UTF-8 repair,
 * and the encoding-labels conformance files when the corpus is present (skipped otherwise). */
#include "config.h"

#include <iconv.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "encoding.h"
#include "test.h"
#include "xmalloc.h"

/* A byte string literal and its length, NUL bytes included. */
#define BYTES(s)	s, sizeof(s) - 1

#define FFFD		"\xef\xbf\xbd"

struct sniff_case {
	const char	*data;
	size_t		 len;
	bool		 found;
	const char	*label;
	size_t		 bom_len;
};

static const struct sniff_case sniff_cases[] = {
	{ BYTES(""), false, "", 0 },
	{ BYTES("<rss/>"), false, "", 0 },
	{ BYTES("<?xml version=\"1.0\"?><rss/>"), false, "", 0 },
	{ BYTES("<?xml-stylesheet href=\"a\" encoding=\"x\"?>"), false, "", 0 },
	{ BYTES("<?xml version=\"1.0\" encoding=\"windows_1252\"?><rss/>"), true, "windows_1252", 0 },
	{ BYTES("<?xml version='1.0' encoding='437'?>"), true, "437", 0 },
	{ BYTES("<?xml version = '1.0'\n encoding = \"ISO-8859-1\" ?>"), true, "ISO-8859-1", 0 },
	{ BYTES("<?xml encoding=\"koi8-r\" version=\"1.0\"?>"), true, "koi8-r", 0 },
	{ BYTES("\n <?xml version=\"1.0\" encoding=\"EUC-KR\"?>"), true, "EUC-KR", 0 },
	/* Cut declarations: the label is not known yet. */
	{ BYTES("<?xml version=\"1.0\" encoding=\"wind"), false, "", 0 },
	{ BYTES("<?xml version=\"1.0\" encoding="), false, "", 0 },
	{ BYTES("<?xm"), false, "", 0 },
	/* Mismatched quotes, an empty label. */
	{ BYTES("<?xml version=\"1.0\" encoding=\"utf-8'?>"), false, "", 0 },
	{ BYTES("<?xml version=\"1.0\" encoding=\"\"?>"), false, "", 0 },
	/* UTF-16 declared in a document that can only be ASCII-compatible. */
	{ BYTES("<?xml version=\"1.0\" encoding=\"UTF-16\"?>"), true, "UTF-8", 0 },
	/* Byte-order marks decide, with or without a declaration. */
	{ BYTES("\xef\xbb\xbf<rss/>"), true, "UTF-8", 3 },
	{ BYTES("\xef\xbb\xbf<?xml version=\"1.0\" encoding=\"windows-1252\"?>"), true, "UTF-8", 3 },
	{ BYTES("\xff\xfe<\0r\0"), true, "UTF-16LE", 2 },
	{ BYTES("\xfe\xff\0<\0r"), true, "UTF-16BE", 2 },
	{ BYTES("\xff\xfe\0\0<\0\0\0"), true, "UTF-32LE", 4 },
	{ BYTES("\0\0\xfe\xff\0\0\0<"), true, "UTF-32BE", 4 },
	{ BYTES("\xfe\xff\0<\0?\0x\0m\0l\0 \0e\0n\0c\0o\0d\0i\0n\0g\0=\0'\0U\0T\0F\0-\0\x31\0\x36\0'\0?\0>"),
	    true, "UTF-16BE", 2 },
	/* XML 1.0 Appendix F signatures without a byte-order mark. */
	{ BYTES("<\0?\0x\0m\0l\0 \0e\0n\0c\0o\0d\0i\0n\0g\0=\0\"\0U\0T\0F\0-\0\x31\0\x36\0\"\0?\0>\0"),
	    true, "UTF-16LE", 0 },
	{ BYTES("\0<\0?\0x\0m\0l"), true, "UTF-16BE", 0 },
	{ BYTES("\0\0\0<\0\0\0?"), true, "UTF-32BE", 0 },
	{ BYTES("<\0\0\0?\0\0\0"), true, "UTF-32LE", 0 },
	/* EBCDIC: <?xml version="1.0" encoding="cp037"?><a/> in code page 037. */
	{ BYTES("\x4c\x6f\xa7\x94\x93\x40\xa5\x85\x99\xa2\x89\x96\x95\x7e\x7f\xf1\x4b\xf0\x7f"
	    "\x40\x85\x95\x83\x96\x84\x89\x95\x87\x7e\x7f\x83\x97\xf0\xf3\xf7\x7f\x6f\x6e\x4c"
	    "\x81\x61\x6e"), true, "cp037", 0 },
	/* EBCDIC with no encoding declared: the signature's own code page. */
	{ BYTES("\x4c\x6f\xa7\x94\x93\x40\xa5\x85\x99\xa2\x89\x96\x95\x7e\x7f\xf1\x4b\xf0\x7f\x6f\x6e"),
	    true, "IBM037", 0 },
};

static void
test_sniff(void)
{
	char label[64];
	size_t bom, i;
	bool found;

	CHECK(!encoding_sniff(NULL, 0, label, sizeof label, &bom));
	CHECK_INT(bom, 0);
	CHECK_STR(label, "");
	for (i = 0; i < sizeof sniff_cases / sizeof sniff_cases[0]; i++) {
		const struct sniff_case *c = &sniff_cases[i];

		memset(label, 'x', sizeof label);
		bom = 99;
		found = encoding_sniff(c->data, c->len, label, sizeof label, &bom);
		if (found != c->found)
			fprintf(stderr, "sniff case %zu\n", i);
		CHECK(found == c->found);
		CHECK_STR(found ? label : "", c->label);
		CHECK_INT(bom, c->bom_len);
	}

	/* The label is cut to the room given. */
	CHECK(encoding_sniff(BYTES("<?xml version=\"1.0\" encoding=\"windows-1252\"?>"),
	    label, 4, &bom));
	CHECK_STR(label, "win");
}

struct label_case {
	const char	*label;
	bool		 known;
	bool		 utf8;
};

static const struct label_case label_cases[] = {
	{ "", false, false },
	{ "-_-", false, false },
	{ "no-such-charset", false, false },
	{ "UTF-8//TRANSLIT", false, false },
	{ "a-label-much-too-long-to-name-any-charset-at-all", false, false },
	{ "utf-8", true, true },
	{ "UTF8", true, true },
	{ "Unicode-1-1-UTF-8", true, true },
	{ "utf-16", true, false },
	{ "latin1", true, false },
	{ "ISO_8859-1:1987", true, false },
	{ "windows_1250", true, false },
	{ "WINDOWS-1258", true, false },
	{ "ebcdic_cp_us", true, false },
	{ "cp_is", true, false },
	{ "437", true, false },
	{ "1252", true, false },
	{ "iso-8859-15", true, false },
	{ "ISO_8859_2", true, false },
	{ "macturkish", true, false },
};

static void
test_labels(void)
{
	struct decoder *d;
	size_t i;

	CHECK(!encoding_is_utf8(NULL));
	CHECK(encoding_decoder_new(NULL) == NULL);
	encoding_decoder_free(NULL);
	d = NULL;
	encoding_decoder_free(&d);
	for (i = 0; i < sizeof label_cases / sizeof label_cases[0]; i++) {
		const struct label_case *c = &label_cases[i];

		d = encoding_decoder_new(c->label);
		if ((d != NULL) != c->known)
			fprintf(stderr, "label %s\n", c->label);
		CHECK((d != NULL) == c->known);
		CHECK(encoding_is_utf8(c->label) == c->utf8);
		encoding_decoder_free(&d);
		CHECK(d == NULL);
	}
}

struct decode_case {
	const char	*label;
	const char	*in;
	size_t		 len;
	const char	*want;
};

static const struct decode_case decode_cases[] = {
	{ "utf-8", BYTES(""), "" },
	{ "koi8-r", BYTES(""), "" },
	{ "euc-kr", BYTES(""), "" },
	/* Latin-1 and ASCII are read as windows-1252, its holes as C1 controls. */
	{ "ISO-8859-1", BYTES("\x80\xe9t\xe9"), "\xe2\x82\xac\xc3\xa9t\xc3\xa9" },
	{ "us-ascii", BYTES("\x81\x8d\x8f\x90\x9d"), "\xc2\x81\xc2\x8d\xc2\x8f\xc2\x90\xc2\x9d" },
	{ "windows-1252", BYTES("\x93q\x94"), "\xe2\x80\x9cq\xe2\x80\x9d" },
	{ "windows-1251", BYTES("\xcf\xf0\xe8"), "\xd0\x9f\xd1\x80\xd0\xb8" },
	{ "windows-1253", BYTES("a\xaa" "b"), "a" FFFD "b" },
	{ "koi8-r", BYTES("\xf0\xd2\xc9"), "\xd0\x9f\xd1\x80\xd0\xb8" },
	{ "macgreek", BYTES("\x80\xa1"), "\xc3\x84\xce\x93" },
	{ "maciceland", BYTES("\xa0\xdc"), "\xc3\x9d\xc3\x90" },
	{ "macturkish", BYTES("\xda\xdb"), "\xc4\x9e\xc4\x9f" },
	{ "cp037", BYTES("\xc1\x40\x81\x25"), "A a\n" },
	{ "Shift_JIS", BYTES("\x82\xa0\\"), "\xe3\x81\x82\\" },
	{ "EUC-JP", BYTES("\xa4\xa2"), "\xe3\x81\x82" },
	{ "GB2312", BYTES("\xc4\xe3\xba\xc3"), "\xe4\xbd\xa0\xe5\xa5\xbd" },
	{ "GBK", BYTES("\x81\x40"), "\xe4\xb8\x82" },
	{ "GB18030", BYTES("\x81\x30\x81\x30"), "\xc2\x80" },
	{ "Big5", BYTES("\xa4\xa4"), "\xe4\xb8\xad" },
	{ "EUC-KR", BYTES("\xb3\xe2"), "\xeb\x85\x84" },
	{ "UTF-16LE", BYTES("A\0\xac\x20"), "A\xe2\x82\xac" },
	{ "UTF-16BE", BYTES("\0A\x20\xac"), "A\xe2\x82\xac" },
	{ "UTF-32LE", BYTES("\xac\x20\0\0"), "\xe2\x82\xac" },
	/* windows-1258 composes a base letter with the combining mark after it. */
	{ "windows-1258", BYTES("a\xec"), "\xc3\xa1" },
	/* Invalid input becomes U+FFFD and decoding goes on. */
	{ "utf-8", BYTES("a\xff" "b\xc0\xaf"), "a" FFFD "b" FFFD FFFD },
	{ "EUC-KR", BYTES("\xff" "A\xb3\xe2"), FFFD "A\xeb\x85\x84" },
	{ "Shift_JIS", BYTES("a\x82"), "a" FFFD },
	{ "UTF-16LE", BYTES("\0\xd8" "A\0"), FFFD "A" },
	{ "UTF-16LE", BYTES("A\0B"), "A" FFFD },
};

/* Decode in pieces of step bytes (0: whole), as the feed parser does. */
static char *
decode_pieces(const char *label, const char *in, size_t len, size_t step)
{
	struct decoder *d;
	struct buf out = BUF_INIT;
	size_t pos = 0, n;

	if ((d = encoding_decoder_new(label)) == NULL)
		return NULL;
	if (step == 0)
		step = len;
	do {
		n = len - pos < step ? len - pos : step;
		encoding_decode(d, in + pos, n, pos + n == len, &out);
		pos += n;
	} while (pos < len);
	encoding_decoder_free(&d);
	return buf_detach(&out);
}

/* Decode with one split at position split. */
static char *
decode_split(const char *label, const char *in, size_t len, size_t split)
{
	struct decoder *d;
	struct buf out = BUF_INIT;

	d = encoding_decoder_new(label);
	encoding_decode(d, in, split, false, &out);
	encoding_decode(d, in + split, len - split, false, &out);
	encoding_decode(d, NULL, 0, true, &out);
	encoding_decoder_free(&d);
	return buf_detach(&out);
}

static void
test_decode(void)
{
	const struct decode_case *c;
	char *whole, *pieces;
	size_t i, split;
	bool same;

	for (i = 0; i < sizeof decode_cases / sizeof decode_cases[0]; i++) {
		c = &decode_cases[i];
		whole = decode_pieces(c->label, c->in, c->len, 0);
		if (whole == NULL || strcmp(whole, c->want) != 0)
			fprintf(stderr, "decode case %zu (%s)\n", i, c->label);
		CHECK_STR(whole, c->want);
		pieces = decode_pieces(c->label, c->in, c->len, 1);
		CHECK_STR(pieces, c->want);
		free(pieces);
		same = true;
		for (split = 0; split <= c->len; split++) {
			pieces = decode_split(c->label, c->in, c->len, split);
			if (pieces == NULL || whole == NULL || strcmp(pieces, whole) != 0)
				same = false;
			free(pieces);
		}
		CHECK(same);
		free(whole);
	}
}

/*
 * Longer texts through each multi-byte charset, built with iconv from UTF-8:
 * one byte at a time, in odd pieces, and split at every position must all
 * give back the original.
 */
static const struct {
	const char	*label;
	const char	*text;
} chunk_cases[] = {
	{ "Shift_JIS", "\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e\xe3\x81\xae\xe3\x83\x86\xe3\x82\xad"
	    "\xe3\x82\xb9\xe3\x83\x88 and ASCII, \xef\xbd\xb1\xef\xbd\xb2 half-width kana" },
	{ "EUC-JP", "\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e\xe3\x81\xae\xe3\x83\x86\xe3\x82\xad"
	    "\xe3\x82\xb9\xe3\x83\x88 <title>\xe6\x9d\xb1\xe4\xba\xac</title>" },
	{ "GB2312", "\xe4\xbd\xa0\xe5\xa5\xbd\xef\xbc\x8c\xe4\xb8\x96\xe7\x95\x8c <p>\xe4\xb8\xad"
	    "\xe6\x96\x87</p>" },
	{ "GB18030", "\xe4\xbd\xa0\xe5\xa5\xbd \xc2\x80 \xf0\x9f\x98\x80 \xe2\x82\xac end" },
	{ "Big5", "\xe4\xb8\xad\xe6\x96\x87\xe6\xb8\xac\xe8\xa9\xa6 text \xe7\xb9\x81\xe9\xab\x94" },
	{ "EUC-KR", "\xed\x95\x9c\xea\xb5\xad\xec\x96\xb4 \xeb\x85\x84 <b>\xea\xb0\x80</b>" },
	{ "UTF-16LE", "A\xe2\x82\xac \xf0\x9f\x98\x80 \xc3\xa9t\xc3\xa9" },
	{ "UTF-16BE", "A\xe2\x82\xac \xf0\x9f\x98\x80 \xc3\xa9t\xc3\xa9" },
	{ "UTF-32LE", "A\xe2\x82\xac \xf0\x9f\x98\x80" },
	{ "utf-8", "A\xe2\x82\xac \xf0\x9f\x98\x80 \xc3\xa9t\xc3\xa9" },
	{ "windows-1258", "Vi\xe1\xbb\x87t Nam, ti\xe1\xba\xbfng Vi\xe1\xbb\x87t" },
	{ "koi8-r", "\xd0\x9f\xd1\x80\xd0\xb8\xd0\xb2\xd0\xb5\xd1\x82, \xd0\xbc\xd0\xb8\xd1\x80" },
};

static char *
encode_with_iconv(const char *to, const char *text, size_t *len)
{
	iconv_t cd;
	char *in = (char *)text, *out, *outp;
	size_t inleft = strlen(text), outleft = inleft * 4 + 16;

	/* glibc names the superset charsets the label table picks. */
	if (strcmp(to, "Shift_JIS") == 0)
		to = "CP932";
	else if (strcmp(to, "EUC-KR") == 0)
		to = "UHC";
	else if (strcmp(to, "Big5") == 0)
		to = "BIG5-HKSCS";
	if ((cd = iconv_open(to, "UTF-8")) == (iconv_t)-1)
		return NULL;
	out = outp = xmalloc(outleft);
	if (iconv(cd, &in, &inleft, &outp, &outleft) == (size_t)-1) {
		free(out);
		out = NULL;
	}
	iconv_close(cd);
	*len = (size_t)(outp - out);
	return out;
}

static void
test_chunking(void)
{
	char *encoded, *got;
	size_t i, len, split, step;
	bool same;

	for (i = 0; i < sizeof chunk_cases / sizeof chunk_cases[0]; i++) {
		encoded = encode_with_iconv(chunk_cases[i].label, chunk_cases[i].text, &len);
		CHECK(encoded != NULL);
		if (encoded == NULL)
			continue;
		for (step = 0; step <= 7; step++) {
			got = decode_pieces(chunk_cases[i].label, encoded, len, step);
			if (got == NULL || strcmp(got, chunk_cases[i].text) != 0)
				fprintf(stderr, "chunk case %s, step %zu\n", chunk_cases[i].label, step);
			CHECK_STR(got, chunk_cases[i].text);
			free(got);
		}
		same = true;
		for (split = 0; split <= len; split++) {
			got = decode_split(chunk_cases[i].label, encoded, len, split);
			if (got == NULL || strcmp(got, chunk_cases[i].text) != 0)
				same = false;
			free(got);
		}
		CHECK(same);
		free(encoded);
	}
}

struct utf8_case {
	const char	*in;
	size_t		 len;
	size_t		 valid;		/* encoding_utf8_valid_prefix */
	const char	*repaired;	/* encoding_utf8_repair, final */
};

static const struct utf8_case utf8_cases[] = {
	{ BYTES(""), 0, "" },
	{ BYTES("abc"), 3, "abc" },
	{ BYTES("\xc3\xa9t\xc3\xa9"), 5, "\xc3\xa9t\xc3\xa9" },
	{ BYTES("\xf0\x9f\x98\x80"), 4, "\xf0\x9f\x98\x80" },
	{ BYTES("\xf4\x8f\xbf\xbf"), 4, "\xf4\x8f\xbf\xbf" },
	{ BYTES("\xed\x9f\xbf"), 3, "\xed\x9f\xbf" },
	{ BYTES("a\0b"), 3, "a" },
	/* Sixteen-byte ASCII runs on either side of a two-byte character. */
	{ BYTES("0123456789abcdef0123456789abcdef\xc3\xa9" "0123456789abcdef"), 50,
	    "0123456789abcdef0123456789abcdef\xc3\xa9" "0123456789abcdef" },
	{ BYTES("0123456789abcdef0123456789\xff" "abcdef"), 26,
	    "0123456789abcdef0123456789" FFFD "abcdef" },
	/* Overlong forms. */
	{ BYTES("\xc0\x80"), 0, FFFD FFFD },
	{ BYTES("\xc1\xbf"), 0, FFFD FFFD },
	{ BYTES("\xe0\x80\x80"), 0, FFFD FFFD FFFD },
	{ BYTES("\xf0\x80\x80\x80"), 0, FFFD FFFD FFFD FFFD },
	/* Surrogates, beyond U+10FFFF, bytes that never occur. */
	{ BYTES("\xed\xa0\x80"), 0, FFFD FFFD FFFD },
	{ BYTES("\xf4\x90\x80\x80"), 0, FFFD FFFD FFFD FFFD },
	{ BYTES("\xf5\x80\x80\x80"), 0, FFFD FFFD FFFD FFFD },
	{ BYTES("x\xfe\xff"), 1, "x" FFFD FFFD },
	/* A stray continuation byte, a lead byte with no continuation. */
	{ BYTES("a\x80" "b"), 1, "a" FFFD "b" },
	{ BYTES("a\xc3" "b"), 1, "a" FFFD "b" },
	/* A sequence cut at the end counts as invalid. */
	{ BYTES("a\xe2\x82"), 1, "a" FFFD FFFD },
	{ BYTES("\xf0\x9f\x98"), 0, FFFD FFFD FFFD },
};

static char *
repair_pieces(const char *in, size_t len, size_t step)
{
	struct utf8_repair r = { { 0 }, 0 };
	struct buf out = BUF_INIT;
	size_t pos = 0, n;

	if (step == 0)
		step = len;
	do {
		n = len - pos < step ? len - pos : step;
		encoding_utf8_repair(&r, in + pos, n, pos + n == len, &out);
		pos += n;
	} while (pos < len);
	return buf_detach(&out);
}

static void
test_utf8(void)
{
	const struct utf8_case *c;
	struct utf8_repair r = { { 0 }, 0 };
	struct buf out = BUF_INIT;
	char *got;
	size_t i, step;

	CHECK_INT(encoding_utf8_valid_prefix(NULL, 0), 0);
	encoding_utf8_repair(&r, NULL, 0, true, &out);
	CHECK_STR(buf_str(&out), "");
	buf_free(&out);

	for (i = 0; i < sizeof utf8_cases / sizeof utf8_cases[0]; i++) {
		c = &utf8_cases[i];
		CHECK_INT(encoding_utf8_valid_prefix(c->in, c->len), c->valid);
		for (step = 0; step <= 5; step++) {
			got = repair_pieces(c->in, c->len, step);
			/* Compare up to a NUL in the input. */
			if (strcmp(got, c->repaired) != 0)
				fprintf(stderr, "utf8 case %zu, step %zu\n", i, step);
			CHECK_STR(got, c->repaired);
			free(got);
		}
	}

	/* A cut sequence is held, not replaced, until the input goes on or ends. */
	encoding_utf8_repair(&r, "a\xe2\x82", 3, false, &out);
	CHECK_STR(buf_str(&out), "a");
	CHECK_INT(r.npending, 2);
	encoding_utf8_repair(&r, "\xac", 1, false, &out);
	CHECK_STR(buf_str(&out), "a\xe2\x82\xac");
	CHECK_INT(r.npending, 0);
	encoding_utf8_repair(&r, "\xf0", 1, false, &out);
	encoding_utf8_repair(&r, NULL, 0, true, &out);
	CHECK_STR(buf_str(&out), "a\xe2\x82\xac" FFFD);
	CHECK_INT(r.npending, 0);
	buf_free(&out);
}

/* The byte 0x80 in each label of the encoding-labels corpus, decoded. */
static const struct {
	const char	*file;
	const char	*title;
} label_files[] = {
	{ "437.xml", "\xc3\x87" },
	{ "850.xml", "\xc3\x87" },
	{ "852.xml", "\xc3\x87" },
	{ "855.xml", "\xd1\x92" },
	{ "857.xml", "\xc3\x87" },
	{ "860.xml", "\xc3\x87" },
	{ "861.xml", "\xc3\x87" },
	{ "862.xml", "\xd7\x90" },
	{ "863.xml", "\xc3\x87" },
	{ "865.xml", "\xc3\x87" },
	{ "866.xml", "\xd0\x90" },
	{ "cp037.xml", "\xc3\x98" },
	{ "cp1125.xml", "\xd0\x90" },
	{ "cp1250.xml", "\xe2\x82\xac" },
	{ "cp1251.xml", "\xd0\x82" },
	{ "cp1252.xml", "\xe2\x82\xac" },
	{ "cp1253.xml", "\xe2\x82\xac" },
	{ "cp1254.xml", "\xe2\x82\xac" },
	{ "cp1255.xml", "\xe2\x82\xac" },
	{ "cp1256.xml", "\xe2\x82\xac" },
	{ "cp1257.xml", "\xe2\x82\xac" },
	{ "cp1258.xml", "\xe2\x82\xac" },
	{ "cp437.xml", "\xc3\x87" },
	{ "cp500.xml", "\xc3\x98" },
	{ "cp737.xml", "\xce\x91" },
	{ "cp775.xml", "\xc4\x86" },
	{ "cp850.xml", "\xc3\x87" },
	{ "cp852.xml", "\xc3\x87" },
	{ "cp855.xml", "\xd1\x92" },
	{ "cp856.xml", "\xd7\x90" },
	{ "cp857.xml", "\xc3\x87" },
	{ "cp860.xml", "\xc3\x87" },
	{ "cp861.xml", "\xc3\x87" },
	{ "cp862.xml", "\xd7\x90" },
	{ "cp863.xml", "\xc3\x87" },
	{ "cp864.xml", "\xc2\xb0" },
	{ "cp865.xml", "\xc3\x87" },
	{ "cp866.xml", "\xd0\x90" },
	{ "cp874.xml", "\xe2\x82\xac" },
	{ "cp875.xml", "\xce\x85" },
	{ "cp_is.xml", "\xc3\x87" },
	{ "csibm037.xml", "\xc3\x98" },
	{ "csibm500.xml", "\xc3\x98" },
	{ "csibm855.xml", "\xd1\x92" },
	{ "csibm857.xml", "\xc3\x87" },
	{ "csibm860.xml", "\xc3\x87" },
	{ "csibm861.xml", "\xc3\x87" },
	{ "csibm863.xml", "\xc3\x87" },
	{ "csibm864.xml", "\xc2\xb0" },
	{ "csibm865.xml", "\xc3\x87" },
	{ "csibm866.xml", "\xd0\x90" },
	{ "cskoi8r.xml", "\xe2\x94\x80" },
	{ "cspc775baltic.xml", "\xc4\x86" },
	{ "cspc850multilingual.xml", "\xc3\x87" },
	{ "cspc862latinhebrew.xml", "\xd7\x90" },
	{ "cspc8codepage437.xml", "\xc3\x87" },
	{ "cspcp852.xml", "\xc3\x87" },
	{ "ebcdic-cp-be.xml", "\xc3\x98" },
	{ "ebcdic-cp-ca.xml", "\xc3\x98" },
	{ "ebcdic-cp-ch.xml", "\xc3\x98" },
	{ "ebcdic-cp-nl.xml", "\xc3\x98" },
	{ "ebcdic-cp-us.xml", "\xc3\x98" },
	{ "ebcdic-cp-wt.xml", "\xc3\x98" },
	{ "ebcdic_cp_be.xml", "\xc3\x98" },
	{ "ebcdic_cp_ca.xml", "\xc3\x98" },
	{ "ebcdic_cp_ch.xml", "\xc3\x98" },
	{ "ebcdic_cp_nl.xml", "\xc3\x98" },
	{ "ebcdic_cp_us.xml", "\xc3\x98" },
	{ "ebcdic_cp_wt.xml", "\xc3\x98" },
	{ "ibm037.xml", "\xc3\x98" },
	{ "ibm039.xml", "\xc3\x98" },
	{ "ibm1140.xml", "\xc3\x98" },
	{ "ibm437.xml", "\xc3\x87" },
	{ "ibm500.xml", "\xc3\x98" },
	{ "ibm775.xml", "\xc4\x86" },
	{ "ibm850.xml", "\xc3\x87" },
	{ "ibm852.xml", "\xc3\x87" },
	{ "ibm855.xml", "\xd1\x92" },
	{ "ibm857.xml", "\xc3\x87" },
	{ "ibm860.xml", "\xc3\x87" },
	{ "ibm861.xml", "\xc3\x87" },
	{ "ibm862.xml", "\xd7\x90" },
	{ "ibm863.xml", "\xc3\x87" },
	{ "ibm864.xml", "\xc2\xb0" },
	{ "ibm865.xml", "\xc3\x87" },
	{ "ibm866.xml", "\xd0\x90" },
	{ "koi8-r.xml", "\xe2\x94\x80" },
	{ "koi8-t.xml", "\xd2\x9b" },
	{ "koi8-u.xml", "\xe2\x94\x80" },
	{ "mac-cyrillic.xml", "\xd0\x90" },
	{ "maccentraleurope.xml", "\xc3\x84" },
	{ "maccyrillic.xml", "\xd0\x90" },
	{ "macgreek.xml", "\xc3\x84" },
	{ "maciceland.xml", "\xc3\x84" },
	{ "macintosh.xml", "\xc3\x84" },
	{ "maclatin2.xml", "\xc3\x84" },
	{ "macroman.xml", "\xc3\x84" },
	{ "macturkish.xml", "\xc3\x84" },
	{ "windows-1250.xml", "\xe2\x82\xac" },
	{ "windows-1251.xml", "\xd0\x82" },
	{ "windows-1252.xml", "\xe2\x82\xac" },
	{ "windows-1253.xml", "\xe2\x82\xac" },
	{ "windows-1254.xml", "\xe2\x82\xac" },
	{ "windows-1255.xml", "\xe2\x82\xac" },
	{ "windows-1256.xml", "\xe2\x82\xac" },
	{ "windows-1257.xml", "\xe2\x82\xac" },
	{ "windows-1258.xml", "\xe2\x82\xac" },
	{ "windows_1250.xml", "\xe2\x82\xac" },
	{ "windows_1251.xml", "\xd0\x82" },
	{ "windows_1252.xml", "\xe2\x82\xac" },
	{ "windows_1253.xml", "\xe2\x82\xac" },
	{ "windows_1254.xml", "\xe2\x82\xac" },
	{ "windows_1255.xml", "\xe2\x82\xac" },
	{ "windows_1256.xml", "\xe2\x82\xac" },
	{ "windows_1257.xml", "\xe2\x82\xac" },
	{ "windows_1258.xml", "\xe2\x82\xac" },
};

/*
 * The encoding corpus: EUC-KR, and characters U+0080 to U+009F that must come
 * through decoding untouched (the parser maps them to windows-1252 later).
 */
static const struct {
	const char	*file;
	const char	*text;
} encoding_files[] = {
	{ "demoronize-1.xml", "don\xc2\x92t" },
	{ "demoronize-2.xml", "don&#146;t" },
	{ "demoronize-3.xml", "don&amp;#146;t" },
	{ "euc-kr-attribute.xml", "\xeb\x85\x84" },
	{ "euc-kr-item.xml", "\xeb\x85\x84" },
	{ "euc-kr.xml", "\xeb\x85\x84" },
};

static char *
read_file(const char *path, size_t *len)
{
	FILE *f;
	struct buf b = BUF_INIT;
	char chunk[4096];
	size_t n;

	if ((f = fopen(path, "rb")) == NULL)
		return NULL;
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		buf_append(&b, chunk, n);
	fclose(f);
	*len = b.len;
	return buf_detach(&b);
}

/*
 * Sniff, decode (whole and in 7-byte pieces) and look for the expected text.
 * Returns true when the file decodes to it; false when it does not or is missing.
 */
static bool
check_corpus_file(const char *dir, const char *file, const char *expected,
    bool title, bool label_is_name)
{
	char *path, *data, *whole, *pieces, *want, label[64];
	size_t len, bom;
	bool ok;

	path = xasprintf("%s/%s", dir, file);
	data = read_file(path, &len);
	free(path);
	if (data == NULL) {
		fprintf(stderr, "missing corpus file %s\n", file);
		CHECK(data != NULL);
		return false;
	}
	if (!encoding_sniff(data, len, label, sizeof label, &bom))
		snprintf(label, sizeof label, "UTF-8");
	if (label_is_name) {
		/* The file is named after the label it declares. */
		CHECK(strlen(label) + 4 == strlen(file) &&
		    strncmp(label, file, strlen(label)) == 0);
	}
	whole = decode_pieces(label, data + bom, len - bom, 0);
	pieces = decode_pieces(label, data + bom, len - bom, 7);
	want = title ? xasprintf("<title>%s</title>", expected) : xstrdup(expected);
	ok = whole != NULL && strstr(whole, want) != NULL;
	if (!ok)
		fprintf(stderr, "%s (label %s): %s not found\n", file, label, expected);
	CHECK(ok);
	CHECK_STR(pieces, whole);
	free(want);
	free(whole);
	free(pieces);
	free(data);
	return ok;
}

static void
test_corpus(void)
{
	const char *top = getenv("top_srcdir");
	char *labels_dir, *encoding_dir;
	size_t i, n, good = 0;
	FILE *probe;
	char *probe_path;

	if (top == NULL || *top == '\0')
		top = ".";
	labels_dir = xasprintf("%s/../shared/conformance/cases/encoding-labels", top);
	encoding_dir = xasprintf("%s/../shared/conformance/cases/encoding", top);
	probe_path = xasprintf("%s/%s", labels_dir, label_files[0].file);
	probe = fopen(probe_path, "rb");
	free(probe_path);
	if (probe == NULL) {
		printf("conformance corpus not found: skipping its checks\n");
		goto out;
	}
	fclose(probe);

	n = sizeof label_files / sizeof label_files[0];
	for (i = 0; i < n; i++) {
		if (check_corpus_file(labels_dir, label_files[i].file, label_files[i].title,
		    true, true))
			good++;
	}
	printf("conformance encoding-labels: %zu of %zu decode to the expected title\n",
	    good, n);
	good = 0;
	n = sizeof encoding_files / sizeof encoding_files[0];
	for (i = 0; i < n; i++) {
		if (check_corpus_file(encoding_dir, encoding_files[i].file,
		    encoding_files[i].text, false, false))
			good++;
	}
	printf("conformance encoding: %zu of %zu decode to the expected text\n", good, n);
out:
	free(labels_dir);
	free(encoding_dir);
}

int
main(void)
{
	test_sniff();
	test_labels();
	test_decode();
	test_chunking();
	test_utf8();
	test_corpus();
	return test_done();
}
