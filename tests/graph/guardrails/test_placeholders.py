from __future__ import annotations

import pytest

from graph.guardrails.placeholders import check_placeholders
from tests.graph.guardrails.letters import FACTS, GOOD_LETTER, corrupted

pytestmark = pytest.mark.unit


def test_the_good_letter_uses_the_case_placeholders_exactly() -> None:
    assert check_placeholders(GOOD_LETTER, FACTS).passed


@pytest.mark.parametrize(
    ("letter", "problem"),
    [
        (
            corrupted("with [PERSON_2]", "with [PERSON_7]"),
            "[PERSON_7] is not one of this case's placeholders (the letter made it up)",
        ),
        (
            corrupted("Member: [PERSON_1]", "Member: [Person 1]"),
            'placeholder written as "[Person 1]"; it must be exactly [PERSON_1]',
        ),
        (
            corrupted("Member: [PERSON_1]", "Member: PERSON_1"),
            'placeholder written as "PERSON_1"; it must be exactly [PERSON_1]',
        ),
        (
            corrupted("reference [REFERENCE_NUMBER_1]", "reference [ REFERENCE-NUMBER_1 ]"),
            'placeholder written as "[ REFERENCE-NUMBER_1 ]"; it must be exactly [REFERENCE_NUMBER_1]',
        ),
        (GOOD_LETTER.replace("[PERSON_1]", "the member"), "the member's name [PERSON_1] is missing"),
        (corrupted("claim [CLAIM_NUMBER_1], ", "claim, "), "the claim number [CLAIM_NUMBER_1] is missing"),
        (corrupted(", reference [REFERENCE_NUMBER_1]", ""), "the reference number [REFERENCE_NUMBER_1] is missing"),
    ],
)
def test_placeholder_problems(letter: str, problem: str) -> None:
    result = check_placeholders(letter, FACTS)
    assert result.problems == [problem]


def test_an_invented_garbled_placeholder_has_both_problems() -> None:
    result = check_placeholders(corrupted("with [PERSON_2]", "with [person 9]"), FACTS)
    assert len(result.problems) == 2


def test_brackets_that_are_not_placeholders_are_ignored() -> None:
    letter = corrupted("Sincerely,", "[Enclosure 1]\n\nSincerely,")
    assert check_placeholders(letter, FACTS).passed


def test_unknown_identifiers_are_not_required() -> None:
    facts = FACTS.model_copy(update={"member_name": None, "claim_id": None, "reference_id": None})
    letter = GOOD_LETTER
    for placeholder in ("[PERSON_1]", "[CLAIM_NUMBER_1]", "[REFERENCE_NUMBER_1]"):
        letter = letter.replace(placeholder, "")
    assert check_placeholders(letter, facts).passed


def test_a_literal_claim_id_must_appear_as_written() -> None:
    facts = FACTS.model_copy(update={"claim_id": "CLM 2025-0042"})
    assert not check_placeholders(GOOD_LETTER, facts).passed
    assert check_placeholders(corrupted("[CLAIM_NUMBER_1]", "clm 2025-0042"), facts).passed
