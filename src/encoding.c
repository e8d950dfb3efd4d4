/* encoding.c: charset sniffing, the label table, and conversion of any charset to valid UTF-8.
 * No XML parsing beyond reading the XML declaration; markup repair lives in repair.c. */
#include "config.h"

#include <errno.h>
#include <iconv.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ascii.h"
#include "buf.h"
#include "encoding.h"
#include "xmalloc.h"

/* U+FFFD REPLACEMENT CHARACTER, what every undecodable byte becomes. */
#define REPLACEMENT	"\xef\xbf\xbd"
#define REPLACEMENT_LEN	3

/* How much of the document start is read for the XML declaration. */
#define SNIFF_CHARS	512

/* Labels longer than this are nobody's charset. */
#define LABEL_MAX	40

/*
 * Charsets glibc's iconv lacks or gets wrong, as the upper halves (bytes 0x80
 * to 0xFF) of single-byte tables; the lower halves are ASCII. The Mac tables
 * follow Apple's published mappings (glibc has no Mac Greek or Mac Turkish,
 * and its MAC-IS is an older Icelandic table with holes).
 */
enum builtin {
	BUILTIN_NONE,
	BUILTIN_WINDOWS_1252,
	BUILTIN_MAC_GREEK,
	BUILTIN_MAC_ICELAND,
	BUILTIN_MAC_TURKISH
};

/*
 * windows-1252 as the WHATWG Encoding Standard defines it for the labels
 * ISO-8859-1, latin1 and US-ASCII: bytes 0x80 to 0x9F, the rest is Latin-1.
 * The five bytes windows-1252 leaves undefined (81 8D 8F 90 9D) decode to the
 * C1 control of the same number, not to U+FFFD.
 */
static const uint16_t windows_1252[32] = {
	0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
	0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
	0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
	0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
};

static const uint16_t mac_greek[128] = {
	0x00C4, 0x00B9, 0x00B2, 0x00C9, 0x00B3, 0x00D6, 0x00DC, 0x0385,
	0x00E0, 0x00E2, 0x00E4, 0x0384, 0x00A8, 0x00E7, 0x00E9, 0x00E8,
	0x00EA, 0x00EB, 0x00A3, 0x2122, 0x00EE, 0x00EF, 0x2022, 0x00BD,
	0x2030, 0x00F4, 0x00F6, 0x00A6, 0x20AC, 0x00F9, 0x00FB, 0x00FC,
	0x2020, 0x0393, 0x0394, 0x0398, 0x039B, 0x039E, 0x03A0, 0x00DF,
	0x00AE, 0x00A9, 0x03A3, 0x03AA, 0x00A7, 0x2260, 0x00B0, 0x00B7,
	0x0391, 0x00B1, 0x2264, 0x2265, 0x00A5, 0x0392, 0x0395, 0x0396,
	0x0397, 0x0399, 0x039A, 0x039C, 0x03A6, 0x03AB, 0x03A8, 0x03A9,
	0x03AC, 0x039D, 0x00AC, 0x039F, 0x03A1, 0x2248, 0x03A4, 0x00AB,
	0x00BB, 0x2026, 0x00A0, 0x03A5, 0x03A7, 0x0386, 0x0388, 0x0153,
	0x2013, 0x2015, 0x201C, 0x201D, 0x2018, 0x2019, 0x00F7, 0x0389,
	0x038A, 0x038C, 0x038E, 0x03AD, 0x03AE, 0x03AF, 0x03CC, 0x038F,
	0x03CD, 0x03B1, 0x03B2, 0x03C8, 0x03B4, 0x03B5, 0x03C6, 0x03B3,
	0x03B7, 0x03B9, 0x03BE, 0x03BA, 0x03BB, 0x03BC, 0x03BD, 0x03BF,
	0x03C0, 0x03CE, 0x03C1, 0x03C3, 0x03C4, 0x03B8, 0x03C9, 0x03C2,
	0x03C7, 0x03C5, 0x03B6, 0x03CA, 0x03CB, 0x0390, 0x03B0, 0x00AD,
};

static const uint16_t mac_iceland[128] = {
	0x00C4, 0x00C5, 0x00C7, 0x00C9, 0x00D1, 0x00D6, 0x00DC, 0x00E1,
	0x00E0, 0x00E2, 0x00E4, 0x00E3, 0x00E5, 0x00E7, 0x00E9, 0x00E8,
	0x00EA, 0x00EB, 0x00ED, 0x00EC, 0x00EE, 0x00EF, 0x00F1, 0x00F3,
	0x00F2, 0x00F4, 0x00F6, 0x00F5, 0x00FA, 0x00F9, 0x00FB, 0x00FC,
	0x00DD, 0x00B0, 0x00A2, 0x00A3, 0x00A7, 0x2022, 0x00B6, 0x00DF,
	0x00AE, 0x00A9, 0x2122, 0x00B4, 0x00A8, 0x2260, 0x00C6, 0x00D8,
	0x221E, 0x00B1, 0x2264, 0x2265, 0x00A5, 0x00B5, 0x2202, 0x2211,
	0x220F, 0x03C0, 0x222B, 0x00AA, 0x00BA, 0x03A9, 0x00E6, 0x00F8,
	0x00BF, 0x00A1, 0x00AC, 0x221A, 0x0192, 0x2248, 0x2206, 0x00AB,
	0x00BB, 0x2026, 0x00A0, 0x00C0, 0x00C3, 0x00D5, 0x0152, 0x0153,
	0x2013, 0x2014, 0x201C, 0x201D, 0x2018, 0x2019, 0x00F7, 0x25CA,
	0x00FF, 0x0178, 0x2044, 0x20AC, 0x00D0, 0x00F0, 0x00DE, 0x00FE,
	0x00FD, 0x00B7, 0x201A, 0x201E, 0x2030, 0x00C2, 0x00CA, 0x00C1,
	0x00CB, 0x00C8, 0x00CD, 0x00CE, 0x00CF, 0x00CC, 0x00D3, 0x00D4,
	0xF8FF, 0x00D2, 0x00DA, 0x00DB, 0x00D9, 0x0131, 0x02C6, 0x02DC,
	0x00AF, 0x02D8, 0x02D9, 0x02DA, 0x00B8, 0x02DD, 0x02DB, 0x02C7,
};

