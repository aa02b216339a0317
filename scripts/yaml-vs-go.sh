#!/usr/bin/env bash
# Lashing's YAML reader beside Compose's (go-yaml v3) on every file of a folder: which files each reads and which
# it refuses, and the files where they disagree (one reads, the other refuses, or both read different values). A
# development check of the reader's fidelity, not a test: it needs Go and go-yaml from Debian (apt-get install
# golang-go golang-gopkg-yaml.v3-dev), which CI does not install.
#   scripts/yaml-vs-go.sh DIR [JAR]     e.g. DIR = a fuzz corpus (rules/.cifuzz-corpus/...) or ../shared/corpus/files
# Lashing refuses on purpose a few files go-yaml reads, where the two readers would read different text: a NEL, LS
# or PS ("... is a line break to Compose's YAML reader"), and an anchor name with a character at which go-yaml ends
# it and reads the rest as something else (&a:b); those are counted apart, and so is -0, a float to go-yaml v4
# (compose-go 2.10) and Lashing, the integer 0 to Debian's v3.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=$(realpath "$1")
jar=$(realpath "${2:-cli/target/lashing.jar}")
if ! command -v go >/dev/null || [ ! -d /usr/share/gocode/src/gopkg.in/yaml.v3 ]; then
  echo "yaml-vs-go: needs Go and go-yaml: apt-get install golang-go golang-gopkg-yaml.v3-dev" >&2
  exit 2
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp scripts/yaml-oracle/main.go "$work/"
(cd "$work" && GO111MODULE=off GOPATH=/usr/share/gocode GOCACHE="$work/cache" go build -o go-yaml-reader main.go)
# Each line: name, then OK and the value read, or ERR (or CRASH) and the message; the value into one field.
"$work/go-yaml-reader" "$dir" | sed 's/\tOK\t/\tOK /' | sort >"$work/go"
java -cp "$jar" scripts/yaml-oracle/LashingReader.java "$dir" | sed 's/\tOK\t/\tOK /' | sort >"$work/lashing"
join -t$'\t' "$work/go" "$work/lashing" >"$work/both"
awk -F'\t' '
  { go = $2 ~ /^OK/ ? "reads" : "refuses"; l = $3 ~ /^OK/ ? "reads" : $3 ~ /^CRASH/ ? "CRASHES on" : "refuses" }
  go == l && (go == "refuses" || $2 == $3) { agree++; next }
  go == l { v4 = $3; gsub(/float\(-0\)/, "int(0)", v4) }
  go == l && v4 == $2 { meant++; next }
  go == l { printf "%s\tboth read, values differ\t%s | %s\n", $1, substr($2, 4, 100), substr($3, 4, 100); differ++; next }
  $3 ~ /line break to Compose|ends this comment for Compose|takes only ASCII letters/ { meant++; next }
  { printf "%s\tgo-yaml %s, Lashing %s\t%s | %s\n", $1, go, l, substr($2, 1, 100), substr($3, 1, 100); differ++ }
  END { printf "yaml-vs-go: %d files, %d alike, %d differ on purpose (NEL, LS, PS, anchor names, -0), %d differ\n",
        NR, agree, meant, differ }' "$work/both"
