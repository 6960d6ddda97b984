"""Names where a clinical note's words say a name follows: relatives, roles, and who saw or called whom.

"son Kevin", "Wife Carmen is HCP", "her sister Adaeze", "Pt Desmond Okafor 45M", "Officer Bryce Tolliver",
"seen by Dr. A. Patel", "spoke with Dana at CVS", "Hi Freddy,". The cue is left out of the span.

Dictation is often typed all in lower case ("accompanied by his daughter jennifer", "pcp is dr mehta"); on a
line with no capital letter at all, the same cues and titles take a lower-case word when it is a listed given
name or surname (person_names) that is not also an everyday word: "son drove", "wife reports" and "dr
office" are not names, and without capitals nothing else tells a name from a word. Only where the words say
outright that a name follows ("her maiden name is nyberg", "named oksana") is an unlisted lower-case word
taken, when it would pass as a name capitalised (not "name is pending"). A capitalised word after a cue is a
name unless it is an everyday, clinical or organisation word ("Pt Ambulating", "Patient Services").
"""

from __future__ import annotations

import re

from presidio_analyzer import RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from graph.redaction.entities import PERSON
from graph.redaction.name_words import is_known_name
from graph.redaction.person_names import AMBIGUOUS_NAMES
from graph.redaction.person_rules import is_name_at, single_word_is_name
from graph.redaction.recognizers.name_patterns import cued_name_spans
from graph.redaction.recognizers.own_recognizer import OwnRecognizer
from graph.redaction.recognizers.results import recognizer_result

RELATIVE_SCORE = 0.8
NAMING_SCORE = 0.7
ACTION_SCORE = 0.7
BY_SCORE = 0.6
_RELATIVE = (
    r"(?:son|daughter|mother|father|brother|sister)-in-law|son|daughter|wife|husband|mother|mom|father|dad|brother|sister|sibling|twin|partner|boyfriend|girlfriend|"
    r"fianc[eé]e?|spouse|friend|neighbou?r|cousin|aunt|uncle|niece|nephew|grandson|granddaughter|grandmother|"
    r"grandfather|grandma|grandpa|grandchild|caregiver|roommate|stepson|stepdaughter|stepmother|stepfather|"
    r"child|kid|baby|landlord|boss|coworker|co-worker|sponsor|guardian|pt|patient|officer|chaplain|"
    r"interpreter|translator|therapist|counselor|aide|attorney|lawyer|resident|intern|fellow|scribe"
)
_ACTION = (
    r"(?:seen|evaluated|examined|referred|discussed|reviewed|accompanied|brought\s+in|signed|dictated|cosigned|"
    r"co-signed|covered|paged|spoke|spoken|talked|met|consulted|staffed|called|visited|transcribed|"
    r"followed|interviewed|presented|follow\s+up|f/u|checked\s+in)\s+(?:by|with|to|from)"
    r"|(?:hi|hello|hey|thanks|thank\s+you)(?=[^\S\n]+\S+[^\S\n]*[,!:])"
)
# "by" alone: "written by", "a song by", "(not by ...)"; a name after it is common enough, and the word
# lists keep "by Friday", "by Medicare", "by Cardiology" and "by Lasix" out.
_BY = r"by"
_TITLE = r"(?:dr|mr|mrs|ms|mx|miss|prof|doctor)\.?"
# What someone used to be, before their name: "by ex-Beatle Paul", "by ex-husband Carlos".
_FORMER = r"(?i:ex-|former[^\S\n]+)[^\W\d_]+"
# Up to three name words (any script; initials allowed) on the cue's line.
_CAP_WORD = r"(?:[A-Z]\.[^\S\n]?)*[^\W\d_a-z][^\W\d_]*(?:['’\-][^\W\d_]+)*"
_LOW_WORD = r"[a-z][a-z'’\-]+"
CAPITALISED_NAME = rf"{_CAP_WORD}(?:[^\S\n]+(?:[A-Z]\.[^\S\n]?)?{_CAP_WORD}){{0,2}}"
LOWER_NAME = rf"{_LOW_WORD}(?:[^\S\n]+{_LOW_WORD})?"
_POSSESSIVE = r"(?:(?i:his|her|their|my|our|the|pt['’]s|patient['’]s)[^\S\n]+)?"

