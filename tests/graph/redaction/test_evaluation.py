"""The scoring rules of graph.redaction.evaluation: overlap, type compatibility, counts and F2."""

from __future__ import annotations

import pytest

from graph.redaction.evaluation import (
    LabelledSpan,
    LabelledText,
    covered_share,
    evaluate,
    f_beta,
    is_correct,
    is_found,
    is_ignored,
)

S = LabelledSpan
GOLD_NAME = S("PERSON", 10, 20)  # ten characters


@pytest.mark.unit
@pytest.mark.parametrize(
    ("predictions", "share"),
    [
        ([], 0.0),
        ([S("PERSON", 10, 20)], 1.0),
        ([S("PERSON", 5, 25)], 1.0),
        ([S("PERSON", 10, 15)], 0.5),
        ([S("PERSON", 10, 14)], 0.4),
        ([S("PERSON", 10, 13), S("PERSON", 17, 20)], 0.6),
        ([S("PERSON", 10, 15), S("PERSON", 12, 16)], 0.6),  # overlapping predictions are not counted twice
        ([S("PERSON", 0, 10), S("PERSON", 20, 30)], 0.0),  # touching is not overlapping
    ],
)
def test_covered_share_is_the_union_of_predictions(predictions: list[LabelledSpan], share: float) -> None:
    assert covered_share(GOLD_NAME, predictions) == pytest.approx(share)


@pytest.mark.unit
@pytest.mark.parametrize(
    ("gold", "prediction", "found", "found_any_type"),
    [
        (GOLD_NAME, S("PERSON", 10, 20), True, True),
        (GOLD_NAME, S("PERSON", 15, 30), True, True),  # exactly half the gold length is enough
        (GOLD_NAME, S("PERSON", 16, 30), False, False),  # 4 of 10 is not
        (GOLD_NAME, S("ADDRESS", 10, 20), False, True),  # wrong type: only any-type recall counts it
        (S("CLAIM_NUMBER", 0, 10), S("REFERENCE_NUMBER", 0, 10), True, True),  # identifiers are compatible
        (S("MRN", 0, 10), S("NPI", 0, 10), True, True),
        (S("US_SSN", 0, 11), S("MEMBER_ID", 0, 11), False, True),  # an SSN is not a record identifier
        (S("DATE_OF_BIRTH", 0, 10), S("DATE_TIME", 0, 10), False, True),
    ],
)
def test_gold_span_found(gold: LabelledSpan, prediction: LabelledSpan, found: bool, found_any_type: bool) -> None:
    assert is_found(gold, [prediction]) is found
    assert is_found(gold, [prediction], any_type=True) is found_any_type


@pytest.mark.unit
@pytest.mark.parametrize(
    ("prediction", "correct"),
    [
        (S("PERSON", 10, 20), True),
        (S("PERSON", 6, 20), True),  # "Dr. " included: overlap is all of the shorter (gold) span
        (S("PERSON", 15, 20), True),  # surname only: overlap is all of the shorter (predicted) span
        (S("PERSON", 18, 24), False),  # 2 of 6 predicted characters, 2 of 10 gold characters
        (S("PERSON", 0, 40), True),  # over-long, but it holds all of the shorter (gold) span
        (S("ADDRESS", 10, 20), False),
        (S("PERSON", 30, 40), False),
    ],
)
def test_prediction_correct_needs_half_of_the_shorter_span(prediction: LabelledSpan, correct: bool) -> None:
    assert is_correct(prediction, [GOLD_NAME]) is correct


@pytest.mark.unit
@pytest.mark.parametrize(
    ("prediction", "ignored"),
    [
        (S("PHONE_NUMBER", 50, 66), True),
        (S("PHONE_NUMBER", 40, 60), True),  # 10 of 20 inside the ignored region
        (S("PHONE_NUMBER", 30, 55), False),  # 5 of 25
        (S("PHONE_NUMBER", 0, 5), False),
    ],
)
def test_prediction_ignored_when_half_inside_an_ignored_region(prediction: LabelledSpan, ignored: bool) -> None:
    assert is_ignored(prediction, [S("CREDIT_CARD", 50, 70)]) is ignored


@pytest.mark.unit
@pytest.mark.parametrize(
    ("precision", "recall", "expected"),
    [
        (1.0, 1.0, 1.0),
        (0.0, 0.0, 0.0),
        (0.5, 1.0, 5 * 0.5 / (4 * 0.5 + 1)),
        (1.0, 0.5, 5 * 0.5 / (4 + 0.5)),
        (None, 1.0, None),
        (1.0, None, None),
    ],
)
def test_f2(precision: float | None, recall: float | None, expected: float | None) -> None:
    result = f_beta(precision, recall, beta=2.0)
    assert result == (None if expected is None else pytest.approx(expected))


@pytest.mark.unit
def test_f2_weights_recall_more_than_precision() -> None:
    high_recall, high_precision = f_beta(0.6, 0.9, 2.0), f_beta(0.9, 0.6, 2.0)
    assert high_recall is not None and high_precision is not None
    assert high_recall > high_precision


TEXT = LabelledText(
    "t1",
    "x" * 100,
    spans=(S("PERSON", 0, 10), S("PERSON", 20, 30), S("MEMBER_ID", 40, 50), S("ADDRESS", 60, 80)),
    ignored=(S("CREDIT_CARD", 85, 100),),
)


@pytest.mark.unit
def test_evaluate_counts_recall_precision_and_misses() -> None:
    predictions = [
        S("PERSON", 0, 10),  # finds the first name
        S("ADDRESS", 20, 30),  # wrong type for the second name: missed, but any-type found; false positive
        S("CLAIM_NUMBER", 40, 50),  # compatible identifier: found and correct
        S("ADDRESS", 60, 65),
        S("ADDRESS", 68, 75),  # two pieces cover 12 of 20 address characters: found, both correct
        S("PHONE_NUMBER", 86, 99),  # inside the ignored credit card: not scored
        S("PERSON", 82, 84),  # matches nothing: false positive
    ]
    result = evaluate("demo", [TEXT], [predictions])

    person, address = result.by_entity["PERSON"], result.by_entity["ADDRESS"]
    assert (person.gold, person.found, person.found_any_type) == (2, 1, 2)
    assert (person.predicted, person.correct) == (2, 1)
    assert (address.gold, address.found, address.predicted, address.correct) == (1, 1, 3, 2)
    assert result.by_entity["MEMBER_ID"].found == 1
    assert result.by_entity["CLAIM_NUMBER"].correct == 1
    assert "PHONE_NUMBER" not in result.by_entity

    overall = result.overall
    assert (overall.gold, overall.found, overall.found_any_type) == (4, 3, 4)
    assert overall.recall == pytest.approx(0.75)
    assert overall.precision == pytest.approx(4 / 6)
    assert [(m.entity_type, m.start, m.overlapping_types) for m in result.misses] == [("PERSON", 20, ("ADDRESS",))]
    assert sorted((f.entity_type, f.start, f.overlapping_types) for f in result.false_positives) == [
        ("ADDRESS", 20, ("PERSON",)),
        ("PERSON", 82, ()),
    ]


@pytest.mark.unit
def test_evaluate_with_no_predictions_has_zero_recall_and_no_precision() -> None:
    result = evaluate("empty", [TEXT], [[]])
    assert result.overall.recall == 0.0
    assert result.overall.precision is None
    assert result.overall.f2 is None
    assert len(result.misses) == 4


@pytest.mark.unit
def test_evaluate_needs_one_prediction_list_per_text() -> None:
    with pytest.raises(ValueError, match="1 texts but 2"):
        evaluate("bad", [TEXT], [[], []])
