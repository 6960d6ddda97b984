from __future__ import annotations

import math

import pytest

from graph.composition.candidates import clean_candidate, pick_candidate

pytestmark = pytest.mark.unit

LETTER = (
    "March 3, 2025\n\nRE: Appeal of the denial of an MRI; claim number [CLAIM_NUMBER_1]\n\nDear Appeals Reviewer,\n\n"
    "I ask you to reverse this denial and cover the MRI.\n\nSincerely,\n\n[PERSON_1]\n"
)


def test_a_clean_letter_is_left_as_it_is() -> None:
    assert clean_candidate(LETTER) == LETTER


def test_line_endings_are_normalised() -> None:
    assert clean_candidate(LETTER.replace("\n", "\r\n")) == LETTER
    assert clean_candidate(LETTER.replace("\n", "\r")) == LETTER


@pytest.mark.parametrize(
    "wrapped",
    [
        f"```\n{LETTER}```",
        f"```text\n{LETTER}```\n",
        f"Sure, here is your letter:\n\n```plaintext\n{LETTER}```\n\nLet me know if you want changes.",
        f"```\n{LETTER}",  # a fence the model never closed
    ],
)
def test_code_fences_are_removed(wrapped: str) -> None:
    assert clean_candidate(wrapped) == LETTER


@pytest.mark.parametrize(
    "chatter",
    [
        "Sure, here is your letter:\n\n",
        "Certainly! Here's the appeal letter you asked for.\n",
        "Here is a draft of your appeal letter:\n---\n",
        "Of course.\n\nBelow is the letter.\n\n",
        "Your appeal letter:\n",
    ],
)
def test_leading_chatter_is_removed(chatter: str) -> None:
    assert clean_candidate(chatter + LETTER) == LETTER


@pytest.mark.parametrize(
    "notes",
    [
        "\nNote: I did not include a diagnosis because none was given.\n",
        "\n---\n\n*Feel free to edit this letter.*\n",
        "\nI hope this helps!\n\nEnclosures: none\n",
    ],
)
def test_notes_after_the_signature_are_removed(notes: str) -> None:
    assert clean_candidate(LETTER + notes) == LETTER


def test_enclosures_and_a_signature_block_after_the_closing_are_kept() -> None:
    letter = LETTER.rstrip("\n") + "\n[MEMBER_ID_1]\n\nEnclosures: a copy of the denial letter\n\ncc: [PERSON_2]\n"
    assert clean_candidate(letter + "\nNote: edit as needed.\n") == letter


def test_the_last_closing_counts() -> None:
    letter = LETTER.replace("Dear Appeals Reviewer,", "Thank you,\n\nDear Appeals Reviewer,")
    assert clean_candidate(letter + "\nNote: done.\n") == letter


def test_a_letter_without_a_closing_keeps_its_end() -> None:
    text = "Dear Appeals Reviewer,\n\nPlease reverse this denial.\n\nNote: no closing.\n"
    assert clean_candidate(text) == text


def test_nothing_left_is_empty() -> None:
    assert clean_candidate("  \n```\n```\n") == ""
    assert clean_candidate("") == ""


def test_pick_the_highest_score() -> None:
    assert pick_candidate(["a", "bbb", "cc"], len) == 1


def test_a_tie_goes_to_the_first() -> None:
    assert pick_candidate(["x", "y", "z"], lambda _: 0.5) == 0
    assert pick_candidate(["a", "bb", "cc"], len) == 1


def test_a_nan_score_never_wins() -> None:
    scores = {"a": math.nan, "b": -1.0}
    assert pick_candidate(["a", "b"], scores.__getitem__) == 1
    assert pick_candidate(["a"], scores.__getitem__) == 0


def test_no_candidates_is_an_error() -> None:
    with pytest.raises(ValueError):
        pick_candidate([], len)
