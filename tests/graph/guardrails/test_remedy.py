from __future__ import annotations

import pytest

from graph.guardrails.remedy import asks_for_remedy, check_remedy
from tests.graph.guardrails.letters import FACTS, GOOD_LETTER, corrupted

pytestmark = pytest.mark.unit

_REQUEST = "I request that you reverse this denial and approve coverage of the MRI."


def test_the_good_letter_asks_for_the_remedy() -> None:
    assert check_remedy(GOOD_LETTER, FACTS).passed


def test_a_letter_that_only_complains_fails() -> None:
    letter = corrupted(_REQUEST, "Your decision to deny this MRI was wrong and refused to cover needed care.")
    result = check_remedy(letter, FACTS)
    assert result.problems == [
        "the letter never asks for the remedy: no sentence requests that the plan reverse the denial or approve, "
        "cover or pay for the MRI of the lumbar spine"
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "Please reconsider this decision.",
        "I am asking you to overturn the denial.",
        "I respectfully request that the plan cover the MRI.",
        "I ask that you pay the claim.",
        "We ask you to authorize the drug.",
        "I am writing to request reconsideration of the denial.",
        "I would like you to approve this service.",
        "My request is that you reverse the denial.",
        "Please approve and pay for this MRI.",
    ],
)
def test_requests_for_the_remedy(sentence: str) -> None:
    assert asks_for_remedy(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "You refused to cover the requested MRI.",
        "The requested service should be covered.",
        "I request a copy of my coverage documents.",
        "I am writing to appeal your decision.",
        "Please send me the criteria you used.",
        "Your reversal of earlier approvals was unfair.",
    ],
)
def test_sentences_that_do_not_ask_for_the_remedy(sentence: str) -> None:
    assert not asks_for_remedy(sentence)
