#!/usr/bin/env bash
# Start a throwaway PostgreSQL server for ceasefire's tests and for trying the
# PostgreSQL store: a fresh cluster in a temp folder, listening on 127.0.0.1 on
# a free port, trust authentication, with an empty database "ceasefire".
#
#   eval "$(scripts/start-postgres.sh)"      # exports CEASEFIRE_TEST_PG_URL, ...
#   .venv/bin/pytest tests/store
#   scripts/start-postgres.sh stop "$CEASEFIRE_PG_DIR"
#
# Installs Debian's postgresql package when no server binaries are found
# (needs root; set CEASEFIRE_PG_INSTALL=0 to never install). With
# CEASEFIRE_PG_WATCH_PID=<pid> the server is stopped and its folder removed
# once that process is gone (a test run killed before its teardown leaks nothing). Runs the server
# as the "postgres" user when started as root. Only the export lines go to
# stdout; progress goes to stderr.
set -euo pipefail

log() { echo "start-postgres: $*" >&2; }
die() { log "$*"; exit 1; }

as_owner() {  # run a command as the cluster owner
    if [ "$(id -u)" = 0 ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

if [ "${1:-}" = stop ]; then
    dir="${2:?usage: start-postgres.sh stop DIR}"
    [ -f "$dir/bindir" ] || die "$dir: not a folder made by start-postgres.sh"
    bindir="$(cat "$dir/bindir")"
    as_owner "$bindir/pg_ctl" -D "$dir/data" -m fast -w stop >&2 || true
    rm -rf -- "$dir"
    exit 0
fi

find_bindir() {
    local d
    for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
        if [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ] && [ -x "$d/postgres" ]; then echo "$d"; return 0; fi
    done
    if command -v pg_config >/dev/null 2>&1; then
        d="$(pg_config --bindir)"
        if [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ]; then echo "$d"; return 0; fi
    fi
    return 1
}

if ! bindir="$(find_bindir)"; then
    [ "${CEASEFIRE_PG_INSTALL:-1}" = 0 ] && die "no PostgreSQL server binaries (initdb, pg_ctl) and CEASEFIRE_PG_INSTALL=0"
    [ "$(id -u)" = 0 ] || die "no PostgreSQL server binaries; install Debian's postgresql package (needs root)"
    log "installing PostgreSQL (apt-get install postgresql)"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update >&2 && apt-get install -y postgresql >&2
    bindir="$(find_bindir)" || die "postgresql installed but initdb/pg_ctl not found"
fi
if [ "$(id -u)" = 0 ] && ! id postgres >/dev/null 2>&1; then
    die "running as root but there is no 'postgres' user to own the cluster"
fi

free_port() {
    if command -v python3 >/dev/null 2>&1; then
        python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
    else
        echo $(( 20000 + RANDOM % 20000 ))
    fi
}

dir="$(mktemp -d "${TMPDIR:-/tmp}/ceasefire-pg.XXXXXX")"
echo "$bindir" > "$dir/bindir"
if [ "$(id -u)" = 0 ]; then chown postgres: "$dir"; fi
chmod 700 "$dir"

log "initdb in $dir/data ($bindir)"
as_owner "$bindir/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; die "initdb failed"; }

# A busy machine can hand the same free port to someone else before we bind it: retry.
started=""
for attempt in 1 2 3; do
    port="$(free_port)"
    # fsync off: a throwaway cluster, never worth an fsync.
    if as_owner "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
        -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off" start >&2; then
        started=1
        break
    fi
    log "start on port $port failed (attempt $attempt)"
done
[ -n "$started" ] || { cat "$dir/server.log" >&2; die "could not start the server"; }

as_owner "$bindir/createdb" -h 127.0.0.1 -p "$port" -U postgres ceasefire >&2

self="$(cd "$(dirname "$0")" && pwd)/$(basename "$0")"
if [ -n "${CEASEFIRE_PG_WATCH_PID:-}" ]; then
    # Detached (own session, no inherited pipes) so it outlives both this script and a killed caller.
    setsid bash -c 'while kill -0 "$1" 2>/dev/null; do sleep 2; done; [ -d "$3" ] && bash "$2" stop "$3"' \
        _ "$CEASEFIRE_PG_WATCH_PID" "$self" "$dir" </dev/null >/dev/null 2>&1 &
fi

url="postgresql://postgres@127.0.0.1:$port/ceasefire"
log "ready: $url"
echo "export CEASEFIRE_TEST_PG_URL='$url'"
echo "export CEASEFIRE_PG_DIR='$dir'"
echo "export CEASEFIRE_PG_STOP='$self stop $dir'"