static const uint16_t mac_turkish[128] = {
	0x00C4, 0x00C5, 0x00C7, 0x00C9, 0x00D1, 0x00D6, 0x00DC, 0x00E1,
	0x00E0, 0x00E2, 0x00E4, 0x00E3, 0x00E5, 0x00E7, 0x00E9, 0x00E8,
	0x00EA, 0x00EB, 0x00ED, 0x00EC, 0x00EE, 0x00EF, 0x00F1, 0x00F3,
	0x00F2, 0x00F4, 0x00F6, 0x00F5, 0x00FA, 0x00F9, 0x00FB, 0x00FC,
	0x2020, 0x00B0, 0x00A2, 0x00A3, 0x00A7, 0x2022, 0x00B6, 0x00DF,
	0x00AE, 0x00A9, 0x2122, 0x00B4, 0x00A8, 0x2260, 0x00C6, 0x00D8,
	0x221E, 0x00B1, 0x2264, 0x2265, 0x00A5, 0x00B5, 0x2202, 0x2211,
	0x220F, 0x03C0, 0x222B, 0x00AA, 0x00BA, 0x03A9, 0x00E6, 0x00F8,
	0x00BF, 0x00A1, 0x00AC, 0x221A, 0x0192, 0x2248, 0x2206, 0x00AB,
	0x00BB, 0x2026, 0x00A0, 0x00C0, 0x00C3, 0x00D5, 0x0152, 0x0153,
	0x2013, 0x2014, 0x201C, 0x201D, 0x2018, 0x2019, 0x00F7, 0x25CA,
	0x00FF, 0x0178, 0x011E, 0x011F, 0x0130, 0x0131, 0x015E, 0x015F,
	0x2021, 0x00B7, 0x201A, 0x201E, 0x2030, 0x00C2, 0x00CA, 0x00C1,
	0x00CB, 0x00C8, 0x00CD, 0x00CE, 0x00CF, 0x00CC, 0x00D3, 0x00D4,
	0xF8FF, 0x00D2, 0x00DA, 0x00DB, 0x00D9, 0xF8A0, 0x02C6, 0x02DC,
	0x00AF, 0x02D8, 0x02D9, 0x02DA, 0x00B8, 0x02DD, 0x02DB, 0x02C7,
};

/*
 * Labels seen in feeds, keyed by their folded form (lower-case letters and
 * digits only, so "Windows_1250", "windows-1250" and "WINDOWS1250" meet), to
 * the name glibc's iconv knows, or to a built-in table. Labels not listed
 * here are handed to iconv as written. Sorted by key for bsearch.
 *
 * Where the WHATWG Encoding Standard decodes a label with a superset, so do
 * we, because feeds declare the subset and use the superset: GB2312 and GBK
 * as GB18030, Big5 as Big5-HKSCS, Shift_JIS as Windows-31J (which also keeps
 * 0x5C a backslash), EUC-KR as Unified Hangul Code, TIS-620 as windows-874.
 */
struct charset {
	const char	*key;
	const char	*iconv_name;
	enum builtin	 builtin;
};

