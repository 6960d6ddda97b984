from __future__ import annotations

import pytest

from graph.redaction.recognizers.dialogue_speakers import SCORE, DialogueSpeakersRecognizer
from tests.graph.redaction.recognizers.helpers import found


@pytest.mark.unit
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ubul: What a wife.\nNicole: Remember me, Mary?", ["Ubul"]),
        ("Nicole: Remember me?\n\nHalldór: What a wife.", ["Halldór"]),  # blank lines between turns
        ('mika: "who are you?"\ntracy:"i\'m roberto\'s daughter".', ["mika"]),  # lower case
        (">Vinka: What a wife.\n>Lisa: Remember me, Nathan", ["Vinka"]),
        ("Ubul: Hi.\nNicole: Hi.\nMatthew: Hello.", ["Matthew", "Nicole", "Ubul"]),
        ("Nicole: Hi.\nMatthew: Hello.", ["Matthew", "Nicole"]),
    ],
)
def test_speakers_beside_a_named_speaker(text: str, expected: list[str]) -> None:
    assert sorted(found(DialogueSpeakersRecognizer(), text)) == [(name, SCORE) for name in expected]


@pytest.mark.unit
@pytest.mark.parametrize(
    "text",
    [
        "Ubul: What a wife.\nKarsten: Remember me",  # no speaker is a listed name
        "Ubul: What a wife.\nThen he left.\nNicole: Remember me",  # not next to each other
        "Member: Maria Lopez\nSurgeon: Dr. Ruiz",  # form fields
        "Maria: Hello\nRationale: The service is not covered",
        "Date: 01/02/2024\nMaria: ok",
        "Ubul: 555-0134\nNicole: Remember me",  # nothing said
        "Website: https://plan.example\nNicole: hi",
        "Please send your appeal to: Ubul\nNicole: ok",  # a sentence, not a speaker
    ],
)
def test_form_fields_and_lone_labels_are_not_speakers(text: str) -> None:
    assert found(DialogueSpeakersRecognizer(), text) == []
