"""The shadow report: each case's shadow letter beside the live one, and pass rates over all. SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import Engine

from store.db import metadata
from store.records_schema import RECORD_TABLES
from store.shadow_report import failed_checks, shadow_report, text_diff
from tests.store.pins_databases import database
from tests.store.pins_generations import (
    LETTER,
    LIVE_SHA,
    SHADOW_LETTER,
    SHADOW_SHA,
    START,
    add_case,
    add_generation,
    add_sample,
    guardrails,
)


@pytest.fixture(
    params=[pytest.param("sqlite", marks=pytest.mark.unit), pytest.param("postgres", marks=pytest.mark.integration)]
)
def engine(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Engine]:
    with database(request.param, tmp_path) as engine:
        metadata.create_all(engine, tables=list(RECORD_TABLES))
        yield engine


def test_each_case_shows_both_verdicts_lengths_shas_and_a_diff(engine: Engine) -> None:
    add_sample(engine)
    report = shadow_report(engine)
    assert [case.case_id for case in report.cases] == ["case-a", "case-b", "case-c"]
    a, b, c = report.cases

    assert (a.live.passed, a.live.failed_checks) == (True, [])
    assert (a.shadow.passed, a.shadow.failed_checks) == (False, ["grounding", "citations"])
    assert (b.live.passed, b.live.failed_checks, b.shadow.passed) == (False, ["remedy"], True)
    assert a.live.template_sha256 == LIVE_SHA and a.shadow.template_sha256 == SHADOW_SHA
    assert (a.live.model_id, a.shadow.model_id, a.shadow.adapter) == ("small", "large", "compose-v2")
    assert a.live.words == len(LETTER.split()) and a.shadow.words == len(SHADOW_LETTER.split())
    assert a.length_ratio == pytest.approx(len(SHADOW_LETTER.split()) / len(LETTER.split()))

    diff = a.diff.splitlines()
    assert diff[:2] == ["--- live", "+++ shadow"]
    assert "-It is medically necessary." in diff and "+My doctor says it is medically necessary." in diff
    assert "+Please cover it." in diff and not a.diff_truncated
    assert (c.diff, c.length_ratio) == ("", 1.0)


def test_the_summary_compares_pass_rates_and_lengths(engine: Engine) -> None:
    add_sample(engine)
    summary = shadow_report(engine).summary
    ratio = len(SHADOW_LETTER.split()) / len(LETTER.split())
    assert (summary.cases, summary.unpaired) == (3, 1)
    assert summary.live_pass_rate == pytest.approx(2 / 3)
    assert summary.shadow_pass_rate == pytest.approx(2 / 3)
    assert summary.mean_length_ratio == pytest.approx((ratio + ratio + 1.0) / 3)


def test_since_leaves_out_older_shadows_but_pairs_with_older_live_letters(engine: Engine) -> None:
    add_sample(engine)
    report = shadow_report(engine, since=START + timedelta(minutes=6))
    assert [case.case_id for case in report.cases] == ["case-b", "case-c"]  # case-a's shadows are older
    assert report.cases[0].live.generation_id < report.cases[0].shadow.generation_id  # b's live letter: minute 5
    assert report.summary.unpaired == 1


def test_no_shadow_generations_make_an_empty_report(engine: Engine) -> None:
    add_case(engine, "case-a")
    add_generation(engine, "case-a", 1, LETTER, chosen=True)
    report = shadow_report(engine)
    assert report.cases == [] and report.summary.cases == 0 and report.summary.live_pass_rate is None
    assert report.to_json()["summary"]["mean_length_ratio"] is None


@pytest.mark.unit
def test_a_long_diff_is_cut_short_and_says_so() -> None:
    live = "\n".join(f"line {i}" for i in range(100))
    shadow = "\n".join(f"LINE {i}" for i in range(100))
    diff, truncated = text_diff(live, shadow, max_lines=10)
    assert truncated and len(diff.splitlines()) == 11 and diff.endswith("more diff lines")
    assert text_diff(live, live) == ("", False)


@pytest.mark.unit
def test_failed_checks_read_the_stored_report_leniently() -> None:
    assert failed_checks(guardrails("citations")) == ["citations"]
    assert failed_checks({}) == [] and failed_checks({"results": None}) == []
