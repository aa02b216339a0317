#!/usr/bin/env bash
# Installs the reference tools some tests compare against. Tests that need a tool skip, saying so, when
# it is missing, so this is only needed where those comparisons should run (CI does run it).
#  - docker-compose 1.29 (Debian package): its `config` works without a Docker engine.
set -euo pipefail
if ! command -v docker-compose >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq docker-compose >/dev/null
  else
    echo "install-test-tools: docker-compose not installed and cannot install it (need root and apt-get);" \
      "the comparison tests will be skipped" >&2
  fi
fi