static const struct charset charsets[] = {
	{ "ansix341968", NULL, BUILTIN_WINDOWS_1252 },
	{ "ansix341986", NULL, BUILTIN_WINDOWS_1252 },
	{ "ascii", NULL, BUILTIN_WINDOWS_1252 },
	{ "big5", "BIG5-HKSCS", BUILTIN_NONE },
	{ "big5hkscs", "BIG5-HKSCS", BUILTIN_NONE },
	{ "chinese", "GB18030", BUILTIN_NONE },
	{ "cnbig5", "BIG5-HKSCS", BUILTIN_NONE },
	{ "cp037", "IBM037", BUILTIN_NONE },
	{ "cp1026", "IBM1026", BUILTIN_NONE },
	{ "cp1125", "CP1125", BUILTIN_NONE },
	{ "cp1140", "IBM1140", BUILTIN_NONE },
	{ "cp1250", "WINDOWS-1250", BUILTIN_NONE },
	{ "cp1251", "WINDOWS-1251", BUILTIN_NONE },
	{ "cp1252", NULL, BUILTIN_WINDOWS_1252 },
	{ "cp1253", "WINDOWS-1253", BUILTIN_NONE },
	{ "cp1254", "WINDOWS-1254", BUILTIN_NONE },
	{ "cp1255", "WINDOWS-1255", BUILTIN_NONE },
	{ "cp1256", "WINDOWS-1256", BUILTIN_NONE },
	{ "cp1257", "WINDOWS-1257", BUILTIN_NONE },
	{ "cp1258", "WINDOWS-1258", BUILTIN_NONE },
	{ "cp273", "IBM273", BUILTIN_NONE },
	{ "cp367", NULL, BUILTIN_WINDOWS_1252 },
	{ "cp437", "IBM437", BUILTIN_NONE },
	{ "cp500", "IBM500", BUILTIN_NONE },
	{ "cp737", "CP737", BUILTIN_NONE },
	{ "cp775", "IBM775", BUILTIN_NONE },
	{ "cp819", NULL, BUILTIN_WINDOWS_1252 },
	{ "cp850", "IBM850", BUILTIN_NONE },
	{ "cp852", "IBM852", BUILTIN_NONE },
	{ "cp855", "IBM855", BUILTIN_NONE },
	{ "cp856", "IBM856", BUILTIN_NONE },
	{ "cp857", "IBM857", BUILTIN_NONE },
	{ "cp858", "IBM858", BUILTIN_NONE },
	{ "cp860", "IBM860", BUILTIN_NONE },
	{ "cp861", "IBM861", BUILTIN_NONE },
	{ "cp862", "IBM862", BUILTIN_NONE },
	{ "cp863", "IBM863", BUILTIN_NONE },
	{ "cp864", "IBM864", BUILTIN_NONE },
	{ "cp865", "IBM865", BUILTIN_NONE },
	{ "cp866", "IBM866", BUILTIN_NONE },
	{ "cp869", "IBM869", BUILTIN_NONE },
	{ "cp874", "WINDOWS-874", BUILTIN_NONE },
	{ "cp875", "IBM875", BUILTIN_NONE },
	{ "cp932", "CP932", BUILTIN_NONE },
	{ "cp936", "GB18030", BUILTIN_NONE },
	{ "cp949", "UHC", BUILTIN_NONE },
	{ "cpgr", "IBM869", BUILTIN_NONE },
	{ "cpis", "IBM861", BUILTIN_NONE },
	{ "csascii", NULL, BUILTIN_WINDOWS_1252 },
	{ "csbig5", "BIG5-HKSCS", BUILTIN_NONE },
	{ "cseuckr", "UHC", BUILTIN_NONE },
	{ "cseucpkdfmtjapanese", "EUC-JP", BUILTIN_NONE },
	{ "csgb2312", "GB18030", BUILTIN_NONE },
	{ "csibm037", "IBM037", BUILTIN_NONE },
	{ "csibm500", "IBM500", BUILTIN_NONE },
	{ "csibm855", "IBM855", BUILTIN_NONE },
	{ "csibm856", "IBM856", BUILTIN_NONE },
	{ "csibm857", "IBM857", BUILTIN_NONE },
	{ "csibm860", "IBM860", BUILTIN_NONE },
	{ "csibm861", "IBM861", BUILTIN_NONE },
	{ "csibm863", "IBM863", BUILTIN_NONE },
	{ "csibm864", "IBM864", BUILTIN_NONE },
	{ "csibm865", "IBM865", BUILTIN_NONE },
	{ "csibm866", "IBM866", BUILTIN_NONE },
	{ "csibm869", "IBM869", BUILTIN_NONE },
	{ "csiso58gb231280", "GB18030", BUILTIN_NONE },
	{ "csisolatin1", NULL, BUILTIN_WINDOWS_1252 },
	{ "cskoi8r", "KOI8-R", BUILTIN_NONE },
	{ "csksc56011987", "UHC", BUILTIN_NONE },
	{ "csmacintosh", "MACINTOSH", BUILTIN_NONE },
	{ "cspc775baltic", "IBM775", BUILTIN_NONE },
	{ "cspc850multilingual", "IBM850", BUILTIN_NONE },
	{ "cspc862latinhebrew", "IBM862", BUILTIN_NONE },
	{ "cspc8codepage437", "IBM437", BUILTIN_NONE },
	{ "cspcp852", "IBM852", BUILTIN_NONE },
	{ "csshiftjis", "CP932", BUILTIN_NONE },
	{ "cswindows31j", "CP932", BUILTIN_NONE },
	{ "dos874", "WINDOWS-874", BUILTIN_NONE },
	{ "ebcdiccpbe", "IBM500", BUILTIN_NONE },
	{ "ebcdiccpca", "IBM037", BUILTIN_NONE },
	{ "ebcdiccpch", "IBM500", BUILTIN_NONE },
	{ "ebcdiccpnl", "IBM037", BUILTIN_NONE },
	{ "ebcdiccpus", "IBM037", BUILTIN_NONE },
	{ "ebcdiccpwt", "IBM037", BUILTIN_NONE },
	{ "euccn", "GB18030", BUILTIN_NONE },
	{ "eucjp", "EUC-JP", BUILTIN_NONE },
	{ "euckr", "UHC", BUILTIN_NONE },
	{ "gb18030", "GB18030", BUILTIN_NONE },
	{ "gb2312", "GB18030", BUILTIN_NONE },
	{ "gb231280", "GB18030", BUILTIN_NONE },
	{ "gbk", "GB18030", BUILTIN_NONE },
	{ "ibm037", "IBM037", BUILTIN_NONE },
	{ "ibm039", "IBM037", BUILTIN_NONE },
	{ "ibm1026", "IBM1026", BUILTIN_NONE },
	{ "ibm1140", "IBM1140", BUILTIN_NONE },
	{ "ibm273", "IBM273", BUILTIN_NONE },
	{ "ibm367", NULL, BUILTIN_WINDOWS_1252 },
	{ "ibm437", "IBM437", BUILTIN_NONE },
	{ "ibm500", "IBM500", BUILTIN_NONE },
	{ "ibm775", "IBM775", BUILTIN_NONE },
	{ "ibm819", NULL, BUILTIN_WINDOWS_1252 },
	{ "ibm850", "IBM850", BUILTIN_NONE },
	{ "ibm852", "IBM852", BUILTIN_NONE },
	{ "ibm855", "IBM855", BUILTIN_NONE },
	{ "ibm856", "IBM856", BUILTIN_NONE },
	{ "ibm857", "IBM857", BUILTIN_NONE },
	{ "ibm858", "IBM858", BUILTIN_NONE },
	{ "ibm860", "IBM860", BUILTIN_NONE },
	{ "ibm861", "IBM861", BUILTIN_NONE },
	{ "ibm862", "IBM862", BUILTIN_NONE },
	{ "ibm863", "IBM863", BUILTIN_NONE },
	{ "ibm864", "IBM864", BUILTIN_NONE },
	{ "ibm865", "IBM865", BUILTIN_NONE },
	{ "ibm866", "IBM866", BUILTIN_NONE },
	{ "ibm869", "IBM869", BUILTIN_NONE },
	{ "ibm875", "IBM875", BUILTIN_NONE },
	{ "iso646irv1991", NULL, BUILTIN_WINDOWS_1252 },
	{ "iso646us", NULL, BUILTIN_WINDOWS_1252 },
	{ "iso88591", NULL, BUILTIN_WINDOWS_1252 },
	{ "iso885911", "WINDOWS-874", BUILTIN_NONE },
	{ "iso885911987", NULL, BUILTIN_WINDOWS_1252 },
	{ "isoir100", NULL, BUILTIN_WINDOWS_1252 },
	{ "isoir149", "UHC", BUILTIN_NONE },
	{ "isoir58", "GB18030", BUILTIN_NONE },
	{ "isoir6", NULL, BUILTIN_WINDOWS_1252 },
	{ "koi8", "KOI8-R", BUILTIN_NONE },
	{ "koi8r", "KOI8-R", BUILTIN_NONE },
	{ "koi8t", "KOI8-T", BUILTIN_NONE },
	{ "koi8u", "KOI8-U", BUILTIN_NONE },
	{ "korean", "UHC", BUILTIN_NONE },
	{ "ksc5601", "UHC", BUILTIN_NONE },
	{ "ksc56011987", "UHC", BUILTIN_NONE },
	{ "l1", NULL, BUILTIN_WINDOWS_1252 },
	{ "latin1", NULL, BUILTIN_WINDOWS_1252 },
	{ "mac", "MACINTOSH", BUILTIN_NONE },
	{ "maccentraleurope", "MAC-CENTRALEUROPE", BUILTIN_NONE },
	{ "maccyrillic", "MAC-CYRILLIC", BUILTIN_NONE },
	{ "macgreek", NULL, BUILTIN_MAC_GREEK },
	{ "maciceland", NULL, BUILTIN_MAC_ICELAND },
	{ "macicelandic", NULL, BUILTIN_MAC_ICELAND },
	{ "macintosh", "MACINTOSH", BUILTIN_NONE },
	{ "maclatin2", "MAC-CENTRALEUROPE", BUILTIN_NONE },
	{ "macroman", "MACINTOSH", BUILTIN_NONE },
	{ "macturkish", NULL, BUILTIN_MAC_TURKISH },
	{ "ms932", "CP932", BUILTIN_NONE },
	{ "ms936", "GB18030", BUILTIN_NONE },
	{ "mskanji", "CP932", BUILTIN_NONE },
	{ "shiftjis", "CP932", BUILTIN_NONE },
	{ "sjis", "CP932", BUILTIN_NONE },
	{ "tis620", "WINDOWS-874", BUILTIN_NONE },
	{ "uhc", "UHC", BUILTIN_NONE },
	{ "unicode11utf8", "UTF-8", BUILTIN_NONE },
	{ "unicode20utf8", "UTF-8", BUILTIN_NONE },
	{ "us", NULL, BUILTIN_WINDOWS_1252 },
	{ "usascii", NULL, BUILTIN_WINDOWS_1252 },
	{ "utf8", "UTF-8", BUILTIN_NONE },
	{ "windows1250", "WINDOWS-1250", BUILTIN_NONE },
	{ "windows1251", "WINDOWS-1251", BUILTIN_NONE },
	{ "windows1252", NULL, BUILTIN_WINDOWS_1252 },
	{ "windows1253", "WINDOWS-1253", BUILTIN_NONE },
	{ "windows1254", "WINDOWS-1254", BUILTIN_NONE },
	{ "windows1255", "WINDOWS-1255", BUILTIN_NONE },
	{ "windows1256", "WINDOWS-1256", BUILTIN_NONE },
	{ "windows1257", "WINDOWS-1257", BUILTIN_NONE },
	{ "windows1258", "WINDOWS-1258", BUILTIN_NONE },
	{ "windows31j", "CP932", BUILTIN_NONE },
	{ "windows874", "WINDOWS-874", BUILTIN_NONE },
	{ "windows936", "GB18030", BUILTIN_NONE },
	{ "windows949", "UHC", BUILTIN_NONE },
	{ "xcp1250", "WINDOWS-1250", BUILTIN_NONE },
	{ "xcp1251", "WINDOWS-1251", BUILTIN_NONE },
	{ "xcp1252", NULL, BUILTIN_WINDOWS_1252 },
	{ "xcp1253", "WINDOWS-1253", BUILTIN_NONE },
	{ "xcp1254", "WINDOWS-1254", BUILTIN_NONE },
	{ "xcp1255", "WINDOWS-1255", BUILTIN_NONE },
	{ "xcp1256", "WINDOWS-1256", BUILTIN_NONE },
	{ "xcp1257", "WINDOWS-1257", BUILTIN_NONE },
	{ "xcp1258", "WINDOWS-1258", BUILTIN_NONE },
	{ "xeucjp", "EUC-JP", BUILTIN_NONE },
	{ "xgbk", "GB18030", BUILTIN_NONE },
	{ "xmacce", "MAC-CENTRALEUROPE", BUILTIN_NONE },
	{ "xmaccentraleurope", "MAC-CENTRALEUROPE", BUILTIN_NONE },
	{ "xmaccyrillic", "MAC-CYRILLIC", BUILTIN_NONE },
	{ "xmacgreek", NULL, BUILTIN_MAC_GREEK },
	{ "xmacicelandic", NULL, BUILTIN_MAC_ICELAND },
	{ "xmacroman", "MACINTOSH", BUILTIN_NONE },
	{ "xmacturkish", NULL, BUILTIN_MAC_TURKISH },
	{ "xsjis", "CP932", BUILTIN_NONE },
	{ "xunicode20utf8", "UTF-8", BUILTIN_NONE },
	{ "xxbig5", "BIG5-HKSCS", BUILTIN_NONE },
};

