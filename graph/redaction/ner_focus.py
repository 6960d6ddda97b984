"""What the NER model needs to read: only the words around those that could be a name or a place.

spaCy's NER is most of the cost of a redaction, and most of a denial letter cannot hold a name: appeal-rights
boilerplate, sentences whose only capitalised words are function words ("You", "If", "We") or words we know
are not people (insurers, drugs, departments, months). The model reads only the regions of words within
CONTEXT_WORDS of a possible name (focus_regions; focused_ner.py runs it); ner_focus shows the same choice as
the text with every other word blanked to spaces, offsets and newlines kept. The pattern recognizers always
read the original.

A word some pattern, cue or member value has already settled (engine.py passes their spans as `settled`: a
name after "Dear" or "Patient:", a street line, the member's own name) needs no model to say what it is, so it
does not bring the model to its neighbourhood; it is still read when it stands near an unsettled word.

A possible name is a capitalised word that is neither a stop word nor a known non-name word, holds no digit
(codes: "E11.65", "PR-50", "CP-RAD-017") and is more than an initial (an initial stands next to the name it
belongs to). Names in lower case are not kept, but spaCy's small model does not tag those as names either.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.lang.en.stop_words import STOP_WORDS

from graph.redaction.name_words import (
    CLINICAL_WORDS,
    INSURER_WORDS,
    ORGANISATION_WORDS,
    PLAIN_WORDS,
    _words,
    is_everyday_word,
)

# Words that open sentences and fill labels in letters, none of them a given name or surname on its own.
_LETTER_WORDS = _words(
    """
    send call include ask mail contact visit read keep questions question information reason details amount
    total paid billed allowed copay coinsurance deductible address mailing attn attention subject enclosures
    enclosed note diagnosis procedure treatment case file submit review reviewed write written tell help
    need want find learn use get see follow start stop continue request requested describe explain
    md do np pa rn facs dds phd lcsw
    """
)
# The language-assistance taglines every US plan prints (Section 1557): their capitalised words open a
# sentence in Spanish, Vietnamese, Haitian Creole, German, Polish or Italian, and are nobody's name.
_TAGLINE_WORDS = _words(
    """
    atención español habla usted tiene chú ý nếu bạn nói tiếng việt aviso atansyon achtung uwaga attenzione
    """
)
NOT_A_NAME = (
    frozenset(STOP_WORDS)
    | INSURER_WORDS
    | CLINICAL_WORDS
    | ORGANISATION_WORDS
    | PLAIN_WORDS
    | _LETTER_WORDS
    | _TAGLINE_WORDS
)

# How many words either side of a possible name the model gets to see. spaCy's small NER reads features of
# about four tokens either side of each word, so a wider window would not change what it decides. Measured
# over our letters, notes, 10 corpus denials and the presidio slice (397 texts), two words either side (with
# could_be_a_name's rules) lost no PERSON entity that was a name (only "habla español", "Knee Replacement",
# "Lasix 40" and the like) and two street lines that our address recognizers find anyway, while the model
# reads 40% fewer tokens; of the redactions, one changed (a Greek street name no longer taken for a person).
CONTEXT_WORDS = 2
_WORD = re.compile(r"\S+")
_NOT_NEWLINE = re.compile(r"[^\n]")
_NAME_PART = re.compile(r"[^\W\d_](?:[^\W\d_]|['’-])*")  # letters (accented too) with inner ' and -
_LETTERS = re.compile(r"[^\W\d_]+")
_DIGIT = re.compile(r"\d")
_WORD_CORE = re.compile(r"[^\W_](?:.*[^\W_])?")  # from the word's first letter or digit to its last


def could_be_a_name(word: str) -> bool:
    if word[:1].islower():
        return False  # most words of a letter: a lower-case first letter
    part = _NAME_PART.search(word)
    if part is None or not part.group()[0].isupper() or _DIGIT.search(word):
        return False
    bare = part.group().lower().strip("'’-")
    letters = _LETTERS.search(word)  # the whole first run of letters ("O" of "O'Neil")
    whole = letters.group().lower() if letters else bare
    if len(bare) <= 1 or bare in NOT_A_NAME or whole in NOT_A_NAME:
        return False
    # The policy takes no everyday word for a name or a place alone, nor a run made only of such words
    # (person_rules, location_rules), so one needs no reading unless another word brings the model near it.
    return not is_everyday_word(whole)


def focus_regions(text: str, settled: Sequence[tuple[int, int]] = ()) -> list[tuple[int, int]]:
    """The stretches of `text` the model reads, in order: each a maximal run of words within CONTEXT_WORDS of a
    possible name that lies outside the `settled` spans, from the start of its first word to the end of its
    last. Two regions have at least one blanked word between them."""
    words = list(_WORD.finditer(text))
    settled_chars = _marked(len(text), settled)
    keep = [False] * len(words)
    for i, word in enumerate(words):
        if could_be_a_name(word.group()) and not _is_settled(word, settled_chars):
            for j in range(max(0, i - CONTEXT_WORDS), min(len(words), i + CONTEXT_WORDS + 1)):
                keep[j] = True
    regions: list[tuple[int, int]] = []
    previous_kept = False
    for word, kept in zip(words, keep, strict=True):
        if kept and previous_kept:
            regions[-1] = (regions[-1][0], word.end())
        elif kept:
            regions.append((word.start(), word.end()))
        previous_kept = kept
    return regions


def _marked(length: int, spans: Sequence[tuple[int, int]]) -> bytearray:
    """One byte per character of the text: 1 inside any of `spans`, else 0."""
    marks = bytearray(length)
    for start, end in spans:
        start, end = max(0, start), min(length, end)
        if start < end:
            marks[start:end] = b"\x01" * (end - start)
    return marks


def _is_settled(word: re.Match[str], settled_chars: bytearray) -> bool:
    """True when the word's letters and digits (its punctuation aside: "Smith," "(Maria)") lie wholly inside
    settled spans."""
    core = _WORD_CORE.search(word.string, word.start(), word.end())
    return core is not None and settled_chars.find(0, core.start(), core.end()) == -1


def ner_focus(text: str, settled: Sequence[tuple[int, int]] = ()) -> str:
    """The text with everything blanked but the words around possible names; same length, same newlines."""
    parts: list[str] = []
    last = 0
    for start, end in focus_regions(text, settled):
        parts.append(blanked(text[last:start]))
        parts.append(text[start:end])
        last = end
    parts.append(blanked(text[last:]))
    return "".join(parts)


def blanked(text: str) -> str:
    """`text` with every character but a newline turned into a space."""
    return _NOT_NEWLINE.sub(" ", text)
