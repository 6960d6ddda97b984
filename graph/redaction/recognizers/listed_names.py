"""Names found by the word lists alone: a known given name or surname, written with a capital.

spaCy's small model misses names it has not seen in that position ("Directed By: Johannes Varvio", "Becker
and Vasquez"), and tags others ORG or GPE. person_names lists common US given names and surnames; a word in
them is a name here, together with the name-shaped words beside it ("Derek Okafor", "Tomomi Smith",
"Maria E. Lopez"). So is the shape Given Initial Surname even when no word is listed ("Szabina J Gelencsér",
"Iva D. Grusová"): a middle initial between two name-shaped words is rare in anything but a name. Not a
name: a listed word that is also an everyday word ("Will", "Grace", "Park") unless another name part stands
beside it; a listed word that names a street, place or firm by the words around it ("Washington Street",
"Fort Collins", "Jackson, MS", "Johnson Medical Center", "Graves disease").

On a line with no capital letter at all (typed dictation, chat), a listed word that is not also an everyday
word is a name in lower case too ("eva kleist lives at", "naomi ryan"), with the one word after it when
that word is not an everyday, clinical or organisation word (a middle initial may stand between: "eric g.
samoylova").
"""

from __future__ import annotations

import re

from presidio_analyzer import RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from graph.redaction.common_words import PLACE_TYPE_WORDS
from graph.redaction.entities import PERSON
from graph.redaction.name_words import is_known_name
from graph.redaction.person_names import AMBIGUOUS_NAMES
from graph.redaction.person_rules import is_eponym_or_organisation, is_name_at, single_word_is_name
from graph.redaction.places import US_STATE_CODES, is_state
from graph.redaction.recognizers.own_recognizer import OwnRecognizer
from graph.redaction.recognizers.results import recognizer_result

FULL_NAME_SCORE = 0.6
SINGLE_NAME_SCORE = 0.5
MIN_LOWER_CASE_ALONE = 4
# A word (any script), with inner apostrophes and hyphens: Ana, O'Brien, Castillo-Reyes, ØSTBY; or an initial.
_TOKEN = re.compile(r"[^\W\d_][^\W\d_'’\-]*(?:['’\-][^\W\d_]+)*\.?")
# One space between the words of a name: a wider gap (or a tab) separates a form's columns ("ESTEBAN   Sex: M").
_GAP = re.compile(r"[^\S\n\t]")
_LINE = re.compile(r"[^\n]+")
_LOWER_TOKEN = re.compile(r"[a-z][a-z'’\-]*[a-z]")
_LOWER_GAP = re.compile(r"[^\S\n]+(?:[a-z]\.[^\S\n]*)?")
_PLACE_BEFORE = re.compile(r"(?:\b(?:St|Ste|Saint|Mount|Mt|Fort|Ft|Port|Lake|Camp|Cape|Point|Glen)\.?[^\S\n]+)$")
_NEXT_WORD = re.compile(r"[^\S\n]+([A-Za-z]+)")
_STATE_AFTER = re.compile(r",[^\S\n]*(?P<state>[A-Z]{2}\b|[A-Z][a-z]+(?:[^\S\n]+[A-Z][a-z]+)?)")


def _bare(word: str) -> str:
    return word.strip(".'’").removesuffix("'s").removesuffix("’s").casefold()


def _names_a_place(text: str, start: int, end: int) -> bool:
    """ "Fort Collins", "Jackson, MS", "Franklin Avenue", "Lincoln County": the words around make it a place."""
    if _PLACE_BEFORE.search(text, max(0, start - 8), start):
        return True
    state = _STATE_AFTER.match(text, end)
    if state is not None and (state.group("state") in US_STATE_CODES or is_state(state.group("state"))):
        return True
    following = _NEXT_WORD.match(text, end)
    return following is not None and _bare(following.group(1)) in PLACE_TYPE_WORDS


