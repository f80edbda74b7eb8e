#!/usr/bin/env bash
# Project-local MariaDB: data under .data/mariadb (git-ignored), loopback only, own port and socket.
# Usage: scripts/db.sh start|stop|status|url
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
DATA_DIR="${RELAY_DB_DIR:-$ROOT/.data/mariadb}"
RUN_DIR="${RELAY_DB_RUN_DIR:-$ROOT/.data/run}"
PORT="${RELAY_DB_PORT:-3307}"
SOCKET="$RUN_DIR/mariadb.sock"
PIDFILE="$RUN_DIR/mariadb.pid"
LOG="$RUN_DIR/mariadb.log"
DB_USER=relay
DB_PASS=relay

is_running() {
  [ -f "$PIDFILE" ] && kill -0 "$(cat "$PIDFILE")" 2>/dev/null
}

client() {
  mariadb --protocol=socket --socket="$SOCKET" -uroot "$@"
}

start() {
  if ! command -v mariadbd >/dev/null 2>&1; then
    echo "mariadbd not found: install Debian's mariadb-server (scripts/install-system-deps.sh)" >&2
    exit 1
  fi
  mkdir -p "$DATA_DIR" "$RUN_DIR"
  if is_running; then
    echo "MariaDB already running on 127.0.0.1:$PORT (pid $(cat "$PIDFILE"))"
    return 0
  fi
  if [ ! -d "$DATA_DIR/mysql" ]; then
    echo "Initialising MariaDB data directory in $DATA_DIR"
    mariadb-install-db --no-defaults --user="$(id -un)" --datadir="$DATA_DIR" \
      --auth-root-authentication-method=socket --skip-test-db >"$RUN_DIR/install.log" 2>&1
  fi
  # --no-defaults: ignore the system my.cnf so the project's server never collides with a system one.
  mariadbd --no-defaults --user="$(id -un)" --datadir="$DATA_DIR" \
    --bind-address=127.0.0.1 --port="$PORT" --socket="$SOCKET" --pid-file="$PIDFILE" \
    --character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci \
    --innodb-buffer-pool-size=256M --innodb-flush-log-at-trx-commit=2 \
    --max-connections=400 --skip-name-resolve --log-error="$LOG" >/dev/null 2>&1 &
  for _ in $(seq 1 60); do
    if client -e "SELECT 1" >/dev/null 2>&1; then break; fi
    sleep 0.5
  done
  if ! client -e "SELECT 1" >/dev/null 2>&1; then
    echo "MariaDB did not start; see $LOG" >&2
    tail -20 "$LOG" >&2 || true
    exit 1
  fi
  # The app user may create databases: tests use one database per worker.
  client -e "CREATE USER IF NOT EXISTS '$DB_USER'@'127.0.0.1' IDENTIFIED BY '$DB_PASS';
    CREATE USER IF NOT EXISTS '$DB_USER'@'localhost' IDENTIFIED BY '$DB_PASS';
    GRANT ALL PRIVILEGES ON *.* TO '$DB_USER'@'127.0.0.1';
    GRANT ALL PRIVILEGES ON *.* TO '$DB_USER'@'localhost';
    CREATE DATABASE IF NOT EXISTS relay CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;"
  echo "MariaDB running on 127.0.0.1:$PORT (socket $SOCKET)"
}

stop() {
  if is_running; then
    kill "$(cat "$PIDFILE")"
    for _ in $(seq 1 60); do is_running || break; sleep 0.5; done
    echo "MariaDB stopped"
  else
    echo "MariaDB not running"
  fi
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) if is_running; then echo "running (pid $(cat "$PIDFILE"))"; else echo "stopped"; exit 1; fi ;;
  url) echo "mysql://$DB_USER:$DB_PASS@127.0.0.1:$PORT/relay" ;;
  *) echo "usage: $0 start|stop|status|url" >&2; exit 2 ;;
esac
