#!/usr/bin/env bash
# Compares commits on the same machine by running their benchmarks interleaved (A, B, C, A, B, C, ...), so that the
# load of a shared machine falls on every commit alike. Prints, per commit, the median and spread (min–max) of each
# figure (n = the runs that gave it), and writes every run's raw results under the output directory.
#
#   bash scripts/benchmark-compare.sh [--rounds N] [--lines N] [--out DIR] [--keep] [--no-engine] COMMIT...
#
# Each COMMIT gets a detached worktree <repo>-bench-<i> (i = 1, 2, ...; node_modules linked from this checkout),
# built in Release; the worktrees are removed at the end unless --keep. Each round runs, for each commit in order:
# 1. the engine benchmark (benchmarks/Tariffs.Benchmarks, its one-core job, --filter '*'), unless --no-engine;
# 2. the end-to-end batch benchmark (benchmarks/Tariffs.Benchmarks.EndToEnd) with --memory-lines 0, and
#    --growth-batches 0 where the commit's runner knows the option (no ledger growth): raw insert rate, a batch of
#    --lines lines (100000) POST -> completed -> report recomputed, and the ratio end to end / raw; and the CPU
#    per line of the host and of Azurite from POST to completed (which hold under load better than rates).
# The load average (uptime) is recorded before every run. Needs jq.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
rounds=3
lines=100000
out=""
keep=false
engine=true
commits=()
while [[ $# -gt 0 ]]; do
    case "$1" in
        --rounds) rounds="$2"; shift 2 ;;
        --lines) lines="$2"; shift 2 ;;
        --out) out="$2"; shift 2 ;;
        --keep) keep=true; shift ;;
        --no-engine) engine=false; shift ;;
        -*) echo "unknown option $1" >&2; exit 2 ;;
        *) commits+=("$1"); shift ;;
    esac
