"""On every development corpus letter (and our own fixture letters) the template path writes a letter that
passes every guardrail, with the member's details back in place and no placeholder left."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from bot.batch import AnswersFile, run_batch
from tests.graph.interview.harness import context, conversation

ROOT = Path(__file__).resolve().parents[3]
CORPUS = Path(os.environ.get("OVERTURN_CORPUS", ROOT.parent / "shared" / "corpus"))
CORPUS_LETTERS = sorted((CORPUS / "denials").glob("*.txt")) if (CORPUS / "denials").is_dir() else []
OWN_LETTERS = sorted((ROOT / "tests" / "fixtures" / "letters").glob("*.txt"))
YES_TO_EVERYTHING = AnswersFile(member_name="Robin Quill", answers={})


async def _letter_for(path: Path) -> dict[str, object]:
    run = await run_batch(conversation(context()), path.read_text(encoding="utf-8"), path.name, YES_TO_EVERYTHING)
    assert run.kind == "done", run.outcome
    return run.outcome


def _assert_deliverable(outcome: dict[str, object]) -> None:
    guardrails = outcome["guardrails"]
    assert isinstance(guardrails, dict)
    failed = {r["name"]: r["problems"] for r in guardrails["results"] if not r["passed"]}
    assert outcome["status"] == "ready", failed
    text = str(outcome["text"])
    assert "[" not in text or "_1]" not in text, "no placeholder is left in the delivered letter"
    assert "Robin Quill" in text


@pytest.mark.corpus
@pytest.mark.parametrize("path", CORPUS_LETTERS, ids=lambda p: p.stem)
async def test_every_corpus_letter_gets_a_letter_that_passes_the_guardrails(path: Path) -> None:
    _assert_deliverable(await _letter_for(path))


@pytest.mark.corpus
def test_the_corpus_is_there() -> None:
    if not CORPUS_LETTERS:
        pytest.skip(f"corpus not found at {CORPUS} (set OVERTURN_CORPUS to the shared corpus)")
    assert len(CORPUS_LETTERS) >= 10


@pytest.mark.unit
@pytest.mark.parametrize("path", OWN_LETTERS, ids=lambda p: p.stem)
async def test_every_fixture_letter_gets_a_letter_that_passes_the_guardrails(path: Path) -> None:
    _assert_deliverable(await _letter_for(path))
