/* parse.c: STUB */
#include "config.h"
#include <stdlib.h>
#include "parse.h"
#include "xmalloc.h"
struct parser { struct feed feed; };
struct parser *parse_new(const struct parse_options *o, const struct parse_handlers *h) { struct parser *p = xcalloc(1, sizeof(*p)); (void)o; (void)h; feed_init(&p->feed); return p; }
int parse_feed_chunk(struct parser *p, const char *data, size_t len) { (void)p; (void)data; (void)len; return 0; }
int parse_feed_finish(struct parser *p) { (void)p; return -1; }
const struct feed *parse_feed(const struct parser *p) { return &p->feed; }
size_t parse_item_count(const struct parser *p) { (void)p; return 0; }
const char *parse_error(const struct parser *p) { (void)p; return "not implemented"; }
void parse_free(struct parser **p) { free(*p); *p = NULL; }
