"""Names the sentence around them marks as people's: who comes from somewhere, who speaks and to whom, whose
kid or song it is, who is spoken to, and names joined by a surname particle.

spaCy's small model files unfamiliar names under ORG or GPE, or tags nothing, in sentences whose words say
plainly that a person is meant: "Tomomi is from Xignite", "Enrico shouted at Gary", "said Gladys to Logan",
"Franciska's kid", "the verses from Emmie Ström's Cautionary Tales", "Warrane, can I please speak to your
boss?", "Willemine ten Pas will be talking". The cues, each for a reason:
- Opening a sentence, before "is from", "comes from" or a verb of speech ("said", "shouted", "asked"): a
  place or a firm is seldom the subject of either, and a sentence start says the capital is the name's own.
- After a verb of speech and "to" or "at" ("shouted at Gary", "said Gladys to Logan"): who is spoken to.
- Before a possessive and a relative written in lower case ("Asya's kid", "Ana's husband"; not "Boston's
  Children's Hospital"), or a work one writes or sings ("Ström's Cautionary Tales", "Meza's songs").
- Opening a line, before a comma and a question or request ("Warrane, can I ...", "Leif, please call"):
  the person spoken to.
- Two capitalised words joined by a Dutch, German or Arabic surname particle ("ten", "van der", "von",
  "bin"). The Romance particles ("de", "la", "del", "da") are left out: they join place names as often
  ("Chiclana de la Frontera", "Villafranca del Cid").
The words found still have to pass person_rules.is_name_at, so "This is from", "Medicare said" and
"Coverage is from" are not names. Scored above spaCy (0.6), so where the model took the same words for a
place the person found here wins. Each cue is searched for first and the name read around it: the letters
these rules run over are long, and a pattern that starts at every capital would cost more than the rest.
"""

from __future__ import annotations

import re

from presidio_analyzer import RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from graph.redaction.entities import PERSON
from graph.redaction.name_words import name_bounds
from graph.redaction.occurrences import starts
from graph.redaction.person_rules import is_name_at
from graph.redaction.recognizers.own_recognizer import OwnRecognizer
from graph.redaction.recognizers.results import recognizer_result

SCORE = 0.7
MAX_NAME_WORDS = 3
# A capitalised word in any script, with inner apostrophes and hyphens; one to three of them on one line.
_CAP_WORD = r"[^\W\d_a-z][^\W\d_]*(?:['’\-][^\W\d_]+)*"
NAME = rf"{_CAP_WORD}(?:[^\S\n]+{_CAP_WORD}){{0,2}}"
_NAME = re.compile(NAME)
_WORD = re.compile(_CAP_WORD)
_NAME_AFTER = re.compile(rf"(?P<name>{NAME})(?![\w'’\-])")
# The surname after a particle, past a second particle ("van der Berg").
_SURNAME_AFTER = re.compile(rf"(?:(?:der|den|de|het)[^\S\n]+)?(?P<name>{_CAP_WORD})(?![\w'’\-])")
# What may stand before a sentence's first word: a line start or the end of a sentence, quote or bracket.
_SENTENCE_END = frozenset('.!?:;"“”()[]>*-\n')
# Marks a word may open with: quotes, brackets, an e-mail reply's ">".
_OPENERS = frozenset("\"“‘'([>*")
_SPEECH = ("said", "says", "asked", "replied", "shouted", "yelled", "whispered", "exclaimed", "screamed", "muttered")
_FROM = re.compile(r"from(?![\w'’\-])")
_BEING_FROM = re.compile(r"(?<![\w'’\-])(?:is|was|comes|came)(?:[^\S\n]+originally)?[^\S\n]+$")
# After a verb of speech: "[Gladys] to|at Logan".
_ADDRESSEE = re.compile(rf"[^\S\n]+(?:(?P<speaker>{NAME})[^\S\n]+)?(?:to|at)[^\S\n]+(?P<name>{NAME})(?![\w'’\-])")
_RELATIVE = (
    r"kid|kids|son|sons|daughter|daughters|child|children|baby|wife|husband|mother|mom|mum|father|dad|parents|"
    r"brother|sister|grandson|granddaughter|grandmother|grandfather|aunt|uncle|niece|nephew|cousin|"
    r"boyfriend|girlfriend|fianc[eé]e?|widow|widower|family"
)
_WORK = r"songs?|albums?|books?|novels?|poems?|poetry|verses|lyrics|tales|stories|memoirs?|paintings?|films?"
# After a possessive's "s ": an optional word, then a relative in lower case or a work in any case.
_OWNED = re.compile(rf"(?:[^\W\d_]+[^\S\n]+)?(?:(?:{_RELATIVE})|(?i:{_WORK}))(?![\w'’\-])")
_VOCATIVE_CUE = re.compile(
    r",[^\S\n]+(?:(?:can|could|would|will|may|do|did|are|have)[^\S\n]+(?:I|you|we)|please)(?![\w'’\-])"
)
_PARTICLES = (" van ", " von ", " ten ", " ter ", " bin ", " ibn ")
_POSSESSIVES = ("'s ", "’s ")


