#!/usr/bin/env bash
# Runs the spec suite several times in a row (default 3) on one build, to show it is not flaky:
#   src/Kaizen.Specs/repeat.sh                      # everything, 3 times
#   src/Kaizen.Specs/repeat.sh 5 Category=core      # the core tier, 5 times
# Prints one line per run and, at the end, whether every run had the same failures (ideally none).
set -uo pipefail
cd "$(dirname "$0")"
runs="${1:-3}"
filter="${2:-}"
dotnet build --nologo -v quiet . >/dev/null || { echo "repeat.sh: build failed" >&2; exit 2; }
declare -a outcomes=()
for i in $(seq 1 "$runs"); do
  out=$(dotnet test --no-build --nologo ${filter:+--filter "$filter"} 2>&1)
  summary=$(grep -E "^(Passed|Failed)!" <<<"$out" | sed 's/ - Kaizen.Specs.dll.*//')
  failed=$(grep -E "^  Failed " <<<"$out" | sed -E 's/^  Failed (.*) \[[^]]*\]$/\1/' | sort | tr '\n' '|')
  echo "run $i: $summary"
  outcomes+=("$failed")
done
for o in "${outcomes[@]}"; do [ "$o" == "${outcomes[0]}" ] || { echo "repeat.sh: runs differ: the suite is flaky"; exit 1; }; done
if [ -z "${outcomes[0]}" ]; then echo "repeat.sh: $runs green runs in a row"; else echo "repeat.sh: $runs identical runs; failing every time: ${outcomes[0]}"; exit 1; fi