PATTERNS: tuple[tuple[re.Pattern[str], float], ...] = (
    (
        re.compile(
            rf"(?<![\w])(?i:{_RELATIVE})[^\S\n]*,?[^\S\n]+(?:(?i:{_TITLE})[^\S\n]*)?(?P<name>{CAPITALISED_NAME})"
        ),
        RELATIVE_SCORE,
    ),
    (
        re.compile(
            rf"(?<![\w])(?i:{_ACTION})[^\S\n]+{_POSSESSIVE}(?:(?i:{_RELATIVE})[^\S\n]+)?"
            rf"(?:(?i:{_TITLE})[^\S\n]*)?(?P<name>{CAPITALISED_NAME})"
        ),
        ACTION_SCORE,
    ),
    (
        re.compile(
            rf"(?<![\w])(?i:{_BY})[^\S\n]*:?[^\S\n]+(?:{_FORMER}[^\S\n]+)?(?:(?i:{_TITLE})[^\S\n]*)?"
            rf"(?P<name>{CAPITALISED_NAME})"
        ),
        BY_SCORE,
    ),
)
LOWER_CASE_PATTERNS: tuple[tuple[re.Pattern[str], float], ...] = (
    (re.compile(rf"(?<![\w])(?:{_RELATIVE}|{_TITLE})[^\S\n]*,?[^\S\n]+(?P<name>{LOWER_NAME})"), RELATIVE_SCORE),
    (
        re.compile(rf"(?<![\w])(?:{_ACTION})[^\S\n]+{_POSSESSIVE}(?:{_TITLE}[^\S\n]*)?(?P<name>{LOWER_NAME})"),
        ACTION_SCORE,
    ),
)
NAMING_PATTERN = re.compile(
    rf"(?<![\w])(?:name[^\S\n]+(?:is|was)|named|calls?[^\S\n]+me)[^\S\n]+(?P<name>{LOWER_NAME})(?![\w'’\-])"
)
_LINE = re.compile(r"[^\n]+")
_WORD = re.compile(r"\S+")


def _lower_case_name(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The listed, unambiguous name words from start ("jennifer", "mehta", "ana ruiz")."""
    last = None
    for word in _WORD.finditer(text, start, end):
        value = word.group().strip(".,;:")
        if not is_known_name(value) or value in AMBIGUOUS_NAMES or not single_word_is_name(value.capitalize()):
            break
        last = word.start() + len(value)
    return (start, last) if last is not None else None


def _named(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The words after "name is" that would pass as a name capitalised ("nyberg", "ana ruiz")."""
    last = None
    for word in _WORD.finditer(text, start, end):
        value = word.group().strip(".,;:")
        if not single_word_is_name(value.capitalize()):
            break
        last = word.start() + len(value)
    return (start, last) if last is not None else None


class CuedNamesRecognizer(OwnRecognizer):
    ENTITY = PERSON

    def find(self, text: str, nlp_artifacts: NlpArtifacts | None) -> list[RecognizerResult]:
        found = cued_name_spans(text, PATTERNS, is_name_at)
        for line in _LINE.finditer(text):
            if any(ch.isupper() for ch in line.group()):
                continue
            for pattern, score in LOWER_CASE_PATTERNS:
                for match in pattern.finditer(text, line.start(), line.end()):
                    span = _lower_case_name(text, match.start("name"), match.end("name"))
                    if span is not None:
                        found[span] = max(score, found.get(span, 0.0))
            for match in NAMING_PATTERN.finditer(text, line.start(), line.end()):
                span = _named(text, match.start("name"), match.end("name"))
                if span is not None:
                    found[span] = max(NAMING_SCORE, found.get(span, 0.0))
        return [recognizer_result(self, PERSON, s, e, score) for (s, e), score in sorted(found.items())]
