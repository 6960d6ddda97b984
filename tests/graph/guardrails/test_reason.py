from __future__ import annotations

import pytest

from graph.denial import Category
from graph.guardrails.reason import KEY_PHRASES, check_reason, quotes_reason
from tests.graph.guardrails.letters import FACTS, GOOD_LETTER, REASON, corrupted

pytestmark = pytest.mark.unit


def _ignoring_reason() -> str:
    """The good letter with its quote of the reason and every "medical necessity" phrase taken out."""
    letter = corrupted(f'says: "{REASON}"', "was wrong.")
    letter = corrupted("This MRI is medically necessary.", "This MRI matters to me.", letter)
    return corrupted("letter of medical necessity", "letter of support", letter)


IGNORING = _ignoring_reason()


def test_the_good_letter_answers_the_reason() -> None:
    assert check_reason(GOOD_LETTER, FACTS).passed


def test_a_letter_that_ignores_the_reason_fails() -> None:
    result = check_reason(IGNORING, FACTS)
    assert result.problems == [
        "the letter does not answer the insurer's reason: quote at least 8 words of the stated reason or take "
        'up the denial\'s grounds ("medically necessary", "medical necessity")'
    ]


def test_quoting_eight_words_is_enough_without_the_category() -> None:
    letter = IGNORING + "\nYou wrote that I have not completed six weeks of conservative treatment.\n"
    assert check_reason(letter, FACTS).passed


def test_quotes_ignore_case_spacing_and_punctuation() -> None:
    assert quotes_reason("they said: YOU HAVE NOT\ncompleted six  weeks, of conservative treatment!", REASON)
    assert not quotes_reason("you have not completed six weeks of therapy", REASON)


def test_a_short_reason_must_be_quoted_whole() -> None:
    facts = FACTS.model_copy(update={"reason": "Not a covered service.", "categories": [Category.other]})
    assert check_reason(IGNORING + "You wrote: not a covered service.\n", facts).passed
    assert not check_reason(IGNORING, facts).passed


def test_no_reason_needs_no_answer() -> None:
    assert check_reason(IGNORING, FACTS.model_copy(update={"reason": None})).passed


def test_other_needs_the_quote() -> None:
    facts = FACTS.model_copy(update={"categories": [Category.other]})
    assert not check_reason(IGNORING + "This should be medically necessary and covered.\n", facts).passed
    assert check_reason(GOOD_LETTER, facts).passed


@pytest.mark.parametrize(
    ("category", "sentence"),
    [
        (Category.medical_necessity, "The scan is a medical necessity."),
        (Category.experimental_investigational, "The scan is not experimental."),
        (Category.prior_authorization, "My provider did ask for pre-authorization."),
        (Category.out_of_network, "No in-network provider could see me."),
        (Category.not_covered_benefit, "My plan lists this as a covered service."),
        (Category.step_therapy, "I already met the step therapy rules."),
        (Category.formulary, "I ask for a formulary exception."),
        (Category.cost_sharing, "My coinsurance was applied twice."),
        (Category.preventive_care, "This was preventive screening."),
        (Category.level_of_care, "The hospital setting was needed."),
        (Category.insufficient_documentation, "My provider has now sent the records."),
        (Category.duplicate, "This is not a duplicate."),
        (Category.coding_billing, "My provider corrected the codes."),
        (Category.timely_filing, "The claim was filed on time, so it was timely."),
    ],
)
def test_each_category_has_a_key_phrase(category: Category, sentence: str) -> None:
    facts = FACTS.model_copy(update={"categories": [category]})
    plain = "I disagree with your decision about my MRI and ask you to reverse it."
    assert not check_reason(plain, facts).passed
    assert check_reason(f"{plain} {sentence}", facts).passed


def test_any_one_of_several_categories_is_enough() -> None:
    facts = FACTS.model_copy(update={"categories": [Category.formulary, Category.step_therapy]})
    assert check_reason(IGNORING + "I already met the step therapy rules.\n", facts).passed


def test_every_category_has_a_row() -> None:
    assert set(KEY_PHRASES) == set(Category)
