#!/usr/bin/env bash
# Runs COMMAND (the test suite) with a throwaway PostgreSQL cluster on the loopback
# interface and $DOROZHNAYA_KARTA_TEST_PG naming it; the cluster is removed afterwards.
#   * $DOROZHNAYA_KARTA_TEST_PG already set: that server is used as it is;
#   * as root with Debian's pg_virtualenv (postgresql-common): a cluster in a temp dir;
#   * otherwise initdb + pg_ctl on a free port, socket and data in a temp dir.
# If no server can be started, COMMAND still runs (the SQLite tests are worth having),
# but the PostgreSQL tests FAIL with the reason ($DOROZHNAYA_KARTA_TEST_PG_REQUIRED=1):
# `make test` is never green without them.
set -uo pipefail
export DOROZHNAYA_KARTA_TEST_PG_REQUIRED=1

if [ -n "${DOROZHNAYA_KARTA_TEST_PG:-}" ]; then
  exec "$@"
fi

started="$(mktemp)"
rm -f "$started"

if [ "$(id -u)" -eq 0 ] && command -v pg_virtualenv >/dev/null 2>&1; then
  # -t: the cluster's files in a temp dir, never /etc/postgresql; it listens on
  # localhost only (Debian's default), the tests connect to 127.0.0.1
  pg_virtualenv -t -- bash -c '
    touch "$0"
    export DOROZHNAYA_KARTA_TEST_PG="postgresql+psycopg://$PGUSER:$PGPASSWORD@127.0.0.1:$PGPORT/$PGDATABASE"
    exec "$@"' "$started" "$@"
  code=$?
  if [ -e "$started" ]; then
    rm -f "$started"
    exit $code
  fi
  reason="pg_virtualenv не смог создать кластер (код $code)"
  echo "PostgreSQL для тестов не запущен: $reason" >&2
  export DOROZHNAYA_KARTA_TEST_PG_ABSENT="$reason"
  exec "$@"
fi

initdb="$(command -v initdb || ls /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -n 1)"
if [ -z "$initdb" ] || [ "$(id -u)" -eq 0 ]; then
  reason="нет pg_virtualenv (root) или initdb (обычный пользователь); установите postgresql"
  echo "PostgreSQL для тестов не запущен: $reason" >&2
  export DOROZHNAYA_KARTA_TEST_PG_ABSENT="$reason"
  exec "$@"
fi
bin="$(dirname "$initdb")"
dir="$(mktemp -d)"
port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
cleanup() { "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1; rm -rf "$dir"; }
trap cleanup EXIT
if ! "$bin/initdb" -D "$dir/data" -U postgres --auth=trust >"$dir/initdb.log" 2>&1 \
   || ! "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w start \
        -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off" >/dev/null; then
  cat "$dir/initdb.log" "$dir/server.log" 2>/dev/null | tail -n 20 >&2
  reason="initdb/pg_ctl не запустили сервер"
  echo "PostgreSQL для тестов не запущен: $reason" >&2
  export DOROZHNAYA_KARTA_TEST_PG_ABSENT="$reason"
  "$@"
  exit $?
fi
export DOROZHNAYA_KARTA_TEST_PG="postgresql+psycopg://postgres@127.0.0.1:$port/postgres"
"$@"
