#!/bin/sh
# A throwaway PostgreSQL cluster for the test suite (ctest fixtures pg_cluster_start and
# pg_cluster_stop), and the wrapper every *_postgres test runs through.
#
#   pgcluster.sh start PORT   initdb + pg_ctl start in /tmp/channeldesk-pg-PORT, listening on
#                             127.0.0.1:PORT only, trust authentication for the user
#                             "channeldesk"; run as `nobody` (setpriv) when started by root,
#                             since PostgreSQL refuses to run as root
#   pgcluster.sh stop PORT    pg_ctl stop -m immediate and removes the folder
#   pgcluster.sh exec CMD...  runs CMD, or exits 77 (ctest's SKIP_RETURN_CODE) when no
#                             PostgreSQL server binaries are installed
#
# The cluster is for tests only: fsync off, no data worth keeping.
set -eu

SKIP=77

bindir() {
    if command -v pg_config >/dev/null 2>&1; then
        d=$(pg_config --bindir 2>/dev/null || true)
        if [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ]; then
            echo "$d"
            return 0
        fi
    fi
    for d in /usr/lib/postgresql/*/bin; do
        if [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ]; then
            echo "$d"
            return 0
        fi
    done
    return 1
}

# Runs "$@" as nobody when root, as the caller otherwise.
unprivileged() {
    if [ "$(id -u)" -eq 0 ]; then
        group=$(id -gn nobody 2>/dev/null || echo nogroup)
        setpriv --reuid=nobody --regid="$group" --clear-groups -- "$@"
    else
        "$@"
    fi
}

cmd=${1:-}
case "$cmd" in
start)
    port=$2
    bin=$(bindir) || { echo "pgcluster: no PostgreSQL server binaries (initdb, pg_ctl)" >&2; exit $SKIP; }
    dir=/tmp/channeldesk-pg-$port
    if [ -d "$dir/data" ]; then # left by an interrupted run
        unprivileged "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
    fi
    rm -rf "$dir"
    mkdir -p "$dir"
    if [ "$(id -u)" -eq 0 ]; then
        chown nobody "$dir"
    fi
    unprivileged "$bin/initdb" -D "$dir/data" -U channeldesk --auth=trust -E UTF8 \
        --locale=C --no-sync >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; exit 1; }
    unprivileged "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
        -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off \
-c synchronous_commit=off -c full_page_writes=off -c max_connections=300 \
-c shared_buffers=64MB" start >/dev/null || { cat "$dir/server.log" >&2; exit 1; }
    echo "pgcluster: postgresql://channeldesk@127.0.0.1:$port/postgres"
    ;;
stop)
    port=$2
    dir=/tmp/channeldesk-pg-$port
    if bin=$(bindir) && [ -d "$dir/data" ]; then
        unprivileged "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
    fi
    rm -rf "$dir"
    ;;
exec)
    shift
    bindir >/dev/null || { echo "pgcluster: no PostgreSQL server binaries, skipped" >&2; exit $SKIP; }
    exec "$@"
    ;;
*)
    echo "usage: pgcluster.sh start PORT | stop PORT | exec CMD..." >&2
    exit 2
    ;;
esac
