"""Addresses the words point at, in any country's format, and the lines of an address block.

The US recognizer (us_address) knows US street suffixes and "City, ST 12345". People also write "lives at
86036 Rua do Arenque 1634, Goiânia", "Address: Brucker Bundesstrasse 31\\n Suite 245\\n FÜRLING\\n Austria
25173", "send a new one to 1987 74 Diakou Street\\n Suite 680\\n Kissousa\\n Cyprus 36903?". Three rules:
- After an address cue ("address:", "lives at", "located at", "send ... to", "meet me at", ...; in a chat, the
  cue may end a question the next speaker answers: "sent to? User: 5586 ..."; "lives on the north side of"
  points past the side), the rest of the line is the address when it starts like one (a house number, a
  P.O. box or military box, "Apt", "the corner of"; a capitalised name and a house number, maybe followed
  by a number-first street: "Λεωφόρος Συγγρού 119 Nino Point"; after the word "address" any capitalised
  word), up to the end of the sentence or the "and" that starts the next address; and so are the short
  lines under it (address_block).
- A line that is a street line on its own, in the number-name-number shape many countries use ("20789
  Allika 46", "583 Magrethevej 298 Apt. 123"), with the short lines under it.
- After a residence cue ("lives in", "moved from", "discharged home to", "transferred from", "lives with
  her son in", a note's "81 y/o woman from", "St. Anne's Hospital in"), the place named, when it is not a
  state, a country, an organisation or an everyday word; on a line written all in lower case, a lower-case
  place that is not an everyday word ("lives with wife in lowell").
"""

from __future__ import annotations

import re

from presidio_analyzer import RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from graph.redaction.clinical_terms import CLINICAL_TERMS
from graph.redaction.common_words import PLACE_TYPE_WORDS
from graph.redaction.cue_search import cue_finditer
from graph.redaction.entities import ADDRESS
from graph.redaction.name_words import CLINICAL_WORDS, INSURER_WORDS, ORGANISATION_WORDS, is_everyday_word
from graph.redaction.places import is_larger_than_a_state
from graph.redaction.recognizers.address_block import block_lines, looks_like_street_line
from graph.redaction.recognizers.own_recognizer import OwnRecognizer
from graph.redaction.recognizers.results import recognizer_result

