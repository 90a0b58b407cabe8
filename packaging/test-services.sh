#!/usr/bin/env bash
# Starts (or stops) the servers the test suite needs, on loopback only, in temporary folders:
# a PostgreSQL cluster. Writes their addresses to build/test-services.env
# (build/<name>.env with DRILLSTUDIO_SERVICES_NAME=<name>, so that the benchmarks' servers and the
# tests' servers do not stop each other).
set -euo pipefail
cd "$(dirname "$0")/.."
name=${DRILLSTUDIO_SERVICES_NAME:-test-services}
state=build/$name
envfile=build/$name.env
mkdir -p build

stop() {
  if [ -f "$state/pg.dir" ]; then
    pgdir=$(cat "$state/pg.dir")
    bindir=$(cat "$state/pg.bin")
    if [ -d "$pgdir" ]; then
      run_pg "$bindir/pg_ctl" -D "$pgdir/data" -m immediate stop >/dev/null 2>&1 || true
      rm -rf "$pgdir"
    fi
  fi
  rm -rf "$state" "$envfile"
}

# PostgreSQL refuses to run as root: run its tools as the "postgres" user then.
run_pg() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

start() {
  stop
  mkdir -p "$state"
  : >"$envfile"
  bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  if [ -z "$bindir" ]; then
    echo "test-services: PostgreSQL is not installed; run packaging/setup-debian.sh" >&2
    exit 1
  fi
  pgdir=$(mktemp -d /tmp/drillstudio-pg.XXXXXX)
  chmod 755 "$pgdir"
  [ "$(id -u)" -eq 0 ] && chown postgres "$pgdir"
  echo "$pgdir" >"$state/pg.dir"
  echo "$bindir" >"$state/pg.bin"
  run_pg "$bindir/initdb" -D "$pgdir/data" -U drillstudio --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  run_pg "$bindir/pg_ctl" -D "$pgdir/data" -l "$pgdir/log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$pgdir -c fsync=off" start >/dev/null
  run_pg "$bindir/createdb" -h 127.0.0.1 -p "$port" -U drillstudio drillstudio_test
  echo "export DRILLSTUDIO_TEST_PG_URL=postgresql://drillstudio@127.0.0.1:$port/drillstudio_test" >>"$envfile"
  echo "test-services: PostgreSQL on 127.0.0.1:$port"
}

case "${1:-}" in
start) start ;;
stop) stop ;;
*)
  echo "usage: packaging/test-services.sh start|stop" >&2
  exit 2
  ;;
esac
