"""Street addresses written the way most of the world writes them: the street's name, then the house number.

"Mellemvej 32", "462 Stubengraben 80 Apt. 608", "ul. Miła 53", "Rua do Arenque 1634", "Victor Hugo u. 49.",
"Belgrád rkp. 18.". The US recognizer (us_address) needs a number first and an English suffix; here the
street is known by a street-type word of its language, which is vocabulary, never a list of places:
- a word ending in a street suffix ("-vej", "-gade", "-straße", "-gasse", "-weg", "-laan", "-katu");
- a street word before the name ("ul.", "Via", "Rue", "Calle", "Avenida", "Rua", "Λεωφόρος"), capitalised
  unless it is an abbreviation (English "via" and "corso" are not streets);
- a street word after the name ("u.", "utca", "rkp.", "tér", "kapu", "Strasse", "ulica", "cesta").
A postcode or house number and a unit before the street ("Apt. 675 62314 Mellemvej 32") and units after
it join the span. When the street ends its line, the short lines under it (town, country, postcode) are
taken as an address block (address_block). The name must hold a word that is not an everyday word and no
clinical term, so "sent Via Fax 2" and "Lasix 40" stay.
"""

from __future__ import annotations

import re

from presidio_analyzer import RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from graph.redaction.clinical_terms import CLINICAL_TERMS
from graph.redaction.entities import ADDRESS
from graph.redaction.name_words import is_everyday_word
from graph.redaction.recognizers.address_block import UNIT, block_lines
from graph.redaction.recognizers.own_recognizer import OwnRecognizer
from graph.redaction.recognizers.results import recognizer_result

SCORE = 0.65
MAX_NAME_WORDS = 4
# A compound street name is longer than its suffix by at least this many letters ("Mellemvej", not "Weg").
MIN_STEM_CHARS = 3
_SUFFIXES = (
    "vej vejen gade gaden stræde gata gatan väg vägen veien vegen straße strasse str. gasse graben weg "
    "damm allee platz ufer steig markt laan straat gracht plein dijk katu kuja polku utca brücke"
)
# Written before the street's name.
_BEFORE_NAME = (
    "ul. ulica al. aleja osiedle via viale vicolo piazza piazzale corso largo strada rue quai chemin impasse "
    "boulevard bd. calle avenida avda. av. paseo carrer camino rambla rua travessa praça alameda estrada "
    "λεωφόρος οδός"
)
# Written after the street's name.
_AFTER_NAME = (
    "u. utca út útja rkp. rakpart tér krt. körút köz sor sétány kapu strasse straße str. gasse weg allee "
    "platz vej gade laan straat ulica cesta"
)


def _folded(words: str) -> frozenset[str]:
    return frozenset(words.casefold().split())


STREET_SUFFIXES = _folded(_SUFFIXES)
_SUFFIX_TUPLE = tuple(STREET_SUFFIXES)
WORDS_BEFORE_NAME = _folded(_BEFORE_NAME)
WORDS_AFTER_NAME = _folded(_AFTER_NAME)
# Particles inside a street's name ("Rua do Arenque", "Via della Spiga").
_PARTICLES = _folded("de da do dos das del della dei di la le les des du von van der den y e i")
# Candidates are the spaces before a digit: a pattern that starts with a literal is cheap to scan for.
_SPACE_THEN_DIGIT = re.compile(r" (?=\d)")
# How far back on its line a street word before the name is looked for.
BEFORE_WORDS_REACH = 60
_HOUSE_NUMBER = re.compile(r"\d{1,5}[A-Za-z]?(?:/\d{1,4}[A-Za-z]?)?(?![\w/\-:]|[.,]\d)\.?")
_HOUSE_NUMBER_BEFORE = re.compile(r"(?<![\w\-])\d{1,6}[^\S\n]+$")
_UNIT_BEFORE = re.compile(rf"(?<![\w])(?:{UNIT}),?[^\S\n]+$")
_UNITS_AFTER = re.compile(rf"(?:,?[^\S\n]+{UNIT})+")
_LINE_REST = re.compile(r"[^\S\n]*[.,]?[^\S\n]*(?:\n|$)")


def _word_before(text: str, line_start: int, position: int) -> tuple[int, str] | None:
    """The word that ends before `position` (spaces skipped) on its line, with its start; None at the line's
    start or when the word is a number."""
    end = position
    while end > line_start and text[end - 1] == " ":
        end -= 1
    start = max(line_start, text.rfind(" ", line_start, end) + 1)
    if start == end or text[start].isdigit():
        return None
    return start, text[start:end]


