from __future__ import annotations

import pytest

from graph.extraction.sentence_index import SentenceIndex


@pytest.mark.unit
@pytest.mark.parametrize(
    ("text", "word", "sentence"),
    [
        ("We looked. The brace is not needed. Call us.", "brace", "The brace is not needed. "),
        ("Dear Member:\nWe denied the scan\nbecause it was early.\n", "because",
         "We denied the scan\nbecause it was early.\n"),
        ("CASE DETAILS\nReason: late filing", "late", "Reason: late filing"),
        ("First paragraph ends here\n\nSecond one starts", "Second", "Second one starts"),
        ("He said “it is unproven.” Then he left.", "unproven", "He said “it is unproven.” "),
        ("   Leading blanks. Next", "Leading", "Leading blanks. "),
    ],
)  # fmt: skip
def test_the_sentence_around_a_word(text: str, word: str, sentence: str) -> None:
    index = SentenceIndex(text)
    pos = text.index(word)
    start, end = index.bounds(pos)
    assert text[start:end] == sentence
    assert index.start_of(pos) == start
    assert index.text_of(pos) == sentence


@pytest.mark.unit
def test_sentence_starts_skip_white_space() -> None:
    text = "One.  Two.\n\n  Three."
    assert [text[s] for s in SentenceIndex(text).starts] == ["O", "T", "T"]


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
@pytest.mark.unit
def test_around_finds_the_sentence_of_a_word(text: str, word: str, sentence: str) -> None:
    start = text.index(word)
    begin, end = SentenceIndex(text).around(start, start + len(word))
    assert text[begin:end] == sentence


@pytest.mark.unit
def test_a_window_never_reaches_past_600_characters() -> None:
    text = "x " * 1000 + "appeal" + " y" * 1000
    start = text.index("appeal")
    begin, end = SentenceIndex(text).around(start, start + 6)
    assert start - begin <= 600
    assert end - (start + 6) <= 600
