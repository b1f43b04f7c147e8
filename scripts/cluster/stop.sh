#!/usr/bin/env bash
# Stops what scripts/cluster/start.sh started, front to back: HAProxy, the servers (drained by SIGTERM),
# PgBouncer, then the embedded PostgreSQL if the recipe started one.
set -uo pipefail
cd "$(dirname "$0")/../.."
DIR="${CLUSTER_DIR:-.cluster}"
[[ -d "$DIR" ]] || { echo "cluster: nothing in $DIR" >&2; exit 0; }

stop_pid_file() { # file, seconds to wait
  local file="$1" pid
  [[ -s "$file" ]] || return 0
  pid="$(cat "$file")"
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid" 2>/dev/null
    for ((i = 0; i < $2 * 10; i++)); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null
  fi
  rm -f "$file"
}

stop_pid_file "$DIR/haproxy.pid" 5
for f in "$DIR"/server-*.pid; do [[ -e "$f" ]] && stop_pid_file "$f" 30 & done
wait
stop_pid_file "$DIR/pgbouncer/pgbouncer.pid" 5
stop_pid_file "$DIR/postgres.pid" 30
echo "cluster: stopped"
