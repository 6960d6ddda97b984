"""A place given as a street corner: "the corner of Dalbraut 99 and Frederikke Coves", "corner of Elm St & 5th".

Two streets named at their crossing locate a home as well as a house number does, in any language, so the
whole phrase is an address. The first street must look like one (a number, a street word such as "St" or
"Coves", or a word that is not an everyday word) and neither may start with "the", "his", ...; so "the corner
of the mouth and the lips" and "corner of her eye" stay. The second street runs over capitalised words,
numbers and street words ("Frederikke Coves", "5th Avenue"); on a lower-case line, up to a street word within
three words ("minik courts") or else one word.
"""

from __future__ import annotations

import re

from presidio_analyzer import RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from graph.redaction.clinical_terms import CLINICAL_TERMS
from graph.redaction.common_words import PLACE_TYPE_WORDS
from graph.redaction.entities import ADDRESS
from graph.redaction.name_words import is_everyday_word
from graph.redaction.recognizers.own_recognizer import OwnRecognizer
from graph.redaction.recognizers.results import recognizer_result

SCORE = 0.7
MAX_SECOND_STREET_WORDS = 4
LOWER_CASE_STREET_WORD_REACH = 3
_CORNER = re.compile(
    r"(?<![\w])(?i:(?:the[^\S\n]+)?corner[^\S\n]+of)[^\S\n]+(?P<first>[^\n,;?!&]{1,40}?)"
    r"[^\S\n]+(?i:and|&)[^\S\n]+(?P<second>[^\n,;?!]{1,80})"
)
_WORD = re.compile(r"\S+")
_DETERMINERS = frozenset(["the", "a", "an", "his", "her", "their", "my", "your", "our", "its", "this", "that"])


def _bare(word: str) -> str:
    return word.strip(".,'’()").casefold()


def _is_street_word(word: str) -> bool:
    return word != "corner" and word in PLACE_TYPE_WORDS


def _looks_like_a_street(words: list[str]) -> bool:
    bare = [_bare(w) for w in words]
    if not bare or bare[0] in _DETERMINERS or any(b in CLINICAL_TERMS for b in bare):
        return False
    return any(any(ch.isdigit() for ch in b) or _is_street_word(b) or not is_everyday_word(b) for b in bare if b)


def _second_street(words: list[str]) -> int:
    """How many of the words that follow "and" name the second street."""
    words = words[:MAX_SECOND_STREET_WORDS]
    if not words or _bare(words[0]) in _DETERMINERS or any(_bare(w) in CLINICAL_TERMS for w in words):
        return 0
    if words[0][0].isupper() or words[0][0].isdigit():
        taken = 0
        for word in words:
            if not (word[0].isupper() or word[0].isdigit() or _is_street_word(_bare(word))):
                break
            taken += 1
        return taken
    reach = words[:LOWER_CASE_STREET_WORD_REACH]
    return 1 + max((i for i, w in enumerate(reach) if _is_street_word(_bare(w))), default=0)


class StreetCornerRecognizer(OwnRecognizer):
    ENTITY = ADDRESS

    def find(self, text: str, nlp_artifacts: NlpArtifacts | None) -> list[RecognizerResult]:
        results: list[RecognizerResult] = []
        if "orner" not in text and "ORNER" not in text:
            return results  # the common case, without running the pattern over the text
        for match in _CORNER.finditer(text):
            if not _looks_like_a_street(match.group("first").split()):
                continue
            words = list(_WORD.finditer(text, match.start("second"), match.end("second")))
            taken = _second_street([w.group() for w in words])
            if taken:
                end = words[taken - 1].end()
                end -= len(words[taken - 1].group()) - len(words[taken - 1].group().rstrip(".,"))
                results.append(recognizer_result(self, ADDRESS, match.start(), end, SCORE))
        return results
