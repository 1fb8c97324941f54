#!/usr/bin/env bash
# A throw-away PostgreSQL cluster for a test run, on a free loopback port under a temporary folder.
#   tools/postgres/throwaway-cluster.sh start   prints "<data folder> <connection string>"
#   tools/postgres/throwaway-cluster.sh stop <data folder>
# As root, initdb and the server run as the `postgres` user (PostgreSQL refuses to run as root).
set -euo pipefail

bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -n "$bin" ] || bin=$(dirname "$(command -v initdb 2>/dev/null || echo /nonexistent/initdb)")
as_server() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

case "${1:-}" in
  start)
    [ -x "$bin/initdb" ] || { echo "throwaway-cluster: PostgreSQL is not installed (no initdb)" >&2; exit 3; }
    dir=$(mktemp -d /tmp/kaizen-pg-XXXXXX)
    [ "$(id -u)" = 0 ] && chown postgres "$dir"
    port=""
    for _ in $(seq 1 50); do
      candidate=$((20000 + RANDOM % 40000))
      if ! (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then port=$candidate; break; fi
    done
    [ -n "$port" ] || { echo "throwaway-cluster: no free port found" >&2; exit 4; }
    as_server "$bin/initdb" -D "$dir/cluster" -U kaizen -A trust --no-sync -E UTF8 --locale=C >"$dir/initdb.log" 2>&1 \
      || { cat "$dir/initdb.log" >&2; exit 5; }
    as_server "$bin/pg_ctl" -D "$dir/cluster" -l "$dir/server.log" -w -t 60 \
      -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=off" start >/dev/null \
      || { cat "$dir/server.log" >&2; exit 6; }
    echo "$dir Host=127.0.0.1;Port=$port;Database=postgres;Username=kaizen;Maximum Pool Size=100"
    ;;
  stop)
    dir="${2:?usage: throwaway-cluster.sh stop <data folder>}"
    as_server "$bin/pg_ctl" -D "$dir/cluster" -m immediate -w stop >/dev/null 2>&1 || true
    rm -rf "$dir"
    ;;
  *)
    echo "usage: throwaway-cluster.sh start | stop <data folder>" >&2
    exit 2
    ;;
esac
