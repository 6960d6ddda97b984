"""Values the member already gave us (name, address, ids), found wherever the letter repeats them.

The cheapest recall there is: an exact, case-insensitive match, with any run of spaces in the value matching
any run of spaces in the text. A person's name is also matched part by part ("Maria", "Lopez"), because
letters write "Dear Maria," and "LOPEZ, MARIA" as often as the full name.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from graph.redaction.entities import ENTITY_TYPES, PERSON
from graph.redaction.name_words import PLAIN_WORDS
from graph.redaction.recognizers.results import recognizer_result, without_contained

FULL_VALUE_SCORE = 1.0
NAME_PART_SCORE = 0.9
MIN_NAME_PART = 2
# Titles and suffixes are part of how a name is written, never a name part on their own.
NOT_NAME_PARTS = frozenset({"dr", "mr", "mrs", "ms", "mx", "miss", "jr", "sr", "ii", "iii", "iv", "md", "do", "np"})


@dataclass(frozen=True)
class KnownValue:
    """One identifier the member told us, with its canonical entity type ("PERSON", "MEMBER_ID", ...)."""

    entity_type: str
    value: str

    def __post_init__(self) -> None:
        if self.entity_type not in ENTITY_TYPES:
            raise ValueError(f"unknown entity type {self.entity_type!r}")


def name_parts(name: str) -> list[str]:
    parts = [part.strip(".,") for part in name.split()]
    return [p for p in parts if len(p) >= MIN_NAME_PART and p.casefold() not in NOT_NAME_PARTS]


def _value_regex(value: str) -> str:
    return r"\s+".join(re.escape(piece) for piece in value.split())


def _alternation(values: Iterable[str], ignore_case: bool = True) -> re.Pattern[str] | None:
    unique = sorted({v for v in values if v.strip()}, key=len, reverse=True)  # longest first: full before part
    if not unique:
        return None
    body = "|".join(_value_regex(v) for v in unique)
    return re.compile(rf"(?<![A-Za-z0-9])(?:{body})(?![A-Za-z0-9])", re.IGNORECASE if ignore_case else 0)


def _name_part_patterns(names: list[str]) -> list[re.Pattern[str]]:
    """Name parts; one that is also an English word ("June", "May") must keep its capital ("you may" stays)."""
    parts = {part for name in names for part in name_parts(name)}
    plain = {p for p in parts if p.casefold() in PLAIN_WORDS}
    capitalised = {form for p in plain for form in (p.capitalize(), p.upper())}
    found = [_alternation(parts - plain), _alternation(capitalised, ignore_case=False)]
    return [pattern for pattern in found if pattern is not None]


class KnownValuesRecognizer(EntityRecognizer):
    def __init__(self, known: Iterable[KnownValue]) -> None:
        self.known = tuple(known)
        self._patterns: list[tuple[str, re.Pattern[str], float]] = []
        for entity_type in sorted({k.entity_type for k in self.known}):
            values = [k.value for k in self.known if k.entity_type == entity_type]
            full = _alternation(values)
            if full is not None:
                self._patterns.append((entity_type, full, FULL_VALUE_SCORE))
            if entity_type == PERSON:
                self._patterns += [(PERSON, parts, NAME_PART_SCORE) for parts in _name_part_patterns(values)]
        supported = sorted({k.entity_type for k in self.known}) or [PERSON]
        super().__init__(supported_entities=supported, name="KnownValuesRecognizer", supported_language="en")

    def load(self) -> None:
        """Nothing to load: the patterns are built from the known values in __init__."""

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        return without_contained(
            [
                recognizer_result(self, entity_type, match.start(), match.end(), score)
                for entity_type, pattern, score in self._patterns
                if not entities or entity_type in entities
                for match in pattern.finditer(text)
            ]
        )
