/* parse-atom.c: STUB */
#include "config.h"
extern int parse_atom_stub; int parse_atom_stub;
