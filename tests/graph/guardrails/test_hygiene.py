from __future__ import annotations

import pytest

from graph.guardrails.hygiene import check_hygiene
from tests.graph.guardrails.letters import FACTS, GOOD_LETTER, corrupted

pytestmark = pytest.mark.unit

_BODY = "This MRI is medically necessary."


def test_the_good_letter_is_clean() -> None:
    assert check_hygiene(GOOD_LETTER, FACTS).passed


@pytest.mark.parametrize(
    ("letter", "problem"),
    [
        ("", "the letter is empty"),
        ("  \n ", "the letter is empty"),
        ("Please reverse the denial. " * 5, "the letter is too short (20 words; at least 80)"),
        (GOOD_LETTER + "More words. " * 800, "the letter is too long ("),
        (corrupted(_BODY, "As an AI language model, I think this MRI is needed."), 'model chatter: "As an AI"'),
        (corrupted(_BODY, "I cannot provide medical advice, but this MRI is needed."), "model chatter: "),
        (corrupted(_BODY, "I'm unable to write this letter for you."), "model chatter: "),
        (corrupted("April 14, 2025\n", "Here is your appeal letter:\n\nApril 14, 2025\n"), "model chatter: "),
        (corrupted("an MRI of the lumbar spine (CPT", "an {{ service }} (CPT"), 'template syntax: "'),
        (corrupted(_BODY, "{% if urgent %}This is urgent.{% endif %}"), "leftover template syntax"),
        (corrupted("Plan: Northwind Choice POS II", "Plan: None"), 'leftover an empty value: "'),
        (corrupted("ordered for lumbar", "ordered for None and lumbar"), "leftover an empty value"),
        (corrupted("Plan: Northwind Choice POS II", "Plan: null"), "leftover an empty value"),
        (corrupted("April 14, 2025\n", "```\nApril 14, 2025\n"), "markdown code fence in the letter"),
    ],
    ids=[
        "empty", "blank", "short", "long", "as-an-ai", "i-cannot", "unable", "here-is", "jinja-var", "jinja-tag",
        "none-field", "none-inline", "null", "fence",
    ],
)  # fmt: skip
def test_hygiene_problems(letter: str, problem: str) -> None:
    result = check_hygiene(letter, FACTS)
    assert not result.passed
    assert any(problem in p for p in result.problems), result.problems


@pytest.mark.parametrize(
    "sentence",
    [
        "None of the three drugs I tried worked.",
        "Without this MRI I cannot walk to work.",
        "I cannot sit for more than an hour.",
        "I cannot provide receipts for the first visit.",
        "I cannot comply with step therapy because of my allergy.",
        "Here is what my doctor found.",
        "Here is the letter my doctor wrote.",
    ],
)
def test_ordinary_english_is_not_chatter_or_leftovers(sentence: str) -> None:
    assert check_hygiene(corrupted(_BODY, f"{_BODY} {sentence}"), FACTS).passed


def test_problems_quote_where_the_leftover_is() -> None:
    result = check_hygiene(corrupted("an MRI of the lumbar spine (CPT", "an {{ service }} (CPT"), FACTS)
    assert result.problems == ['leftover template syntax: "overage for an {{ service }} (CPT 72148) on"']