def capitalised_runs(text: str) -> list[list[re.Match[str]]]:
    """Runs of capitalised words and initials separated only by spaces on one line ("Maria E. Lopez")."""
    runs: list[list[re.Match[str]]] = []
    current: list[re.Match[str]] = []
    for token in _TOKEN.finditer(text):
        if not token.group()[0].isupper():
            current = []
            continue
        if current and _GAP.fullmatch(text, current[-1].end(), token.start()) is None:
            current = []
        if not current:
            runs.append(current)
        current.append(token)
    return runs


def _is_initial(word: str) -> bool:
    return len(word.rstrip(".")) == 1 and word[0].isupper()


def _is_part(word: str) -> bool:
    return len(word.rstrip(".")) == 1 or single_word_is_name(word) or is_known_name(word)


def _name_words(run: list[re.Match[str]]) -> list[re.Match[str]] | None:
    """The stretch of the run around its first listed name, through the name-shaped words beside it."""
    listed = [i for i, w in enumerate(run) if is_known_name(w.group().rstrip("."))]
    shaped = [i for i in range(1, len(run) - 1) if _is_initial(run[i].group()) and _is_part(run[i - 1].group())]
    if not listed and not shaped:
        return None
    start = end = listed[0] if listed else shaped[0] - 1
    while start > 0 and _is_part(run[start - 1].group()):
        start -= 1
    end += 1
    while end < len(run) and _is_part(run[end].group()):
        end += 1
    words = run[start:end]
    while words and len(words[0].group().rstrip(".")) == 1 and not words[0].group().endswith("."):
        words = words[1:]  # "A Maria" is the article, not an initial
    while words and len(words[-1].group().rstrip(".")) == 1:
        words = words[:-1]  # no trailing initial
    return words or None


class ListedNamesRecognizer(OwnRecognizer):
    ENTITY = PERSON

    def find(self, text: str, nlp_artifacts: NlpArtifacts | None) -> list[RecognizerResult]:
        results: list[RecognizerResult] = []
        for run in capitalised_runs(text):
            name = _name_words(run)
            if name is None:
                continue
            start, end = name[0].start(), name[-1].end()
            while end > start and text[end - 1] in ".":
                end -= 1
            full = [w.group().rstrip(".") for w in name if len(w.group().rstrip(".")) > 1]
            if len(full) == 1 and (_bare(full[0]) in AMBIGUOUS_NAMES or not single_word_is_name(full[0])):
                continue
            if _names_a_place(text, start, end) or not is_name_at(text, start, end):
                continue
            score = FULL_NAME_SCORE if len(full) > 1 else SINGLE_NAME_SCORE
            results.append(recognizer_result(self, PERSON, start, end, score))
        results += [recognizer_result(self, PERSON, s, e, SINGLE_NAME_SCORE) for s, e in lower_case_names(text)]
        return results


def _lower_case_listed(word: str) -> bool:
    return is_known_name(word) and word not in AMBIGUOUS_NAMES and single_word_is_name(word.capitalize())


def lower_case_names(text: str) -> list[tuple[int, int]]:
    """Listed names on the lines written without any capital letter (see the module notes)."""
    found: list[tuple[int, int]] = []
    for line in _LINE.finditer(text):
        if any(ch.isupper() for ch in line.group()):
            continue
        tokens = list(_LOWER_TOKEN.finditer(text, line.start(), line.end()))
        for i, token in enumerate(tokens):
            if not _lower_case_listed(token.group()) or (found and found[-1][1] >= token.end()):
                continue
            end = token.end()
            following = tokens[i + 1] if i + 1 < len(tokens) else None
            if following is not None and _LOWER_GAP.fullmatch(text, end, following.start()):
                surname = following.group()
                if single_word_is_name(surname.capitalize()) and surname not in AMBIGUOUS_NAMES:
                    end = following.end() - (2 if surname.endswith(("'s", "’s")) else 0)
            if end == token.end() and len(token.group()) < MIN_LOWER_CASE_ALONE:
                continue  # "tim" alone is as likely a broken word ("more tim\ne")
            if not is_eponym_or_organisation(text, end):
                found.append((token.start(), end))
    return found
