#!/usr/bin/env bash
# Hostile input in bounded time: builds each case in a temporary folder, lints it (or runs HOSTILE_COMMAND on it)
# with the shipped launcher (bin/lashing) or a given jar (java -jar JAR), and prints the exit code, wall time, CPU
# time (user and system: on a busy machine the steadier figure), peak memory (maximum resident set) and the first
# line of the message.
#   scripts/hostile.sh [JAR]         (build first with mvn -q -B package -DskipTests)
#   HOSTILE_COMMAND=fix scripts/hostile.sh     (the same cases through fix, patch, config or validate)
# A case's folder may hold a file "format" naming lint's report format (text when absent); other commands run
# the cases that have none.
# Each should end in under 2 s with a positioned message (exit 2) or, where the input is valid, a normal
# result (exit 0 or 1); the tests in cli (HostileInputTest) check the outcomes, this script the cost.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ $# -gt 0 ]; then
  lashing=(java -jar "$(realpath "$1")")
else
  lashing=("$PWD/bin/lashing")
fi
limit=${HOSTILE_TIMEOUT:-120} # seconds; a case still running then is stopped and shown with exit 124
command=${HOSTILE_COMMAND:-lint}
case $command in
  lint | fix | validate | patch | config) ;;
  *) echo "hostile: HOSTILE_COMMAND is lint, fix, patch, config or validate, not $command" >&2; exit 2 ;;
esac
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

python3 - "$work" <<'PY'
import os, sys
w = sys.argv[1]
def case(name, files):
    d = os.path.join(w, name); os.makedirs(d)
    for f, text in files.items():
        mode = "wb" if isinstance(text, bytes) else "w"
        with open(os.path.join(d, f), mode) as out: out.write(text)
