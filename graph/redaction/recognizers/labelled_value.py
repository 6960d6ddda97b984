"""The shape most record identifiers take in a letter: a label, then the value ("Claim #: E-4471190").

Each identifier recognizer names its labels and, where needed, its value shape; this base finds
"label [separators] value" and reports the value alone. A value must hold a digit, so prose such as
"your claim was denied" never matches.
"""

from __future__ import annotations

import re
from typing import ClassVar

from presidio_analyzer import RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from graph.redaction.cue_search import cue_finditer
from graph.redaction.recognizers.own_recognizer import OwnRecognizer
from graph.redaction.recognizers.results import recognizer_result

# Between a label and its value: colons, "#", "No.", "number", "is", "on file", spaces, at most one line break.
SEPARATOR = (
    r"(?:[^\S\n]*(?:\(s\)|\([A-Z]{2,5}\)|[:#=.\-–)]|\bno\b\.?|\bnum\b\.?|\bnumber\b|\bnbr\b|\bid\b|\bis\b|"
    r"\bon[^\S\n]+file\b))*"
    r"[^\S\n]*\n?[^\S\n]*"
)
# An identifier: letters, digits and inner - / . ; space-separated digit groups continue it ("8027 1531 152").
ID_VALUE = r"[A-Z0-9](?:[A-Z0-9\-/.]*[A-Z0-9])?(?: \d{2,})*"
MIN_ID_CHARS = 4
# A date is never an identifier here ("Claim received: 01/02/2024" is the letter's business, not PHI); three
# numbers that cannot be a date are ("Acct #: 7781-22-19").
DATE_LIKE = re.compile(r"(?P<a>\d{1,4})[/.\-](?P<b>\d{1,2})[/.\-](?P<c>\d{1,4})")
MIN_YEAR, MAX_YEAR = 1900, 2199


def is_a_date(value: str) -> bool:
    """Whether `value` reads as a calendar date: year-month-day, or month and day (either order) then a year."""
    match = DATE_LIKE.fullmatch(value)
    if match is None:
        return False
    a, b, c = (match.group(name) for name in ("a", "b", "c"))
    if len(a) == 4:
        return MIN_YEAR <= int(a) <= MAX_YEAR and _month_and_day(int(b), int(c))
    return (
        len(c) in (2, 4)
        and (len(c) == 2 or MIN_YEAR <= int(c) <= MAX_YEAR)
        and (_month_and_day(int(a), int(b)) or _month_and_day(int(b), int(a)))
    )


def _month_and_day(month: int, day: int) -> bool:
    return 1 <= month <= 12 and 1 <= day <= 31


# Nor is a diagnosis code ("Diagnosis on claim: M54.16").
ICD10_LIKE = re.compile(r"[A-Z]\d{2}(?:\.[0-9A-Z]{1,4})?", re.IGNORECASE)


def alnum_count(value: str) -> int:
    return sum(ch.isalnum() for ch in value)


class LabelledValueRecognizer(OwnRecognizer):
    """Finds VALUE right after one of LABELS; subclasses set ENTITY and LABELS, and may narrow VALUE."""

    ENTITY: ClassVar[str]
    LABELS: ClassVar[str]  # a regex alternation, matched case-insensitively at a word start
    VALUE: ClassVar[str] = ID_VALUE
    GAP: ClassVar[str] = SEPARATOR  # what may stand between label and value
    SCORE: ClassVar[float] = 0.85
    MIN_CHARS: ClassVar[int] = MIN_ID_CHARS

    def __init__(self) -> None:
        self._pattern = re.compile(
            rf"(?<![A-Za-z0-9])(?:{self.LABELS}){self.GAP}(?P<value>{self.VALUE})(?![A-Za-z0-9])",
            re.IGNORECASE,
        )
        super().__init__()

    def find(self, text: str, nlp_artifacts: NlpArtifacts | None) -> list[RecognizerResult]:
        results: list[RecognizerResult] = []
        for match in cue_finditer(self._pattern, text):
            if self.accepts_match(match):
                results.append(self.result(match.start("value"), match.end("value")))
        return results

    def accepts_match(self, match: re.Match[str]) -> bool:
        """Whether a label-and-value match counts; by default, whether its value does (see accepts)."""
        return self.accepts(match.group("value"))

    def accepts(self, value: str) -> bool:
        """A value is an identifier when it holds a digit and enough characters; subclasses add rules."""
        return (
            any(ch.isdigit() for ch in value)
            and alnum_count(value) >= self.MIN_CHARS
            and not is_a_date(value)
            and ICD10_LIKE.fullmatch(value) is None
        )

    def result(self, start: int, end: int, score: float | None = None) -> RecognizerResult:
        return recognizer_result(self, self.ENTITY, start, end, self.SCORE if score is None else score)
