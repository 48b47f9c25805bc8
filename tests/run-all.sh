#!/usr/bin/env bash
# Runs every test project of the solution and ends with one line: "N passed, N failed, N skipped".
# Everything the tests need is set up here, every time, idempotently.
set -euo pipefail
cd "$(dirname "$0")/.."

results="$(mktemp -d)"

# PostgreSQL 15 for this run only: a private server in a temporary directory, on a free loopback port, with a login
# role `cxcluster` (password, CREATEDB; pg_signal_backend, so dropping a test database with FORCE may end an
# autovacuum worker that happens to be in it). Tests get CXCLUSTER_TEST_POSTGRES (its maintenance database; they create
# their own) and CXCLUSTER_TEST_POSTGRES_SCHEMA_DB (a database migrated below by the silo's `migrate` verb).
# Stopped and deleted on exit, so nothing is left behind and the next run starts from scratch.
pg_bin=/usr/lib/postgresql/15/bin
pg_dir=""
cleanup() {
  if [ -n "$pg_dir" ] && [ -f "$pg_dir/data/postmaster.pid" ]; then
    as_postgres "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate -w -t 30 stop >/dev/null 2>&1 || true
  fi
  rm -rf "$results" ${pg_dir:+"$pg_dir"}
}
trap cleanup EXIT
as_postgres() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
pg_fail() {
  echo "PostgreSQL for the tests could not be started: $1" >&2
  if [ -f "$pg_dir/server.log" ]; then tail -n 20 "$pg_dir/server.log" >&2; fi
  exit 1
}
if [ ! -x "$pg_bin/pg_ctl" ]; then
  echo "PostgreSQL 15 is not installed: installing it (postgresql-15, else the distribution's postgresql)" >&2
  { apt-get update -qq && { DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql-15 \
      || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql; }; } >/dev/null 2>&1 \
    || { echo "could not install PostgreSQL" >&2; exit 1; }
  [ -x "$pg_bin/pg_ctl" ] || pg_bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
fi
# The supervisor page's browser test drives Debian's Chromium through Playwright (no browser is ever downloaded).
if [ ! -x /usr/bin/chromium ]; then
  echo "Chromium is not installed: installing Debian's chromium for the browser test" >&2
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; } >/dev/null 2>&1 \
    || { echo "could not install chromium (apt-get install -y chromium); the supervisor page's browser test needs /usr/bin/chromium" >&2; exit 1; }
  [ -x /usr/bin/chromium ] || { echo "chromium was installed but /usr/bin/chromium is missing" >&2; exit 1; }
fi
# A server left behind by a run that was killed outright (its EXIT trap never ran) is stopped and removed here.
for stale in /tmp/cxcluster-pg.*; do
  if [ -f "$stale/owner" ] && ! kill -0 "$(cat "$stale/owner")" 2>/dev/null; then
    as_postgres "$pg_bin/pg_ctl" -D "$stale/data" -m immediate -w -t 30 stop >/dev/null 2>&1 || true
    rm -rf "$stale"
  fi
done
pg_dir="$(mktemp -d /tmp/cxcluster-pg.XXXXXX)"
echo $$ >"$pg_dir/owner"
[ "$(id -u)" -ne 0 ] || chown postgres:postgres "$pg_dir"
pg_port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
pg_password="$(python3 -c 'import secrets; print(secrets.token_hex(16))')"
as_postgres "$pg_bin/initdb" -D "$pg_dir/data" -U postgres -E UTF8 --locale=C.UTF-8 --no-sync \
  --auth-local=trust --auth-host=scram-sha-256 >"$pg_dir/initdb.log" 2>&1 \
  || { cat "$pg_dir/initdb.log" >&2; pg_fail "initdb failed"; }
# Throw-away data: durability settings off for speed; enough connections for several silos' pools.
as_postgres "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w -t 30 -o "-c listen_addresses=127.0.0.1 \
  -c port=$pg_port -c unix_socket_directories=$pg_dir -c max_connections=300 -c fsync=off \
  -c synchronous_commit=off -c full_page_writes=off" start >/dev/null 2>&1 || pg_fail "pg_ctl start failed"
