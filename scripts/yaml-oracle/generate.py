#!/usr/bin/env python3
"""Random YAML documents for scripts/yaml-vs-go.sh: block mappings and sequences at odd indentations, block
scalars with every header form (chomping, indentation indicators, comments, trailing tabs) and blank lines of all
widths, quoted and plain multi-line scalars, anchors, aliases, tags, merge keys, flow collections, comments and
tabs in odd places, document markers and directives, LF, CRLF and CR line ends, a byte order mark.

  scripts/yaml-oracle/generate.py DIR [SEED] [COUNT]     then: scripts/yaml-vs-go.sh DIR

A development tool, like the oracle: a new seed is a new set, and each new set has found differences."""
import os
import random
import sys

WORDS = ["a", "b", "key", "x y", "web", "1", "0o17", "0x1F", "true", "no", "~", "null", "-", "- a", "? q", ":", "a:b",
         "#c", "a #c", "'q'", "\"d\"", "\"e\\tf\"", "'it''s'", "&a v", "*a", "!!str 1", "!t v", "<<", "[1, 2]",
         "{a: 1}", "[]", "{}", "\"\"", "''", "a  b", "12:30", "1e3", ".5", "+1", "-0", ".inf", "@x", "`x", "%x", "x%",
         "a,b", "[a, [b]]", "{a: [b, {c: d}]}", "|", ">", "|-", ">+", "|2", "\"\\u00e9\"", "\u00e9", "a\tb",
         "[a,b ]", "{ a : b }"]


def block(rng, indent, depth):
    lines = []
    seq = rng.random() < 0.3
    for i in range(rng.randint(1, 4)):
        pre = " " * indent
        head = pre + "-" if seq else pre + rng.choice(
            ["k%d" % i, "k%d" % i, "'q%d'" % i, "\"d%d\"" % i, "? k%d\n%s" % (i, pre), "<<"]) + ":"
        r = rng.random()
        if depth < 3 and r < 0.3:
            child = rng.choice([indent + 2, indent + 2, indent + 4, indent + 1, indent + 3 if seq else indent])
            lines.append(head + rng.choice(["", "", " &a", " !!map", " # c"]))
            lines.extend(block(rng, child, depth + 1))
        elif r < 0.45:
            header = rng.choice(["|", ">"]) + rng.choice(["", "", "2", "1", "-", "+", "2-", "+1"])
            lines.append(head + " " + header + rng.choice(["", "", " # h", "  #h"]))
            text_indent = indent + rng.choice([1, 2, 2, 3, 4])
            for _ in range(rng.randint(0, 4)):
                t = rng.choice(["text", "", "  more", " x", "#notc", "a: b", "- i", "\tt", "   ", "  \t ", "..."])
                lines.append(" " * text_indent + t if t else
                             rng.choice(["", " " * (text_indent - 1), " " * (text_indent + 2)]))
        elif r < 0.55:
            lines.append(head + " " + rng.choice(["\"multi", "'multi", "plain"]))
            for _ in range(rng.randint(1, 2)):
                lines.append(" " * (indent + rng.choice([0, 1, 2]))
                             + rng.choice(["line", "  x", "", "end\"", "end'", "# c", "\\", "a: b"]))
        else:
            lines.append(head + rng.choice([" ", " ", "  ", "\t", " \t"]) + rng.choice(WORDS)
                         + rng.choice(["", "", "", " # c", "#c", "  ", "\t"]))
        if rng.random() < 0.08:
            lines.append(rng.choice(["", "# c", "  # c", "\t# c", " \t", "---", "...", "%YAML 1.1", "%TAG !t! tag:t,1:"]))
    return lines


def main():
    if len(sys.argv) < 2 or sys.argv[1].startswith("-"):
        print(__doc__)
        sys.exit(0 if len(sys.argv) > 1 and sys.argv[1] in ("-h", "--help") else 2)
    out = sys.argv[1]
    rng = random.Random(int(sys.argv[2]) if len(sys.argv) > 2 else 4)
    count = int(sys.argv[3]) if len(sys.argv) > 3 else 6000
    os.makedirs(out, exist_ok=True)
    for n in range(count):
        lines = []
        if rng.random() < 0.1:
            lines.append(rng.choice(["%YAML 1.1", "---", "--- # c", "--- !!map", "# c"]))
        lines += block(rng, rng.choice([0, 0, 0, 1]), 0)
        if rng.random() < 0.1:
            lines += ["---"] + block(rng, 0, 1)
        eol = rng.choice(["\n"] * 8 + ["\r\n", "\r"])
        text = eol.join(lines) + rng.choice(["\n", "\n", "", "\n\n", " "]).replace("\n", eol)
        if rng.random() < 0.03:
            text = "\ufeff" + text
        with open(os.path.join(out, "g%05d" % n), "w", newline="", encoding="utf-8") as f:
            f.write(text)


if __name__ == "__main__":
    main()
