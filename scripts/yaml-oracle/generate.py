#!/usr/bin/env python3
"""Random YAML documents for scripts/yaml-vs-go.sh: block mappings and sequences at odd indentations, block
scalars with every header form (chomping, indentation indicators, comments, trailing tabs) and blank lines of all
widths, quoted and plain multi-line scalars, anchors, aliases, tags, merge keys, flow collections, comments and
tabs in odd places, document markers and directives, LF, CRLF and CR line ends, a byte order mark; flow
collections over several lines (comments, breaks before and after indicators, empty and implicit entries, trailing
commas), keys long, quoted, anchored, aliased or explicit, and anchors used across documents.

  scripts/yaml-oracle/generate.py DIR [SEED] [COUNT]     then: scripts/yaml-vs-go.sh DIR
  scripts/yaml-oracle/generate.py --mutate FILES DIR [SEED] [COUNT]

With --mutate, each file written is one of the FILES folder's (real compose files, e.g. ../shared/corpus/files)
changed in one to three places as people change files by hand: a tab after a colon, a dash or a comma or in a
line's indentation, blanks or a comment at a line's end, a blank line of spaces, a value quoted or put in
brackets or made a block scalar or continued on the next line, a key quoted, anchored or tagged, a mapping anchored
and used, a service anchored and another merging or aliasing it, items put in brackets, a line indented one more or one less, a comment line, a document marker, CRLF.

A development tool, like the oracle: a new seed is a new set, and each new set has found differences."""
import os
import random
import re
import sys

WORDS = ["a", "b", "key", "x y", "web", "1", "0o17", "0x1F", "true", "no", "~", "null", "-", "- a", "? q", ":", "a:b",
         "#c", "a #c", "'q'", "\"d\"", "\"e\\tf\"", "'it''s'", "&a v", "*a", "!!str 1", "!t v", "<<", "[1, 2]",
         "{a: 1}", "[]", "{}", "\"\"", "''", "a  b", "12:30", "1e3", ".5", "+1", "-0", ".inf", "@x", "`x", "%x", "x%",
         "a,b", "[a, [b]]", "{a: [b, {c: d}]}", "|", ">", "|-", ">+", "|2", "\"\\u00e9\"", "\u00e9", "a\tb",
         "[a,b ]", "{ a : b }"]


def flow(rng, indent, depth):
    """A flow collection, its pieces joined by spaces, line breaks (at indent or less) or comments."""
    def gap():
        return rng.choice([" ", " ", "", "  ", "\t", "\n" + " " * indent, "\n" + " " * (indent + 2),
                           " # c\n" + " " * indent, "\n", "\n\n" + " " * indent, "\n" + " " * max(indent - 1, 0)])

    def item():
        r = rng.random()
        if depth < 3 and r < 0.25:
            return flow(rng, indent + 1, depth + 1)
        if r < 0.35:
            return rng.choice(["\"a", "'a", "b"]) + "\n" + " " * rng.choice([0, indent, indent + 2]) \
                + rng.choice(["c\"", "c'", "c", "\"", "'"])
        return rng.choice(WORDS + ["&f x", "*f", "&f [1]", "!!str", "? a", "a: b", "a:", ": b", "? a : b", "\"k\": v",
                                   "'k':v", "k :v", "-", "- x", "&f", "*f :"])
    mapping = rng.random() < 0.5
    parts = []
    for _ in range(rng.randint(0, 4)):
        if mapping:
            key = rng.choice(["k", "'k w'", "\"k\\n\"", "? k", "&f k", "*f", "[a]", "{a: b}", ""])
            parts.append(key + rng.choice([":", ": ", " :", ": ", ""]) + gap() + item())
        else:
            parts.append(item())
    text = ("{" if mapping else "[") + gap()
    text += ("," + gap()).join(parts) + rng.choice(["", "", ",", ", ", ",,", "," + gap()]) + gap()
    return text + ("}" if mapping else "]")


