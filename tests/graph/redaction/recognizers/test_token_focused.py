"""presidio's URL and email recognizers, run word by word, find what a run over the whole text finds."""

from __future__ import annotations

import re

import pytest
from presidio_analyzer.predefined_recognizers import EmailRecognizer, UrlRecognizer

from graph.redaction.recognizers.token_focused import (
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


def test_only_words_with_a_host_dot_are_read() -> None:
    text = "Ruiz wrote on 3.5 mg to www.plan.com today."
    words = candidate_words(text, re.compile(r"\.[A-Za-z]"))
    assert [text[s:e] for s, e in words] == ["www.plan.com"]
