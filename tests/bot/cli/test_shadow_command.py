"""`overturn shadow report`: the shadow letters beside the live ones, as text or JSON."""

from __future__ import annotations

import argparse
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine

from bot.cli import shadow_command
from bot.settings import get_settings
from store.db import engine_for, metadata
from store.records_schema import RECORD_TABLES
from tests.store.pins_generations import LIVE_SHA, SHADOW_SHA, add_sample

pytestmark = pytest.mark.unit


@pytest.fixture(autouse=True)
def _database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("OVERTURN_DATABASE_URL", f"sqlite:///{tmp_path}/overturn.db")
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


@pytest.fixture
def records() -> Iterator[Engine]:
    engine = engine_for(get_settings().database_url)
    metadata.create_all(engine, tables=list(RECORD_TABLES))
    yield engine
    engine.dispose()


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    parser = argparse.ArgumentParser(prog="overturn")
    shadow_command.register(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(["shadow", "report", *argv])
    assert args.run(args) == 0
    return capsys.readouterr().out


def test_a_database_without_records_has_nothing_to_compare(capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(capsys).strip() == "No shadow letters to compare yet."
    assert json.loads(_run(capsys, "--json")) == {"cases": [], "summary": None}


def test_the_report_shows_rates_verdicts_and_diffs(capsys: pytest.CaptureFixture[str], records: Engine) -> None:
    add_sample(records)
    out = _run(capsys)
    lines = out.splitlines()
    assert lines[0] == "3 cases with a shadow letter (1 more await a live letter)"
    assert lines[1] == "guardrails passed: live 67%, shadow 67%"
    assert lines[2].startswith("mean length, shadow / live: 1.")
    assert "case case-a  (length ratio 1.40)" in lines
    assert f"  live    passed; 15 words; compose/appeal.user.j2@{LIVE_SHA[:12]}; model small" in lines
    assert (
        f"  shadow  FAILED grounding, citations; 21 words; compose/appeal.user.j2@{SHADOW_SHA[:12]}; "
        "model large:compose-v2"
    ) in lines
    assert "    +My doctor says it is medically necessary." in lines
    assert "    (the same text)" in lines  # case-c


def test_json_carries_every_case_and_the_summary(capsys: pytest.CaptureFixture[str], records: Engine) -> None:
    add_sample(records)
    report = json.loads(_run(capsys, "--json", "--diff-lines", "3"))
    assert [case["case_id"] for case in report["cases"]] == ["case-a", "case-b", "case-c"]
    first = report["cases"][0]
    assert first["shadow"]["failed_checks"] == ["grounding", "citations"] and first["live"]["passed"] is True
    assert first["diff_truncated"] is True and first["diff"].endswith("more diff lines")
    assert report["summary"]["cases"] == 3 and report["summary"]["unpaired"] == 1
