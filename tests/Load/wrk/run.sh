#!/usr/bin/env bash
# Single events over HTTP measured from outside with wrk, against the README's embedded run (deploy/run-embedded.sh),
# beside the trivial endpoint on the same host. Warms up until the runtime's tiering threads are done, then prints
# a table: requests/s, the events' share of the trivial endpoint, latency, and process CPU per request.
#   bash tests/Load/wrk/run.sh [seconds per measured run, default 20] [connections, default 64] [together|apart]
# "together" (default) is the embedded run as the README starts it, one process; "apart" runs the silo and the API
# as two processes (CXCLUSTER_APART=1).
set -euo pipefail
cd "$(dirname "$0")/../../.."
exec python3 tests/Load/wrk/measure.py "${1:-20}" "${2:-64}" "${3:-together}"