for _ in $(seq 1 100); do
  "$pg_bin/pg_isready" -q -h 127.0.0.1 -p "$pg_port" && break
  sleep 0.1
done
"$pg_bin/pg_isready" -q -h 127.0.0.1 -p "$pg_port" || pg_fail "not ready on port $pg_port after 10 s"
as_postgres "$pg_bin/psql" -h "$pg_dir" -p "$pg_port" -U postgres -d postgres -v ON_ERROR_STOP=1 -q \
  -c "CREATE ROLE cxcluster LOGIN CREATEDB PASSWORD '$pg_password'" \
  -c "GRANT pg_signal_backend TO cxcluster" >/dev/null || pg_fail "could not create role cxcluster"
export CXCLUSTER_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=cxcluster;Password=$pg_password;Database=postgres"

# kubectl renders the Kubernetes overlays offline for tests/Deploy.Tests (`kubectl kustomize`; no cluster needed).
# Debian ships it as kubernetes-client.
if ! command -v kubectl >/dev/null 2>&1; then
  echo "kubectl is not installed: installing it (kubectl, else Debian's kubernetes-client)" >&2
  { apt-get update -qq && { DEBIAN_FRONTEND=noninteractive apt-get install -y -qq kubectl \
      || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq kubernetes-client; }; } >/dev/null 2>&1 \
    || { echo "could not install kubectl" >&2; exit 1; }
fi

dotnet build CxCluster.sln --nologo -v quiet -clp:ErrorsOnly

# The documented schema command, run as an operator would, on a fresh database of this run.
CXCLUSTER_TEST_DATABASE="cxcluster_ci_$(python3 -c 'import secrets; print(secrets.token_hex(4))')"
export CXCLUSTER_TEST_DATABASE
export CXCLUSTER_TEST_POSTGRES_SCHEMA_DB="${CXCLUSTER_TEST_POSTGRES%Database=postgres}Database=$CXCLUSTER_TEST_DATABASE"
ConnectionStrings__CxCluster="$CXCLUSTER_TEST_POSTGRES_SCHEMA_DB" \
  dotnet src/Silo/bin/Debug/net10.0/CxCluster.Silo.dll migrate >"$pg_dir/migrate.log" 2>&1 \
  || { cat "$pg_dir/migrate.log" >&2; echo "the silo's migrate verb failed" >&2; exit 1; }

status=0
aborted=0
for project in tests/*.Tests/*.csproj; do
  name="$(basename "$project" .csproj)"
  code=0
  dotnet test "$project" --no-build --nologo \
    --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=minimal" \
    --results-directory "$results/$name" \
    --blame-hang-timeout 10m || code=$?
  if [ "$code" -ne 0 ]; then
    status=$code
    # A test host that crashed or hung leaves its unfinished tests out of the counts: the run counts as one failure,
    # and the test that was running is named (from the blame collector's sequence file).
    if [ -z "$(find "$results/$name" -name 'Sequence_*' -print -quit)" ] \
      && grep -q ' failed="[1-9]\| error="[1-9]' "$results/$name/$name.trx" 2>/dev/null; then
      continue
    fi
    for sequence in $(find "$results/$name" -name 'Sequence_*'); do
      echo "$name: the test host stopped while running $(grep -o 'Name="[^"]*"' "$sequence" | tail -n 1)" >&2
    done
    aborted=$((aborted + 1))
  fi
done

passed=0; failed=0; skipped=0; files=0
for trx in "$results"/*/*.trx; do
  [ -e "$trx" ] || continue
  files=$((files + 1))
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  value() { printf '%s' "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*' || echo 0; }
  total=$(value total); executed=$(value executed)
  passed=$((passed + $(value passed)))
  failed=$((failed + $(value failed) + $(value error) + $(value timeout) + $(value aborted)))
  skipped=$((skipped + total - executed))
done

failed=$((failed + aborted))
if [ "$files" -eq 0 ] || [ $((passed + failed)) -eq 0 ]; then
  echo "no test results were produced" >&2
  status=1
fi
echo "$passed passed, $failed failed, $skipped skipped"
exit "$status"
