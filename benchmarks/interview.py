"""Interview speed: how long the member waits at each turn, template path, on the real SQLite checkpointer.

Run: .venv/bin/python -m benchmarks.interview [--rounds N]  (as a module: benchmarks/serving.py would shadow serving)
Prints p50/p95 per kind of turn (the start, which reads the letter; a confirmation; a question; the last
answer, which redacts, writes and checks the letter) over N whole interviews of the sample letter, each on
an encrypted SQLite checkpoint file, with the checkpoint size per interview.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import tempfile
import time
from collections import defaultdict
from pathlib import Path

from bot.conversation import Conversation
from bot.wiring import redactor_for
from graph.extraction.extractor import extract
from graph.interview.builder import build_interview
from graph.interview.context import InterviewContext
from prompts.question_bank import load_question_bank
from store.case_vaults import MemoryVaults
from store.checkpoint_cipher import encrypted_serializer
from store.checkpoints import open_checkpointer
from store.thread_lock import LocalThreadLock
from store.vault import generate_vault_key, key_from_setting

SAMPLE = (Path(__file__).resolve().parent.parent / "bot" / "examples" / "denial_mri.txt").read_text()


async def _rules(text: str):  # type: ignore[no-untyped-def]
    return extract(text)


def _percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    return statistics.median(ordered), ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))]


async def _run(rounds: int) -> None:
    redactor_for(()).redact("warm-up for Jordan Example at 42 Sample Lane", MemoryVaults().load_or_new("w"))
    context = InterviewContext(
        read_details=_rules, redactor_for=redactor_for, vaults=MemoryVaults(), bank=load_question_bank()
    )
    timings: dict[str, list[float]] = defaultdict(list)
    with tempfile.TemporaryDirectory() as folder:
        database = Path(folder) / "checkpoints.db"
        serde = encrypted_serializer(key_from_setting(generate_vault_key()))
        async with open_checkpointer(f"sqlite:///{database}", serde) as saver:
            interview = build_interview(saver)
            for round_number in range(rounds):
                convo = Conversation(interview, context, LocalThreadLock(), f"bench-{round_number}")
                started = time.perf_counter()
                turn = await convo.start(SAMPLE, "sample.txt", "Jordan Example")
                timings["start (read the letter)"].append(time.perf_counter() - started)
                while turn.kind in ("confirm", "question"):
                    kind = turn.kind
                    reply: object = {"accept": True} if kind == "confirm" else "yes"
                    if kind == "question" and turn.payload["answer_type"] != "yes_no":
                        reply = "skip"
                    started = time.perf_counter()
                    turn = await convo.send(reply)
                    label = "last answer (redact, write, check)" if turn.kind == "done" else f"{kind} -> next turn"
                    timings[label].append(time.perf_counter() - started)
        size_kb = database.stat().st_size / 1024
    print(f"{rounds} interviews of the sample letter, template letters, encrypted SQLite checkpoints")
    for label, samples in timings.items():
        p50, p95 = _percentiles(samples)
        print(f"  {label:<40} p50 {p50 * 1000:8.1f} ms   p95 {p95 * 1000:8.1f} ms   (n={len(samples)})")
    print(f"  checkpoint file: {size_kb:.0f} KiB for {rounds} interviews ({size_kb / rounds:.0f} KiB each)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=10)
    asyncio.run(_run(parser.parse_args().rounds))


if __name__ == "__main__":
    main()
