#!/usr/bin/env bash
# The scaled-out topology with the real binaries, no Docker: a private PostgreSQL, a Chroma server,
# N `coach serve` replicas (each on its own COACH_HOME) and a round-robin proxy in front.
#
#   bash scripts/replicas.sh [N=2] [PORT=8000]       # Ctrl-C (or SIGTERM) stops everything
#
# Logs, homes and Chroma data live in $COACH_REPLICAS_DIR (default: a new temp dir); the private
# PostgreSQL is a throwaway, removed on exit: set COACH_DATABASE_URL to keep the data in an existing
# PostgreSQL instead. compose.yaml is the same topology under Docker.
set -euo pipefail
cd "$(dirname "$0")/.."

N="${1:-2}"
PORT="${2:-8000}"
PY=.venv/bin/python
WORK="${COACH_REPLICAS_DIR:-$(mktemp -d /tmp/coach-replicas-XXXXXX)}"
mkdir -p "$WORK"
free_port() { "$PY" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
as_postgres() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

pids=()
PGDATA=""
stop() {
  trap - EXIT INT TERM
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  if [ -n "$PGDATA" ]; then
    as_postgres "$PGBIN/pg_ctl" -D "$PGDATA" -m fast stop >/dev/null 2>&1 || true
    rm -rf "$PGDIR"
  fi
}
trap stop EXIT INT TERM

wait_http() {  # url, what
  for _ in $(seq 1 600); do
    if "$PY" -c "import httpx,sys; sys.exit(httpx.get('$1', timeout=1).status_code != 200)" 2>/dev/null; then
      return 0
    fi
    sleep 0.2
  done
  echo "replicas: $2 did not come up ($1); logs in $WORK" >&2
  exit 1
}

if [ -z "${COACH_DATABASE_URL:-}" ]; then
  PGBIN="$(dirname "$(ls /usr/lib/postgresql/*/bin/postgres | sort -V | tail -1)")"
  # its own temp dir: postgres (not root) must reach it, and $WORK's parents may be root-only
  PGDIR="$(mktemp -d /tmp/coach-replicas-pg-XXXXXX)"
  PGDATA="$PGDIR/data"
  PGPORT="$(free_port)"
  if [ "$(id -u)" -eq 0 ]; then chown postgres:postgres "$PGDIR"; fi
  as_postgres "$PGBIN/initdb" -D "$PGDATA" -U postgres --auth=trust -E UTF8 >"$PGDIR/initdb.log"
  as_postgres "$PGBIN/pg_ctl" -D "$PGDATA" -l "$PGDIR/postgres.log" -w start \
    -o "-p $PGPORT -k $PGDIR -c listen_addresses=127.0.0.1 -c max_connections=300" >/dev/null
  as_postgres "$PGBIN/createdb" -h 127.0.0.1 -p "$PGPORT" -U postgres coach
  export COACH_DATABASE_URL="postgresql+psycopg://postgres@127.0.0.1:$PGPORT/coach"
fi

CHROMA_PORT="$(free_port)"
ANONYMIZED_TELEMETRY=False .venv/bin/chroma run --path "$WORK/chroma" --host 127.0.0.1 --port "$CHROMA_PORT" \
  >"$WORK/chroma.log" 2>&1 &
pids+=($!)
wait_http "http://127.0.0.1:$CHROMA_PORT/api/v2/heartbeat" "chroma"
export COACH_CHROMA_URL="http://127.0.0.1:$CHROMA_PORT"

backends=()
for i in $(seq 1 "$N"); do
  port="$(free_port)"
  COACH_HOME="$WORK/replica-$i" .venv/bin/coach serve --host 127.0.0.1 --port "$port" \
    >"$WORK/replica-$i.log" 2>&1 &
  pids+=($!)
  backends+=("127.0.0.1:$port")
done
for backend in "${backends[@]}"; do wait_http "http://$backend/healthz" "replica $backend"; done

"$PY" scripts/proxy.py --listen "127.0.0.1:$PORT" "${backends[@]}" >"$WORK/proxy.log" 2>&1 &
pids+=($!)
wait_http "http://127.0.0.1:$PORT/healthz" "proxy"
echo "replicas: $N replicas behind http://127.0.0.1:$PORT (database $COACH_DATABASE_URL, chroma $COACH_CHROMA_URL, logs $WORK)"
wait