def _whole_word_at(text: str, at: int, end: int) -> bool:
    return (at == 0 or not text[at - 1].isalnum()) and (end == len(text) or not text[end].isalnum())


def _line_start(text: str, at: int) -> int:
    return text.rfind("\n", 0, at) + 1


def _opens_sentence(text: str, start: int) -> bool:
    before = text[max(0, start - 3) : start].rstrip(" \t")
    return not before or before[-1] in _SENTENCE_END


def _name_before(text: str, end: int, max_words: int = MAX_NAME_WORDS) -> tuple[int, int] | None:
    """The longest run of up to max_words capitalised words ending right at `end`, on its line."""
    if end == 0 or not text[end - 1].isalpha():
        return None
    line_start = _line_start(text, end)
    starts = []
    at = end
    for _ in range(max_words):
        space = text.rfind(" ", line_start, at)
        starts.append(space + 1 if space >= 0 else line_start)
        if space < 0 or space == line_start or text[space - 1] == " ":
            break
        at = space
    pattern = _NAME if max_words > 1 else _WORD
    for start in reversed(starts):
        while start < end and text[start] in _OPENERS:
            start += 1  # '"Tomomi', '(Tomomi', '>Leif'
        if pattern.fullmatch(text, start, end):
            return start, end
    return None


def _trimmed(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The name part of a candidate run (name_bounds), when person_rules takes it for a name."""
    bounds = name_bounds(text[start:end])
    if bounds is None:
        return None
    start, end = start + bounds[0], start + bounds[1]
    return (start, end) if is_name_at(text, start, end) else None


def _subjects_and_addressees(text: str) -> list[tuple[int, int]]:
    """ "Enrico shouted", "said Gladys to Logan", "Tomomi is from"."""
    found = []
    for verb in _SPEECH:
        for at in starts(text, verb):
            if not _whole_word_at(text, at, at + len(verb)):
                continue
            name = _name_before(text, at - 1) if at > 0 and text[at - 1] == " " else None
            if name is not None and _opens_sentence(text, name[0]):
                found.append(name)
            spoken_to = _ADDRESSEE.match(text, at + len(verb))
            if spoken_to is not None:
                found.append((spoken_to.start("name"), spoken_to.end("name")))
                if spoken_to.group("speaker"):
                    found.append((spoken_to.start("speaker"), spoken_to.end("speaker")))
    for cue in _FROM.finditer(text):
        being = _BEING_FROM.search(text, max(0, cue.start() - 24), cue.start())
        name = _name_before(text, being.start() - 1) if being is not None and being.start() > 0 else None
        if name is not None and _opens_sentence(text, name[0]):
            found.append(name)
    return found


def _owners(text: str) -> list[tuple[int, int]]:
    """ "Asya's kid", "Emmie Ström's Cautionary Tales"."""
    found = []
    for possessive in _POSSESSIVES:
        for at in starts(text, possessive):
            if _OWNED.match(text, at + len(possessive)) and (name := _name_before(text, at)) is not None:
                found.append(name)
    return found


def _spoken_to(text: str) -> list[tuple[int, int]]:
    """ "Warrane, can I ...": one word opening its line."""
    found = []
    for cue in _VOCATIVE_CUE.finditer(text):
        name = _name_before(text, cue.start(), max_words=1)
        if name is not None and not text[_line_start(text, name[0]) : name[0]].strip(" \t>"):
            found.append(name)
    return found


def _particle_names(text: str) -> set[tuple[int, int]]:
    """ "Willemine ten Pas": both parts pass as names (the lower-case particle would fail a run's rules)."""
    found = set()
    for particle in _PARTICLES:
        for at in starts(text, particle):
            given = _name_before(text, at, max_words=1)
            surname = _SURNAME_AFTER.match(text, at + len(particle))
            if given is None or surname is None or not is_name_at(text, *given):
                continue
            if is_name_at(text, surname.start("name"), surname.end("name")):
                found.add((given[0], surname.end("name")))
    return found


class ContextNamesRecognizer(OwnRecognizer):
    ENTITY = PERSON

    def find(self, text: str, nlp_artifacts: NlpArtifacts | None) -> list[RecognizerResult]:
        candidates = _subjects_and_addressees(text) + _owners(text) + _spoken_to(text)
        found = {span for start, end in candidates if (span := _trimmed(text, start, end)) is not None}
        found |= _particle_names(text)
        return [recognizer_result(self, PERSON, start, end, SCORE) for start, end in sorted(found)]