enum decoder_kind {
	DECODER_UTF8,		/* repair only */
	DECODER_TABLE,		/* one byte, one character: a lookup table */
	DECODER_ICONV		/* everything else, stateful or multi-byte */
};

/* The longest incomplete sequence iconv may leave at a chunk's end. */
#define PENDING_MAX	16

struct decoder {
	enum decoder_kind	 kind;
	struct utf8_repair	 utf8;

	/* DECODER_TABLE: each byte's UTF-8, padded to 4 bytes, and its length. */
	unsigned char		 table[256][4];
	unsigned char		 table_len[256];

	/* DECODER_ICONV */
	iconv_t			 cd;
	size_t			 unit;	/* bytes skipped past invalid input */
	unsigned char		 pending[PENDING_MAX];
	size_t			 npending;
};

/* Fold a label to its key: lower-case ASCII letters and digits only. */
static bool
fold_label(const char *label, char *key, size_t size)
{
	size_t n = 0;
	unsigned char c;

	for (; *label != '\0'; label++) {
		c = (unsigned char)ascii_to_lower((unsigned char)*label);
		if (ascii_is_alnum(c)) {
			if (n + 1 >= size) {
				key[0] = '\0';
				return false;
			}
			key[n++] = (char)c;
		}
	}
	key[n] = '\0';
	return n > 0;
}

static int
compare_charset(const void *key, const void *entry)
{
	return strcmp(key, ((const struct charset *)entry)->key);
}

static const struct charset *
find_charset(const char *key)
{
	return bsearch(key, charsets, sizeof charsets / sizeof charsets[0],
	    sizeof charsets[0], compare_charset);
}

/*
 * The charset table entry for a label; purely numeric labels ("437", "1252")
 * are code page numbers, as Python's codec registry reads them.
 */
static const struct charset *
lookup_label(const char *label, char *key, size_t size)
{
	const struct charset *entry;
	char numbered[LABEL_MAX + 3];

	if (!fold_label(label, key, size))
		return NULL;
	if ((entry = find_charset(key)) != NULL)
		return entry;
	if (strspn(key, "0123456789") == strlen(key)) {
		snprintf(numbered, sizeof numbered, "cp%s", key);
		return find_charset(numbered);
	}
	return NULL;
}

