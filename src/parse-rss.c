/* parse-rss.c: STUB */
#include "config.h"
extern int parse_rss_stub; int parse_rss_stub;
