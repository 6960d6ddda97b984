"""Convert a GGUF model folder into a Hugging Face folder vLLM can load (runs inside the vLLM venv).

transformers de-quantizes GGUF tensors to float as it loads them; what remains is a plain model, saved as
safetensors with its tokenizer and chat template. Usage: convert_gguf.py SOURCE_DIR TARGET_DIR
"""

from __future__ import annotations

import sys
from pathlib import Path

import torch
from transformers import AutoModelForCausalLM, AutoTokenizer


def convert(source: Path, target: Path) -> None:
    ggufs = sorted(source.glob("*.gguf"))
    if len(ggufs) != 1:
        raise SystemExit(f"expected one .gguf file in {source}, found {len(ggufs)}")
    name = ggufs[0].name
    tokenizer = AutoTokenizer.from_pretrained(source, gguf_file=name)
    model = AutoModelForCausalLM.from_pretrained(source, gguf_file=name, dtype=torch.float32)
    # The loaded weights are already float; drop the GGUF marks so save_pretrained writes them as they are.
    model.hf_quantizer = None
    if hasattr(model.config, "quantization_config"):
        delattr(model.config, "quantization_config")
    partial = target.with_name(target.name + ".partial")
    model.save_pretrained(partial)
    tokenizer.save_pretrained(partial)
    partial.rename(target)  # only a complete folder ever has the final name


if __name__ == "__main__":
    convert(Path(sys.argv[1]), Path(sys.argv[2]))
