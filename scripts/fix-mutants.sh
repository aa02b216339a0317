#!/usr/bin/env bash
# The fix engine on many compose files at once, as a user runs it: `fix --unsafe-fixes --write` on copies of every
# file of a folder (each its own project), then once more, which must change nothing; and every comment of each
# file written must still be there. Prints what broke: an internal error (the engine found its own output would
# not load, or would not settle), a second run that still changes a file, a comment lost. A development check,
# not a test; its folder is best made of real files changed by hand, which is what generate.py --mutate writes:
#   scripts/yaml-oracle/generate.py --mutate ../shared/corpus/files /tmp/mutants 11 4000
#   scripts/fix-mutants.sh /tmp/mutants [JAR]
# Files Compose refuses are refused by fix as well, and only counted.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=$(realpath "$1")
jar=$(realpath "${2:-cli/target/lashing.jar}")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/before" "$work/after"
for f in "$dir"/*; do
  cp "$f" "$work/before/$(basename "$f").yml"
done
cp "$work"/before/* "$work/after/"
files=("$work"/after/*.yml)
status=0
java -cp "$jar" dev.lashing.cli.Main fix --unsafe-fixes --write "${files[@]}" >/dev/null 2>"$work/first.err" || status=$?
second=0
java -cp "$jar" dev.lashing.cli.Main fix --unsafe-fixes "${files[@]}" >"$work/second.diff" 2>"$work/second.err" || second=$?
echo "first run: exit $status, $(grep -c 'internal error' "$work/first.err" || true) internal errors," \
  "$(grep -c 'Compose refuses it' "$work/first.err" || true) files refused"
grep -A1 'internal error' "$work/first.err" || true
echo "second run: exit $second, $(grep -c '^+++ ' "$work/second.diff" || true) files it would still change"
grep '^+++ ' "$work/second.diff" | head -5 || true
# Every comment ('#' at a line's start or after a blank, on a line with no open quote) of a file written is still
# in it, as often.
python3 - "$work/before" "$work/after" <<'PY'
import collections, os, re, sys

def comments(text):
    found = collections.Counter()
    for line in text.splitlines():
        m = re.search(r'(^|\s)(#.*)$', line)
        if m and line.count('"') % 2 == 0 and line.count("'") % 2 == 0:
            found[m.group(2).strip()] += 1
    return found

before, after = sys.argv[1], sys.argv[2]
written = lost = 0
for name in sorted(os.listdir(before)):
    old = open(os.path.join(before, name), encoding='utf-8', errors='replace', newline='').read()
    new = open(os.path.join(after, name), encoding='utf-8', errors='replace', newline='').read()
    if old == new:
        continue
    written += 1
    missing = comments(old) - comments(new)
    if missing:
        lost += 1
        print("comment lost in", name, dict(missing))
print(f"fix-mutants: {len(os.listdir(before))} files, {written} written, {lost} with a comment lost")
PY
