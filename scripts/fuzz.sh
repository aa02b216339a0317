#!/usr/bin/env bash
# Runs one fuzz target in fuzzing mode (Jazzer, JAZZER_FUZZ=1) for SECONDS and prints the executions it made.
#   scripts/fuzz.sh TARGET SECONDS      e.g. scripts/fuzz.sh YamlReaderFuzzTest 600
# Targets (rules/src/test/java/dev/lashing/fuzz): YamlReaderFuzzTest, TemplateFuzzTest, DotEnvFuzzTest,
# LoaderFuzzTest, FixFuzzTest, PatchFuzzTest, ConfigFuzzTest, GenerateFuzzTest, AuditFuzzTest; and
# SchemaExplainerFuzzTest (in .../dev/lashing/schema: our schema explainer against networknt's). Jazzer fuzzes only the first fuzz test of a class and skips the
# others: name another as CLASS#method (LoaderFuzzTest#lintsEvenWhatComposeRefuses). `mvn verify` runs them in
# regression mode over the seed corpus in rules/src/test/resources/dev/lashing/<package>/<Target>Inputs/; inputs found
# while fuzzing go to .cifuzz-corpus/ (not committed). A crash is saved beside the seeds: commit it there as a
# regression test, then fix it.
set -euo pipefail
if [[ $# -ne 2 ]]; then
  echo "usage: $0 TARGET SECONDS" >&2
  exit 2
fi
target=$1
seconds=$2
cd "$(dirname "$0")/.."
log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
# jazzer.internal.arg.* are libFuzzer's arguments (the first is its program name); this duration overrides the
# short one in the @FuzzTest annotation.
JAZZER_FUZZ=1 mvn -B -o -pl lib,rules test -Dtest="$target" -Dsurefire.failIfNoSpecifiedTests=false \
  -Djazzer.internal.arg.0=fuzz -Djazzer.internal.arg.1=-max_total_time="$seconds" >"$log" 2>&1 || status=$?
grep -E '^#[0-9]+[[:space:]]+DONE|^Done [0-9]+ runs' "$log" || true
if [[ $status -ne 0 ]]; then
  grep -E 'FuzzTestFinding|Exception|AssertionError|ERROR\]' "$log" | head -20 >&2
  echo "$target: failed (exit $status); the crashing input is saved beside the seeds" >&2
  exit "$status"
fi
runs=$(grep -oE '^Done [0-9]+ runs' "$log" | awk '{s += $2} END {print s + 0}')
echo "$target: $runs executions in ${seconds}s, no crash"