def key(rng, i):
    if rng.random() < 0.7:
        return "k%d" % i
    return rng.choice(["'q%d'" % i, "\"d%d\"" % i, "? k%d" % i, "<<", "&k k%d" % i, "*k",
                                          "\"l\\x%02x\"" % rng.choice([0, 9, 10, 0x41, 0x7f, 0x85]),
                                          "k" * rng.choice([1023, 1024, 1025, 1030]), "'it''s %d'" % i, "[k%d]" % i,
                                          "{k: %d}" % i, "!!str k%d" % i, "!!int %d" % i, "!t k%d" % i])


def block(rng, indent, depth):
    lines = []
    seq = rng.random() < 0.3
    for i in range(rng.randint(1, 4)):
        pre = " " * indent
        k = key(rng, i)
        head = pre + "-" if seq else pre + (k + "\n" + pre if k.startswith("?") else k) + ":"
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
        elif r < 0.65:
            lines.append(head + " " + rng.choice(["", "&a ", "!!seq ", "!!map "]) + flow(rng, indent + 1, 0))
        elif r < 0.7:
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


def mutate(rng, text):
    """The text changed in one to three places, each on a line chosen at random."""
    lines = text.split("\n")
    for _ in range(rng.randint(1, 3)):
        i = rng.randrange(len(lines))
        line = lines[i]
        body = line.lstrip(" ")
        pre = line[:len(line) - len(body)]
        kind = rng.randrange(21)
        if kind == 0 and ": " in line:
            at = line.index(": ")
            line = line[:at + 1] + rng.choice(["\t", " \t", "\t ", "\t\t"]) + line[at + 2:]
        elif kind == 1 and body.startswith("- "):
            line = pre + "-" + rng.choice(["\t", " \t", "  "]) + body[2:]
        elif kind == 2 and ", " in line:
            line = line.replace(", ", rng.choice([",\t", ", \t", "\t, ", " ,"]), 1)
        elif kind == 3 and pre:
            line = rng.choice(["\t", pre[:-1] + "\t", "\t" + pre[1:], pre + "\t"]) + body
        elif kind == 4:
            line += rng.choice([" ", "\t", " # c", "\t# c", "#c", " #", "  \t "])
        elif kind == 5:
            lines.insert(i, " " * rng.randint(0, 12) + rng.choice(["", "", "\t", "# c"]))
        elif kind == 6 and ": " in body and not body.rstrip().endswith(":"):
            key, value = body.split(": ", 1)
            q = rng.choice(["'", '"'])
            line = pre + key + ": " + rng.choice([q + value + q, "[" + value + "]", "{a: " + value + "}",
                                                  "!!str " + value, "&v " + value, value + " -"])
        elif kind == 7 and ":" in body:
            key, rest = body.split(":", 1)
            dash = "- " if key.startswith("- ") else ""
            key = key[len(dash):]
            line = pre + dash + rng.choice(['"%s"' % key, "'%s'" % key, "&k " + key, "!!str " + key,
                                            key + " ", "? " + key + "\n" + pre + " " * len(dash)]) + ":" + rest
        elif kind == 8 and pre:
            line = pre[:-1] + body
        elif kind == 9:
            line = " " + line
        elif kind == 10:
            lines.insert(i, rng.choice(["---", "...", "--- # c", "%YAML 1.1\n---"]))
        elif kind == 11 and body.startswith("- ") and ":" not in body:
            line = pre + "- [" + body[2:] + ", -]"
        elif kind == 12 and body.endswith(":"):
            line += rng.choice([" |", " >-", " &a", " !!map", " # c", " |+\n" + pre + "   "])
        elif kind == 13:
            lines[i] = line
            return "\r\n".join(lines)
        elif kind == 14 and ": " in body and " " in body.split(": ", 1)[1].strip():
            key, value = body.split(": ", 1)
            words = value.split(" ")
            cut = rng.randrange(1, len(words))
            line = pre + key + ": " + " ".join(words[:cut]) + "\n" + pre + " " * rng.choice([1, 2, 4, 0]) \
                + rng.choice(["", "", "\t", "# "]) + " ".join(words[cut:])
        elif kind == 15 and ": " in body and not body.rstrip().endswith(":"):
            key, value = body.split(": ", 1)
            header = rng.choice(["|", ">", "|-", ">-", "|+", "|2", ">1"])
            line = pre + key + ": " + header + rng.choice(["", " # c", "\t"]) + "\n" + pre \
                + " " * rng.choice([2, 2, 1, 4, 0]) + value + rng.choice(["", "\n", "\n" + pre + "   "])
        elif kind == 16:
            lines.insert(i, " " * rng.randint(0, 10) + rng.choice(["# c", "#", "#\tc", "# : -"]))
        elif kind == 17 and body.endswith(":") and not body.startswith("- "):
            line += " &m" + str(i)
            lines.append(rng.choice(["x-m%d: *m%d" % (i, i), "x-m%d:\n  <<: *m%d" % (i, i), "x-m%d: [*m%d]" % (i, i)]))
        elif kind == 18 and body.startswith("- ") and ":" not in body:
            j = i
            items = []
            while j < len(lines) and lines[j].startswith(pre + "- ") and ":" not in lines[j]:
                items.append(lines[j][len(pre) + 2:])
                j += 1
            sep = rng.choice([", ", ",\n" + pre + "  ", ",\t", " ,\n" + pre, ", # c\n" + pre + " "])
            lines[i:j] = [pre + "- [" + sep.join(items) + rng.choice(["]", ",]", "\n" + pre + "]"])]
            continue
        elif kind in (19, 20) and re.match(r"^  [A-Za-z0-9_.-]+:\s*$", line):
            # a service (or any entry of a top-level mapping) anchored, and another after it that merges it
            j = i + 1
            while j < len(lines) and (not lines[j].strip() or lines[j].startswith("   ")):
                j += 1
            name = body.rstrip()[:-1]
            extra = rng.choice(["", "    container_name: %s-copy\n" % name, "    ports: !reset []\n",
                                "    restart: \"no\"\n", "    environment:\n      COPY: \"1\"\n"])
            lines.insert(j, "  %s-copy:\n    <<: *s%d\n%s" % (name, i, extra.rstrip("\n")) if extra else
                         "  %s-copy: *s%d" % (name, i))
            line = pre + name + ": &s%d" % i
        lines[i] = line
    return "\n".join(lines)


