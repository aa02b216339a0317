#!/usr/bin/env bash
# How `lashing lsp` keeps up with a large compose file, through Neovim's built-in LSP client (headless):
# the time to the first diagnostics, a hover's answer time while a lint of a new edit runs (it is refused as
# ContentModified, as the latest run read older text, so it should not wait for the lint), the time to the diagnostics of the edit, the time a code
# action request takes at a finding, asked twice, and the time to resolve "fix all safe findings in this file" when it
# came without its edit (planned then, not at every request). The server
# runs as an editor starts it, through bin/lashing (the built distribution's runtime and cache when there is one).
# Usage: scripts/bench-lsp.sh [SIZE_KIB]   (default 1024; needs nvim and cli/target/lashing.jar)
set -euo pipefail
root=$(CDPATH= cd -- "$(dirname -- "$0")/.." && pwd)
jar="$root/cli/target/lashing.jar"
size_kib=${1:-1024}
command -v nvim >/dev/null || { echo "bench-lsp: nvim not installed (scripts/install-test-tools.sh)" >&2; exit 2; }
[ -f "$jar" ] || { echo "bench-lsp: build the jar first: mvn -q -B package -DskipTests" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 - "$work/compose.yaml" "$size_kib" <<'PY'
import sys
path, limit = sys.argv[1], int(sys.argv[2]) * 1024
lines, size, i = ["services:"], 10, 0
while size < limit:
    block = [f"  svc{i}:", f"    image: registry.example.com/team/app{i}:1.{i}", "    ports:",
             f"      - \"{8000 + i % 1000}:80\"", "    environment:", f"      NAME: service-{i}",
             "    privileged: true", "    labels:", f"      owner: team-{i % 17}"]
    lines += block
    size += sum(len(l) + 1 for l in block)
    i += 1
open(path, "w").write("\n".join(lines) + "\n")
PY
# Only privileged and restart-policy stay on: two findings per service, so the editor's own handling of tens of
# thousands of diagnostics does not swamp what is measured; restart-policy's fix is safe, so "fix all safe findings"
# has one fix per service to plan.
{ echo "rules:"; java -jar "$jar" rules | awk 'NR > 1 && $1 ~ /^[a-z][a-z0-9-]*$/ && $1 != "privileged" && $1 != "restart-policy" { print "  " $1 ": off" }'; } \
  > "$work/.lashing.yml"
echo "compose file: $(wc -c < "$work/compose.yaml") bytes, $(grep -c '^  svc' "$work/compose.yaml") services"
(cd "$work" && LASHING_LSP_CMD=$(printf '%s\n' "$root/bin/lashing" lsp) LASHING_FILE="$work/compose.yaml" \
  LASHING_OUT="$work/result.txt" nvim --headless --clean -n -u "$root/scripts/bench-lsp.lua" >/dev/null 2>&1) || true
cat "$work/result.txt"
