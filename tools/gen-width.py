#!/usr/bin/env python3
# gen-width.py: writes src/width-table.c, the ranges of code points that take
# zero or two terminal columns; it writes no logic (that is in src/width.c).
#
# Run from the top of the source tree after changing this script:
#
#     python3 tools/gen-width.py > src/width-table.c
#
# The output is committed, so building tidings never needs Python. Only the
# standard library is used, so the table follows the Unicode version of the
# Python that ran it (named in the output). The rules are those of wcwidth()
# as terminals implement it:
#
#   - two columns: East Asian Width "W" (wide) or "F" (fullwidth), UAX #11;
#     this covers CJK, Hangul syllables, fullwidth forms and the emoji that
#     default to emoji presentation (U+1F300..U+1FAFF mostly);
#   - zero columns: general category Mn (nonspacing marks), Me (enclosing
#     marks) and Cf (format characters: ZWJ, ZWSP, soft hyphen, bidi marks),
#     plus the Hangul medial vowels and final consonants, which join the
#     preceding syllable (U+1160..U+11FF, U+D7B0..U+D7FF);
#   - one column: everything else (controls are the C code's business).
#
# Unassigned code points count one column, except in the blocks UAX #11 says
# default to "W" (CJK ideographs, planes 2 and 3) and in the emoji blocks
# whose characters are all wide (U+1F300..U+1F64F, U+1F900..U+1FAFF), so that
# emoji newer than this table still take two columns. A gap of unassigned
# code points between two wide ranges is merged into them, which keeps the
# table small; zero-width ranges are never merged over a gap, so a spacing
# mark assigned later does not count as zero columns.

import sys
import unicodedata

# The C side looks each non-ASCII code point up with a binary search; this
# keeps that search to ten steps or fewer.
MAX_RANGES = 600

DEFAULT_WIDE = [
    (0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF),
    (0x1F300, 0x1F64F), (0x1F900, 0x1FAFF),
    (0x20000, 0x2FFFD), (0x30000, 0x3FFFD),
]


def columns(cp):
    """0, 1 or 2 for an assigned code point, None for an unassigned one."""
    c = chr(cp)
    category = unicodedata.category(c)
    if category == "Cn":
        for first, last in DEFAULT_WIDE:
            if first <= cp <= last:
                return 2
        return None
    if category in ("Mn", "Me", "Cf"):
        return 0
    if 0x1160 <= cp <= 0x11FF or 0xD7B0 <= cp <= 0xD7FF:
        return 0
    if unicodedata.east_asian_width(c) in ("W", "F"):
        return 2
    return 1


def ranges():
    runs = []
    for cp in range(0x80, 0x110000):
        width = columns(cp)
        if runs and runs[-1][2] == width and runs[-1][1] == cp - 1:
            runs[-1][1] = cp
        else:
            runs.append([cp, cp, width])
    for i, run in enumerate(runs):
        if run[2] is not None:
            continue
        before = runs[i - 1][2] if i > 0 else 1
        after = runs[i + 1][2] if i + 1 < len(runs) else 1
        run[2] = 2 if before == 2 and after == 2 else 1
    merged = []
    for run in runs:
        if merged and merged[-1][2] == run[2]:
            merged[-1][1] = run[1]
        else:
            merged.append(list(run))
    return [run for run in merged if run[2] != 1]


def main():
    table = ranges()
    if len(table) > MAX_RANGES:
        sys.exit("gen-width.py: %d ranges, more than %d" % (len(table), MAX_RANGES))
    out = []
    out.append("/* width-table.c: the code points taking zero or two terminal columns;")
    out.append(" * data only, made by tools/gen-width.py: do not edit. */")
    out.append('#include "config.h"')
    out.append("")
    out.append("#include <stddef.h>")
    out.append("")
    out.append('#include "width-table.h"')
    out.append("")
    out.append("/* Unicode %s. Sorted, disjoint; code points not listed take one"
               % unicodedata.unidata_version)
    out.append(" * column. */")
    out.append("const struct width_range width_ranges[] = {")
    for first, last, width in table:
        out.append("\t{ 0x%05x, 0x%05x, %d }," % (first, last, width))
    out.append("};")
    out.append("")
    out.append("const size_t width_ranges_count =")
    out.append("    sizeof width_ranges / sizeof width_ranges[0];")
    sys.stdout.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
