"""Running one recognizer the way the analyzer does, and reading back (text, score) pairs in text order."""

from __future__ import annotations

from typing import Protocol

from presidio_analyzer import RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts


class Recognizer(Protocol):
    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]: ...


def found(recognizer: Recognizer, text: str) -> list[tuple[str, float]]:
    results = recognizer.analyze(text, [])
    return [(text[r.start : r.end], r.score) for r in sorted(results, key=lambda r: (r.start, r.end))]


def found_types(recognizer: Recognizer, text: str) -> list[tuple[str, str]]:
    results = recognizer.analyze(text, [])
    return [(r.entity_type, text[r.start : r.end]) for r in sorted(results, key=lambda r: (r.start, r.end))]