CUED_SCORE = 0.7
STREET_LINE_SCORE = 0.65
PLACE_SCORE = 0.65
# Organisation words that also name places ("Hampden County", "Salt Lake City").
_PLACE_ORGANISATION_WORDS = frozenset({"county", "city", "state", "regional", "general", "united", "national"})
_ADDRESS_WORD = r"(?:(?:home|mailing|billing|street|postal|new|primary|secondary|current|his|her|my|their)\s+)?"
# A chat or transcript: the cue ends a question and the answer follows a speaker's label ("Where should we
# send it? Member: 12 Oak St", "sent to? user: 0605 ...").
_ANSWER = r"[^\S\n]*\?\s*(?:[A-Za-z][\w .'’\-]{0,20}:)"
# "lives on the north side of Joaquin Suarez 2906": the street follows.
_SIDE_OF = r"(?:the[^\S\n]+(?:(?:north|south|east|west|far|other)[^\S\n]+)?(?:side|end)[^\S\n]+of[^\S\n]+)?"
_CUE_SOURCE = (
    rf"(?<![\w])(?:(?P<labelled>{_ADDRESS_WORD}address(?:es)?"
    r"(?:\s+(?:is|was|with|to|on\s+file)|\s+of\s+[^.?!\n]{1,40}?\s+(?:is|was))?)"
    r"|(?:lives?|living|resides?|residing|located|situated|based|moved|relocated|staying|stays|"
    r"meet(?:\s+(?:me|us|you|them))?|"
    r"stop|arrived|drops?\s+(?:you\s+)?off|deliver(?:ed)?|ship(?:ped)?|mail(?:ed)?|"
    r"sen[dt](?:\s+(?:it|this|them|a\s+new\s+one|the\s+\w+))?|return(?:ed)?|forward(?:ed)?|"
    r"here\s+they\s+are|(?:is|are)(?=\s+(?:at|on)\s)|it['’]?s\s+in|it\s+is\s+in)\s*(?:at|to|on)?)"
    rf"(?:{_ANSWER})?[^\S\n]*[:\-]?[^\S\n]*\n?[^\S\n]*{_SIDE_OF}"
)
_CUE = re.compile(_CUE_SOURCE, re.IGNORECASE)
_STARTS_LIKE_AN_ADDRESS = re.compile(
    r"\d|(?i:p\.?\s?o\.?\s?box|post\s+office|box\s+\d|psc\s|cmr\s|unit\s+\d|apt|suite|the\s+corner\s+of)"
)
# Where an address written in a sentence stops: "?", "!", ";", a label ("MRN:"), a connecting word ("with
# wife", "after the concert"), "and" before the next address in a list ("..., Spain 16200, and the corner of",
# "and 04862 ..."), or a full stop before a capital, unless the full stop ends a street or unit abbreviation
# or an initial ("12 Oak St. Boston", "Piroska u. 97", "P.O. Box").
_SENTENCE_END = re.compile(
    r"[?!;]|\s[A-Za-z]+:|\s(?i:for|after|if|when|because|with|since|until|who|where)\s|\.(?=\s+[A-Z])"
    r"|,?\s(?i:and\s+(?=\d|(?:the\s+)?corner\s+of\s))"
)
_NEW_SENTENCE = re.compile(r"\s+[A-Z][a-z]+\s+[a-z]")  # "St. Boston is nice": a capital, then prose
_ABBREVIATION = re.compile(r"(?:\b[A-Za-z]|\b(?i:st|ave|apt|rd|dr|ln|ct|pl|mt|ft|no|ste|str|blvd|hwy|p\.o))$")
# An address in a sentence is at most this long; past it, it ends at the last comma or space before.
MAX_ADDRESS_CHARS = 100
# "Villacher Strasse 89"; "Λεωφόρος Συγγρού 119 Nino Point": a number-first street may follow the name.
_NAME_THEN_NUMBER = re.compile(
    r"[^\W\d_][^\d\n]{2,60}?[^\S\n]\d{1,5}[A-Za-z]?\.?(?P<street>(?:[^\S\n]+[^\W\d_][\w'’\-]*\.?){0,3})"
)
_RESIDENCE_CUE_SOURCE = (
    r"(?<![\w])(?:lives?\s+in|living\s+in|resides?\s+in|residing\s+in|moved\s+(?:to|from)|relocated\s+(?:to|from)|"
    r"staying\s+in|grew\s+up\s+in|(?:is|are|comes?|came)\s+from|transferred\s+from|discharged\s+(?:home\s+)?to|"
    r"home\s+to|based\s+in|(?:man|woman|male|female|gentleman|lady|boy|girl|patient|pt)\s+from|"
    r"(?:hospital|medical\s+center|clinic|infirmary|nursing\s+home|rehab|health\s+center|urgent\s+care|pharmacy)"
    r"\s+in)[^\S\n]+"
)
_RESIDENCE_CUE = re.compile(_RESIDENCE_CUE_SOURCE, re.IGNORECASE)
_PLACE = re.compile(r"[A-Z][\w'’\-]*(?:[^\S\n]+[A-Z][\w'’\-]*){0,2}")
# "lives with her grandson in Roxbury", "lives with wife ruth in lowell": the place after a later "in".
_LATER_IN = re.compile(
    r"(?<![\w])(?i:lives?|living|resides?|residing|moved|staying)\b[^.\n]{0,40}?\bin[^\S\n]+"
    r"(?P<place>[A-Z][\w'’\-]*(?:[^\S\n]+[A-Z][\w'’\-]*){0,2}|[a-z]{4,}\b)"
)


def _line_end(text: str, start: int) -> int:
    end = text.find("\n", start)
    return len(text) if end < 0 else end


