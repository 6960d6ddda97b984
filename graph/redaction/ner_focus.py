"""What the NER model needs to read: only the words around those that could be a name or a place.

spaCy's NER is most of the cost of a redaction, and most of a denial letter cannot hold a name: appeal-rights
boilerplate, sentences whose only capitalised words are function words ("You", "If", "We") or words we know
are not people (insurers, drugs, departments, months). The model reads only the regions of words within
CONTEXT_WORDS of a possible name (focus_regions; focused_ner.py runs it); ner_focus shows the same choice as
the text with every other word blanked to spaces, offsets and newlines kept. The pattern recognizers always
read the original.

A possible name is a capitalised word that is neither a stop word nor a known non-name word, holds no digit
(codes: "E11.65", "PR-50", "CP-RAD-017") and is more than an initial (an initial stands next to the name it
belongs to). Names in lower case are not kept, but spaCy's small model does not tag those as names either.
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
_CAPITALISED = re.compile(r"[A-Z][A-Za-z'’-]*")
_LETTERS = re.compile(r"[^\W\d_]+")
_DIGIT = re.compile(r"\d")


def could_be_a_name(word: str) -> bool:
    match = _CAPITALISED.search(word)
    if match is None or _DIGIT.search(word):
        return False
    bare = match.group().lower().strip("'’-")
    letters = _LETTERS.search(word)  # the whole first run of letters, accented ones too ("Tiếng")
    whole = letters.group().lower() if letters else bare
    return len(bare) > 1 and bare not in NOT_A_NAME and whole not in NOT_A_NAME


def focus_regions(text: str) -> list[tuple[int, int]]:
    """The stretches of `text` the model reads, in order: each a maximal run of words within CONTEXT_WORDS of a
    possible name, from the start of its first word to the end of its last. Two regions have at least one
    blanked word between them."""
    words = list(_WORD.finditer(text))
    keep = [False] * len(words)
    for i, word in enumerate(words):
        if could_be_a_name(word.group()):
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


def ner_focus(text: str) -> str:
    """The text with everything blanked but the words around possible names; same length, same newlines."""
    parts: list[str] = []
    last = 0
    for start, end in focus_regions(text):
        parts.append(blanked(text[last:start]))
        parts.append(text[start:end])
        last = end
    parts.append(blanked(text[last:]))
    return "".join(parts)


def blanked(text: str) -> str:
    """`text` with every character but a newline turned into a space."""
    return _NOT_NEWLINE.sub(" ", text)
