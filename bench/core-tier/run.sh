#!/usr/bin/env bash
# Times the @core spec tier on the real local model (or the provider in KAIZEN_LLM_PROVIDER) and prints, per
# scenario, the wall time, model calls, prompt and generated tokens, then the totals and tokens/s.
# Usage: bench/core-tier/run.sh [runs=1] [filter=Category=core]
# The model must be installed (tools/model/install.sh); the build is done once before the first timed run.
# A run of the whole core tier is also archived in docs/living-doc/runs/ (as the README's main command does), so the
# living doc's history and flakiness figures include it.
set -euo pipefail
cd "$(dirname "$0")/../.."
runs="${1:-1}"
filter="${2:-Category=core}"
tools/model/install.sh >&2
dotnet build src/Kaizen.Specs -nologo -v q >&2
out="$(mktemp -d "${TMPDIR:-/tmp}/kaizen-core-bench.XXXXXX")"
for run in $(seq 1 "$runs"); do
  start=$(date +%s)
  status=0
  stamp=$(date -u +%Y%m%d-%H%M%S)
  if [ "$filter" = "Category=core" ]; then
    mkdir -p docs/living-doc/runs
    export REQNROLL_FORMATTERS="{\"formatters\":{\"message\":{\"outputFilePath\":\"$PWD/docs/living-doc/runs/$stamp.ndjson\"}}}"
  fi
  dotnet test src/Kaizen.Specs --no-build --filter "$filter" --logger "trx;LogFileName=run$run.trx" --results-directory "$out" >"$out/run$run.log" 2>&1 || status=$?
  wall=$(( $(date +%s) - start ))
  echo "run $run: exit $status, wall ${wall} s"
  python3 bench/core-tier/summarise.py "$out/run$run.trx" "$wall"
done
