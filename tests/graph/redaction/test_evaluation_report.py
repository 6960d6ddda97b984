"""Presenting evaluations: percentiles, value shapes, miss lines that hide labelled values, the table."""

from __future__ import annotations

import math

import pytest

from graph.redaction.evaluation import LabelledSpan, LabelledText, SpanOutcome, evaluate
from graph.redaction.evaluation_report import (
    Timing,
    describe,
    evaluation_dict,
    percentile,
    render_table,
    value_shape,
)

S = LabelledSpan
TEXT = LabelledText(
    "t1",
    "Patient: Ada Quill\nMember ID: XQP1234 Plan: Cedar Valley",
    spans=(S("PERSON", 9, 18), S("MEMBER_ID", 30, 37)),
)


@pytest.mark.unit
@pytest.mark.parametrize(
    ("samples", "share", "expected"),
    [
        ([5.0], 0.5, 5.0),
        ([1.0, 2.0, 3.0, 4.0], 0.5, 2.0),
        ([float(n) for n in range(1, 101)], 0.95, 95.0),
        ([3.0, 1.0, 2.0], 0.95, 3.0),
    ],
)
def test_percentile_is_nearest_rank(samples: list[float], share: float, expected: float) -> None:
    assert percentile(samples, share) == expected


@pytest.mark.unit
def test_percentile_of_nothing_is_nan() -> None:
    assert math.isnan(percentile([], 0.5))


@pytest.mark.unit
@pytest.mark.parametrize(
    ("value", "shape"),
    [("Ada Quill", "Aaa Aaaaa"), ("(216) 448-3021", "(999) 999-9999"), ("W12-0é", "A99-9a"), ("", "")],
)
def test_value_shape(value: str, shape: str) -> None:
    assert value_shape(value) == shape


@pytest.mark.unit
def test_a_miss_line_masks_the_value_and_labelled_context() -> None:
    line = describe(SpanOutcome("t1", "MEMBER_ID", 30, 37, ("PHONE_NUMBER",)), TEXT)
    assert "[AAA9999]" in line
    assert "Aaa Aaaaa⏎Member ID: " in line
    assert "Ada" not in line and "XQP" not in line
    assert line.endswith("(overlapped by PHONE_NUMBER)")


@pytest.mark.unit
def test_a_false_positive_on_unlabelled_words_shows_them() -> None:
    line = describe(SpanOutcome("t1", "PERSON", 44, 56), TEXT)
    assert line.endswith("[Cedar Valley]")


@pytest.mark.unit
def test_table_and_dict_flag_what_is_below_target() -> None:
    evaluation = evaluate("demo", [TEXT], [[S("PERSON", 9, 18), S("PERSON", 44, 56)]])
    table = render_table(evaluation, Timing((2.0, 4.0)))
    member = next(line for line in table.splitlines() if line.startswith("MEMBER_ID"))
    person = next(line for line in table.splitlines() if line.startswith("PERSON"))
    assert member.endswith("<< below target")
    assert person.endswith("<< below target")  # precision 0.5
    assert "p50 2.0 ms, p95 4.0 ms" in table
    data = evaluation_dict(evaluation, Timing((2.0, 4.0)), [TEXT])
    assert data["overall"]["recall"] == 0.5
    assert {(b["entity"], b["metric"]) for b in data["below_target"]} == {
        ("MEMBER_ID", "recall"),
        ("PERSON", "precision"),
        ("ALL", "precision"),
    }
    assert data["false_positives"] == [describe(evaluation.false_positives[0], TEXT)]
