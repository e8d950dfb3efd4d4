/* cmd-parse.c: STUB */
#include "config.h"
#include <stdio.h>
#include "cmd.h"
int cmd_parse(const struct globals *g, int argc, char **argv) { (void)g; (void)argc; (void)argv; fprintf(stderr, "tidings: parse: not implemented\n"); return EXIT_FAILED; }
