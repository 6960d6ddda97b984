"""When a word spaCy (or a name list) calls a person really is one: shape, context and the word lists.

Decisions, each for a reason:
- A single capitalised word counts ("Maria said", "Dr. Ruiz", "Patient: Lopez"): most names in notes and
  chats are written alone. It does not count when it is an everyday word, a month or weekday, an insurer,
  drug, condition or organisation word (name_words and its lists), or shorthand ("COPD", "Lasix").
- A word in capitals ("LOPEZ") counts alone only when it is a known given name or surname: capitals are
  mostly headings and abbreviations.
- Mixed case inside a word ("DtC", "MyChart") is not a name, except the usual name shapes (McAllister,
  MacKenzie, DeShawn, LaToya, O'Brien).
- A name followed by an eponym noun is a diagnosis or a device ("Graves disease", "Bell's palsy",
  "Foley catheter") and a name followed by an organisation word is a facility or a firm ("Lakeview Medical
  Center", "Johnson Pharmacy"): both are kept.
"""

from __future__ import annotations

import re

from graph.redaction.clinical_context import named_as_a_drug
from graph.redaction.clinical_terms import CLINICAL_TERMS, EPONYM_NOUNS
from graph.redaction.entities import PERSON, PhiSpan
from graph.redaction.name_words import (
    CLINICAL_WORDS,
    INSURER_WORDS,
    ORGANISATION_WORDS,
    is_everyday_word,
    is_known_name,
    name_bounds,
)
from graph.redaction.occurrences import whole_occurrences
from graph.redaction.places import is_larger_than_a_state

_TITLE = re.compile(r"^(?:(?:Dr|Mr|Mrs|Ms|Mx|Miss|Prof|Doctor)\b\.?\s*)+")
_LINE_PART = re.compile(r"[^\n]+")
_NAME_WORD = re.compile(r"[^\W\d_][^\s,]*")
# Name shapes with a capital inside: Mc/Mac/O'/D' prefixes and the two-capital given names of US English.
_INNER_CAPITAL_OK = re.compile(
    r"(?:Mc|Mac|O['’]|D['’]|De|Di|Da|Du|La|Le|Van|Von|St|Jo|Ja|Ke|Sha|Ta|Ty)[A-Z][a-z'’\-]+|[A-Z][a-z]+-[A-Z][a-z]+"
)
# The three words after a name, on its line and in its column (one space apart, or a hyphen).
_NEXT_WORDS = re.compile(r"(?:['’]s?)?(?: | ?- ?)([A-Za-z][\w'’\-]*)(?: ([A-Za-z][\w'’\-]*))?(?: ([A-Za-z][\w'’\-]*))?")
MIN_LETTERS = 2


def _bare(word: str) -> str:
    return word.strip(".,;:()'’\"").removesuffix("'s").removesuffix("’s").casefold()


def is_eponym_or_organisation(text: str, end: int) -> bool:
    """Whether the words right after a name make it a diagnosis, device or facility ("Graves disease",
    "Bell's palsy", "Mayo Clinic", "Johnson Medical Center", "St. Jude Children's Research Hospital")."""
    following = _NEXT_WORDS.match(text, end)
    if following is None:
        return False
    for word in following.groups():
        if word is None:
            break
        bare = word.casefold().replace("’", "'").rstrip("'")
        if bare in EPONYM_NOUNS:
            return True
        if word[0].isupper() and (bare in ORGANISATION_WORDS or bare in INSURER_WORDS):
            return True
        if not word[0].isupper():
            break
    return False


def named_as_organisation(text: str, value: str) -> bool:
    """Whether the text also writes this word or run as the head of an organisation's name ("Sunmesa has
    denied" beside "Sunmesa Health Plans"; "St. Jude" beside "St. Jude Children's Research Hospital")."""
    return any(is_eponym_or_organisation(text, end) for _, end in whole_occurrences(text, value))


def _word_shape_ok(word: str) -> bool:
    bare = word.strip(".,;:()'’\"").removesuffix("'s").removesuffix("’s")
    letters = sum(ch.isalpha() for ch in bare)
    if letters < MIN_LETTERS or any(ch.isdigit() for ch in bare):
        return False
    if bare.isupper():
        return is_known_name(bare)
    inner = bare[1:]
    if any(ch.isupper() for ch in inner) and "-" not in bare and "'" not in bare and "’" not in bare:
        return _INNER_CAPITAL_OK.fullmatch(bare) is not None
    return bare[0].isupper()


def single_word_is_name(word: str) -> bool:
    """Whether one capitalised word, alone, may be a person's name (see the module notes)."""
    bare = _bare(word)
    if not _word_shape_ok(word) or bare in CLINICAL_TERMS or bare in CLINICAL_WORDS or is_larger_than_a_state(bare):
        return False  # "Lasix", "Washington" (the state) alone
    return not is_everyday_word(bare) and bare not in ORGANISATION_WORDS and bare not in INSURER_WORDS


def run_is_name(run: str) -> bool:
    """Whether a run of words that name_bounds accepted looks like a name: one word must pass
    single_word_is_name, or two or more capitalised words that are not all everyday words."""
    if any(ch.isdigit() for ch in run):
        return False
    words = [w for w in _NAME_WORD.findall(run) if len(w.strip(".")) >= MIN_LETTERS]
    if len(words) == 1:
        return single_word_is_name(words[0])
    if not words or not all(w[0].isupper() and not any(c.isdigit() for c in w) for w in words):
        return False
    if any(w.casefold() in EPONYM_NOUNS for w in words):
        return False  # "Guillain-Barre Syndrome"
    if all(w.isupper() for w in words) and not any(is_known_name(w) for w in words):
        return False  # a heading in capitals ("DAILY NOTE", "RUN SHEET")
    return not all(is_everyday_word(w) for w in words)


def is_name_at(text: str, start: int, end: int) -> bool:
    """run_is_name, and not an eponym, an organisation's name (here or elsewhere in the text), an acronym
    the text defines in brackets ("(ADA)"), or a drug by the words around it here or elsewhere
    (clinical_context)."""
    value = text[start:end]
    if not run_is_name(value) or is_eponym_or_organisation(text, end) or named_as_organisation(text, value):
        return False
    if value.isupper() and f"({value})" in text:
        return False  # an acronym the text defines: "American Diabetes Association (ADA)"
    return not named_as_a_drug(text, value)


def person_spans(text: str, start: int, end: int, score: float) -> list[PhiSpan]:
    """The name parts of a PERSON finding, line by line, without titles; none if it is not a name."""
    spans: list[PhiSpan] = []
    for line in _LINE_PART.finditer(text, start, end):
        title = _TITLE.match(line.group())
        offset = line.start() + (title.end() if title else 0)
        candidate = text[offset : line.end()]
        bounds = name_bounds(candidate)
        if bounds is None:
            continue
        name_start, name_end = offset + bounds[0], offset + bounds[1]
        value = text[name_start:name_end]
        cut_short = bool(text[name_end : line.end()].strip(" ,.;:")) and len(value.split()) == 1
        if cut_short and not is_known_name(value):
            continue  # "Guilty Pleasures" is cut to "Guilty": one unknown word is too little left
        if is_name_at(text, name_start, name_end):
            spans.append(PhiSpan(PERSON, name_start, name_end, score))
    return spans