def _may_end_a_street_name(text: str, position: int) -> bool:
    """A quick look at the words before the space at `position`, which turns most candidates away: the last
    has a street suffix or is a street word, or a street word comes a few words before it."""
    if position == 0 or not (text[position - 1].isalpha() or text[position - 1] == "."):
        return False
    lead = text[max(0, position - BEFORE_WORDS_REACH) : position].casefold()
    words = lead[lead.rfind("\n") + 1 :].split()
    last = words[-1]
    return (
        last.endswith(_SUFFIX_TUPLE)
        or last in WORDS_AFTER_NAME
        or not WORDS_BEFORE_NAME.isdisjoint(words[-1 - MAX_NAME_WORDS :])
    )


def _has_suffix(folded: str) -> bool:
    return folded.endswith(_SUFFIX_TUPLE) and any(
        folded.endswith(s) and len(folded) >= len(s) + MIN_STEM_CHARS for s in STREET_SUFFIXES
    )


def _names_a_street(words: list[str]) -> bool:
    """Capitalised words (particles aside), at least one not an everyday word, none a clinical term."""
    bare = [w.strip(".,'’").casefold() for w in words]
    if not words or any(b in CLINICAL_TERMS for b in bare):
        return False
    named = [w for w, b in zip(words, bare, strict=True) if b not in _PARTICLES]
    return bool(named) and all(w[0].isupper() for w in named) and not all(is_everyday_word(b) for b in bare)


class ForeignStreetRecognizer(OwnRecognizer):
    ENTITY = ADDRESS

    def find(self, text: str, nlp_artifacts: NlpArtifacts | None) -> list[RecognizerResult]:
        spans: set[tuple[int, int]] = set()
        for space in _SPACE_THEN_DIGIT.finditer(text):
            position = space.start()
            if not _may_end_a_street_name(text, position):
                continue
            start = self._street_start(text, position)
            number = None if start is None else _HOUSE_NUMBER.match(text, position + 1)
            if start is None or number is None:
                continue
            units = _UNITS_AFTER.match(text, number.end())
            end = units.end() if units else number.end()
            spans.add((self._widened_start(text, start), end))
            if _LINE_REST.match(text, end):
                spans.update(block_lines(text, end))
        return [recognizer_result(self, ADDRESS, s, e, SCORE) for s, e in sorted(spans)]

    @staticmethod
    def _street_start(text: str, position: int) -> int | None:
        """Where the street's name starts, when the words before the number at `position` name a street."""
        line_start = text.rfind("\n", 0, position) + 1
        last = _word_before(text, line_start, position)
        if last is None:
            return None
        folded_last = last[1].casefold()
        if _has_suffix(folded_last):
            return last[0] if _names_a_street([last[1]]) else None
        words = [last]
        while len(words) <= MAX_NAME_WORDS:
            before = _word_before(text, line_start, words[0][0])
            if before is None:
                break
            words.insert(0, before)
        folded = [w.casefold() for _, w in words]
        if folded[-1] in WORDS_AFTER_NAME:
            # the name is the capitalised words right before the street word ("Victor Hugo u. 49")
            name: list[tuple[int, str]] = []
            for at, w in reversed(words[:-1]):
                if not (w[0].isupper() or w.casefold() in _PARTICLES) or w.casefold() in WORDS_BEFORE_NAME:
                    break
                name.insert(0, (at, w))
            while name and name[0][1].casefold() in _PARTICLES:
                name.pop(0)
            if name and _names_a_street([w for _, w in name]):
                return name[0][0]
            return None
        for index in range(len(words) - 2, -1, -1):
            street_word = words[index][1]
            if folded[index] in WORDS_BEFORE_NAME and (street_word.endswith(".") or street_word[0].isupper()):
                if index > 0 and folded[index - 1] == "et":
                    return None  # "Smith et al. JAMA 2019" cites a paper
                name_words = [w for _, w in words[index + 1 :]]
                return words[index][0] if _names_a_street(name_words) else None
        return None

    @staticmethod
    def _widened_start(text: str, start: int) -> int:
        """The start moved back over a postcode or house number and a unit written before the street."""
        number = _HOUSE_NUMBER_BEFORE.search(text, max(0, start - 12), start)
        if number is not None:
            start = number.start()
        unit = _UNIT_BEFORE.search(text, max(0, start - 20), start)
        return unit.start() if unit is not None else start
