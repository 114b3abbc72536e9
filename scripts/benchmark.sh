#!/usr/bin/env bash
# Runs every benchmark and writes benchmarks/results/<UTC timestamp>.md and benchmarks/results/latest.json,
# compared with the previous latest.json when there is one.
#
#   bash scripts/benchmark.sh [--quick] [options of benchmarks/Tariffs.Benchmarks.EndToEnd]
#
# 1. the engine: BenchmarkDotNet, one core (benchmarks/Tariffs.Benchmarks, its full one-core job, about a minute);
# 2. end to end, on a private in-memory Azurite and a local host process that the runner starts and stops itself:
#    the raw entity-group-transaction insert rate of that Azurite (20,000 entities) before and after a 100,000-line
#    batch from POST /api/batches to completed and the equity report recomputed, three times, each on a fresh Azurite
#    and host (the ratio is their median; --throughput-samples N), storage transactions per line, and the peak
#    working set of the host for a 1,000,000-line batch (sent by claim-check; about ten minutes on 2 cores).
#    Then the growing ledger: five more batches of 100,000 lines, each billing a new year, with the incremental report
#    refresh (time, host peak working set) and a full rebuild after each, and raw insert samples interleaved.
# --quick skips the 1,000,000-line batch and grows the ledger by 20,000-line batches (--memory-lines 0 --growth-lines 20000).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

args=()
for arg in "$@"; do
    if [[ "$arg" == "--quick" ]]; then args+=(--memory-lines 0 --growth-lines 20000); else args+=("$arg"); fi
done

bash scripts/azurite.sh install

dotnet build functions/Tariffs.LocalHost -c Release -nologo -v q -clp:ErrorsOnly
dotnet build benchmarks/Tariffs.Benchmarks.EndToEnd -c Release -nologo -v q -clp:ErrorsOnly

WORK="$(mktemp -d -t tariffs-bench-XXXXXX)"
trap 'rm -rf "$WORK/engine" "$WORK"/*.json' EXIT

dotnet run -c Release --project benchmarks/Tariffs.Benchmarks -- --filter '*' --exporters json --artifacts "$WORK/engine" \
    > "$WORK/engine.log" 2>&1 || { tail -50 "$WORK/engine.log"; exit 1; }
grep -A4 '^| Method' "$WORK/engine.log" || true

dotnet benchmarks/Tariffs.Benchmarks.EndToEnd/bin/Release/net10.0/Tariffs.Benchmarks.EndToEnd.dll \
    --engine-artifacts "$WORK/engine" --work "$WORK" ${args[@]+"${args[@]}"}
echo "host log and engine log: $WORK"
