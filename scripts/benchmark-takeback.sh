#!/usr/bin/env bash
# Taking the service back at scale: builds a ledger of --lines lines (default 1,000,000) on a private Azurite through the
# local host's batch route (claim-check), then times and measures the peak memory (resident set size) of
# `tariffs export`, `tariffs audit EXPORT`, `tariffs import` into a fresh Azurite (the command's process, GNU time %M)
# and a simulation of a price change over the whole range (POST /api/simulations polled to completed; the host's peak).
# Writes benchmarks/results/<UTC timestamp>-takeback.md. About 30 minutes at 1,000,000 lines on 2 shared cores.
#
#   bash scripts/benchmark-takeback.sh [--lines N] [--eligible-every N] [--steps export,audit,import,simulation | none] [--work DIR] [--results DIR]
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
command -v /usr/bin/time >/dev/null || { echo "GNU time (/usr/bin/time) is needed to measure the commands' peak memory" >&2; exit 1; }

bash scripts/azurite.sh install
dotnet build functions/Tariffs.LocalHost -c Release -nologo -v q -clp:ErrorsOnly
dotnet build tools/Tariffs.Cli -c Release -nologo -v q -clp:ErrorsOnly
dotnet build benchmarks/Tariffs.Benchmarks.EndToEnd -c Release -nologo -v q -clp:ErrorsOnly

WORK="$(mktemp -d -t tariffs-takeback-XXXXXX)"
trap 'rm -rf "$WORK/export" "$WORK"/*.json' EXIT
dotnet benchmarks/Tariffs.Benchmarks.EndToEnd/bin/Release/net10.0/Tariffs.Benchmarks.EndToEnd.dll --mode takeback --work "$WORK" "$@"
echo "logs (host, each command): $WORK"
