#!/usr/bin/env bash
# Regenerates docs/dashboard-fr.png and docs/dashboard-en.png: runs the dashboard browser test (headless Chromium,
# /usr/bin/chromium, on the end-to-end dataset), which writes its screenshots into docs/ when TARIFFS_SCREENSHOTS=docs
# (into artifacts/browser/ otherwise).
#
#   bash scripts/screenshots.sh [--no-build]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
build=()
if [[ "${1:-}" == "--no-build" ]]; then build=(--no-build); fi
TARIFFS_SCREENSHOTS=docs dotnet test tests/Tariffs.EndToEnd.Tests -c Release "${build[@]}" \
  --filter "FullyQualifiedName~DashboardBrowserTests"
ls -l docs/dashboard-fr.png docs/dashboard-en.png
