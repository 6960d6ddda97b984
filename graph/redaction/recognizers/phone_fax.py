"""US phone and fax numbers as letters print them: "(216) 448-3021", "216.448.3021", "1-800-877-7587 ext. 12".

presidio's phone recognizer validates with python-phonenumbers and drops numbers whose exchange is not
assigned (the 555 numbers of invented letters, some fax lines), so letters need this plain-format pattern as
well. The groups must be separated or bracketed: ten bare digits are as likely an NPI or a claim number as a
phone.
"""

from __future__ import annotations

import re

from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from graph.redaction.entities import PHONE_NUMBER
from graph.redaction.recognizers.results import recognizer_result

_SEP = r"[^\S\n]?[.\-–][^\S\n]?|[^\S\n]"
_EXTENSION = r"(?:[^\S\n]*(?:,|;)?[^\S\n]*(?:ext|extension|x)\.?[^\S\n]*\d{1,6})?"
_AREA = rf"(?:\([2-9]\d{{2}}\)[^\S\n]?|[2-9]\d{{2}}(?:{_SEP}))"
PHONE = re.compile(
    rf"(?<![\w+\-.])(?:\+?1(?:{_SEP}))?{_AREA}[2-9]\d{{2}}(?:{_SEP})\d{{4}}{_EXTENSION}(?![\w\-])",
    re.IGNORECASE,
)
SCORE = 0.75


class PhoneFaxRecognizer(EntityRecognizer):
    def __init__(self) -> None:
        super().__init__(supported_entities=[PHONE_NUMBER], name="PhoneFaxRecognizer", supported_language="en")

    def load(self) -> None:
        """Nothing to load: the pattern is a module constant."""

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        if entities and PHONE_NUMBER not in entities:
            return []
        return [
            recognizer_result(self, PHONE_NUMBER, match.start(), match.end(), SCORE) for match in PHONE.finditer(text)
        ]
