"""US phone and fax numbers as letters print them: "(216) 448-3021", "216.448.3021", "1-800-877-7587 ext. 12".

presidio's phone recognizer validates with python-phonenumbers and drops numbers whose exchange is not
assigned (the 555 numbers of invented letters, some fax lines), so letters need this plain-format pattern as
well. The groups must be separated or bracketed: ten bare digits are as likely an NPI or a claim number as a
phone.
"""

from __future__ import annotations

import re

from presidio_analyzer import RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from graph.redaction.entities import PHONE_NUMBER
from graph.redaction.recognizers.own_recognizer import OwnRecognizer
from graph.redaction.recognizers.results import recognizer_result

_SEP = r"[^\S\n]?[.\-–][^\S\n]?|[^\S\n]"
_EXTENSION = r"(?:[^\S\n]*(?:,|;)?[^\S\n]*(?:ext|extension|x)\.?[^\S\n]*\d{1,6})?"
_AREA = rf"(?:\([2-9]\d{{2}}\)[^\S\n]?|[2-9]\d{{2}}(?:{_SEP}))"
PHONE = re.compile(
    rf"(?<![\w+\-.])(?:\+?1(?:{_SEP}))?{_AREA}[2-9]\d{{2}}(?:{_SEP})\d{{4}}{_EXTENSION}(?![\w\-])",
    re.IGNORECASE,
)
SCORE = 0.75


class PhoneFaxRecognizer(OwnRecognizer):
    ENTITY = PHONE_NUMBER

    def find(self, text: str, nlp_artifacts: NlpArtifacts | None) -> list[RecognizerResult]:
        return [
            recognizer_result(self, PHONE_NUMBER, match.start(), match.end(), SCORE) for match in PHONE.finditer(text)
        ]
