"""Ages over 89: "93 yo F", "a 96-year-old man", "Age: 101", "aged 92", "91F", "her husband Ansel, 97, lives".

HIPAA Safe Harbor removes every age over 89 (ages up to 89 stay: the appeal may need them, and they identify
no one), because so few people are that old. The span is the number alone, so the text reads "[AGE_1] yo F".
"""

from __future__ import annotations

import re

from presidio_analyzer import RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from graph.redaction.cue_search import cue_finditer
from graph.redaction.entities import AGE
from graph.redaction.recognizers.own_recognizer import OwnRecognizer
from graph.redaction.recognizers.results import recognizer_result

SCORE = 0.85
OLDEST_COUNTED = 89
OLDEST_LIVING = 125
_AGE = r"(?P<age>\d{2,3})"
# An age before its unit ("93 yo", "96-year-old", "92 yrs old", "91 y.o."), or a chart's "91F".
_BEFORE_UNIT = re.compile(
    rf"(?<![\d.,/:])\b{_AGE}(?:[^\S\n]?[\-–]?[^\S\n]?(?i:yo\b|y/o|y\.o\.?|yrs?\b|years?\b|-?year-old)"
    r"|(?:M|F)\b(?![\-/.]))"
)
# An age after its label ("Age: 101", "aged 92", "age 95").
_AFTER_LABEL = re.compile(rf"(?<![\w])(?i:aged?)[^\S\n]*[:=]?[^\S\n]*{_AGE}\b(?![.,/:]\d)")
# An age set off by commas after a name ("her husband Ansel, 97, lives with her").
_APPOSITIVE = re.compile(rf",[^\S\n]*{_AGE}[^\S\n]*,")
_NAME_BEFORE = re.compile(r"[A-Z][a-z'’\-]+$")


class AgeOver89Recognizer(OwnRecognizer):
    ENTITY = AGE

    def find(self, text: str, nlp_artifacts: NlpArtifacts | None) -> list[RecognizerResult]:
        found: set[tuple[int, int]] = set()
        after_a_name = [m for m in _APPOSITIVE.finditer(text) if _NAME_BEFORE.search(text, 0, m.start())]
        for match in [*_BEFORE_UNIT.finditer(text), *cue_finditer(_AFTER_LABEL, text), *after_a_name]:
            if OLDEST_COUNTED < int(match.group("age")) <= OLDEST_LIVING:
                found.add((match.start("age"), match.end("age")))
        return [recognizer_result(self, AGE, start, end, SCORE) for start, end in sorted(found)]
