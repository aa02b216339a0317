#!/usr/bin/env bash
# Start-up figures of the shipped launcher (whole process: wall time, peak memory and CPU time, median of RUNS), each
# paired with compose-lint on the same input when it is installed (runs alternate, so both see the same load):
#  1. `lashing lint` on Plane's self-host compose file with its variables.env    (goal: <= 0.5x compose-lint)
#  2. `lashing lint` on a one-service file                                       (goal: <= 0.1 s)
#  3. one `lashing lint` of every compose file of the corpus, each its own project (goal: <= 0.4x compose-lint)
#
#   scripts/bench-startup.sh [RUNS]        (RUNS defaults to 11)
#
# LASHING: the launcher (default bin/lashing, which uses the built distribution when there is one).
# COMPOSE_LINT_SRC: compose-lint's src/ folder, run as `PYTHONPATH=$COMPOSE_LINT_SRC python3 -m compose_lint`
# (it needs PyYAML); without it the comparisons are skipped, saying so. SHARED: the shared folder with the
# corpus (default ../shared beside the checkout).
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-11}
lashing=${LASHING:-$PWD/bin/lashing}
shared=${SHARED:-../shared}
corpus="$shared/corpus"
if [ ! -f "$corpus/MANIFEST.tsv" ]; then
  echo "bench-startup: no corpus at $corpus (set SHARED)" >&2
  exit 2
fi
compose_lint=()
if [ -n "${COMPOSE_LINT_SRC:-}" ] && [ -d "$COMPOSE_LINT_SRC/compose_lint" ]; then
  compose_lint=(env PYTHONPATH="$COMPOSE_LINT_SRC" python3 -m compose_lint)
else
  echo "bench-startup: compose-lint SKIPPED (set COMPOSE_LINT_SRC to its src/ folder); Lashing's figures only"
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
plane=makeplane__plane__deployments__cli__community
cp "$corpus/files/${plane}__docker-compose.yml" "$work/plane.yml"
cp "$corpus/files/${plane}__variables.env" "$work/variables.env"
printf 'services:\n  web:\n    image: nginx:1.27\n' >"$work/one.yml"
mkdir "$work/corpus"
while IFS=$'\t' read -r name _ _ _ _ _ category; do
  if [ "$name" != local_file ] && [ "$category" != envfile ]; then
    cp "$corpus/files/$name" "$work/corpus/"
  fi
done <"$corpus/MANIFEST.tsv"
corpus_files=("$work"/corpus/*)

# one run: prints "MICROSECONDS KIB CPU_SECONDS" (wall time, peak resident memory, user + system time; the
# last is steadier than wall time on a busy machine); output and exit status are not judged
measure() {
  local start end
  start=$(date +%s%N)
  /usr/bin/time -f '%M %U %S' -o "$work/usage" "$@" >/dev/null 2>&1 || true
  end=$(date +%s%N)
  echo "$(( (end - start) / 1000 )) $(tail -1 "$work/usage" | awk '{ print $1, $2 + $3 }')"
}

median() {
  sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'
}

# bench LABEL GOAL_RATIO -- LASHING_ARGS... -- COMPOSE_LINT_ARGS...
bench() {
  local label=$1 goal=$2
  shift 2
  local lashing_args=() other_args=()
  shift # --
  while [ "$1" != -- ]; do lashing_args+=("$1"); shift; done
  shift
  other_args=("$@")
  : >"$work/a"
  : >"$work/b"
  for ((i = 0; i < runs; i++)); do
    (cd "$work" && measure "$lashing" lint "${lashing_args[@]}") >>"$work/a"
    if [ ${#compose_lint[@]} -gt 0 ]; then
      (cd "$work" && measure "${compose_lint[@]}" "${other_args[@]}") >>"$work/b"
    fi
  done
  local a_us a_kib a_cpu
  a_us=$(cut -d' ' -f1 "$work/a" | median)
  a_kib=$(cut -d' ' -f2 "$work/a" | median)
  a_cpu=$(cut -d' ' -f3 "$work/a" | median)
  printf '%-34s lashing %6.3f s %4d MiB cpu %5.2f s' "$label" "$(echo "$a_us / 1000000" | bc -l)" \
    $((a_kib / 1024)) "$a_cpu"
  if [ -s "$work/b" ]; then
    local b_us b_kib b_cpu
    b_us=$(cut -d' ' -f1 "$work/b" | median)
    b_kib=$(cut -d' ' -f2 "$work/b" | median)
    b_cpu=$(cut -d' ' -f3 "$work/b" | median)
    printf ' | compose-lint %6.3f s %4d MiB cpu %5.2f s | wall ratio %.2f (goal <= %s), cpu ratio %.2f' \
      "$(echo "$b_us / 1000000" | bc -l)" $((b_kib / 1024)) "$b_cpu" "$(echo "$a_us / $b_us" | bc -l)" "$goal" \
      "$(echo "$a_cpu / $b_cpu" | bc -l)"
  fi
  echo
}

echo "bench-startup: $runs runs each, median; launcher $lashing; $(nproc) cores"
bench "Plane self-host (variables.env)" 0.5 -- --env-file variables.env plane.yml -- plane.yml
bench "one-service file (goal <= 0.1 s)" - -- one.yml -- one.yml
bench "corpus, ${#corpus_files[@]} files in one run" 0.4 -- "${corpus_files[@]}" -- "${corpus_files[@]}"
