#!/usr/bin/env bash
# Run a command with the local vLLM server up and OVERTURN_VLLM_URL set; stop the server afterwards only if
# this script started it (a server a developer left running stays up).
set -uo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
PORT="${OVERTURN_VLLM_PORT:-8011}"
export OVERTURN_VLLM_URL="http://127.0.0.1:$PORT"
started=0
if ! curl -sf "$OVERTURN_VLLM_URL/v1/models" >/dev/null 2>&1; then
  bash "$HERE/setup.sh" || exit 1
  bash "$HERE/start.sh" || exit 1
  started=1
fi
"$@"
status=$?
[ "$started" = 1 ] && bash "$HERE/stop.sh"
exit $status
