"""Our serving client against a raw httpx POST: same server, same requests, interleaved in one run.

Run: make model (or any OpenAI-compatible server), then
     OVERTURN_VLLM_URL=http://127.0.0.1:8011 .venv/bin/python benchmarks/serving.py [--rounds N]
Prints p50/p95 per request for each and the ratio client/raw of the medians. Target <= 1.05.
Generation is deterministic (temperature 0, fixed max_tokens) so both sides ask the server for the same work.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import time
from pathlib import Path

# This file is named like the package it measures: keep its own folder off the import path, or `serving`
# below would be this script.
_HERE = Path(__file__).resolve().parent
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != _HERE]

import httpx  # noqa: E402

from serving.backend import Backend  # noqa: E402
from serving.client import ChatClient  # noqa: E402
from serving.registry import load_registry  # noqa: E402
from serving.types import ChatMessage, ChatRequest  # noqa: E402
from serving.wire import request_body  # noqa: E402

PROMPTS = (
    "Summarize in one sentence why an MRI might be denied.",
    "Name two documents that help an appeal for physical therapy.",
    "What does prior authorization mean? One sentence.",
    "Give one reason a drug can be non-formulary.",
)
TARGET_RATIO = 1.05


async def _timed(call: object) -> float:
    started = time.perf_counter()
    await call  # type: ignore[misc]
    return (time.perf_counter() - started) * 1000


async def run(url: str, rounds: int, max_tokens: int) -> None:
    choice = load_registry().choice_for("compose")
    model = choice.served_name if choice else "default"
    backend = Backend(name="bench", base_url=url)
    client = ChatClient(backend)
    raw = httpx.AsyncClient(base_url=backend.root, timeout=120)
    requests = [
        ChatRequest(model=model, messages=[ChatMessage(role="user", content=p)], max_tokens=max_tokens, temperature=0)
        for p in PROMPTS
    ]
    ours: list[float] = []
    plain: list[float] = []
    try:
        for request in requests:  # warm both paths (connections, server prefix cache)
            await client.complete(request)
            (
                await raw.post("/v1/chat/completions", json=request_body(request, "vllm", stream=False))
            ).raise_for_status()
        for round_number in range(rounds):
            for request in requests:
                body = request_body(request, "vllm", stream=False)
                pair = [
                    ("ours", client.complete(request)),
                    ("raw", raw.post("/v1/chat/completions", json=body)),
                ]
                if round_number % 2:  # alternate who goes first
                    pair.reverse()
                for name, call in pair:
                    (ours if name == "ours" else plain).append(await _timed(call))
    finally:
        await client.aclose()
        await raw.aclose()
    for name, samples in (("our client", ours), ("raw httpx POST", plain)):
        ordered = sorted(samples)
        p95 = ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))]
        print(f"{name:<16} n={len(samples):>3}  p50 {statistics.median(samples):8.1f} ms  p95 {p95:8.1f} ms")
    ratio = statistics.median(ours) / statistics.median(plain)
    verdict = "meets" if ratio <= TARGET_RATIO else "misses"
    print(f"ratio client/raw (p50) = {ratio:.3f}; target <= {TARGET_RATIO} ({verdict} target)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--max-tokens", type=int, default=16)
    args = parser.parse_args()
    url = os.environ.get("OVERTURN_VLLM_URL", "http://127.0.0.1:8011")
    asyncio.run(run(url, args.rounds, args.max_tokens))


if __name__ == "__main__":
    main()
