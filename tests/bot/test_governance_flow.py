"""Governance end to end, through the same wiring the channels use (SQLite store, no model):
a pinned prompt version writes the next letter and a rollback restores the previous one; a shadow run stores
two generations and shows one; both leave audit events."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.cli import main
from bot.interviews import interview_runtime
from bot.settings import Settings, get_settings
from bot.store_access import open_store
from prompts.loader import PROMPTS_DIR
from store.audit import AuditLog
from store.db import engine_for
from store.shadow_report import shadow_report
from tests.graph.interview.harness import EXAMPLE_LETTER

pytestmark = pytest.mark.unit

LETTER_TEMPLATE = "letters/medical_necessity.j2"
MARKER = "I have kept a diary of my symptoms."
SAMPLE = Path(__file__).resolve().parents[2] / "bot" / "examples" / "denial_mri.txt"


@pytest.fixture
def settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Settings]:
    monkeypatch.chdir(tmp_path)
    for name in ("OVERTURN_MODEL_URL", "OVERTURN_SHADOW_PROMPT", "OVERTURN_SHADOW_MODEL"):
        monkeypatch.setenv(name, "")
    monkeypatch.setenv("OVERTURN_DATABASE_URL", f"sqlite:///{tmp_path / 'store.db'}")
    get_settings.cache_clear()  # the commands read settings through this cache
    yield get_settings()
    get_settings.cache_clear()


def _candidate(tmp_path: Path) -> Path:
    source = (PROMPTS_DIR / LETTER_TEMPLATE).read_text(encoding="utf-8")
    candidate = tmp_path / "candidate.j2"
    candidate.write_text(source.replace("{%- endblock %}", f" {MARKER}\n{{%- endblock %}}", 1), encoding="utf-8")
    return candidate


def _appeal(capsys: pytest.CaptureFixture[str]) -> dict[str, object]:
    capsys.readouterr()
    assert main(["appeal", str(SAMPLE), "--json"]) == 0
    report: dict[str, object] = json.loads(capsys.readouterr().out)
    return report


def _sha_of_added(capsys: pytest.CaptureFixture[str], candidate: Path) -> str:
    assert main(["prompts", "add", LETTER_TEMPLATE, str(candidate)]) == 0
    return hashlib.sha256(candidate.read_bytes()).hexdigest()


def test_a_pin_changes_the_next_letter_and_a_rollback_restores_the_previous_one(
    settings: Settings, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = _appeal(capsys)
    file_sha = hashlib.sha256((PROMPTS_DIR / LETTER_TEMPLATE).read_bytes()).hexdigest()
    assert main(["prompts", "pin", LETTER_TEMPLATE, file_sha]) == 0
    candidate_sha = _sha_of_added(capsys, _candidate(tmp_path))
    assert main(["prompts", "pin", LETTER_TEMPLATE, candidate_sha]) == 0

    pinned = _appeal(capsys)
    assert MARKER in str(pinned["letter"])
    assert pinned["provenance"] != before["provenance"]

    assert main(["prompts", "rollback", LETTER_TEMPLATE]) == 0
    rolled_back = _appeal(capsys)
    assert MARKER not in str(rolled_back["letter"])
    assert rolled_back["provenance"] == before["provenance"], "the letter records the restored version"

    actions = [event.action for event in AuditLog(engine_for(settings.database_url)).events()]
    assert actions == ["prompt.pinned", "prompt.pinned", "prompt.rolled_back"]
    assert main(["audit", "verify"]) == 0


async def test_a_shadow_run_stores_two_generations_and_shows_one(
    settings: Settings, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    candidate_sha = _sha_of_added(capsys, _candidate(tmp_path))
    monkeypatch.setenv("OVERTURN_SHADOW_PROMPT", f"{LETTER_TEMPLATE}@{candidate_sha[:12]}")
    get_settings.cache_clear()
    async with interview_runtime(Settings()) as runtime:
        convo = runtime.conversation("shadowcase01")
        turn = await convo.start(EXAMPLE_LETTER, "letter.txt", "Jordan Example")
        while turn.kind in ("confirm", "question"):
            turn = await convo.send({"accept": True} if turn.kind == "confirm" else "skip")
    assert turn.kind == "done" and MARKER not in turn.payload["text"], "the shadow letter is never shown"

    store = open_store(Settings())
    generations = store.records.generations("shadowcase01")
    assert sorted((g.shadow, g.chosen) for g in generations) == [(False, True), (True, False)]
    assert MARKER in next(g.text for g in generations if g.shadow)
    assert "Jordan Example" not in " ".join(g.text for g in generations), "only redacted text is stored"
    [letter] = store.records.letters(case_id="shadowcase01")
    assert MARKER not in letter.text

    report = shadow_report(store.engine)
    assert len(report.cases) == 1
    assert [e.action for e in store.audit.events(case_id="shadowcase01")] == ["case.opened", "letter.delivered"]
