#!/usr/bin/env bash
# A throwaway PostgreSQL cluster on the loopback for the tests, then a command run against it.
#
#   bash packaging/pg-cluster.sh .venv/bin/python -m pytest -q tests/services
#
# The cluster listens on 127.0.0.1 at a free port, keeps its data in a temporary folder and
# runs as an ordinary user (as `nobody` when started by root); the command sees
# AHUNTSIC_TEST_DB=postgresql://postgres@127.0.0.1:PORT/postgres, which the tests' database
# fixtures honour (one fresh database per test). The cluster and its folder are gone when
# the command ends, whatever happens. Debian's `postgresql` is installed when missing.
set -euo pipefail
pg_bin() { find /usr/lib/postgresql -maxdepth 2 -name bin -type d 2>/dev/null | sort -V | tail -n 1; }
bin="${PG_BIN:-$(pg_bin)}"
if [ ! -x "$bin/initdb" ]; then
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends postgresql
    bin="$(pg_bin)"
fi
folder="$(mktemp -d "${TMPDIR:-/tmp}/ahuntsic-pg.XXXXXX")"
as_owner=()
if [ "$(id -u)" -eq 0 ]; then  # PostgreSQL refuses to run as root
    chown nobody "$folder"
    as_owner=(runuser -u nobody --)
fi
port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
stop() {
    "${as_owner[@]}" "$bin/pg_ctl" -D "$folder/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$folder"
}
trap stop EXIT
cd "$folder"  # runuser keeps the working folder: one nobody can enter
"${as_owner[@]}" "$bin/initdb" -D "$folder/data" -U postgres --auth=trust -E UTF8 \
    --locale=C.UTF-8 >/dev/null
# Throwaway data: no fsync, nothing to make durable on disk. Commits are still written out
# to the operating system (synchronous_commit stays on): a killed server keeps every
# committed change, which the fault tests check.
options="-h 127.0.0.1 -p $port -k $folder -c fsync=off -c full_page_writes=off"
"${as_owner[@]}" "$bin/pg_ctl" -D "$folder/data" -l "$folder/server.log" -w start -o "$options" \
    >/dev/null
cd - >/dev/null
# `$AHUNTSIC_TEST_PG_SERVER kill` stops the server at once (as if killed: no shutdown
# checkpoint, clients cut off) and `... start` starts it again: the fault tests use it.
cat >"$folder/server" <<SCRIPT
#!/usr/bin/env bash
set -eu
cd "$folder"
case "\$1" in
    kill) ${as_owner[*]} "$bin/pg_ctl" -D "$folder/data" -m immediate -w stop >/dev/null ;;
    start) ${as_owner[*]} "$bin/pg_ctl" -D "$folder/data" -l "$folder/server.log" -w start -o "$options" >/dev/null ;;
esac
SCRIPT
chmod 755 "$folder/server"
export AHUNTSIC_TEST_PG_SERVER="$folder/server"
export AHUNTSIC_TEST_DB="postgresql://postgres@127.0.0.1:$port/postgres"
echo "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port"
"$@"
