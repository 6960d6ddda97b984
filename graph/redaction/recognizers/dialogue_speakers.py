"""Speakers in a written dialogue: "Ubul: What a wife.\nNicole: Remember me", "mika: "who are you?"\ntracy: ...".

A chat log or a transcript pasted into a note puts each speaker's name at the start of a line, before a colon
and what they said. spaCy's small model finds the names it knows there ("Nicole") and misses the others
("Ubul"). A line that opens with one word and a colon is also a letter's or a note's field ("Member:",
"Rationale:", "Cell:"), so a line's opening word counts as a speaker only when:
- the line next to it (blank lines skipped) has the same shape and its word is a listed given name or
  surname that is not also an everyday word ("Nicole", "tracy"): that is a dialogue, not a form;
- the word itself would pass as a name alone (person_rules), written with a capital or all in lower case
  ("mika"; a lower-case word is judged as if capitalised): field labels are everyday, organisation or label
  words (name_words), so "Date:", "Provider:" and "Surgeon:" next to a name are still not speakers;
- something is said after the colon: a letter or a quote, not a number or nothing.
The colons are found first (a letter has a few dozen) and each line read back from its colon.
"""

from __future__ import annotations

import re

from presidio_analyzer import RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from graph.redaction.entities import PERSON
from graph.redaction.name_words import is_known_name
from graph.redaction.person_names import AMBIGUOUS_NAMES
from graph.redaction.person_rules import is_name_at, single_word_is_name
from graph.redaction.recognizers.own_recognizer import OwnRecognizer
from graph.redaction.recognizers.results import recognizer_result

SCORE = 0.7
MAX_SPEAKER_CHARS = 30
# A colon followed by speech: a letter, or a quote mark and a letter ("://" is a web address).
_SPEECH_COLON = re.compile(r":(?!//)[^\S\n]*[\"“'‘]?[^\W\d_]")
# What opens a speaker's line before the colon: one word (any script), after an optional quote mark ">".
_SPEAKER = re.compile(r"[^\S\n]*(?:>[^\S\n]*)?(?P<name>[^\W\d_]+(?:['’\-][^\W\d_]+)?)[^\S\n]*")

_LINE_BREAKS = re.compile(r"\n(?:[^\S\n]*\n)*")


def _speakers(text: str) -> list[tuple[int, int, int]]:
    """(line start, name start, name end) of each line shaped like a speaker's, in text order."""
    found: list[tuple[int, int, int]] = []
    for colon in _SPEECH_COLON.finditer(text):
        line_start = text.rfind("\n", 0, colon.start()) + 1
        if colon.start() - line_start > MAX_SPEAKER_CHARS or (found and found[-1][0] == line_start):
            continue  # far into a line, or a second colon on it
        speaker = _SPEAKER.fullmatch(text, line_start, colon.start())
        if speaker is not None:
            found.append((line_start, speaker.start("name"), speaker.end("name")))
    return found


def _next_line_start(text: str, at: int) -> int:
    """Where the first non-blank line after the line holding `at` starts."""
    end = text.find("\n", at)
    breaks = _LINE_BREAKS.match(text, end) if end >= 0 else None
    return breaks.end() if breaks else len(text)


def _is_listed(word: str) -> bool:
    return is_known_name(word) and word.casefold() not in AMBIGUOUS_NAMES


def _could_be_named(text: str, start: int, end: int) -> bool:
    word = text[start:end]
    if word.islower():
        return single_word_is_name(word.capitalize())
    return is_name_at(text, start, end)


class DialogueSpeakersRecognizer(OwnRecognizer):
    ENTITY = PERSON

    def find(self, text: str, nlp_artifacts: NlpArtifacts | None) -> list[RecognizerResult]:
        speakers = _speakers(text)
        adjacent: set[tuple[int, int]] = set()  # (index, index) of speaker lines with no other line between
        for i in range(len(speakers) - 1):
            if _next_line_start(text, speakers[i][1]) == speakers[i + 1][0]:
                adjacent |= {(i, i + 1), (i + 1, i)}
        results: list[RecognizerResult] = []
        for i, j in sorted(adjacent):
            _, start, end = speakers[i]
            if _is_listed(text[speakers[j][1] : speakers[j][2]]) and _could_be_named(text, start, end):
                results.append(recognizer_result(self, PERSON, start, end, SCORE))
        return list({(r.start, r.end): r for r in results}.values())