def _sentence_part(text: str, start: int) -> tuple[int, bool]:
    """Where an address that starts at `start` ends on its line, and whether the sentence goes on after it
    (then the lines under it are not part of it)."""
    line_end = _line_end(text, start)
    stop = next(
        (
            match
            for match in _SENTENCE_END.finditer(text, start, line_end)
            if match.group() != "."
            or not _ABBREVIATION.search(text, start, match.start())
            or _NEW_SENTENCE.match(text, match.end())
        ),
        None,
    )
    end = stop.start() if stop else line_end
    goes_on = stop is not None
    if end - start > MAX_ADDRESS_CHARS:
        limit = start + MAX_ADDRESS_CHARS
        cut = max(text.rfind(",", start, limit), text.rfind(" ", start, limit))
        end, goes_on = (cut if cut > start else limit), True
    while end > start and text[end - 1] in " ,;:.":
        end -= 1
    return end, goes_on


def _is_place(words: list[str]) -> bool:
    bare = [w.strip(".,;:'’").removesuffix("'s").casefold() for w in words]
    if not bare or is_larger_than_a_state(" ".join(words)) or all(is_everyday_word(w) for w in bare):
        return False
    organisation = (ORGANISATION_WORDS | INSURER_WORDS | CLINICAL_WORDS) - _PLACE_ORGANISATION_WORDS
    return not any(w in organisation for w in bare)


class CuedAddressRecognizer(OwnRecognizer):
    ENTITY = ADDRESS

    def find(self, text: str, nlp_artifacts: NlpArtifacts | None) -> list[RecognizerResult]:
        spans = self._cued(text) + self._street_lines(text) + self._places(text)
        return [recognizer_result(self, ADDRESS, s, e, score) for s, e, score in sorted(set(spans))]

    def _cued(self, text: str) -> list[tuple[int, int, float]]:
        spans: list[tuple[int, int, float]] = []
        for cue in cue_finditer(_CUE, text):
            start = cue.end()
            if start >= len(text):
                continue
            end, sentence_ended = _sentence_part(text, start)
            if end <= start or not self._starts_an_address(text, start, end, cue.group("labelled") is not None):
                continue
            spans.append((start, end, CUED_SCORE))
            if not sentence_ended:
                spans += [(s, e, CUED_SCORE) for s, e in block_lines(text, end)]
        return spans

    @staticmethod
    def _starts_an_address(text: str, start: int, end: int, labelled: bool) -> bool:
        """A house number, a box or a unit; or, after the word "address", a capitalised line with a number in
        it; or a capitalised street name ending in a house number ("is on Villacher Strasse 89")."""
        if _STARTS_LIKE_AN_ADDRESS.match(text, start):
            return True
        value = text[start:end]
        if not value[0].isupper() or any(w.strip(".,").casefold() in CLINICAL_TERMS for w in value.split()):
            return False  # "is on Lisinopril 20"
        if labelled:
            return any(ch.isdigit() for ch in value)
        named = _NAME_THEN_NUMBER.fullmatch(value)
        street = named.group("street").split() if named else []
        return named is not None and (not street or street[-1].rstrip(".").casefold() in PLACE_TYPE_WORDS)

    def _street_lines(self, text: str) -> list[tuple[int, int, float]]:
        spans: list[tuple[int, int, float]] = []
        for start, end in looks_like_street_line(text):
            spans.append((start, end, STREET_LINE_SCORE))
            spans += [(s, e, STREET_LINE_SCORE) for s, e in block_lines(text, end)]
        return spans

    def _places(self, text: str) -> list[tuple[int, int, float]]:
        spans: list[tuple[int, int, float]] = []
        for cue in cue_finditer(_RESIDENCE_CUE, text):
            place = _PLACE.match(text, cue.end())
            if place is None:
                continue
            if _is_place(place.group().split()):  # "Boston Medical Center" is a hospital, not a place
                spans.append((place.start(), place.end(), PLACE_SCORE))
        for match in cue_finditer(_LATER_IN, text):
            named = match.group("place")
            line_start = text.rfind("\n", 0, match.start()) + 1
            lower_case_line = not any(ch.isupper() for ch in text[line_start : _line_end(text, match.start())])
            if (named[0].isupper() or lower_case_line) and _is_place(named.split()):
                spans.append((match.start("place"), match.end("place"), PLACE_SCORE))
        return spans
