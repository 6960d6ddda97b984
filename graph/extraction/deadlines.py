"""How long the member has to appeal, and whether the letter offers a fast (expedited) appeal.

``appeal_deadline``: "within 180 days from the date you received this notice", "within sixty (60) days of
the date of this notice", "you have 180 days to appeal", "no later than March 1, 2024". ``counted_from`` keeps
the letter's own words for the event ("the date you received this notice"). A sentence counts only when it is
about filing an appeal or grievance: not about external review or a fair hearing, and not about how soon *we*
decide.
``expedited_available``: True when the letter offers a fast / expedited / urgent appeal or review, or a
72-hour decision for urgent cases; never False (absence says nothing), and nothing when the sentence says it
is not available.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from graph.denial import AppealDeadline, Span
from graph.extraction.dates import DATE, parse_date
from graph.extraction.letter import Finding, Letter, SectionKind
from graph.extraction.placeholders import placeholder_spans
from graph.extraction.sentence_index import SentenceIndex

_NUMBER_WORDS = {
    "seven": 7, "ten": 10, "fourteen": 14, "fifteen": 15, "twenty": 20, "thirty": 30, "forty-five": 45,
    "forty five": 45, "sixty": 60, "ninety": 90, "one hundred twenty": 120, "one hundred and twenty": 120,
    "one hundred eighty": 180, "one hundred and eighty": 180, "three hundred sixty-five": 365,
}  # fmt: skip
_WORDS = "|".join(sorted((w.replace(" ", r"[ \t]+") for w in _NUMBER_WORDS), key=len, reverse=True))
# "180", "sixty (60)", "one hundred eighty (180)", "sixty"
_COUNT = (
    r"(?:(?:[a-z]+(?:[ \t-]+[a-z]+){0,3}[ \t]*)?\([ \t]*(?P<paren>\d{1,3})[ \t]*\)"
    rf"|(?P<digits>\d{{1,3}})|(?P<word>{_WORDS}))"
)
_DAYS = re.compile(
    r"(?i)\b(?:within|no[ \t]+later[ \t]+than|up[ \t]+to|have|has)[ \t]+"
    rf"{_COUNT}[ \t]+(?:calendar[ \t]+)?days?\b"
    r"(?:[ \t]+(?:from|of|after|following)[ \t]+(?P<from>(?:[^.;:\n()]|\n(?=[ \t]*[a-z])){3,90}?))?"
    r"(?=[ \t]*(?:[.;:(,]|\n(?![ \t]*[a-z])|$)|\s+(?:to|in[ \t]+order|if|or|unless|for|and)\b)"
)
_BY_DATE = re.compile(rf"(?i)\b(?:by|no[ \t]+later[ \t]+than|on[ \t]+or[ \t]+before|before)[ \t]+(?:{DATE})")

_APPEAL = re.compile(r"(?i)\b(?:appeal|grievance|reconsideration|redetermination)")
_NOT_THE_APPEAL = re.compile(
    r"(?i)\b(?:external[ \t]+review|fair[ \t]+hearing|independent[ \t]+review|"
    r"administrative[ \t]+law[ \t]+judge|review[ \t]+entity|civil[ \t]+action|lawsuit)"
)
# The insurer's own timeline: "We will send you a decision within 30 days of receiving your appeal."
_INSURER_CLOCK = re.compile(
    r"(?i)\bwe(?:[ \t]+will|[ \t]+must|[ \t]+shall|'ll)\b"
    r"|\b(?:decision|answer|response)[ \t]+(?:will|within)\b|"
    r"\b(?:give|send|mail|make)[ \t]+(?:you[ \t]+)?(?:a|an|our|the)[ \t]+(?:decision|answer|response)"
)
_TAIL = re.compile(r"[ \t,]+$")
_ASK = re.compile(r"(?i)\byou[ \t]+(?:must|should|need[ \t]+to|can|may)[ \t]+(?:ask|file)\b")

_FAST = re.compile(
    r"(?i)\b(?:expedited|fast|urgent|accelerated)\s+(?:\((?:expedited|fast)\)\s+)?(?:internal\s+)?"
    r"(?:appeal|review|reconsideration|redetermination|grievance)s?\b"
)
_HOURS_72 = re.compile(r"(?i)\b(?:72|seventy-two)[ \t-]+hours?\b")
_URGENT = re.compile(r"(?i)\b(?:urgent|expedited|fast|emergency|serious(?:ly)?[ \t]+(?:harm|jeopardi[sz]e))")
_NOT_OFFERED = re.compile(
    r"(?i)\b(?:cannot|can't|can[ \t]+not|not[ \t]+eligible|(?:do|does)[ \t]+not[ \t]+qualify|"
    r"not[ \t]+available|no[ \t]+longer|is[ \t]+not[ \t]+(?:an[ \t]+)?option|"
    r"denied[ \t]+your[ \t]+request[ \t]+for)\b"
)


@dataclass(frozen=True)
class _Reading:
    """One letter with what every rule here needs, computed once: redaction marks and sentence edges."""

    letter: Letter
    blanks: list[tuple[int, int]]
    sentences: SentenceIndex

    def usable(self, match: re.Match[str]) -> bool:
        if self.letter.section_at(match.start()) is SectionKind.instructions:
            return False
        return not any(s < match.end() and match.start() < e for s, e in self.blanks)

    def sentence(self, match: re.Match[str]) -> tuple[int, int]:
        return self.sentences.around(match.start(), match.end())


def find_deadlines(letter: Letter) -> list[Finding]:
    reading = _Reading(letter, placeholder_spans(letter.text), SentenceIndex(letter.text))
    return _day_counts(reading) + _dates(reading) + _expedited(reading)


def _day_counts(reading: _Reading) -> list[Finding]:
    findings: list[Finding] = []
    for match in _DAYS.finditer(reading.letter.text):
        days = _count(match)
        if days is None or not _about_filing_an_appeal(reading, match):
            continue
        counted_from = _counted_from(match)
        deadline = AppealDeadline(days=days, counted_from=counted_from)
        confidence = 0.85 if counted_from else 0.8
        findings.append(Finding("appeal_deadline", deadline, (_span(reading.letter, match),), confidence))
    return findings


def _dates(reading: _Reading) -> list[Finding]:
    findings: list[Finding] = []
    for match in _BY_DATE.finditer(reading.letter.text):
        value = parse_date(match)
        if value is None or not _about_filing_an_appeal(reading, match):
            continue
        span = reading.letter.match_span(match)
        findings.append(Finding("appeal_deadline", AppealDeadline(date=value), (span,), 0.85))
    return findings


def _expedited(reading: _Reading) -> list[Finding]:
    text = reading.letter.text
    candidates = list(_FAST.finditer(text))
    for hours in _HOURS_72.finditer(text):
        start, end = reading.sentence(hours)
        if _URGENT.search(text, start, end) and _APPEAL.search(text, start, end):
            candidates.append(hours)
    findings: list[Finding] = []
    for match in sorted(candidates, key=lambda m: m.start()):
        start, end = reading.sentence(match)
        if reading.usable(match) and not _NOT_OFFERED.search(text, start, end):
            findings.append(Finding("expedited_available", True, (reading.letter.match_span(match),), 0.8))
    return findings


def _count(match: re.Match[str]) -> int | None:
    if match["paren"]:
        days = int(match["paren"])
    elif match["digits"]:
        days = int(match["digits"])
    else:
        days = _NUMBER_WORDS[re.sub(r"[ \t]+", " ", match["word"].lower())]
    return days if 0 < days <= 730 else None


def _counted_from(match: re.Match[str]) -> str | None:
    raw = match["from"]
    if not raw:
        return None
    words = " ".join(raw.split())
    return _TAIL.sub("", words) or None


def _about_filing_an_appeal(reading: _Reading, match: re.Match[str]) -> bool:
    if not reading.usable(match):
        return False
    text = reading.letter.text
    start, end = reading.sentence(match)
    if _NOT_THE_APPEAL.search(text, start, end) or _INSURER_CLOCK.search(text, start, match.start()):
        return False
    if _APPEAL.search(text, start, end):
        return True
    # "You have the right to ask for a redetermination (appeal). You must ask within 65 days ...": the appeal
    # is named in the sentence before, and this one tells the member to ask for it.
    if start > 0 and _ASK.search(text, start, match.start()):
        before, _ = reading.sentences.around(max(0, start - 2), max(0, start - 1))
        return _APPEAL.search(text, before, start) is not None
    return False


def _span(letter: Letter, match: re.Match[str]) -> Span:
    end = match.end("from") if match["from"] else match.end()
    text = letter.text[match.start() : end].rstrip(" \t,")
    return letter.span(match.start(), match.start() + len(text))
