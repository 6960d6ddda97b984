"""presidio's URL and email recognizers, run word by word, find what a run over the whole text finds."""

from __future__ import annotations

import re

import pytest
from presidio_analyzer.predefined_recognizers import EmailRecognizer, UrlRecognizer

from graph.redaction.recognizers.token_focused import (
    AT_WORDS,
    HOST_DOT_WORDS,
    WordFocusedEmailRecognizer,
    WordFocusedUrlRecognizer,
    candidate_words,
)
from tests.graph.redaction.recognizers.helpers import found, found_types

pytestmark = pytest.mark.unit

TEXTS = [
    "See https://members.plan.com/claims/E3337991258 or www.plan.com/appeals.",
    "Website:\nhttps://www.example.se/\n\nE-mail:\nAnaRuiz@example.de",
    "Write to (appeals@plan.org) or 'http://q.fr/' and \"mail@me.io\"",
    "Diagnosis E11.65, Dr. Ruiz, U.S. rules, P.O. Box 30417.",
    "a-b.co.uk/x?id=12 é@ü.de john.smith@ .com @",
    "no urls here",
    "",
]


@pytest.mark.parametrize("text", TEXTS)
def test_urls_as_presidio_finds_them(text: str) -> None:
    assert found(WordFocusedUrlRecognizer(), text) == found(UrlRecognizer(), text)


@pytest.mark.parametrize("text", TEXTS)
def test_emails_as_presidio_finds_them(text: str) -> None:
    assert found_types(WordFocusedEmailRecognizer(), text) == found_types(EmailRecognizer(), text)


@pytest.mark.parametrize(
    ("text", "marker", "expected"),
    [
        ("Ruiz wrote on 3.5 mg to www.plan.com today.", HOST_DOT_WORDS, ["www.plan.com"]),
        ("a.b\nc.d e..f g. .h", HOST_DOT_WORDS, ["a.b", "c.d", "e..f", ".h"]),
        ("mail x@y.z or (me@here) @ not-an-address", AT_WORDS, ["x@y.z", "(me@here)", "@"]),
        ("", AT_WORDS, []),
    ],
)
def test_only_whole_words_with_the_marker_are_read(text: str, marker: re.Pattern[str], expected: list[str]) -> None:
    words = candidate_words(text, marker)
    assert [text[s:e] for s, e in words] == expected
    assert expected == [w for w in text.split() if re.search(r"@" if marker is AT_WORDS else r"\.[A-Za-z]", w)]
