#!/usr/bin/env bash
# Starts a whole deployment on 127.0.0.1: PostgreSQL (DATABASE_URL, or an embedded one), PgBouncer in transaction
# pooling mode, N server processes, and HAProxy round-robin in front of them. scripts/cluster/stop.sh stops it all.
#
#   scripts/cluster/start.sh [N]        N server processes (default 2)
#
# Environment: CLUSTER_DIR (default .cluster: configs, logs, pid files, the embedded database), CLUSTER_PORT (the
# HAProxy front, default 3000), CLUSTER_BASE_PORT (first server port, default 3101), PGBOUNCER_PORT (default 6432),
# DATABASE_URL (optional), and the server's own variables (JWT_SECRET, ADMIN_*, API_CLIENT_*, ...), passed to every
# process. JWT_SECRET is generated once into CLUSTER_DIR when unset: every process must sign with the same key.
set -euo pipefail
cd "$(dirname "$0")/../.."
N="${1:-2}"
DIR="$(mkdir -p "${CLUSTER_DIR:-.cluster}" && cd "${CLUSTER_DIR:-.cluster}" && pwd)"
FRONT_PORT="${CLUSTER_PORT:-3000}"
BASE_PORT="${CLUSTER_BASE_PORT:-3101}"
PGB_PORT="${PGBOUNCER_PORT:-6432}"

missing=()
for cmd in pgbouncer haproxy; do command -v "$cmd" >/dev/null || missing+=("$cmd"); done
if ((${#missing[@]})); then
  echo "cluster: ${missing[*]} not found; install with: apt-get install ${missing[*]}" >&2
  exit 1
fi
[[ "$N" =~ ^[1-9][0-9]?$ ]] || { echo "cluster: N must be a number of processes (1-99), got '$N'" >&2; exit 1; }
[[ -f dist/main.js ]] || npm run build >/dev/null
[[ -f "$DIR/haproxy.pid" ]] && { echo "cluster: already running in $DIR (scripts/cluster/stop.sh first)" >&2; exit 1; }

wait_for() { # url, seconds
  for ((i = 0; i < $2 * 10; i++)); do curl -fsS -o /dev/null "$1" 2>/dev/null && return 0; sleep 0.1; done
  return 1
}

# 1. PostgreSQL: the given one, or an embedded one in CLUSTER_DIR/db.
if [[ -z "${DATABASE_URL:-}" ]]; then
  rm -f "$DIR/db/url"
  nohup node scripts/cluster/embedded-pg.mjs "$DIR/db" >"$DIR/postgres.log" 2>&1 &
  echo $! >"$DIR/postgres.pid"
  for ((i = 0; i < 600; i++)); do [[ -s "$DIR/db/url" ]] && break; sleep 0.1; done
  [[ -s "$DIR/db/url" ]] || { echo "cluster: the embedded PostgreSQL did not start (see $DIR/postgres.log)" >&2; exit 1; }
  DATABASE_URL="$(cat "$DIR/db/url")"
fi
DIRECT_URL="$DATABASE_URL"
read -r PG_USER PG_PASS PG_HOST PG_PORT PG_DB < <(node -e '
  const u = new URL(process.argv[1]);
  console.log([decodeURIComponent(u.username), decodeURIComponent(u.password) || "-", u.hostname, u.port || "5432", u.pathname.slice(1) || "postgres"].join(" "));
' "$DIRECT_URL")

# 2. PgBouncer, transaction pooling. It refuses to run as root: then it runs as the postgres user, in a folder of its own.
PGB_DIR="$DIR/pgbouncer"
mkdir -p "$PGB_DIR"
cat >"$PGB_DIR/pgbouncer.ini" <<INI
[databases]
$PG_DB = host=$PG_HOST port=$PG_PORT dbname=$PG_DB
[pgbouncer]
listen_addr = 127.0.0.1
listen_port = $PGB_PORT
unix_socket_dir =
auth_type = plain
auth_file = $PGB_DIR/userlist.txt
pool_mode = transaction
max_client_conn = 1000
default_pool_size = 40
ignore_startup_parameters = extra_float_digits,options
logfile = $PGB_DIR/pgbouncer.log
pidfile = $PGB_DIR/pgbouncer.pid
INI
printf '"%s" "%s"\n' "$PG_USER" "$PG_PASS" >"$PGB_DIR/userlist.txt"
chmod 600 "$PGB_DIR/userlist.txt"
if [[ "$(id -u)" == 0 ]]; then
  chown -R postgres "$PGB_DIR"
  chmod o+x "$DIR"
  pgbouncer -d -u postgres "$PGB_DIR/pgbouncer.ini"
else
  pgbouncer -d "$PGB_DIR/pgbouncer.ini"
fi
POOLED_URL="postgres://$(node -e 'console.log(encodeURIComponent(process.argv[1]) + ":" + encodeURIComponent(process.argv[2]))' "$PG_USER" "$PG_PASS")@127.0.0.1:$PGB_PORT/$PG_DB"

# 3. N server processes: the pool through PgBouncer, LISTEN on the direct connection.
if [[ -z "${JWT_SECRET:-}" ]]; then
  [[ -s "$DIR/jwt-secret" ]] || node -e 'process.stdout.write(require("crypto").randomBytes(48).toString("base64url"))' >"$DIR/jwt-secret"
  JWT_SECRET="$(cat "$DIR/jwt-secret")"
fi
for ((i = 1; i <= N; i++)); do
  port=$((BASE_PORT + i - 1))
  mkdir -p "$DIR/server-$i"
  PORT="$port" DATABASE_URL="$POOLED_URL" DATABASE_LISTEN_URL="$DIRECT_URL" DATABASE_POOL_MODE=transaction \
    JWT_SECRET="$JWT_SECRET" DATA_DIR="$DIR/server-$i" \
    nohup node dist/main.js >"$DIR/server-$i.log" 2>&1 &
  echo $! >"$DIR/server-$i.pid"
done
for ((i = 1; i <= N; i++)); do
  wait_for "http://127.0.0.1:$((BASE_PORT + i - 1))/health" 60 || { echo "cluster: server $i did not start (see $DIR/server-$i.log)" >&2; exit 1; }
done

# 4. HAProxy, round-robin, checking each process's liveness.
{
  printf 'global\n  maxconn 4096\n  pidfile %s/haproxy.pid\ndefaults\n  mode http\n  timeout connect 5s\n  timeout client 120s\n  timeout server 120s\n  option http-keep-alive\n' "$DIR"
  printf 'frontend api\n  bind 127.0.0.1:%s\n  default_backend servers\nbackend servers\n  balance roundrobin\n  option httpchk GET /health/live\n' "$FRONT_PORT"
  for ((i = 1; i <= N; i++)); do printf '  server s%d 127.0.0.1:%d check inter 1s\n' "$i" "$((BASE_PORT + i - 1))"; done
} >"$DIR/haproxy.cfg"
haproxy -D -f "$DIR/haproxy.cfg"
wait_for "http://127.0.0.1:$FRONT_PORT/health" 20 || { echo "cluster: HAProxy does not answer on $FRONT_PORT" >&2; exit 1; }
echo "cluster: http://127.0.0.1:$FRONT_PORT -> HAProxy -> $N servers (ports $BASE_PORT..$((BASE_PORT + N - 1))) -> PgBouncer :$PGB_PORT (transaction pooling) -> PostgreSQL $PG_HOST:$PG_PORT"
