"""The letter's own date and the date of service, read from US-style dates.

``letter_date``: a labelled notice/decision date ("Date of Decision: 07/11/2017") is best; a bare "Date:"
field next; a date standing alone on its own line (a letterhead date) last. A request date is never the letter
date.
``service_date``: a labelled date of service / admission, or the first day of a stay written as a range
("... Hospitalization from 10/4/2017-10/10/2017"). Only the first date of a range is taken.
"""

from __future__ import annotations

import datetime as dt
import re

from graph.extraction.letter import Finding, Letter, SectionKind
from graph.extraction.placeholders import placeholder_spans
from graph.extraction.sentence_index import SentenceIndex

_MONTH_NAMES = (
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
)  # fmt: skip
_MONTH = (
    r"(?i:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
# 10/4/2017, 10-04-2017, 10/4/17, October 11, 2017, Oct. 11 2017, 11 October 2017, 2017-10-11.
_DATE_BODY = (
    r"(?:"
    rf"(?P<mname>{_MONTH})\.?[ \t]+(?P<mday>\d{{1,2}})(?i:st|nd|rd|th)?,?[ \t]+(?P<myear>\d{{4}})"
    rf"|(?P<dday>\d{{1,2}})[ \t]+(?P<dname>{_MONTH})\.?,?[ \t]+(?P<dyear>\d{{4}})"
    r"|(?P<sm>\d{1,2})/(?P<sd>\d{1,2})/(?P<sy>\d{4}|\d{2})"
    r"|(?P<hm>\d{1,2})-(?P<hd>\d{1,2})-(?P<hy>\d{4})"
    r"|(?P<iy>\d{4})-(?P<im>\d{2})-(?P<id>\d{2})"
    r")"
)
_DATE_END = r"(?![\w/]|\.\d)"
DATE = rf"(?<![\w/.-]){_DATE_BODY}{_DATE_END}"
DATE_PATTERN = re.compile(DATE)

_LETTER_DATE_NAMED = re.compile(
    r"(?i)\b(?:date[ \t]+of[ \t]+(?:this[ \t]+)?(?:notice|decision|determination|letter)|"
    r"(?:notice|decision|determination|letter|print|mail(?:ing)?)[ \t]+date|date[ \t]+(?:sent|mailed))"
    rf"[ \t]*[:#-]?[ \t]*(?:{DATE})"
)
# A bare "Date:" field: at a line start, or set apart from other fields by a wide gap or a bar.
_LETTER_DATE_BARE = re.compile(rf"(?im)(?:^[ \t]*|(?<=[ \t][ \t])|(?<=\|)[ \t]*)date[ \t]*:[ \t]*(?:{DATE})")
_DATE_ALONE_ON_LINE = re.compile(rf"(?m)^[ \t]*(?:{DATE})[ \t]*$")
_LABEL_LINE = re.compile(r"(?i):[ \t]*$|\b(?:service|admission|discharge|birth|request|received|date)")

_SERVICE_DATE_LABEL = re.compile(
    r"(?:(?i:\bdates?(?:\(s\))?[ \t]+of[ \t]+(?:service|admission)(?:\(s\)|s)?|"
    r"\b(?:service|admission|admit)[ \t]+dates?(?:\(s\))?)"
    r"|\bDOS\b)"
    rf"[ \t]*[:#-]?[ \t]*(?i:from[ \t]+)?(?:{DATE})"
)
_RANGE = re.compile(
    rf"(?i)\bfrom[ \t]+(?:{DATE})[ \t]*(?:-|–|—|to|through|thru)[ \t]*"
    + _DATE_BODY.replace("?P<", "?P<end_")
    + _DATE_END
)
_SERVICE_ON = re.compile(
    r"(?i)\b(?:received|provided|performed|rendered|admitted|admission|surgery)[ \t]+"
    rf"on[ \t]+(?:{DATE})"
)
# Words that make a "from ... to ..." range about something the member received, and words just before it that
# make it a period of coverage instead ("your coverage from 1/1/2020 to 12/31/2020").
_SERVICE_CUE = re.compile(
    r"(?i)\b(?:service|stay|hospitali[sz]ation|admission|admitted|inpatient|treatment|surgery|procedure|"
    r"visit|care|therapy|item)s?\b"
)
_COVERAGE_CUE = re.compile(
    r"(?i)\b(?:coverage|covered|effective|enroll\w*|plan|eligib\w*|benefit[ \t]+period|policy|membership)"
    r"(?:[ \t]+\w+){0,2}[ \t]*$"
)


def parse_date(match: re.Match[str]) -> dt.date | None:
    """The calendar date a DATE match names; None when it cannot exist or is outside 1990-2099."""
    groups = match.groupdict()
    try:
        if groups.get("mname"):
            year, month, day = int(groups["myear"]), _month(groups["mname"]), int(groups["mday"])
        elif groups.get("dname"):
            year, month, day = int(groups["dyear"]), _month(groups["dname"]), int(groups["dday"])
        elif groups.get("sm"):
            year, month, day = _year(groups["sy"]), int(groups["sm"]), int(groups["sd"])
        elif groups.get("hm"):
            year, month, day = int(groups["hy"]), int(groups["hm"]), int(groups["hd"])
        else:
            year, month, day = int(groups["iy"]), int(groups["im"]), int(groups["id"])
        value = dt.date(year, month, day)
    except (TypeError, ValueError):
        return None
    return value if 1990 <= value.year <= 2099 else None


def _month(name: str) -> int:
    prefix = name.lower()[:3]
    return next(i for i, full in enumerate(_MONTH_NAMES, start=1) if full.startswith(prefix))


def _year(text: str) -> int:
    return 2000 + int(text) if len(text) == 2 else int(text)


def find_dates(letter: Letter) -> list[Finding]:
    blanks = placeholder_spans(letter.text)
    findings: list[Finding] = []
    for field, pattern, confidence in (
        ("letter_date", _LETTER_DATE_NAMED, 0.95),
        ("letter_date", _LETTER_DATE_BARE, 0.9),
        ("service_date", _SERVICE_DATE_LABEL, 0.9),
        ("service_date", _SERVICE_ON, 0.7),
    ):
        for match in pattern.finditer(letter.text):
            found = _finding(letter, blanks, field, match, confidence)
            if found is not None:
                findings.append(found)
    findings.extend(_stay_ranges(letter, blanks))
    findings.extend(_letterhead_date(letter, blanks))
    return findings


def _letterhead_date(letter: Letter, blanks: list[tuple[int, int]]) -> list[Finding]:
    """The first date standing alone on its line, unless the line before labels it ("Dates of service:")."""
    for match in _DATE_ALONE_ON_LINE.finditer(letter.text):
        previous_lines = letter.text[max(0, match.start() - 200) : match.start()].rstrip().rsplit("\n", 1)
        if _LABEL_LINE.search(previous_lines[-1]):
            continue
        found = _finding(letter, blanks, "letter_date", match, 0.7)
        return [] if found is None else [found]
    return []


def _stay_ranges(letter: Letter, blanks: list[tuple[int, int]]) -> list[Finding]:
    findings: list[Finding] = []
    sentences = SentenceIndex(letter.text)
    for match in _RANGE.finditer(letter.text):
        sentence_start, _ = sentences.around(match.start(), match.end())
        before = letter.text[max(sentence_start, match.start() - 200) : match.start()]
        if _SERVICE_CUE.search(before) and not _COVERAGE_CUE.search(before):
            found = _finding(letter, blanks, "service_date", match, 0.75)
            if found is not None:
                findings.append(found)
    return findings


def _finding(
    letter: Letter, blanks: list[tuple[int, int]], field: str, match: re.Match[str], confidence: float
) -> Finding | None:
    value = parse_date(match)
    if value is None or letter.section_at(match.start()) is SectionKind.instructions:
        return None
    if any(start < match.end() and match.start() < end for start, end in blanks):
        return None
    text = match.group(0)
    start = match.start() + len(text) - len(text.lstrip(" \t|"))
    end = match.start() + len(text.rstrip())
    return Finding(field, value, (letter.span(start, end),), confidence)
