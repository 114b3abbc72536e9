#!/usr/bin/env bash
# Runs every test in Tariffs.sln and prints the totals alone on the last line as "N passed, N failed".
#
#   bash scripts/test.sh [extra dotnet test arguments]
#
# The tests start their own Azurite (tests/Tariffs.Testing/AzuriteFixture.cs) on free ports, so this script only
# makes sure Azurite is installed. Results go to artifacts/test-results (one .trx per test project), cleared first.
# Exits non-zero when a test failed or `dotnet test` itself failed; a `dotnet test` failure with no failed test
# behind it (a build error, a crashed test host) counts as one failure, so a build error reads "0 passed, 1 failed".
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
RESULTS_DIR="artifacts/test-results"

bash scripts/azurite.sh install

rm -rf "$RESULTS_DIR"
mkdir -p "$RESULTS_DIR"

dotnet_status=0
dotnet test Tariffs.sln -c Release \
    --logger "trx;LogFilePrefix=results" \
    --results-directory "$RESULTS_DIR" \
    "$@" || dotnet_status=$?

# Sum the <Counters> of every .trx written by this run. error/timeout/aborted outcomes count as failed.
totals="$(python3 - "$RESULTS_DIR" <<'PY'
import pathlib
import sys
import xml.etree.ElementTree as ET

passed = failed = files = 0
for trx in sorted(pathlib.Path(sys.argv[1]).rglob("*.trx")):
    try:
        root = ET.parse(trx).getroot()
    except ET.ParseError as exc:
        print(f"test.sh: cannot read {trx}: {exc}", file=sys.stderr)
        failed += 1
        continue
    counters = next((e for e in root.iter() if e.tag.rsplit("}", 1)[-1] == "Counters"), None)
    if counters is None:
        print(f"test.sh: no Counters element in {trx}", file=sys.stderr)
        failed += 1
        continue
    files += 1
    count = lambda name: int(counters.get(name, "0") or "0")
    passed += count("passed")
    failed += count("failed") + count("error") + count("timeout") + count("aborted")
print(files, passed, failed)
PY
)"
read -r trx_files passed failed <<<"$totals"

if (( dotnet_status != 0 && failed == 0 )); then
    # dotnet test failed without a failed test to show for it (a build error, a crashed test host, ...):
    # count that as one failure so the totals never read as green.
    echo "test.sh: dotnet test exited with code $dotnet_status (result files found: $trx_files)." >&2
    failed=1
fi

echo "${passed} passed, ${failed} failed"

if (( dotnet_status != 0 )); then
    exit "$dotnet_status"
fi
if (( failed > 0 )); then
    exit 1
fi
