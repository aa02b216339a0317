#!/usr/bin/env bash
# Times the loader over the shared corpus: YAML read alone and full load, cold first pass, then the median
# and fastest of timed passes after warm-up (see lib/src/test/java/dev/lashing/bench/CorpusBenchmark.java).
#
#   scripts/bench-corpus.sh [SHARED_DIR] [-- --warmup N --iterations N]
#
# SHARED_DIR defaults to ../shared (beside the checkout). Compiles lib and its test classes (offline when the
# local Maven repository has everything, online otherwise), then runs the benchmark in one JVM; JAVA_OPTS
# is passed to that JVM. Timings on a busy machine vary: compare the "min" columns between runs.
set -euo pipefail
cd "$(dirname "$0")/.."
shared="../shared"
if [ $# -gt 0 ] && [ "$1" != "--" ]; then
  shared="$1"
  shift
fi
if [ "${1:-}" = "--" ]; then
  shift
fi
if [ ! -f "$shared/corpus/MANIFEST.tsv" ]; then
  echo "bench-corpus: no corpus at $shared/corpus (give the shared folder as the first argument)" >&2
  exit 2
fi
shared="$(cd "$shared" && pwd)"

log="$(mktemp)"
trap 'rm -f "$log"' EXIT
maven() {
  # offline first; online only when something is missing from the local repository
  mvn -q -B -Dstyle.color=never -o "$@" >"$log" 2>&1 || mvn -q -B -Dstyle.color=never "$@" >"$log" 2>&1 || {
    cat "$log" >&2
    echo "bench-corpus: mvn $* failed" >&2
    exit 1
  }
}
cpfile="$PWD/lib/target/bench-classpath.txt"
maven -pl lib test-compile
maven -pl lib dependency:build-classpath -Dmdep.outputFile="$cpfile"
exec java ${JAVA_OPTS:-} -cp "lib/target/classes:lib/target/test-classes:$(cat "$cpfile")" \
  dev.lashing.bench.CorpusBenchmark --shared "$shared" "$@"