bool
encoding_is_utf8(const char *label)
{
	const struct charset *entry;
	char key[LABEL_MAX + 1];

	if (label == NULL)
		return false;
	entry = lookup_label(label, key, sizeof key);
	return entry != NULL && entry->iconv_name != NULL &&
	    strcmp(entry->iconv_name, "UTF-8") == 0;
}

/* True for the UTF-16 and UTF-32 family, which no ASCII-compatible document can be in. */
static bool
is_wide_label(const char *label)
{
	char key[LABEL_MAX + 1];

	if (!fold_label(label, key, sizeof key))
		return false;
	return strncmp(key, "utf16", 5) == 0 || strncmp(key, "utf32", 5) == 0 ||
	    strncmp(key, "ucs2", 4) == 0 || strncmp(key, "ucs4", 4) == 0 ||
	    strcmp(key, "unicode") == 0 || strcmp(key, "iso10646ucs2") == 0;
}

/*
 * The ASCII character an EBCDIC (code page 037) byte stands for, for the
 * characters an XML declaration is made of; 0 for anything else. The
 * declaration is readable in any EBCDIC variant this way, since they share
 * these positions.
 */
static unsigned char
ebcdic_to_ascii(unsigned char c)
{
	if (c >= 0x81 && c <= 0x89)
		return (unsigned char)('a' + c - 0x81);
	if (c >= 0x91 && c <= 0x99)
		return (unsigned char)('j' + c - 0x91);
	if (c >= 0xA2 && c <= 0xA9)
		return (unsigned char)('s' + c - 0xA2);
	if (c >= 0xC1 && c <= 0xC9)
		return (unsigned char)('A' + c - 0xC1);
	if (c >= 0xD1 && c <= 0xD9)
		return (unsigned char)('J' + c - 0xD1);
	if (c >= 0xE2 && c <= 0xE9)
		return (unsigned char)('S' + c - 0xE2);
	if (c >= 0xF0 && c <= 0xF9)
		return (unsigned char)('0' + c - 0xF0);
	switch (c) {
	case 0x05:
		return '\t';
	case 0x0D:
		return '\r';
	case 0x15:	/* NEL, the EBCDIC line end */
	case 0x25:
		return '\n';
	case 0x40:
		return ' ';
	case 0x4B:
		return '.';
	case 0x4C:
		return '<';
	case 0x60:
		return '-';
	case 0x6D:
		return '_';
	case 0x6E:
		return '>';
	case 0x6F:
		return '?';
	case 0x7A:
		return ':';
	case 0x7D:
		return '\'';
	case 0x7E:
		return '=';
	case 0x7F:
		return '"';
	}
	return 0;
}

/* How the first bytes are to be read while looking for the declaration. */
enum view {
	VIEW_ASCII,
	VIEW_UTF16LE,
	VIEW_UTF16BE,
	VIEW_UTF32LE,
	VIEW_UTF32BE,
	VIEW_EBCDIC
};

static const char *const view_names[] = {
	"UTF-8", "UTF-16LE", "UTF-16BE", "UTF-32LE", "UTF-32BE", "IBM037"
};

/* Up to SNIFF_CHARS characters of the document start, as ASCII (0 for anything else). */
static size_t
read_view(enum view view, const unsigned char *p, size_t len, char *out)
{
	size_t n = 0, width = 1;
	unsigned long c;

	if (view == VIEW_UTF16LE || view == VIEW_UTF16BE)
		width = 2;
	else if (view == VIEW_UTF32LE || view == VIEW_UTF32BE)
		width = 4;
	for (; len >= width && n < SNIFF_CHARS; p += width, len -= width) {
		switch (view) {
		case VIEW_ASCII:
			c = p[0];
			break;
		case VIEW_UTF16LE:
			c = p[0] | (unsigned long)p[1] << 8;
			break;
		case VIEW_UTF16BE:
			c = (unsigned long)p[0] << 8 | p[1];
			break;
		case VIEW_UTF32LE:
			c = p[0] | (unsigned long)p[1] << 8 |
			    (unsigned long)p[2] << 16 | (unsigned long)p[3] << 24;
			break;
		case VIEW_UTF32BE:
			c = (unsigned long)p[0] << 24 | (unsigned long)p[1] << 16 |
			    (unsigned long)p[2] << 8 | p[3];
			break;
		default:
			c = ebcdic_to_ascii(p[0]);
			break;
		}
		out[n++] = c < 0x80 ? (char)c : 0;
	}
	return n;
}

/*
 * The encoding pseudo-attribute of an XML declaration (XML 1.0 section 4.3.3)
 * at the start of v. Leading white space is tolerated, pseudo-attributes are
 * taken in any order. False when there is no declaration, no encoding in it,
 * or the declaration is cut before the label ends.
 */
static bool
read_declaration(const char *v, size_t n, char *label, size_t size)
{
	size_t i = 0, name, name_len, value;
	char quote;

	while (i < n && ascii_is_xml_space((unsigned char)v[i]))
		i++;
	if (n - i < 6 || memcmp(v + i, "<?xml", 5) != 0 || !ascii_is_xml_space((unsigned char)v[i + 5]))
		return false;
	i += 5;
	for (;;) {
		while (i < n && ascii_is_xml_space((unsigned char)v[i]))
			i++;
		name = i;
		while (i < n && ascii_is_alpha((unsigned char)v[i]))
			i++;
		name_len = i - name;
		if (name_len == 0)
			return false;	/* "?>", the end, or junk */
		while (i < n && ascii_is_xml_space((unsigned char)v[i]))
			i++;
		if (i >= n || v[i] != '=')
			return false;
		i++;
		while (i < n && ascii_is_xml_space((unsigned char)v[i]))
			i++;
		if (i >= n || (v[i] != '"' && v[i] != '\''))
			return false;
		quote = v[i++];
		value = i;
		while (i < n && v[i] != quote && v[i] != '<' && v[i] != '>' && v[i] != '\0')
			i++;
		if (i >= n || v[i] != quote)
			return false;
		if (name_len == 8 && memcmp(v + name, "encoding", 8) == 0) {
			if (i == value || size == 0)
				return false;
			if (i - value >= size)
				i = value + size - 1;
			memcpy(label, v + value, i - value);
			label[i - value] = '\0';
			return true;
		}
		i++;
	}
}

