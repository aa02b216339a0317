#!/usr/bin/env bash
# Installs the reference tools some tests compare against. Tests that need a tool skip, saying so, when
# it is missing, so this is only needed where those comparisons should run (CI does run it).
#  - docker-compose 1.29 (Debian package): its `config` works without a Docker engine.
#  - neovim (Debian package): its built-in LSP client drives `lashing lsp` in the editor test.
set -euo pipefail
missing=()
command -v docker-compose >/dev/null 2>&1 || missing+=(docker-compose)
command -v nvim >/dev/null 2>&1 || missing+=(neovim)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "install-test-tools: ${missing[*]} not installed and cannot install (need root and apt-get);" \
      "the tests that use them will be skipped" >&2
  fi
fi
