/* parse-internal.h: STUB */
#ifndef TIDINGS_PARSE_INTERNAL_H
#define TIDINGS_PARSE_INTERNAL_H
#endif
