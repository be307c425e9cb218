# Throwaway PostgreSQL server for the test suite. Source this file, then call pg_start / pg_stop.
# pg_start exports TEST_POSTGRES_URL (an admin URL to the "postgres" database on a private port).
# initdb and postgres refuse to run as root: as root they run as the "postgres" user.

pg_find_bin() {
  local initdb
  initdb=$(command -v initdb 2>/dev/null || true)
  if [ -z "$initdb" ]; then
    initdb=$(ls -1 /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -n 1 || true)
  fi
  if [ -z "$initdb" ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "postgres: installing Debian's postgresql package" >&2
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql) >&2
    initdb=$(ls -1 /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -n 1 || true)
  fi
  [ -n "$initdb" ] && dirname "$initdb"
}

pg_free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

pg_start() {
  local bin
  bin=$(pg_find_bin) || { echo "postgres: no PostgreSQL server binaries found" >&2; return 1; }
  PG_BIN=$bin
  PG_ROOT=$(mktemp -d "${TMPDIR:-/tmp}/desktop_app-pg.XXXXXX")
  PG_PORT=$(pg_free_port)
  if [ "$(id -u)" = 0 ]; then
    chown postgres:postgres "$PG_ROOT"
    PG_AS=(runuser -u postgres --)
  else
    PG_AS=()
  fi
  (cd "$PG_ROOT" && "${PG_AS[@]}" "$PG_BIN/initdb" -D "$PG_ROOT/data" -U postgres -A trust \
      -E UTF8 --no-locale --no-sync >"$PG_ROOT/initdb.log" 2>&1) \
    || { cat "$PG_ROOT/initdb.log" >&2; return 1; }
  (cd "$PG_ROOT" && "${PG_AS[@]}" "$PG_BIN/pg_ctl" -D "$PG_ROOT/data" -l "$PG_ROOT/server.log" \
      -w -t 60 -o "-p $PG_PORT -k $PG_ROOT -c listen_addresses=127.0.0.1 -c fsync=off \
      -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" start >/dev/null) \
    || { cat "$PG_ROOT/server.log" >&2; return 1; }
  export TEST_POSTGRES_URL="postgresql+asyncpg://postgres@127.0.0.1:$PG_PORT/postgres"
  echo "postgres: throwaway server on 127.0.0.1:$PG_PORT ($("$PG_BIN/postgres" --version))" >&2
}

pg_stop() {
  [ -n "${PG_ROOT:-}" ] || return 0
  (cd "$PG_ROOT" && "${PG_AS[@]}" "$PG_BIN/pg_ctl" -D "$PG_ROOT/data" -m immediate -w stop \
      >/dev/null 2>&1) || true
  rm -rf "$PG_ROOT"
  PG_ROOT=
}
