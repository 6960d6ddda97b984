"""Names where a letter's layout says a name goes: salutations, name fields, titles, credentials, signatures.

"Dear Maria Lopez," "Hi Freddy," "Patient: LOPEZ, MARIA E" "Patient: Lopez" "Member Name: ..." "Enrollee's
Name:" "Covered Person:" "Dr. Ana Ruiz" "Dr. A. Patel" "Ana Ruiz, MD" "K. Abernathy, RN" and the line after
"Sincerely,". The span is the name alone, without the title or credential, so the redacted text reads
"Dr. [PERSON_1]". Generic salutations ("Dear Valued Member", "Dear [Customer]"), organisations in name fields
("Provider: Lakeview Medical Center") and single everyday words ("Physician: Cardiology") are not names.
"""

from __future__ import annotations

import re

from presidio_analyzer import RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from graph.redaction.entities import PERSON
from graph.redaction.person_rules import single_word_is_name
from graph.redaction.recognizers.name_patterns import cued_name_spans
from graph.redaction.recognizers.own_recognizer import OwnRecognizer
from graph.redaction.recognizers.results import recognizer_result

# Letters of Latin names, accented ones included ("Jeknić", "Ávalos"); Latin Extended-A interleaves its
# capitals and small letters, so that block counts as both.
_UPPER = "A-ZÀ-ÖØ-ÞĀ-ž"
_LOWER = "a-zß-öø-ÿĀ-ž"
# Ana, McAllister, O'Rourke, LOPEZ, Jeknić
_WORD = (
    rf"(?:[{_UPPER}][{_LOWER}]*[{_UPPER}]?[{_LOWER}]+|[{_UPPER}]{{2,}}|[{_UPPER}](?=['’]))"
    rf"(?:['’\-][{_UPPER}]?[{_UPPER}{_LOWER}]+)*"
)
_INITIAL = r"[A-Z]\.?"
_PARTICLE = r"(?:van|von|der|den|de|del|della|da|di|du|la|le|bin|ibn|al|st\.)"
# A nickname in quotes between the given name and the surname: Darnell "DJ" Whitfield-Ames.
_NICKNAME = r"[\"“'‘][A-Za-z][A-Za-z .\-]{0,18}[\"”'’]"
_PART = rf"(?:{_WORD}|{_INITIAL}|{_PARTICLE}|{_NICKNAME})"
# First [Middle] Last, on one line; at most five parts.
NAME = rf"{_WORD}(?:[^\S\n]+{_PART}){{0,3}}(?:[^\S\n]+{_WORD})"
SINGLE = _WORD
# Initials before a name: "A. Patel", "J. R. Ruiz"; only with full stops, so "A Patel" keeps its article.
_LEAD = r"(?:[A-Z]\.[^\S\n]?){1,2}[^\S\n]*"
LED_NAME = rf"{_LEAD}(?:{NAME}|{SINGLE})"

_TITLE = r"(?:Dr|Mr|Mrs|Ms|Mx|Miss|Doctor|Prof)\b\.?"
_CREDENTIAL = (
    r"(?:M\.?D|D\.?O|N\.?P|P\.?A(?:-C)?|R\.?N|Ph\.?D|Pharm\.?D|D\.?D\.?S|D\.?M\.?D|D\.?P\.?M|O\.?D|LCSW|LMFT|"
    r"LPC|APRN|CRNP|FNP(?:-BC)?|DNP|MSN|BSN|PT|DPT|OTR|CNM|FACS|FACP|MPH|MBA|RPh)\b\.?"
)
# Last, First [M] ("Ruiz, MD" is a name and a credential, not an inverted name)
NAME_INVERTED = rf"{_WORD}(?:[^\S\n]+{_WORD})?,[^\S\n]*(?!{_CREDENTIAL}){_WORD}(?:[^\S\n]+{_PART}){{0,2}}"
_FIELD = (
    r"(?i:(?:patient|pt|client|resident|member|enrollee|subscriber|insured|beneficiary|participant|policyholder|dependent|"
    r"covered\s+person|claimant|cardholder|recipient|guarantor|representative|authorized\s+representative|"
    r"parent(?:\s*/\s*|\s+or\s+)guardian|guardian|parent|spouse|caseworker|case\s+manager|contact|"
    r"appointed\s+representative|requesting\s+provider|rendering\s+(?:provider|clinician)|"
    r"(?:ordering|treating|attending|referring|prescribing)\s+(?:provider|physician|clinician|doctor)|"
    r"prescriber|physician|doctor|provider|reviewer|physician\s+reviewer|medical\s+director|"
    r"reviewed\s+by|signed\s+by|prepared\s+by|to|attn|attention|from|cc|re)"
    r"(?:['’]s)?(?:\s+(?:full\s+)?name)?|name)"
)
_SIGN_OFF = r"(?i:sincerely|regards|best\s+regards|respectfully|cordially|thank\s+you)"
_ROLE = (
    r"(?i:caseworker|case\s+worker|case\s+manager|care\s+coordinator|representative|guardian|daughter|son|wife|"
    r"husband|spouse|partner|mother|father|parent|sister|brother|nurse|office|care)"
)
# The line after a name line in an address block starts with a house number or a P.O. box.
_ADDRESS_LINE_START = (
    r"[^\S\n]*(?:>[^\S\n]*)?(?:\d{1,6}[A-Z]?[^\S\n]+[^\W_a-z]|(?i:p\.?[^\S\n]?o\.?[^\S\n]?box|post\s+office\s+box)\b)"
)

