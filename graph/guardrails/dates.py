"""Dates as a letter may write them: full US dates in any common form, and a month named with its year."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from graph.extraction.dates import DATE_PATTERN, parse_date
from graph.guardrails.text import mask

_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
_MONTH_ABBREVIATIONS = {"Sept": 9} | {name[:3]: number for number, name in enumerate(_MONTHS, start=1)}
# "March 2025", "Mar. 2025", "March of 2025". Case-sensitive, so "may 2025" in a sentence is not a month.
_MONTH_YEAR = re.compile(
    r"(?<![\w/.-])(?P<name>" + "|".join((*_MONTHS, *_MONTH_ABBREVIATIONS)) + r")\.?,?[ \t]+(?:of[ \t]+)?"
    r"(?P<year>(?:19|20)\d{2})(?![\w/]|\.\d)"
)


@dataclass(frozen=True)
class FoundDate:
    start: int
    end: int
    text: str
    value: dt.date | None  # a full date; None for a month alone or an impossible date
    month: tuple[int, int] | None  # (year, month) for a month written alone

    @property
    def is_real(self) -> bool:
        return self.value is not None or self.month is not None


def find_dates(text: str) -> list[FoundDate]:
    """Every date in `text`, in order: full dates first claim their span, then months written alone."""
    found = [FoundDate(m.start(), m.end(), m.group(0), parse_date(m), None) for m in DATE_PATTERN.finditer(text)]
    rest = mask(text, [(d.start, d.end) for d in found])
    for match in _MONTH_YEAR.finditer(rest):
        month = (int(match.group("year")), _month_number(match.group("name")))
        found.append(FoundDate(match.start(), match.end(), match.group(0), None, month))
    return sorted(found, key=lambda d: d.start)


def _month_number(name: str) -> int:
    if name in _MONTHS:
        return _MONTHS.index(name) + 1
    return _MONTH_ABBREVIATIONS[name]
