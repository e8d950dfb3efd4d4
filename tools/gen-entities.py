#!/usr/bin/env python3
# gen-entities.py: writes src/entities.c, the HTML 4 named entity table and the
# DTD declaring those entities; it writes no logic (that is in src/text.c).
#
# Run from the top of the source tree after changing this script:
#
#     python3 tools/gen-entities.py > src/entities.c
#
# The output is committed, so building tidings never needs Python. Only the
# standard library is used: html.entities.name2codepoint is exactly the 252
# entities of HTML 4.01 (section 24 of the HTML 4.01 specification); "apos"
# is added because XML 1.0 (section 4.6) and HTML 5 define it and feeds that
# escape their markup twice contain it.

import html.entities
import sys

# Must match ENTITY_NAME_MAX in src/entities.h.
NAME_MAX = 8

# XML 1.0 section 4.6: these five are predefined, and a declaration of lt or
# amp must itself escape the character twice to stay well-formed. Expat knows
# them without a declaration, so the DTD leaves them out.
XML_PREDEFINED = {"amp", "apos", "gt", "lt", "quot"}


def main():
    entities = dict(html.entities.name2codepoint)
    entities["apos"] = 0x27
    # The C side looks names up with strcmp-ordered binary search; all names
    # are ASCII, so sorting the encoded bytes gives the same order.
    names = sorted(entities, key=lambda name: name.encode("ascii"))
    for name in names:
        if len(name) > NAME_MAX:
            sys.exit("gen-entities.py: %s is longer than NAME_MAX" % name)

    out = []
    out.append("/* entities.c: the HTML 4 named entity table and a DTD declaring")
    out.append(" * them; data only, made by tools/gen-entities.py: do not edit. */")
    out.append('#include "config.h"')
    out.append("")
    out.append("#include <stddef.h>")
    out.append("")
    out.append('#include "entities.h"')
    out.append('#include "text.h"')
    out.append("")
    out.append("/* Sorted by name in strcmp order for binary search. */")
    out.append("const struct text_entity text_entities[] = {")
    for name in names:
        out.append('\t{ "%s", 0x%04x },' % (name, entities[name]))
    out.append("};")
    out.append("")
    out.append("const size_t text_entities_count =")
    out.append("    sizeof text_entities / sizeof text_entities[0];")
    out.append("")
    out.append("/*")
    out.append(" * Character references in an entity value are replaced when the")
    out.append(" * declaration is read (XML 1.0 section 4.5), so each entity expands")
    out.append(" * to its character. The XML predefined entities are not declared")
    out.append(" * (section 4.6).")
    out.append(" */")
    out.append("const char text_html_entities_dtd[] =")
    declared = [name for name in names if name not in XML_PREDEFINED]
    for index, name in enumerate(declared):
        end = ";" if index == len(declared) - 1 else ""
        out.append('    "<!ENTITY %s \\"&#%d;\\">\\n"%s'
                   % (name, entities[name], end))
    sys.stdout.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
