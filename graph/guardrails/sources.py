"""What a letter may draw on: every string in the facts, and the appeal-rights sentences the writers reuse.

Strings are collected generically from the facts (any field, nested, answers included), so a field added to
LetterFacts later is covered without touching the checks.
"""

from __future__ import annotations

import datetime as dt
import re
from enum import Enum
from functools import cached_property

from graph.composition.facts import LetterFacts
from graph.composition.rights import RIGHTS
from graph.guardrails.dates import find_dates
from graph.guardrails.text import digit_runs, find_numbers, mask, normalise_code
from graph.redaction.placeholders import LOOSE_PLACEHOLDER, placeholders_in

_WORD = re.compile(r"[a-z]+")
_CODE_LIKE = re.compile(r"[A-Za-z0-9][A-Za-z0-9.\-]*")


def fact_strings(facts: LetterFacts) -> list[str]:
    """Every string value in the facts, enum values left out, in field order."""
    found: list[str] = []
    _collect(facts.model_dump(mode="python"), found)
    return found


def _collect(value: object, found: list[str]) -> None:
    if isinstance(value, Enum):
        return
    if isinstance(value, str):
        found.append(value)
    elif isinstance(value, dict):
        for item in value.values():
            _collect(item, found)
    elif isinstance(value, list | tuple):
        for item in value:
            _collect(item, found)


def rights_strings() -> list[str]:
    """Every plan kind's rights sentence, phrases and citations: boilerplate the letter writers may use."""
    found: list[str] = []
    for rights in RIGHTS.values():
        found.extend((rights.next_level, *rights.required_any, *rights.forbidden, *rights.citations))
    return found


class Sources:
    """The facts seen as the things a grounded letter may mention: words, numbers, codes, dates, placeholders."""

    def __init__(self, facts: LetterFacts) -> None:
        self.facts = facts
        self.fact_text = "\n".join(fact_strings(facts))
        self.text = self.fact_text + "\n" + "\n".join(rights_strings())

    @cached_property
    def words(self) -> frozenset[str]:
        return frozenset(_WORD.findall(self.text.lower()))

    @cached_property
    def numbers(self) -> frozenset[str]:
        """Normalised numbers and digit runs of the facts (not their placeholders), the deadline's day count, the
        dates' years. The rights sentences' numbers sit in citations, which grounding leaves to its own check."""
        text = mask(self.fact_text, [(m.start(), m.end()) for m in LOOSE_PLACEHOLDER.finditer(self.fact_text)])
        found = {number.value for number in find_numbers(text)}
        found.update(digit_runs(text))
        if self.facts.appeal_deadline is not None and self.facts.appeal_deadline.days is not None:
            found.add(str(self.facts.appeal_deadline.days))
        found.update(str(day.year) for day in self.dates)
        return frozenset(found)

    @cached_property
    def code_tokens(self) -> frozenset[str]:
        codes = self.facts.codes
        found = {normalise_code(code) for code in (*codes.cpt, *codes.hcpcs, *codes.icd10, *codes.carc)}
        found.update(normalise_code(token) for token in _CODE_LIKE.findall(self.fact_text))
        return frozenset(found)

    @cached_property
    def dates(self) -> frozenset[dt.date]:
        """The facts' own dates and every full date written in a fact string."""
        facts = self.facts
        deadline = facts.appeal_deadline.date if facts.appeal_deadline is not None else None
        found = {day for day in (facts.today, facts.letter_date, facts.service_date, deadline) if day is not None}
        found.update(d.value for d in find_dates(self.fact_text) if d.value is not None)
        return frozenset(found)

    @cached_property
    def months(self) -> frozenset[tuple[int, int]]:
        """(year, month) of every known date and of every month written alone in a fact string."""
        found = {(day.year, day.month) for day in self.dates}
        found.update(d.month for d in find_dates(self.fact_text) if d.month is not None)
        return frozenset(found)

    @cached_property
    def placeholders(self) -> frozenset[str]:
        return frozenset(placeholders_in(self.fact_text))