def main():
    if len(sys.argv) > 3 and sys.argv[1] == "--mutate":
        files = sorted(os.path.join(sys.argv[2], f) for f in os.listdir(sys.argv[2]))
        out = sys.argv[3]
        rng = random.Random(int(sys.argv[4]) if len(sys.argv) > 4 else 4)
        count = int(sys.argv[5]) if len(sys.argv) > 5 else 6000
        os.makedirs(out, exist_ok=True)
        texts = []
        for name in files:
            with open(name, encoding="utf-8", errors="replace", newline="") as f:
                text = f.read()
            if "\r" not in text:
                texts.append(text)
        for n in range(count):
            with open(os.path.join(out, "m%05d" % n), "w", newline="", encoding="utf-8") as f:
                f.write(mutate(rng, rng.choice(texts)))
        return
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
        if rng.random() < 0.1:
            lines += [rng.choice(["---", "...\n---", "...", "--- *a", "--- &a x"]), "d: *a"]
        eol = rng.choice(["\n"] * 8 + ["\r\n", "\r"])
        text = eol.join(lines) + rng.choice(["\n", "\n", "", "\n\n", " "]).replace("\n", eol)
        if rng.random() < 0.03:
            text = "\ufeff" + text
        with open(os.path.join(out, "g%05d" % n), "w", newline="", encoding="utf-8") as f:
            f.write(text)


if __name__ == "__main__":
    main()
