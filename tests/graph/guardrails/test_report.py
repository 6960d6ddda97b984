from __future__ import annotations

import pytest
from pydantic import ValidationError

from graph.guardrails.report import CheckResult, GuardrailReport

pytestmark = pytest.mark.unit


def test_from_problems_passes_only_without_problems() -> None:
    assert CheckResult.from_problems("hygiene", []).passed
    failed = CheckResult.from_problems("hygiene", ["too short", "too short", "chatter"])
    assert not failed.passed
    assert failed.problems == ["too short", "chatter"]


@pytest.mark.parametrize(("passed", "problems"), [(True, ["a problem"]), (False, [])])
def test_verdict_must_match_problems(passed: bool, problems: list[str]) -> None:
    with pytest.raises(ValidationError):
        CheckResult(name="x", passed=passed, problems=problems)


def test_report_passes_only_when_every_check_passes() -> None:
    good = CheckResult.from_problems("grounding", [])
    bad = CheckResult.from_problems("rights", ["no deadline"])
    assert GuardrailReport(results=[good]).passed
    report = GuardrailReport(results=[good, bad])
    assert not report.passed
    assert report.failed_names() == ["rights"]
    assert report.problems() == ["rights: no deadline"]


@pytest.mark.parametrize(
    ("results", "summary"),
    [
        ([CheckResult.from_problems("a", []), CheckResult.from_problems("b", [])], "all 2 checks passed"),
        (
            [CheckResult.from_problems("a", ["x", "y"]), CheckResult.from_problems("b", ["z"])],
            "2 of 2 checks failed: a (2 problems), b (1 problem)",
        ),
    ],
)
def test_summary_is_one_line(results: list[CheckResult], summary: str) -> None:
    assert GuardrailReport(results=results).summary() == summary


def test_report_round_trips_through_json() -> None:
    report = GuardrailReport(results=[CheckResult.from_problems("rights", ["no deadline"])])
    dumped = report.model_dump(mode="json")
    assert dumped == {"results": [{"name": "rights", "passed": False, "problems": ["no deadline"]}]}
    assert GuardrailReport.model_validate(dumped) == report
