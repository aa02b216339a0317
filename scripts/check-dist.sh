#!/usr/bin/env bash
# Checks the self-contained distribution the build made: unpacked into an empty folder and run with a PATH
# that has no java, it lints the example stack with the same output and exit code as the plain jar.
#   scripts/check-dist.sh      (after `mvn package` or `mvn verify`; .ci/run runs it)
set -euo pipefail
cd "$(dirname "$0")/.."
version=$(java -jar cli/target/lashing.jar --version | sed -n 's/^lashing //p')
archive="cli/target/lashing-$version-linux-x64.tar.gz"
if [ ! -f "$archive" ]; then
  echo "check-dist: $archive is missing (the build needs a JDK 25 for it: see scripts/build-dist.sh)" >&2
  exit 1
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/unpacked" "$work/path"
tar -C "$work/unpacked" -xzf "$archive"
# the launcher needs only sh (it runs no other program before java): nothing, and certainly no java, is on this PATH
if PATH="$work/path" command -v java >/dev/null; then
  echo "check-dist: the test PATH has a java" >&2
  exit 1
fi

example=examples/plane/docker-compose.yml
set +e
PATH="$work/path" /bin/sh "$work/unpacked/lashing-$version-linux-x64/bin/lashing" lint "$example" \
  >"$work/dist.out" 2>"$work/dist.err"
dist_status=$?
java -jar cli/target/lashing.jar lint "$example" >"$work/jar.out" 2>"$work/jar.err"
jar_status=$?
set -e
if [ "$dist_status" != "$jar_status" ] || ! cmp -s "$work/dist.out" "$work/jar.out" \
  || ! cmp -s "$work/dist.err" "$work/jar.err"; then
  echo "check-dist: the distribution (exit $dist_status) and the jar (exit $jar_status) differ on $example:" >&2
  diff "$work/jar.out" "$work/dist.out" >&2 || true
  diff "$work/jar.err" "$work/dist.err" >&2 || true
  exit 1
fi

# Run from its own jar, the command line takes Lashing's own rule packs without reading the jar's merged provider
# list (InstalledRules): they must be every pack the ServiceLoader finds on a class path of the jar and another
# entry, where it reads that list.
mkdir "$work/empty"
PATH="$work/path" /bin/sh "$work/unpacked/lashing-$version-linux-x64/bin/lashing" rules >"$work/dist-rules.out"
java -cp "cli/target/lashing.jar:$work/empty" dev.lashing.cli.Main rules >"$work/all-rules.out"
if ! cmp -s "$work/dist-rules.out" "$work/all-rules.out"; then
  echo "check-dist: the distribution does not list the rules the ServiceLoader finds:" >&2
  diff "$work/all-rules.out" "$work/dist-rules.out" >&2 || true
  exit 1
fi

# Start-up: a run makes no class at run time. The rules' metadata is read as the annotation processor wrote it out,
# so no dynamic proxy class is made and no annotation is read (together about an eighth of a one-service lint's CPU
# time when @RuleInfo was read by reflection). And no class is spun through the JDK's class-file API, whose first use
# in a run costs milliseconds: the ahead-of-time cache holds the lambdas and string concatenations its training
# ran, but not a record's generated equals, hashCode and toString (so records that are compared or hashed write
# them out), nor the serializable lambdas of Comparator.comparing and its kin (AheadOfTimeCacheTest forbids them),
# nor a lambda the training never ran (rare paths loop instead). Checked on lint, fix, patch and config of the
# examples, and on a file Compose refuses.
printf 'services:\n  web:\n    image: nginx:1.27\n' >"$work/one.yaml"
printf 'services:\n  web:\n    image: nginx:1.27\n    ports: ["http:80"]\n' >"$work/refused.yaml"
reflection='jdk/proxy|java/lang/classfile/|jdk/internal/classfile/|sun/reflect/annotation/AnnotationInvocationHandler'
plane=examples/plane/docker-compose.yml
for run in "lint $work/one.yaml" "lint $plane" "fix $plane" "patch -f $plane" "config -f $plane" \
  "lint $work/refused.yaml" "fix $work/refused.yaml"; do
  # shellcheck disable=SC2086 # each run is a command and its arguments
  JAVA_TOOL_OPTIONS="-Xlog:class+init=info:file=$work/init.log -Xlog:exceptions=info:file=$work/exceptions.log" \
    PATH="$work/path" \
    /bin/sh "$work/unpacked/lashing-$version-linux-x64/bin/lashing" $run >/dev/null 2>&1 || true
  reflective=$(grep -E "Initializing '($reflection)" "$work/init.log" || true)
  if [ ! -s "$work/init.log" ] || [ -n "$reflective" ]; then
    echo "check-dist: lashing $run initialises proxy, class-file or annotation classes (or logged nothing):" >&2
    echo "$reflective" | head -5 >&2
    exit 1
  fi
  # The archive is unpacked elsewhere than where its caches were trained: the classes taken from the cache must
  # still find their jar (bin/lashing names it by a path that is the same everywhere), not throw looking for it.
  missing=$(grep -c "NoSuchFileException'" "$work/exceptions.log" || true)
  if [ "$missing" != 0 ]; then
    echo "check-dist: lashing $run threw $missing NoSuchFileExceptions (the cache's jar path not found?)" >&2
    exit 1
  fi
done
echo "check-dist: $archive lints $example without java on the PATH, as the jar does (exit $dist_status), lists"\
  "every rule pack's rules, and makes no class at run time, nor throws looking for its jar"
