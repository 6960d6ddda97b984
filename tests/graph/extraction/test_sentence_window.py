from __future__ import annotations

import pytest

from graph.extraction.sentence_window import SentenceWindows

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    ("text", "word", "sentence"),
    [
        (
            "First one. The stay at St. Jude was denied. Last one.",
            "denied",
            "The stay at St. Jude was denied.",
        ),
        ("Write to P.O. Box 12 Albany. Then wait.", "Box", "Write to P.O. Box 12 Albany."),
        ("Heading\n\nYou may appeal within 60 days. Call us.", "appeal", "You may appeal within 60 days."),
        ("[Insert text.]\nAsk for an appeal now. More.", "Ask", "Ask for an appeal now."),
        ("Is it done? Yes, it is done! Good.", "Yes", "Yes, it is done!"),
        ("no end at all", "end", "no end at all"),
    ],
)
def test_finds_the_sentence_around_a_word(text: str, word: str, sentence: str) -> None:
    start = text.index(word)
    begin, end = SentenceWindows(text).around(start, start + len(word))
    assert text[begin:end] == sentence


def test_a_window_never_reaches_past_600_characters() -> None:
    text = "x " * 1000 + "appeal" + " y" * 1000
    start = text.index("appeal")
    begin, end = SentenceWindows(text).around(start, start + 6)
    assert start - begin <= 600
    assert end - (start + 6) <= 600
