"""presidio's URL and email recognizers, run only on the words that could hold a URL or an address.

Their patterns never match across whitespace, so every match lies inside one whitespace-free word; the
patterns have no anchors or lookarounds that read past it, and a word's edges are word boundaries in the
text as in the word alone. Running them word by word, on the few words with a "." before a letter (a host
name) or an "@", finds exactly what a run over the whole text finds, without presidio's URL pattern (every
top-level domain, tried at every letter) scanning the rest: that scan cost more than all but two of our own
recognizers. Offsets index the whole text; the results keep presidio's recognizer names.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from presidio_analyzer import RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts
from presidio_analyzer.predefined_recognizers import EmailRecognizer, UrlRecognizer

# Whole whitespace-free words holding a host name's dot, or an "@" (one scan of the text each).
HOST_DOT_WORDS = re.compile(r"(?<!\S)\S*\.[A-Za-z]\S*")
AT_WORDS = re.compile(r"(?<!\S)\S*@\S*")


def candidate_words(text: str, words: re.Pattern[str]) -> list[tuple[int, int]]:
    """(start, end) of each whitespace-free word of `text` that `words` (one of the patterns above) matches."""
    return [word.span() for word in words.finditer(text)]


def _shifted(results: list[RecognizerResult], offset: int) -> list[RecognizerResult]:
    for result in results:
        result.start += offset
        result.end += offset
    return results


def _in_words(
    analyze: Callable[[str, list[str], NlpArtifacts | None, int | None], list[RecognizerResult]],
    text: str,
    marker: re.Pattern[str],
    entities: list[str],
    nlp_artifacts: NlpArtifacts | None,
    regex_flags: int | None,
) -> list[RecognizerResult]:
    """presidio's recognizer run on each candidate word alone, its findings shifted back to `text`'s offsets."""
    results: list[RecognizerResult] = []
    for start, end in candidate_words(text, marker):
        results += _shifted(analyze(text[start:end], entities, nlp_artifacts, regex_flags), start)
    return results


class WordFocusedUrlRecognizer(UrlRecognizer):
    def __init__(self) -> None:
        super().__init__(name="UrlRecognizer")

    def analyze(
        self,
        text: str,
        entities: list[str],
        nlp_artifacts: NlpArtifacts | None = None,
        regex_flags: int | None = None,
    ) -> list[RecognizerResult]:
        return _in_words(super().analyze, text, HOST_DOT_WORDS, entities, nlp_artifacts, regex_flags)


class WordFocusedEmailRecognizer(EmailRecognizer):
    def __init__(self) -> None:
        super().__init__(name="EmailRecognizer")

    def analyze(
        self,
        text: str,
        entities: list[str],
        nlp_artifacts: NlpArtifacts | None = None,
        regex_flags: int | None = None,
    ) -> list[RecognizerResult]:
        return _in_words(super().analyze, text, AT_WORDS, entities, nlp_artifacts, regex_flags)