# Each pattern has a group "name"; name_bounds decides whether, and how much of, it is a person's name.
PATTERNS: tuple[tuple[re.Pattern[str], float], ...] = (
    (
        re.compile(
            rf"(?<![\w])(?i:dear|hi|hello|hey|good\s+morning|good\s+afternoon)[^\S\n]+(?:{_TITLE}[^\S\n]*)?"
            rf"(?P<name>{NAME}|{SINGLE})(?=[^\S\n]*[,:;!\n])"
        ),
        0.85,
    ),
    (
        re.compile(
            rf"(?m)(?:^|(?<=[^\S\n]{{2}}))[^\S\n]*{_FIELD}[^\S\n]*[:][^\S\n]*(?:{_TITLE}[^\S\n]*)?"
            rf"(?P<name>{NAME_INVERTED}|{LED_NAME}|{NAME}|{SINGLE})"
            rf"(?=[^\S\n]*(?:,[^\S\n]*{_CREDENTIAL}|[,;(]|[^\S\n]{{2}}|$))"
        ),
        0.85,
    ),
    (re.compile(rf"(?<![\w.]){_TITLE}[^\S\n]*(?P<name>{LED_NAME}|{NAME}|{SINGLE})"), 0.85),
    # "Ana Ruiz, MD" but not "New Castle, PA 16101"
    # (the lookahead first checks cheaply that a credential follows on the line, sparing NAME's backtracking)
    (
        re.compile(
            rf"(?<![\w])(?=[A-Z][^,\n]{{0,60}},[^\S\n]*{_CREDENTIAL})"
            rf"(?P<name>{LED_NAME}|{NAME})[^\S\n]*,[^\S\n]*{_CREDENTIAL}(?![^\S\n]*\d{{5}})"
        ),
        0.8,
    ),
    # "My name is Ana Ruiz", "her maiden name is Ruiz"
    (
        re.compile(
            rf"(?<!\w)(?i:name\s+is|name\s+was|i\s+am|this\s+is|calls\s+me|call\s+me|named|(?:last|first|full)\s+name\??)"
            rf"[^\S\n]+(?P<name>{NAME}|{SINGLE})"
        ),
        0.7,
    ),
    # A name on its own line above a street line (a blank line between at most): the addressee block.
    (
        re.compile(
            # (the lookahead first checks cheaply that an address line follows, sparing NAME's backtracking)
            rf"(?m)^(?=[^\n]*\n(?:[^\S\n]*\n)?{_ADDRESS_LINE_START})"
            rf"[^\S\n]*(?:>[^\S\n]*)?(?P<name>{NAME_INVERTED}|{NAME})[^\S\n]*\n(?:[^\S\n]*\n)?"
            rf"(?={_ADDRESS_LINE_START})"
        ),
        0.8,
    ),
    # "your caseworker is Ana Ruiz", "the office of Ana Ruiz", "parent or guardian of:\nAna Ruiz"
    (
        re.compile(rf"(?<!\w){_ROLE}[^\S\n]+(?i:is|of|named)[^\S\n]*:?\s*(?:{_TITLE}[^\S\n]*)?(?P<name>{NAME})"),
        0.8,
    ),
    (
        re.compile(rf"{_SIGN_OFF}[^\S\n]*[,.]?[^\S\n]*\n(?:[^\S\n]*\n)*[^\S\n]*(?:{_TITLE}[^\S\n]*)?(?P<name>{NAME})"),
        0.8,
    ),
)


def _layout_name(text: str, start: int, end: int) -> bool:
    """A name in a letter's layout: any run of name words, or one word that is a name on its own."""
    value = text[start:end]
    return len(value.split()) > 1 or single_word_is_name(value)


class LetterNamesRecognizer(OwnRecognizer):
    ENTITY = PERSON

    def find(self, text: str, nlp_artifacts: NlpArtifacts | None) -> list[RecognizerResult]:
        found = cued_name_spans(text, PATTERNS, _layout_name)
        return [self._result(start, end, score) for (start, end), score in sorted(found.items())]

    def _result(self, start: int, end: int, score: float) -> RecognizerResult:
        return recognizer_result(self, PERSON, start, end, score)