MB = 1 << 20
case("scalar-5MB", {"compose.yaml": "services:\n  web:\n    image: " + "a" * (5 * MB) + "\n"})
case("flow-line-5MB", {"compose.yaml": "services: {" + ", ".join(
    "s%d: {image: 'nginx:1.27', ports: ['%d:80']}" % (i, 10000 + i % 50000) for i in range(5 * MB // 45)) + "}\n"})
services = "services:\n" + "".join("  service-%06d:\n    image: nginx:1.27\n" % i for i in range(100000))
case("services-100000", {"compose.yaml": services})
# names that all share one Java String hash ("Aa" and "BB" hash alike, and so does every word of them)
case("services-100000-one-hash", {"compose.yaml": "services:\n" + "".join("  s%s:\n    image: nginx:1.27\n" % "".join(
    "Aa" if i >> bit & 1 else "BB" for bit in range(17)) for i in range(100000))})
# a million findings in the report formats that carry every field (and, in SARIF, each fix's edits)
case("services-100000-json", {"compose.yaml": services, "format": "json"})
case("services-100000-sarif", {"compose.yaml": services, "format": "sarif"})
# and in one written line by line (as are Checkstyle and JUnit): no more memory than the text format's
case("services-100000-github", {"compose.yaml": services, "format": "github"})
# a media relay's range of every port: 65,535 bindings of one entry
case("port-range-65535", {"compose.yaml": "services:\n  turn:\n    image: coturn/coturn:4.6\n"
    "    ports: [\"3478:3478/udp\", \"1-65535:1-65535/udp\"]\n"})
# two relays on that range: the entry published again is one finding, not one for each of its 65,535 ports
case("port-range-65535-two-services", {"compose.yaml": "services:\n" + "".join(
    "  turn-%d:\n    image: coturn/coturn:4.6\n    ports: [\"1-65535:1-65535/udp\"]\n" % i for i in range(2))})
# one host port on 20,000 addresses of their own: each claim is looked up among the earlier ones, not compared with each
case("port-on-20000-addresses", {"compose.yaml": "services:\n" + "".join(
    "  s%d:\n    image: nginx:1.27\n    ports: [\"10.0.%d.%d:1000:1000\"]\n" % (i, i // 250, i % 250)
    for i in range(20000))})
# a hundred would be 6.5 million bindings from 8 KB: past 131,072, each range is refused where it is written
case("port-range-65535-hundred-services", {"compose.yaml": "services:\n" + "".join(
    "  turn-%d:\n    image: coturn/coturn:4.6\n    ports: [\"1-65535:1-65535/udp\"]\n" % i for i in range(100))})
# extends copies its base into each service: past 131,072 bindings, or 2 million nodes, a copy is refused
case("extends-port-range-100", {"compose.yaml": "services:\n  base:\n    image: coturn/coturn:4.6\n"
    "    ports: [\"127.0.0.1:1-65535:1-65535/udp\"]\n" + "".join(
    "  turn-%d:\n    extends: base\n" % i for i in range(100))})
# an env file's variables go into each service that reads it: a thousand services, 100,000 variables
case("env-file-100000-times-1000", {"vars.env": "".join("V%d=x\n" % i for i in range(100000)),
    "compose.yaml": "services:\n" + "".join("  s%d:\n    image: nginx:1.27\n    env_file: vars.env\n" % i
                                            for i in range(1000))})
# each step of a chain through other files copies the base again: a thousand files onto 65,535 labels
chain = {"compose.yaml": "services:\n  app:\n    extends: {file: e1.yaml, service: s}\n"}
for i in range(1, 1000):
    chain["e%d.yaml" % i] = "services:\n  s:\n    extends: {file: e%d.yaml, service: s}\n" % (i + 1)
chain["e1000.yaml"] = "services:\n  s:\n    image: nginx:1.27\n    labels:\n" + "".join(
    "      l%d: x\n" % i for i in range(65535))
case("extends-file-chain-1000-onto-65535-labels", chain)
case("extends-labels-65535-times-1000", {"compose.yaml": "services:\n  base:\n    image: nginx:1.27\n    labels:\n"
    + "".join("      l%d: x\n" % i for i in range(65535)) + "".join(
    "  web-%d:\n    extends: base\n" % i for i in range(1000))})
# 30,000 ports in long form, each its own finding and its own fix (HOSTILE_COMMAND=fix plans them all)
case("ports-long-form-30000", {"compose.yaml": "services:\n  s:\n    image: busybox:1.36\n    ports:\n" + "".join(
    "      - {target: %d, published: \"%d\"}\n" % (i, i) for i in range(1, 30001))})
case("documents-20000", {"compose.yaml": "".join("---\nservices: {s%d: {image: busybox}}\n" % i for i in range(20000))})
head = "services:\n  web:\n    image: nginx:1.27\n    labels:\n"
body = "".join("      l%07d: x\n" % i for i in range(10 ** 6))[: 16 * MB - 1 - len(head) - 1]
body = body[: body.rfind("\n") + 1]
case("file-16MiB-minus-1", {"compose.yaml": head + body + "#" * (16 * MB - 1 - len(head) - len(body) - 1) + "\n"})
case("environment-list-100000", {"compose.yaml": "services:\n  web:\n    image: nginx:1.27\n    environment:\n"
    + "".join("      - V%d=x\n" % i for i in range(100000))})
case("key-1MB", {"compose.yaml": "services:\n  web:\n    image: nginx:1.27\n    labels:\n      " + "k" * MB + ": v\n"})
depth = 1000
ext = {"compose.yaml": "services:\n  s0:\n    extends: {file: e1.yaml, service: s}\n    image: nginx:1.27\n"}
for i in range(1, depth):
    ext["e%d.yaml" % i] = "services:\n  s:\n    extends: {file: e%d.yaml, service: s}\n    environment: [L%d=1]\n" % (i + 1, i)
ext["e%d.yaml" % depth] = "services:\n  s:\n    image: busybox\n"
case("extends-chain-1000", ext)
case("extends-in-file-1000", {"compose.yaml": "services:\n  s0:\n    image: busybox:1.36\n    environment: [A0=1]\n"
    + "".join("  s%d:\n    extends: s%d\n    environment: [A%d=1]\n" % (i, i - 1, i) for i in range(1, depth))})
case("extends-fan-onto-chain-400", {
    "base.yaml": "services:\n" + "".join("  b%d:\n    extends: b%d\n    environment: [B%d=1]\n" % (i, i + 1, i)
                                           for i in range(399)) + "  b399:\n    image: busybox:1.36\n",
    "compose.yaml": "services:\n" + "".join("  s%d:\n    extends: {file: base.yaml, service: b0}\n" % i
                                              for i in range(400))})
inc = {"compose.yaml": "include: [i1.yaml]\nservices:\n  web: {image: nginx:1.27}\n"}
for i in range(1, depth):
    inc["i%d.yaml" % i] = "include: [i%d.yaml]\nservices:\n  s%d: {image: busybox}\n" % (i + 1, i)
inc["i%d.yaml" % depth] = "services:\n  last: {image: busybox}\n"
case("include-chain-1000", inc)
case("env-1M-lines", {"compose.yaml": "services:\n  web:\n    image: nginx:${TAG}\n",
                      ".env": "".join("V%07d=value\n" % i for i in range(10 ** 6)) + "TAG=1.27\n"})
case("env-self-doubling", {"compose.yaml": "services:\n  web:\n    image: nginx:${A}\n",
                           ".env": "A=0123456789abcdef\n" + "A=${A}${A}\n" * 60})
bomb = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
    "a%d: &a%d [%s]\n" % (i, i, ", ".join(["*a%d" % (i - 1)] * 10)) for i in range(1, 12))
case("lashing-yml-alias-bomb", {"compose.yaml": "services:\n  web: {image: nginx:1.27}\n", ".lashing.yml": bomb})
case("compose-alias-bomb", {"compose.yaml": bomb})
case("merge-anchor-30000", {"compose.yaml": "x-common: &common\n  restart: always\n  read_only: true\n"
    "  logging: {driver: json-file, options: {max-size: 10m}}\nservices:\n" + "".join(
    "  service-%d:\n    <<: *common\n    image: registry.example/app-%d:1.0\n    environment: {ROLE: worker, INDEX: \"%d\"}\n"
    "    labels: [team=core, tier=back]\n" % (i, i, i) for i in range(30000))})
case("suppressions-20000", {"compose.yaml": "services:\n  web:\n    image: nginx:1.27\n" + "".join(
    "    # lashing-ignore cpu-limit -- reason %d\n" % i for i in range(20000))})
case("references-50000", {"compose.yaml": "services:\n  web:\n    image: nginx:1.27\n    environment:\n      X: \""
    + " ".join("${V%d:-d%d}" % (i, i) for i in range(50000)) + "\"\n"})
# each config's only source is refused: the "one of file|environment|content" check asks, per config, whether an
# earlier error lies within it
case("configs-refused-20000", {"compose.yaml": "services:\n  web:\n    image: nginx:1.27\nconfigs:\n" + "".join(
    "  c%d:\n    external: ${UNSET_%d}\n" % (i, i) for i in range(20000))})
# each image reads an unset tag: invalid-value asks, per image it would report, which unset variables it reads
case("images-unset-20000", {"compose.yaml": "services:\n" + "".join(
    "  s%d:\n    image: app:${TAG_%d}\n" % (i, i) for i in range(20000))})
case("defaults-nested-20000", {"compose.yaml": "services:\n  web:\n    image: \"nginx:" + "".join(
    "${V%d:-" % i for i in range(20000)) + "1.27" + "}" * 20000 + "\"\n"})
# a tab after a key's colon (read again with it as a space) and 200,000 quoted values that hold one as text
case("tabs-in-values-200000", {"compose.yaml": "services:\n  web:\n    image:\tnginx:1.27\n    environment:\n"
     + "".join("      K%d: \"a:\tb\"\n" % i for i in range(200000))})
case("nesting-20000", {"compose.yaml": "x: " + "[" * 20000 + "]" * 20000 + "\n"})
case("invalid-utf8", {"compose.yaml": b"services:\n  web:\n    image: \xff\xfe\n"})
PY

printf '%-24s %5s %8s %8s %9s  %s\n' case exit seconds "cpu s" "peak MB" "first line of output"
for dir in "$work"/*/; do
  name=$(basename "$dir")
  case $command in
    lint) args=(lint --format "$(cat "$dir/format" 2>/dev/null || echo text)" compose.yaml) ;;
    fix | validate) args=("$command" compose.yaml) ;;
    patch | config) args=("$command" -f compose.yaml) ;;
  esac
  if [ "$command" != lint ] && [ -f "$dir/format" ]; then
    continue
  fi
  set +e
  ( cd "$dir" && /usr/bin/time -f '%e %M %U %S' -o ../"$name".time timeout "$limit" "${lashing[@]}" "${args[@]}" \
      >../"$name".out 2>&1 )
  code=$?
  set -e
  read -r seconds kb user system < <(tail -n 1 "$work/$name.time")
  first=$(grep -m1 -v '^[[:space:]]*$' "$work/$name.out" | cut -c1-100 || true)
  rm -f "$work/$name.out" # a report of a million findings runs to a gigabyte
  cpu=$(awk -v u="$user" -v s="$system" 'BEGIN { printf "%.2f", u + s }')
  printf '%-24s %5s %8s %8s %9s  %s\n' "$name" "$code" "$seconds" "$cpu" "$((kb / 1024))" "$first"
done
