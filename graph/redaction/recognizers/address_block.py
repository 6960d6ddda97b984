"""The shape of an address block: a street line standing alone, and the short lines printed under one.

"20789 Allika 46\\n Suite 501\\n Riisa\\n\\n Estonia 62488": a street line in the number-name-number shape
many countries use, then a unit line, a town line and, after a blank line, a country and postcode. Words
after the unit on a street line are its town ("12521 Belgrád rkp. 18. Apt. 417 Csipkerek Vas"). Lines
under an address belong to it while they are short, hold no label ("Phone:"), no sentence and no date, and
are not made only of everyday words ("YOUR RIGHT TO APPEAL"); one blank line is crossed when the line after
it carries a postcode or names a country. Every line is its own span, as the labelled letters print them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from graph.redaction.clinical_terms import CLINICAL_TERMS
from graph.redaction.common_words import PLACE_TYPE_WORDS
from graph.redaction.name_words import is_everyday_word
from graph.redaction.places import is_larger_than_a_state

MAX_BLOCK_LINES = 5
MAX_LINE_CHARS = 45
MAX_WORDS_WITH_DIGITS = 5
MAX_WORDS_WITHOUT_DIGITS = 4
UNIT = r"(?i:Apt|Apartment|Suite|Ste|Unit|Fl|Floor|Room|Rm|#)\.?[^\S\n]*[A-Za-z0-9\-]+"
_UNIT_WORD = re.compile(r"(?i:apt|apartment|suite|ste|unit|fl|floor|room|rm|box|p\.?o|po|building|bldg|lot)")
_LINE = re.compile(r"(?m)^[^\S\n]*(?:>[^\S\n]*)?(?P<street>\d[^\n]*?)[^\S\n]*,?[^\S\n]*$")
_UNIT_TAIL = re.compile(rf"(?:,?[^\S\n]+{UNIT})+$")
_HOUSE_NUMBER = re.compile(r"\d{1,6}(?:-\d{1,4})?[A-Za-z]?")
_LAST_NUMBER = re.compile(r"\d{1,5}[A-Za-z]?")
_STREET_NAME_WORD = re.compile(r"[^\W\d_][^\s\d,]*")
MAX_STREET_LINE_CHARS = 80
MAX_STREET_WORDS = 7
MAX_LOCALITY_WORDS = 3
_TOWN_AFTER_UNIT = re.compile(rf"[^\S\n]+{UNIT}(?P<town>(?:[^\S\n]+[^\W\d_][^\s\d,]*){{1,{MAX_LOCALITY_WORDS}}})$")
_MONTHS = frozenset(
    {"jan", "january", "feb", "february", "mar", "march", "apr", "april", "may", "jun", "june", "jul", "july"}
    | {"aug", "august", "sep", "sept", "september", "oct", "october", "nov", "november", "dec", "december"}
)
# Words that make a number-word-number line a dose or a count, not a street.
_MEASURE_WORDS = frozenset(
    {"mg", "mcg", "ml", "kg", "g", "lb", "lbs", "units", "unit", "tabs", "tablets", "tab", "caps", "times"}
    | {"days", "weeks", "months", "hours", "minutes", "years", "yo", "x"}
)
_POSTCODE = re.compile(r"\b\d{4,6}\b")
_DATE = re.compile(r"\d{1,4}[/.\-]\d{1,2}[/.\-]\d{1,4}")
_LEAD = re.compile(r"[^\S\n]*(?:>[^\S\n]*)?,?[^\S\n]*")
_SENTENCE_STOP = re.compile(
    r"[?!]|\.(?=\s+[A-Z][a-z]+\s+[a-z])|\s(?i:for|after|if|when|because|with|since|until|who|where)\s"
)
_PHONE_WORD = re.compile(r"(?i:\b(?:office|fax|mobile|phone|tel|cell|pager)\b)")


def _is_locality(part: str) -> bool:
    words = part.split()
    return 0 < len(words) <= MAX_LOCALITY_WORDS and all(w[0].isupper() or w[0].isdigit() or len(w) <= 3 for w in words)


def _is_street_line(street: str) -> bool:
    """A street line, optionally followed on the same line by comma-separated town and country parts
    ("99449 Kiannonkatu 18 Apt. 019, Mora de Rubielos, Spain 16200")."""
    head, *localities = street.split(",")
    if localities and not all(_is_locality(part) or _UNIT_TAIL.fullmatch("," + part) for part in localities):
        return False
    town = _TOWN_AFTER_UNIT.search(head)
    if town is not None:
        if not (_is_locality(town.group("town")) or head.islower()):
            return False
        head = head[: town.start("town")]
    core = _UNIT_TAIL.sub("", head).rstrip(" .,")
    tokens = core.split()
    if not 2 <= len(tokens) <= MAX_STREET_WORDS or not _HOUSE_NUMBER.fullmatch(tokens[0]):
        return False
    last = tokens[-1].rstrip(".,")
    if not (_LAST_NUMBER.fullmatch(last) or last.casefold() in PLACE_TYPE_WORDS):
        return False
    words = [t.strip(".,").casefold() for t in tokens[1:]]
    if any(w in _MEASURE_WORDS or w in CLINICAL_TERMS or w in _MONTHS for w in words):
        return False  # "2 Tylenol 500", "19 Mar 2024"
    return any(_STREET_NAME_WORD.fullmatch(t.rstrip(".,")) for t in tokens[1:]) and all(
        _STREET_NAME_WORD.fullmatch(t.rstrip(".,")) or _LAST_NUMBER.fullmatch(t.rstrip(".,")) for t in tokens[1:]
    )


def looks_like_street_line(text: str) -> Iterator[tuple[int, int]]:
    """Lines that are a street line and nothing else: a house number, a street name, and a number or a
    street word at the end ("20789 Allika 46", "935 69 Gordon Terrace", "583 Magrethevej 298, Apt. 123")."""
    for match in _LINE.finditer(text):
        street = match.group("street")
        if len(street) > MAX_STREET_LINE_CHARS or not _is_street_line(street):
            continue
        has_capital = any(ch.isupper() for ch in street)
        if has_capital or not any(ch.isupper() for ch in match.group()):
            yield match.start("street"), match.end("street") - (1 if street.endswith(".") else 0)


def _block_line(content: str) -> bool:
    words = content.split()
    if not words or len(content) > MAX_LINE_CHARS or ":" in content or "@" in content or "http" in content:
        return False
    if _PHONE_WORD.search(content) or any(w.strip(".,").casefold() in CLINICAL_TERMS for w in words):
        return False
    if _DATE.search(content):
        return False
    if any(ch.isdigit() for ch in content):
        return len(words) <= MAX_WORDS_WITH_DIGITS
    first = words[0]
    if len(words) > MAX_WORDS_WITHOUT_DIGITS or (first[0].islower() and len(first) > 3):
        return False
    bare = [w.strip(".,").casefold() for w in words]
    return not all(is_everyday_word(w) for w in bare) or any(w in PLACE_TYPE_WORDS for w in bare)


def _starts_like_a_label(content: str) -> bool:
    """A line that opens with an everyday word other than a unit word ("Phone (617)...", "MoCA 21/30"); a
    town named after a place word ("Port Whangarei", "Pines Beach") and a country line ("New Zealand 34694")
    are not labels."""
    first = content.split()[0].strip(".,#")
    if not is_everyday_word(first) or _UNIT_WORD.fullmatch(first) or first.casefold() in PLACE_TYPE_WORDS:
        return False
    return not is_larger_than_a_state(_POSTCODE.sub("", content).strip(" ,"))


def _country_or_postcode(content: str) -> bool:
    return bool(_POSTCODE.search(content)) or is_larger_than_a_state(_POSTCODE.sub("", content).strip(" ,"))


def block_lines(text: str, after: int) -> list[tuple[int, int]]:
    """Spans of the lines under the address line that ends at `after` which belong to the same address."""
    spans: list[tuple[int, int]] = []
    position = text.find("\n", after)
    crossed_blank = False
    while position >= 0 and len(spans) < MAX_BLOCK_LINES:
        line_start = position + 1
        line_end = text.find("\n", line_start)
        line_end = len(text) if line_end < 0 else line_end
        lead = _LEAD.match(text, line_start, line_end)
        start = lead.end() if lead else line_start
        content = text[start:line_end].rstrip()
        stop = _SENTENCE_STOP.search(content)
        if stop is not None:
            content = content[: stop.start()]
            if not any(ch.isdigit() for ch in content):
                break  # a sentence, not an address line that a sentence follows ("KNIVSTA 18237 after the...")
        if not content.strip():
            next_end = text.find("\n", line_end + 1)
            following = text[line_end + 1 : len(text) if next_end < 0 else next_end].strip(" >,")
            if crossed_blank or line_end >= len(text) or not _country_or_postcode(following):
                break
            crossed_blank = True
            position = line_end
            continue
        content = content.rstrip(" .,;")
        if not _block_line(content) or _starts_like_a_label(content):
            break
        spans.append((start, start + len(content)))
        if stop is not None:
            break
        position = line_end if line_end < len(text) else -1
    return spans
