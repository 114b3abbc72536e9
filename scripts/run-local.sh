#!/usr/bin/env bash
# Runs Tariffs locally with sample data: Azurite (installed into node_modules if missing, started unless one
# already answers on 10000-10002), the local host on http://127.0.0.1:${PORT:-7071}, then the samples (catalog,
# eligibility flags, billing batch). Prints the report URL and keeps running until Ctrl+C, which stops it all.
#
#   bash scripts/run-local.sh
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
PORT="${PORT:-7071}"
KEY="${LOCALHOST_FUNCTION_KEY:-dev-key}"
BASE="http://127.0.0.1:${PORT}"

bash scripts/azurite.sh install
started_azurite=0
if ! (exec 3<>/dev/tcp/127.0.0.1/10002) 2>/dev/null; then
    bash scripts/azurite.sh start
    started_azurite=1
fi

host_pid=""
cleanup() {
    # The host first (it releases its blob leases in Azurite), then the Azurite this script started.
    if [[ -n "$host_pid" ]]; then
        kill -TERM "$host_pid" 2>/dev/null || true
        wait "$host_pid" 2>/dev/null || true
    fi
    if (( started_azurite )); then
        bash scripts/azurite.sh stop || true
    fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

dotnet build functions/Tariffs.LocalHost -c Release -nologo -v quiet
# setsid: Ctrl+C reaches this script only, which then stops the host and Azurite in order.
setsid dotnet functions/Tariffs.LocalHost/bin/Release/net10.0/Tariffs.LocalHost.dll \
    --urls="$BASE" --LocalHost:FunctionKey="$KEY" &
host_pid=$!

for _ in $(seq 1 120); do
    curl -fsS "$BASE/api/health" >/dev/null 2>&1 && break
    kill -0 "$host_pid" 2>/dev/null || { echo "run-local: the local host stopped; see its output above." >&2; exit 1; }
    sleep 0.5
done

node scripts/load-samples.mjs "$BASE" "$KEY"
echo "Health:        $BASE/api/health"
echo "Function key:  $KEY (header x-functions-key) for PUT /api/catalog, POST /api/eligibility, POST /api/batches"
echo "Press Ctrl+C to stop."
wait "$host_pid" || true
