#!/usr/bin/env bash
# Builds the self-contained linux-x64 distribution from cli/target/lashing.jar: a Java runtime trimmed with
# jlink, the jar (split in two), ahead-of-time caches trained on the examples (JEP 483/514, recorded and made by
# bin/lashing: one for every command, one for lint alone), and bin/lashing, as cli/target/lashing-linux-x64/ and
# cli/target/lashing-VERSION-linux-x64.tar.gz.
#
#   scripts/build-dist.sh VERSION
#
# Maven's package phase runs it in cli/ (skip with -Ddist.skip). It needs a JDK 25 or later for jlink and the
# cache: LASHING_DIST_JDK, else a Temurin 25 under /usr/lib/jvm; without one it says so and builds nothing
# (the jar itself stays at release 17 and runs on any Java 17+).
set -euo pipefail
version=${1:?usage: build-dist.sh VERSION}
root=$(cd "$(dirname "$0")/.." && pwd)
target="$root/cli/target"

jdk=${LASHING_DIST_JDK:-}
if [ -z "$jdk" ]; then
  for candidate in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-25*; do
    if [ -x "$candidate/bin/jlink" ]; then
      jdk=$candidate
      break
    fi
  done
fi
if [ -z "$jdk" ] || [ ! -x "$jdk/bin/jlink" ]; then
  echo "build-dist: SKIPPED, no JDK 25 with jlink (set LASHING_DIST_JDK); no distribution built" >&2
  exit 0
fi
if [ "$(uname -s)-$(uname -m)" != Linux-x86_64 ]; then
  echo "build-dist: SKIPPED, the distribution is built for linux-x64 only" >&2
  exit 0
fi

image="$target/lashing-linux-x64"
work="$image.partial"
rm -rf "$work"
mkdir -p "$work/bin" "$work/lib"
# The modules the jar needs (jdeps: java.base and java.sql for the schema validator's JSON library, whose
# java.desktop parts - bean annotations - it skips when absent).
"$jdk/bin/jlink" --add-modules java.base,java.sql --strip-debug --no-man-pages --no-header-files \
  --output "$work/runtime"
# The jar in two (scripts/SplitJar.java says why): lashing.jar with Lashing's classes, the YAML reader and the
# option parser, all a lint run loads, and lashing-libs.jar, on its Class-Path, with the rest.
"$jdk/bin/java" "$root/scripts/SplitJar.java" "$target/lashing.jar" "$work/lib/lashing.jar" \
  "$work/lib/lashing-libs.jar" dev/ org/snakeyaml/ org/apache/commons/cli/ META-INF/services/dev.lashing.lint.RulePack
cp "$root/bin/lashing" "$work/bin/lashing"
cp "$root/README.md" "$work/README.md"
LASHING_AOT_TRAINING="$root/examples" "$work/bin/lashing"
LASHING_AOT_TRAINING="$root/examples" "$work/bin/lashing" lint

rm -rf "$image"
mv "$work" "$image"
archive="$target/lashing-$version-linux-x64.tar.gz"
# one top folder named after the version; fixed owner and order, so two builds of one jar pack alike
tar -C "$target" --transform "s,^lashing-linux-x64,lashing-$version-linux-x64," --owner=0 --group=0 \
  --numeric-owner --sort=name -czf "$archive.partial" lashing-linux-x64
mv "$archive.partial" "$archive"
echo "build-dist: $archive ($(du -h "$archive" | cut -f1))"
