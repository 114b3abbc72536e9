#!/usr/bin/env bash
# Azurite (the Azure Storage emulator) for local development.
#
#   bash scripts/azurite.sh install                               # npm ci into ./node_modules if missing
#   bash scripts/azurite.sh start [blobPort queuePort tablePort]  # defaults 10000 10001 10002
#   bash scripts/azurite.sh stop
#
# Sourcing the file defines azurite_install, azurite_start and azurite_stop without running anything.
#
# Facts this relies on: node is started directly (killing an npx wrapper orphans the server), and
# Azurite ignores SIGTERM, so it is stopped with SIGKILL by the PID written at start.
# --skipApiVersionCheck is needed because the Azure SDK sends a newer service version than Azurite knows.
# The tests do not use this script's server: their fixture starts their own Azurite on free ports.

AZURITE_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
AZURITE_JS="$AZURITE_ROOT/node_modules/azurite/dist/src/azurite.js"
AZURITE_STATE_DIR="$AZURITE_ROOT/.azurite"
AZURITE_PID_FILE="$AZURITE_STATE_DIR/azurite.pid"
AZURITE_LOG_FILE="$AZURITE_STATE_DIR/azurite.log"
AZURITE_START_TIMEOUT_SECONDS="${AZURITE_START_TIMEOUT_SECONDS:-30}"

# Installs the pinned Azurite into the repository's node_modules unless it is already there.
azurite_install() {
    if [[ -f "$AZURITE_JS" ]]; then
        return 0
    fi
    if ! command -v npm >/dev/null 2>&1; then
        echo "azurite: npm is not on PATH; install Node.js 20+ to get Azurite." >&2
        return 1
    fi
    echo "azurite: installing into $AZURITE_ROOT/node_modules ..." >&2
    if [[ -f "$AZURITE_ROOT/package-lock.json" ]]; then
        (cd "$AZURITE_ROOT" && npm ci --no-audit --no-fund) >&2 || return 1
    else
        (cd "$AZURITE_ROOT" && npm install --no-audit --no-fund) >&2 || return 1
    fi
    if [[ ! -f "$AZURITE_JS" ]]; then
        echo "azurite: install finished but $AZURITE_JS is missing." >&2
        return 1
    fi
}

# True when something accepts TCP connections on 127.0.0.1:$1.
_azurite_port_open() {
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# True when the PID in the PID file is a live process.
_azurite_running() {
    [[ -f "$AZURITE_PID_FILE" ]] && kill -0 "$(cat "$AZURITE_PID_FILE")" 2>/dev/null
}

# Starts Azurite in the background on 127.0.0.1 and waits until all three ports accept connections.
azurite_start() {
    local blob_port="${1:-10000}" queue_port="${2:-10001}" table_port="${3:-10002}"
    local port
    for port in "$blob_port" "$queue_port" "$table_port"; do
        if ! [[ "$port" =~ ^[0-9]+$ ]] || (( port < 1 || port > 65535 )); then
            echo "azurite: '$port' is not a TCP port number." >&2
            return 2
        fi
    done
    if _azurite_running; then
        echo "azurite: already running (PID $(cat "$AZURITE_PID_FILE")); run '$0 stop' first." >&2
        return 1
    fi
    for port in "$blob_port" "$queue_port" "$table_port"; do
        if _azurite_port_open "$port"; then
            echo "azurite: port $port on 127.0.0.1 is already in use." >&2
            return 1
        fi
    done
    azurite_install || return 1
    mkdir -p "$AZURITE_STATE_DIR"

    # nohup and setsid exec node (so $! is node's own PID); nohup keeps it alive when an interactive shell hangs
    # up, setsid keeps a Ctrl+C meant for the caller from reaching it, so the caller stops it last, by PID.
    nohup setsid node "$AZURITE_JS" --silent --inMemoryPersistence --skipApiVersionCheck --disableTelemetry \
        --blobHost 127.0.0.1 --queueHost 127.0.0.1 --tableHost 127.0.0.1 \
        --blobPort "$blob_port" --queuePort "$queue_port" --tablePort "$table_port" \
        >"$AZURITE_LOG_FILE" 2>&1 </dev/null &
    local pid=$!
    echo "$pid" >"$AZURITE_PID_FILE"

    local deadline=$(( SECONDS + AZURITE_START_TIMEOUT_SECONDS ))
    while true; do
        if ! kill -0 "$pid" 2>/dev/null; then
            echo "azurite: process $pid exited during start-up; log follows:" >&2
            cat "$AZURITE_LOG_FILE" >&2
            rm -f "$AZURITE_PID_FILE"
            return 1
        fi
        if _azurite_port_open "$blob_port" && _azurite_port_open "$queue_port" && _azurite_port_open "$table_port"; then
            break
        fi
        if (( SECONDS >= deadline )); then
            echo "azurite: ports $blob_port/$queue_port/$table_port not open after ${AZURITE_START_TIMEOUT_SECONDS}s; stopping it." >&2
            azurite_stop
            return 1
        fi
        sleep 0.2
    done
    echo "azurite: running (PID $pid) blob=$blob_port queue=$queue_port table=$table_port" >&2
}

# Stops the Azurite started by azurite_start (SIGKILL: Azurite ignores SIGTERM).
azurite_stop() {
    if [[ ! -f "$AZURITE_PID_FILE" ]]; then
        echo "azurite: not running (no PID file)." >&2
        return 0
    fi
    local pid
    pid="$(cat "$AZURITE_PID_FILE")"
    if [[ "$pid" =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null; then
        kill -KILL "$pid" 2>/dev/null || true
        local i
        for (( i = 0; i < 50; i++ )); do
            kill -0 "$pid" 2>/dev/null || break
            sleep 0.1
        done
        echo "azurite: stopped (PID $pid)." >&2
    else
        echo "azurite: PID $pid was not running." >&2
    fi
    rm -f "$AZURITE_PID_FILE"
}

_azurite_main() {
    local command="${1:-}"
    shift || true
    case "$command" in
        install) azurite_install ;;
        start) azurite_start "$@" ;;
        stop) azurite_stop ;;
        *)
            echo "usage: $0 install|start [blobPort queuePort tablePort]|stop" >&2
            return 2
            ;;
    esac
}

# Run only when executed, not when sourced.
if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
    set -euo pipefail
    _azurite_main "$@"
fi
