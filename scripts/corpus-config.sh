#!/usr/bin/env bash
# What `config` prints for every compose file of the shared corpus, beside ../shared/tools/corpus-outputs.sh
# (which covers lint, fix and patch): one file per compose file in OUTDIR, its output (standard output and error)
# followed by a line with the exit code. Run it with the jar before and after a change to how config is written,
# then `diff -r` the two folders (one run after the other: both work in the same folder, so that the paths in
# the output compare).
#   scripts/corpus-config.sh JAR OUTDIR [SHARED]      (SHARED defaults to ../shared beside the checkout)
set -euo pipefail
if [[ $# -lt 2 ]]; then
  echo "usage: $0 JAR OUTDIR [SHARED]" >&2
  exit 2
fi
jar=$(realpath "$1")
out=$(realpath -m "$2")
cd "$(dirname "$0")/.."
corpus=$(realpath "${3:-../shared}")/corpus
if [[ ! -f "$corpus/MANIFEST.tsv" ]]; then
  echo "corpus-config: no corpus at $corpus" >&2
  exit 2
fi
mkdir -p "$out"
work=${TMPDIR:-/tmp}/lashing-corpus-config
trap 'rm -rf "$work"' EXIT
n=0
while IFS=$'\t' read -r name _ _ _ _ _ category; do
  if [[ "$name" == local_file || "$category" == envfile ]]; then
    continue
  fi
  # one fixed place for every file, so that paths in the output compare between runs
  rm -rf "$work/project"
  mkdir -p "$work/project"
  cp "$corpus/files/$name" "$work/project/docker-compose.yml"
  status=0
  (cd "$work/project" && java -jar "$jar" config -f docker-compose.yml) >"$out/$name.yml" 2>&1 || status=$?
  echo "exit $status" >>"$out/$name.yml"
  n=$((n + 1))
done <"$corpus/MANIFEST.tsv"
echo "$n files written to $out"