static void
copy_label(char *label, size_t size, const char *s)
{
	if (size == 0)
		return;
	strncpy(label, s, size - 1);
	label[size - 1] = '\0';
}

/*
 * A byte-order mark decides, as it does for browsers; so do the XML 1.0
 * Appendix F signatures of UTF-16 and UTF-32 without one, whose declaration
 * can only repeat the family. In an ASCII-compatible document a declared
 * UTF-16 or UTF-32 is a mistake (the declaration could not have been read
 * otherwise) and is taken as UTF-8, as the WHATWG Encoding Standard does.
 */
bool
encoding_sniff(const char *data, size_t len, char *label, size_t size, size_t *bom_len)
{
	const unsigned char *p = (const unsigned char *)data;
	char view_text[SNIFF_CHARS], declared[LABEL_MAX + 1];
	enum view view = VIEW_ASCII;
	size_t bom = 0, n;
	bool found;

	if (size > 0)
		label[0] = '\0';
	if (bom_len != NULL)
		*bom_len = 0;
	if (data == NULL || len == 0)
		return false;

	if (len >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF)
		bom = 3;
	else if (len >= 4 && p[0] == 0xFF && p[1] == 0xFE && p[2] == 0 && p[3] == 0) {
		view = VIEW_UTF32LE;
		bom = 4;
	} else if (len >= 4 && p[0] == 0 && p[1] == 0 && p[2] == 0xFE && p[3] == 0xFF) {
		view = VIEW_UTF32BE;
		bom = 4;
	} else if (len >= 2 && p[0] == 0xFE && p[1] == 0xFF) {
		view = VIEW_UTF16BE;
		bom = 2;
	} else if (len >= 2 && p[0] == 0xFF && p[1] == 0xFE) {
		view = VIEW_UTF16LE;
		bom = 2;
	} else if (len >= 4) {
		if (memcmp(p, "\0\0\0<", 4) == 0)
			view = VIEW_UTF32BE;
		else if (memcmp(p, "<\0\0\0", 4) == 0)
			view = VIEW_UTF32LE;
		else if (memcmp(p, "\0<\0?", 4) == 0)
			view = VIEW_UTF16BE;
		else if (memcmp(p, "<\0?\0", 4) == 0)
			view = VIEW_UTF16LE;
		else if (memcmp(p, "\x4c\x6f\xa7\x94", 4) == 0)
			view = VIEW_EBCDIC;
	}
	if (bom_len != NULL)
		*bom_len = bom;

	n = read_view(view, p + bom, len - bom, view_text);
	found = read_declaration(view_text, n, declared, sizeof declared);

	if (view == VIEW_ASCII) {
		if (bom > 0) {
			copy_label(label, size, "UTF-8");
			return true;
		}
		if (!found)
			return false;
		copy_label(label, size, is_wide_label(declared) ? "UTF-8" : declared);
		return true;
	}
	if (view == VIEW_EBCDIC && found && !is_wide_label(declared) &&
	    !encoding_is_utf8(declared))
		copy_label(label, size, declared);
	else
		copy_label(label, size, view_names[view]);
	return true;
}

/* Append the UTF-8 of a code point below U+10000 to a 4-byte slot; returns its length. */
static unsigned char
utf8_bmp(unsigned long c, unsigned char *out)
{
	if (c < 0x80) {
		out[0] = (unsigned char)c;
		return 1;
	}
	if (c < 0x800) {
		out[0] = (unsigned char)(0xC0 | c >> 6);
		out[1] = (unsigned char)(0x80 | (c & 0x3F));
		return 2;
	}
	out[0] = (unsigned char)(0xE0 | c >> 12);
	out[1] = (unsigned char)(0x80 | (c >> 6 & 0x3F));
	out[2] = (unsigned char)(0x80 | (c & 0x3F));
	return 3;
}

static void
fill_builtin(struct decoder *d, enum builtin builtin)
{
	const uint16_t *upper = NULL;
	unsigned long c;
	int b;

	switch (builtin) {
	case BUILTIN_MAC_GREEK:
		upper = mac_greek;
		break;
	case BUILTIN_MAC_ICELAND:
		upper = mac_iceland;
		break;
	case BUILTIN_MAC_TURKISH:
		upper = mac_turkish;
		break;
	default:
		break;
	}
	for (b = 0; b < 256; b++) {
		if (b < 0x80)
			c = (unsigned long)b;
		else if (upper != NULL)
			c = upper[b - 0x80];
		else if (b < 0xA0)
			c = windows_1252[b - 0x80];
		else
			c = (unsigned long)b;
		d->table_len[b] = utf8_bmp(c, d->table[b]);
	}
}

/*
 * Turn a single-byte charset into a lookup table by asking iconv for each
 * byte alone. Any byte that iconv cannot convert alone to one finished
 * character (a lead byte, an escape, a base letter held for a combining mark
 * as in windows-1258) means the charset is not one we may decode byte by
 * byte, and iconv does the work instead.
 */
static bool
probe_single_byte(struct decoder *d)
{
	char in, out[8], *inp, *outp;
	size_t inleft, outleft, produced, r;
	int b;

	for (b = 0; b < 256; b++) {
		iconv(d->cd, NULL, NULL, NULL, NULL);
		in = (char)b;
		inp = &in;
		inleft = 1;
		outp = out;
		outleft = sizeof out;
		r = iconv(d->cd, &inp, &inleft, &outp, &outleft);
		if (r == (size_t)-1) {
			if (errno != EILSEQ)
				goto not_single;
			memcpy(d->table[b], REPLACEMENT, REPLACEMENT_LEN);
			d->table_len[b] = REPLACEMENT_LEN;
			continue;
		}
		produced = sizeof out - outleft;
		if (inleft != 0 || produced == 0 || produced > 4)
			goto not_single;
		/* Nothing may remain in the converter's state. */
		if (iconv(d->cd, NULL, NULL, &outp, &outleft) == (size_t)-1 ||
		    sizeof out - outleft != produced)
			goto not_single;
		memcpy(d->table[b], out, produced);
		d->table_len[b] = (unsigned char)produced;
	}
	iconv(d->cd, NULL, NULL, NULL, NULL);
	return true;

not_single:
	iconv(d->cd, NULL, NULL, NULL, NULL);
	return false;
}

