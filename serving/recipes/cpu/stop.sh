#!/usr/bin/env bash
# Stop the local CPU vLLM server started by start.sh.
set -uo pipefail
ROOT="$(cd "$(dirname "$0")/../../.." && pwd)"
PIDFILE="${OVERTURN_VLLM_RUN:-$ROOT/.cache/vllm}/server.pid"
[ -f "$PIDFILE" ] || { echo "no vLLM server recorded"; exit 0; }
pid="$(cat "$PIDFILE")"
if kill -0 "$pid" 2>/dev/null; then
  # start.sh ran the server in its own session: its process group holds the engine workers too.
  kill -TERM -- "-$pid" 2>/dev/null || kill "$pid"
  for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
  kill -0 "$pid" 2>/dev/null && kill -KILL -- "-$pid" 2>/dev/null
  echo "stopped vLLM (pid $pid)"
fi
rm -f "$PIDFILE"
