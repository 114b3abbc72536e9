#!/usr/bin/env bash
# Where a batch's CPU goes in the host: runs the end-to-end benchmark's throughput batch (--lines, default 100,000) on a
# fresh local host and Azurite, samples the host with Linux perf while the batch is priced and stored (--seconds,
# default 20, from the POST on), and prints the share of the host's samples per category (scripts/perf-categories.mjs:
# JIT, GC, the storage client building transactions and parsing responses, JSON, engine…). .NET frames are named
# through the runtime's perf map (DOTNET_PerfMapEnabled=1). Needs `perf` (Debian: linux-perf) allowed to sample the
# process (kernel.perf_event_paranoid ≤ 2 for one's own processes).
#
#   bash scripts/profile-batch.sh [--lines N] [--seconds N] [--out DIR]
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
LINES=100000
SECONDS_SAMPLED=20
OUT="$(mktemp -d -t tariffs-profile-XXXXXX)"
while [ $# -gt 0 ]; do
  case "$1" in
    --lines) LINES="$2"; shift 2 ;;
    --seconds) SECONDS_SAMPLED="$2"; shift 2 ;;
    --out) OUT="$2"; mkdir -p "$OUT"; shift 2 ;;
    *) echo "unknown option $1 (expected --lines, --seconds, --out)" >&2; exit 2 ;;
  esac
done
command -v perf >/dev/null || { echo "perf is needed (Debian: apt-get install linux-perf)" >&2; exit 1; }

bash scripts/azurite.sh install
dotnet build functions/Tariffs.LocalHost -c Release -nologo -v q -clp:ErrorsOnly
dotnet build benchmarks/Tariffs.Benchmarks.EndToEnd -c Release -nologo -v q -clp:ErrorsOnly

# Write-xor-execute off so that the perf map's addresses are the code's (otherwise JIT code runs from a double mapping).
DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0 dotnet benchmarks/Tariffs.Benchmarks.EndToEnd/bin/Release/net10.0/Tariffs.Benchmarks.EndToEnd.dll \
  --growth-batches 0 --memory-lines 0 --lines "$LINES" --results "$OUT/results" --work "$OUT/work" > "$OUT/benchmark.log" 2>&1 &
RUNNER=$!
until grep -q "submitted after" "$OUT/benchmark.log"; do
  kill -0 "$RUNNER" 2>/dev/null || { cat "$OUT/benchmark.log" >&2; exit 1; }
  sleep 0.3
done
HOST="$(sed -n 's/.*host \([0-9]*\) up.*/\1/p' "$OUT/benchmark.log" | head -1)"
perf record -F 299 -g -p "$HOST" -o "$OUT/host.perf" -- sleep "$SECONDS_SAMPLED" 2> "$OUT/perf.log"
wait "$RUNNER"
grep -E "completed after|end to end ÷ raw" "$OUT/benchmark.log" "$OUT"/results/*.md || true
perf script -i "$OUT/host.perf" -F comm,tid,ip,sym,dso 2>/dev/null | node scripts/perf-categories.mjs
echo "samples, benchmark log and results: $OUT"
