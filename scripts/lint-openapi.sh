#!/usr/bin/env bash
# Lints an OpenAPI document with the two validators integrators use, both pinned in package.json, offline:
# @redocly/cli lint (rules: redocly.yaml; zero errors) and @apidevtools/swagger-parser validate.
#
#   bash scripts/lint-openapi.sh FILE
#
# The served document (GET /api/openapi.json) is written and linted by tests/Tariffs.Functions.Tests/OpenApi/OpenApiLintTests.cs.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
FILE="$(realpath "${1:?usage: lint-openapi.sh FILE}")"
REDOCLY="$ROOT/node_modules/@redocly/cli/bin/cli.js"
if [[ ! -f "$REDOCLY" || ! -d "$ROOT/node_modules/@apidevtools/swagger-parser" ]]; then
    echo "lint-openapi: the validators are not installed; run 'npm ci' in $ROOT." >&2
    exit 2
fi

# No telemetry, no update check: nothing leaves the machine.
export REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true NO_UPDATE_NOTIFIER=1
cd "$ROOT"
node "$REDOCLY" lint --config "$ROOT/redocly.yaml" --format stylish "$FILE"
node "$ROOT/scripts/validate-openapi.mjs" "$FILE"