/* Labels iconv is asked about are plain names: no "//TRANSLIT" or other suffixes. */
static bool
safe_label(const char *label)
{
	size_t len = strlen(label);

	return len > 0 && len <= LABEL_MAX &&
	    strspn(label, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
	    "0123456789-_.:") == len;
}

static iconv_t
open_iconv(const char *label, const struct charset *entry, const char *key)
{
	iconv_t cd;
	char name[LABEL_MAX + 3], *s;

	if (entry != NULL)
		return iconv_open("UTF-8", entry->iconv_name);
	if (!safe_label(label))
		return (iconv_t)-1;
	if ((cd = iconv_open("UTF-8", label)) != (iconv_t)-1)
		return cd;
	/* "ISO_8859_2" and the like: iconv wants hyphens. */
	snprintf(name, sizeof name, "%s", label);
	for (s = name; *s != '\0'; s++) {
		if (*s == '_')
			*s = '-';
	}
	if ((cd = iconv_open("UTF-8", name)) != (iconv_t)-1)
		return cd;
	/* Other code page numbers than the table's. */
	if (strspn(key, "0123456789") == strlen(key)) {
		snprintf(name, sizeof name, "CP%s", key);
		if ((cd = iconv_open("UTF-8", name)) != (iconv_t)-1)
			return cd;
		snprintf(name, sizeof name, "IBM%s", key);
		return iconv_open("UTF-8", name);
	}
	return (iconv_t)-1;
}

struct decoder *
encoding_decoder_new(const char *label)
{
	const struct charset *entry;
	struct decoder *d;
	char key[LABEL_MAX + 1];
	iconv_t cd;

	if (label == NULL)
		return NULL;
	entry = lookup_label(label, key, sizeof key);
	if (entry == NULL && key[0] == '\0')
		return NULL;

	d = xcalloc(1, sizeof *d);
	d->cd = (iconv_t)-1;
	d->unit = 1;
	if (entry != NULL && entry->builtin != BUILTIN_NONE) {
		d->kind = DECODER_TABLE;
		fill_builtin(d, entry->builtin);
		return d;
	}
	if (entry != NULL && strcmp(entry->iconv_name, "UTF-8") == 0) {
		d->kind = DECODER_UTF8;
		return d;
	}
	if ((cd = open_iconv(label, entry, key)) == (iconv_t)-1) {
		free(d);
		return NULL;
	}
	d->cd = cd;
	if (probe_single_byte(d)) {
		d->kind = DECODER_TABLE;
		iconv_close(d->cd);
		d->cd = (iconv_t)-1;
		return d;
	}
	d->kind = DECODER_ICONV;
	/* Skip whole code units past invalid UTF-16 or UTF-32, not single bytes. */
	if (strncmp(key, "utf16", 5) == 0 || strncmp(key, "ucs2", 4) == 0)
		d->unit = 2;
	else if (strncmp(key, "utf32", 5) == 0 || strncmp(key, "ucs4", 4) == 0)
		d->unit = 4;
	return d;
}

void
encoding_decoder_free(struct decoder **d)
{
	if (d == NULL || *d == NULL)
		return;
	if ((*d)->cd != (iconv_t)-1)
		iconv_close((*d)->cd);
	free(*d);
	*d = NULL;
}

static void
decode_table(struct decoder *d, const unsigned char *in, size_t len, struct buf *out)
{
	unsigned char *dst;
	size_t block, i;

	while (len > 0) {
		block = len < 4096 ? len : 4096;
		/* Each byte becomes at most 4 bytes; all 4 of its slot are copied. */
		buf_reserve(out, block * 4);
		dst = (unsigned char *)out->data + out->len;
		for (i = 0; i < block; i++) {
			memcpy(dst, d->table[in[i]], 4);
			dst += d->table_len[in[i]];
		}
		out->len = (size_t)(dst - (unsigned char *)out->data);
		in += block;
		len -= block;
	}
	if (out->data != NULL)
		out->data[out->len] = '\0';
}

/*
 * Run iconv over *inp until the input is used up or only an incomplete
 * sequence remains (left in *inp, *inleft). Invalid input becomes U+FFFD and
 * is skipped one code unit at a time, so the loop always moves forward.
 */
static void
run_iconv(struct decoder *d, char **inp, size_t *inleft, struct buf *out)
{
	char *outp;
	size_t outleft, r, skip;

	while (*inleft > 0) {
		buf_reserve(out, *inleft * 2 + 16);
		outp = out->data + out->len;
		outleft = out->cap - out->len - 1;
		r = iconv(d->cd, inp, inleft, &outp, &outleft);
		out->len = (size_t)(outp - out->data);
		out->data[out->len] = '\0';
		if (r != (size_t)-1)
			break;
		if (errno == E2BIG)
			continue;
		if (errno != EILSEQ)
			break;	/* EINVAL: an incomplete sequence at the end */
		buf_append(out, REPLACEMENT, REPLACEMENT_LEN);
		skip = d->unit < *inleft ? d->unit : *inleft;
		*inp += skip;
		*inleft -= skip;
	}
}

/* Emit what the converter still holds (a base letter awaiting a combining mark) and reset it. */
static void
flush_iconv(struct decoder *d, struct buf *out)
{
	char *outp;
	size_t outleft;
	int tries;

	for (tries = 0; tries < 8; tries++) {
		buf_reserve(out, 64);
		outp = out->data + out->len;
		outleft = out->cap - out->len - 1;
		if (iconv(d->cd, NULL, NULL, &outp, &outleft) != (size_t)-1 || errno != E2BIG) {
			out->len = (size_t)(outp - out->data);
			break;
		}
		out->len = (size_t)(outp - out->data);
	}
	out->data[out->len] = '\0';
	iconv(d->cd, NULL, NULL, NULL, NULL);
}

