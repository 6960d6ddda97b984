"""What the NER model needs to read: only the words around those that could be a name or a place.

spaCy's NER is most of the cost of a redaction, and most of a denial letter cannot hold a name: appeal-rights
boilerplate, sentences whose only capitalised words are function words ("You", "If", "We") or words we know
are not people (insurers, drugs, departments, months). All words but those within CONTEXT_WORDS of a possible
name are blanked to spaces before the model reads the text. Blanking keeps every character's offset
(newlines stay, other characters become spaces), so the entities spaCy finds index the original text
exactly; the pattern recognizers always read the original.

A possible name is a capitalised word that is neither a stop word nor a known non-name word. Names in lower
case are not kept, but spaCy's small model does not tag those as names either.
"""

from __future__ import annotations

import re

from spacy.lang.en.stop_words import STOP_WORDS

from graph.redaction.name_words import CLINICAL_WORDS, INSURER_WORDS, ORGANISATION_WORDS, PLAIN_WORDS, _words

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
NOT_A_NAME = frozenset(STOP_WORDS) | INSURER_WORDS | CLINICAL_WORDS | ORGANISATION_WORDS | PLAIN_WORDS | _LETTER_WORDS

# How many words either side of a possible name the model gets to see. spaCy's small NER reads features of
# about four tokens either side of each word, so a wider window would not change what it decides.
CONTEXT_WORDS = 4
_WORD = re.compile(r"\S+")
_CAPITALISED = re.compile(r"[A-Z][A-Za-z'’-]*")


def could_be_a_name(word: str) -> bool:
    match = _CAPITALISED.search(word)
    return match is not None and match.group().lower().strip("'’-") not in NOT_A_NAME


def ner_focus(text: str) -> str:
    """The text with everything blanked but the words around possible names; same length, same newlines."""
    words = list(_WORD.finditer(text))
    keep = [False] * len(words)
    for i, word in enumerate(words):
        if could_be_a_name(word.group()):
            for j in range(max(0, i - CONTEXT_WORDS), min(len(words), i + CONTEXT_WORDS + 1)):
                keep[j] = True
    parts: list[str] = []
    last = 0
    for word, kept in zip(words, keep, strict=True):
        if not kept:
            parts.append(text[last : word.start()])
            parts.append(" " * (word.end() - word.start()))
            last = word.end()
    parts.append(text[last:])
    return "".join(parts)
