/* encoding.h: character sets to UTF-8. Sniffs the document's declared charset
 * (byte-order mark, EBCDIC signature, XML declaration), maps labels to iconv
 * names, and converts a byte stream to valid UTF-8 chunk by chunk. */
#ifndef TIDINGS_ENCODING_H
#define TIDINGS_ENCODING_H

#include <stdbool.h>
#include <stddef.h>

#include "buf.h"

/* The charset the start of a document declares: from a byte-order mark, the
 * EBCDIC "<?xm" signature (XML 1.0 Appendix F), or the XML declaration's
 * encoding (read in an ASCII-compatible, UTF-16 or EBCDIC view). Writes the
 * label into label (NUL-terminated, truncated to size) and returns true, or
 * returns false when nothing is declared in the first len bytes.
 * *bom_len receives the length of a byte-order mark to skip (0 if none). */
bool encoding_sniff(const char *data, size_t len, char *label, size_t size, size_t *bom_len);

/* True when label names UTF-8 (any spelling). */
bool encoding_is_utf8(const char *label);

struct decoder;

/* A converter from the charset named by label (any common alias; ISO-8859-1
 * and US-ASCII are read as windows-1252, as browsers do) to UTF-8. NULL when
 * the label is unknown. */
struct decoder *encoding_decoder_new(const char *label);

/* Convert len bytes, appending valid UTF-8 to out. Invalid or unmappable
 * input becomes U+FFFD; a sequence cut at the end of a chunk is kept for the
 * next call. With final set, a trailing partial sequence becomes U+FFFD. */
void encoding_decode(struct decoder *d, const char *in, size_t len, bool final, struct buf *out);

void encoding_decoder_free(struct decoder **d);

/* Valid UTF-8 from possibly invalid UTF-8: each bad byte becomes U+FFFD. Keeps
 * an incomplete trailing sequence in *pending (at most 3 bytes) unless final. */
struct utf8_repair {
	unsigned char	pending[4];
	size_t		npending;
};
void encoding_utf8_repair(struct utf8_repair *r, const char *in, size_t len, bool final, struct buf *out);

/* The length of the longest prefix of s that is valid UTF-8 (a sequence cut
 * at the end counts as invalid). Fast on ASCII. */
size_t encoding_utf8_valid_prefix(const char *s, size_t len);

#endif