static void
decode_iconv(struct decoder *d, const char *in, size_t len, bool final, struct buf *out)
{
	char joined[PENDING_MAX * 2], *inp;
	size_t take, inleft, used;

	/*
	 * Finish the sequence cut at the last chunk's end with the first bytes
	 * of this one; PENDING_MAX more bytes complete any sequence iconv knows.
	 */
	while (d->npending > 0 && (len > 0 || final)) {
		take = len < PENDING_MAX ? len : PENDING_MAX;
		memcpy(joined, d->pending, d->npending);
		if (take > 0)
			memcpy(joined + d->npending, in, take);
		inp = joined;
		inleft = d->npending + take;
		run_iconv(d, &inp, &inleft, out);
		used = d->npending + take - inleft;
		if (used >= d->npending) {
			in += used - d->npending;
			len -= used - d->npending;
			d->npending = 0;
			break;
		}
		if (take == len) {
			if (final) {
				/* Cut by the end of input: one U+FFFD for the lot. */
				buf_append(out, REPLACEMENT, REPLACEMENT_LEN);
				in += take;
				len = 0;
				d->npending = 0;
				break;
			}
			/* Still incomplete, and all of this chunk is in it. */
			memmove(d->pending, d->pending + used, d->npending - used);
			d->npending -= used;
			memcpy(d->pending + d->npending, in, take);
			d->npending += take;
			return;
		}
		/* Longer than any sequence: the first byte is bad. */
		buf_append(out, REPLACEMENT, REPLACEMENT_LEN);
		used++;
		memmove(d->pending, d->pending + used, d->npending - used);
		d->npending -= used;
	}

	inp = (char *)(uintptr_t)in;
	inleft = len;
	while (inleft > 0) {
		run_iconv(d, &inp, &inleft, out);
		if (inleft == 0)
			break;
		if (!final && inleft <= PENDING_MAX) {
			memcpy(d->pending, inp, inleft);
			d->npending = inleft;
			break;
		}
		/* An incomplete sequence at the very end, or longer than any sequence. */
		buf_append(out, REPLACEMENT, REPLACEMENT_LEN);
		if (final) {
			inleft = 0;
			break;
		}
		inp++;
		inleft--;
	}
	if (final) {
		flush_iconv(d, out);
		d->npending = 0;
	}
}

void
encoding_decode(struct decoder *d, const char *in, size_t len, bool final, struct buf *out)
{
	/* NULL is no input; "" keeps the decoders from arithmetic on NULL,
	 * undefined even for an offset of 0 (C11 6.5.6). */
	if (in == NULL) {
		in = "";
		len = 0;
	}
	switch (d->kind) {
	case DECODER_UTF8:
		encoding_utf8_repair(&d->utf8, in, len, final, out);
		break;
	case DECODER_TABLE:
		decode_table(d, (const unsigned char *)in, len, out);
		break;
	case DECODER_ICONV:
		decode_iconv(d, in, len, final, out);
		break;
	}
	buf_append(out, "", 0);	/* a string even when nothing comes out */
}

/*
 * The length of the well-formed UTF-8 sequence at s (Unicode 15, table 3-7:
 * no overlong forms, no surrogates, nothing above U+10FFFF); 0 when s starts
 * an ill-formed one; -1 when the n bytes there are a valid start cut short.
 */
static int
sequence_length(const unsigned char *s, size_t n)
{
	unsigned char c = s[0], low = 0x80, high = 0xBF;
	int need, i;

	if (c < 0x80)
		return 1;
	if (c < 0xC2)
		return 0;
	if (c < 0xE0)
		need = 2;
	else if (c < 0xF0) {
		need = 3;
		if (c == 0xE0)
			low = 0xA0;
		else if (c == 0xED)
			high = 0x9F;
	} else if (c < 0xF5) {
		need = 4;
		if (c == 0xF0)
			low = 0x90;
		else if (c == 0xF4)
			high = 0x8F;
	} else
		return 0;
	for (i = 1; i < need; i++) {
		if ((size_t)i >= n)
			return -1;
		if (s[i] < low || s[i] > high)
			return 0;
		low = 0x80;
		high = 0xBF;
	}
	return need;
}

size_t
encoding_utf8_valid_prefix(const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s, *end;
	uint64_t a, b;
	int n;

	/* Before any arithmetic: NULL + 0 is undefined too (C11 6.5.6). */
	if (s == NULL)
		return 0;
	end = p + len;
	while (p < end) {
		/* Sixteen ASCII bytes at a time: no byte has its high bit set. */
		while (end - p >= 16) {
			memcpy(&a, p, 8);
			memcpy(&b, p + 8, 8);
			if (((a | b) & UINT64_C(0x8080808080808080)) != 0)
				break;
			p += 16;
		}
		if (p == end)
			break;
		if (*p < 0x80) {
			p++;
			continue;
		}
		n = sequence_length(p, (size_t)(end - p));
		if (n <= 0)
			break;
		p += n;
	}
	return (size_t)(p - (const unsigned char *)s);
}

/*
 * Repair s[0..n) up to position limit: valid runs are copied, each byte that
 * starts no valid sequence becomes U+FFFD. Returns where it stopped, which is
 * before limit only at a valid start cut by the end of s when !final.
 */
static size_t
repair_run(const unsigned char *s, size_t n, size_t limit, bool final, struct buf *out)
{
	size_t pos = 0, valid;
	int len;

	while (pos < limit) {
		valid = encoding_utf8_valid_prefix((const char *)s + pos, n - pos);
		buf_append(out, s + pos, valid);
		pos += valid;
		if (pos >= limit)
			break;
		len = sequence_length(s + pos, n - pos);
		if (len < 0 && !final)
			break;
		buf_append(out, REPLACEMENT, REPLACEMENT_LEN);
		pos++;
	}
	return pos;
}

void
encoding_utf8_repair(struct utf8_repair *r, const char *in, size_t len, bool final, struct buf *out)
{
	const unsigned char *p = (const unsigned char *)in;
	unsigned char joined[7];
	size_t take, pos;

	/* As in encoding_decode: no arithmetic on NULL. */
	if (in == NULL) {
		p = (const unsigned char *)"";
		len = 0;
	}
	buf_append(out, "", 0);	/* a string even when nothing comes out */
	if (r->npending > 0) {
		/* Three more bytes finish any sequence begun in the pending ones. */
		take = len < 3 ? len : 3;
		memcpy(joined, r->pending, r->npending);
		if (take > 0)
			memcpy(joined + r->npending, p, take);
		pos = repair_run(joined, r->npending + take, r->npending,
		    final && take == len, out);
		if (pos < r->npending) {
			/* Still cut short: only when this chunk was short too. */
			memmove(r->pending, joined + pos, r->npending + take - pos);
			r->npending = r->npending + take - pos;
			return;
		}
		p += pos - r->npending;
		len -= pos - r->npending;
		r->npending = 0;
	}
	pos = repair_run(p, len, len, final, out);
	if (pos < len) {
		memcpy(r->pending, p + pos, len - pos);
		r->npending = len - pos;
	}
}
