/* encoding.c: STUB, replaced by the real implementation. */
#include "config.h"
#include <strings.h>
#include "encoding.h"
bool encoding_sniff(const char *data, size_t len, char *label, size_t size, size_t *bom_len) { (void)data; (void)len; (void)label; (void)size; *bom_len = 0; return false; }
bool encoding_is_utf8(const char *label) { return strcasecmp(label, "utf-8") == 0; }
struct decoder *encoding_decoder_new(const char *label) { (void)label; return NULL; }
void encoding_decode(struct decoder *d, const char *in, size_t len, bool final, struct buf *out) { (void)d; (void)final; buf_append(out, in, len); }
void encoding_decoder_free(struct decoder **d) { *d = NULL; }
void encoding_utf8_repair(struct utf8_repair *r, const char *in, size_t len, bool final, struct buf *out) { (void)r; (void)final; buf_append(out, in, len); }
size_t encoding_utf8_valid_prefix(const char *s, size_t len) { (void)s; return len; }