done
[[ ${#commits[@]} -gt 0 ]] || { echo "usage: $0 [--rounds N] [--lines N] [--out DIR] [--keep] [--no-engine] COMMIT..." >&2; exit 2; }
out="${out:-$(mktemp -d -t tariffs-compare-XXXXXX)}"
mkdir -p "$out"
say() { echo "$(date -u +%H:%M:%S) $*" | tee -a "$out/compare.log"; }

bash "$ROOT/scripts/azurite.sh" install

trees=()
shas=()
for i in "${!commits[@]}"; do
    sha="$(git -C "$ROOT" rev-parse --short "${commits[$i]}^{commit}")"
    tree="$ROOT-bench-$((i + 1))"
    if [[ ! -d "$tree" ]]; then
        git -C "$ROOT" worktree add --detach "$tree" "$sha" >/dev/null
    fi
    [[ -e "$tree/node_modules" ]] || ln -s "$ROOT/node_modules" "$tree/node_modules"
    say "build $sha in $tree"
    projects=(functions/Tariffs.LocalHost benchmarks/Tariffs.Benchmarks.EndToEnd)
    $engine && projects+=(benchmarks/Tariffs.Benchmarks)
    for project in "${projects[@]}"; do
        dotnet build "$tree/$project" -c Release -nologo -v q -clp:ErrorsOnly >>"$out/build.log" 2>&1 \
            || { tail -30 "$out/build.log"; exit 1; }
    done
    trees+=("$tree")
    shas+=("$sha")
done

cleanup() {
    if ! $keep; then
        for tree in "${trees[@]}"; do git -C "$ROOT" worktree remove --force "$tree" || true; done
    fi
}
trap cleanup EXIT

for round in $(seq 1 "$rounds"); do
    for i in "${!trees[@]}"; do
        tree="${trees[$i]}"
        sha="${shas[$i]}"
        run="$out/$sha-$round"
        mkdir -p "$run"
        e2e=(--memory-lines 0 --lines "$lines" --work "$run/work" --results "$run/results")
        if $engine; then
            say "round $round $sha engine, load $(cut -d' ' -f1-3 /proc/loadavg)"
            echo "engine $(cut -d' ' -f1-3 /proc/loadavg)" >"$run/load"
            (cd "$tree" && dotnet run -c Release --no-build --project benchmarks/Tariffs.Benchmarks -- --filter '*' \
                --exporters json --artifacts "$run/engine") >"$run/engine.log" 2>&1 || { tail -30 "$run/engine.log"; exit 1; }
            e2e+=(--engine-artifacts "$run/engine")
        fi
        if grep -q 'growth-batches' "$tree/benchmarks/Tariffs.Benchmarks.EndToEnd/Program.cs"; then
            e2e+=(--growth-batches 0)
        fi
        say "round $round $sha end to end, load $(cut -d' ' -f1-3 /proc/loadavg)"
        echo "e2e $(cut -d' ' -f1-3 /proc/loadavg)" >>"$run/load"
        (cd "$tree" && dotnet benchmarks/Tariffs.Benchmarks.EndToEnd/bin/Release/net10.0/Tariffs.Benchmarks.EndToEnd.dll \
            "${e2e[@]}") >"$run/e2e.log" 2>&1 || { tail -30 "$run/e2e.log"; exit 1; }
        # An engine run that failed (BenchmarkDotNet's build can time out on a loaded machine) gives null figures.
        jq -c --arg sha "$sha" --argjson round "$round" '{sha: $sha, round: $round,
            mixed: (first(.engine[] | select(.benchmark == "MixedPopulation") | .linesPerSecond) // null),
            standard: (first(.engine[] | select(.benchmark == "StandardPricingOnly") | .linesPerSecond) // null),
            e2e: .throughput.linesPerSecond, raw: .rawInsertEntitiesPerSecond, ratio: .throughputRatio,
            transactionsPerLine: .throughput.transactionsPerLine,
            hostCpuMicrosPerLine: (.throughput.hostCpuSeconds * 1e6 / .throughput.lines),
            azuriteCpuMicrosPerLine: (if .throughput.storageCpuSeconds == null then null else .throughput.storageCpuSeconds * 1e6 / .throughput.lines end)}' \
            "$run/results/latest.json" | tee -a "$out/runs.jsonl"
    done
done

say "load at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
# Median (middle value; mean of the two middle ones for an even count) and spread per commit, in the order given.
jq -rs --argjson order "$(printf '%s\n' "${shas[@]}" | jq -R . | jq -s .)" '
    def median: sort | if length % 2 == 1 then .[length / 2 | floor] else (.[length / 2 - 1] + .[length / 2]) / 2 end;
    def fig(f; d): [.[] | f | select(. != null)] as $v
        | if ($v | length) == 0 then "n/a" else ($v | median | . * d | round / d | tostring) + " (" + ($v | min | . * d | round / d | tostring)
            + "–" + ($v | max | . * d | round / d | tostring) + ", n=" + ($v | length | tostring) + ")" end;
    group_by(.sha) as $groups
    | "| commit | runs | engine Mixed lines/s | engine Standard lines/s | end to end lines/s | raw entities/s | end to end ÷ raw | transactions/line | host CPU µs/line | Azurite CPU µs/line |",
      "|---|---|---|---|---|---|---|---|---|---|",
      ($order[] as $sha | $groups[] | select(.[0].sha == $sha)
        | "| \($sha) | \(length) | \(fig(.mixed; 1)) | \(fig(.standard; 1)) | \(fig(.e2e; 1)) | \(fig(.raw; 1)) | \(fig(.ratio; 1000)) | \(fig(.transactionsPerLine; 100000)) | \(fig(.hostCpuMicrosPerLine; 1)) | \(fig(.azuriteCpuMicrosPerLine; 1)) |")
' "$out/runs.jsonl" | tee "$out/summary.md"
say "runs and logs: $out"
