"""The letter text as the extractors see it, and what each extractor reports back."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from enum import StrEnum

from graph.denial import Span


class SectionKind(StrEnum):
    body = "body"
    appeal_rights = "appeal_rights"  # "You have the right to appeal ..." boilerplate: never evidence of a category
    instructions = "instructions"  # form text of a model notice ("{Insert ...}"), never a fact


@dataclass(frozen=True)
class Section:
    kind: SectionKind
    start: int
    end: int


@dataclass(frozen=True)
class Finding:
    """One candidate value for one field, with where it came from and how sure we are.

    ``field`` is a DenialDetails key: a plain field (``"insurer"``), or a list field's item key
    (``"codes.cpt"``, ``"categories"``) where ``value`` is one item.
    """

    field: str
    value: object
    spans: tuple[Span, ...]
    confidence: float


@dataclass(frozen=True)
class Letter:
    text: str
    sections: tuple[Section, ...] = ()
    _section_starts: tuple[int, ...] = field(default=(), repr=False, compare=False)

    @classmethod
    def of(cls, text: str, sections: tuple[Section, ...]) -> Letter:
        ordered = tuple(sorted(sections, key=lambda s: s.start))
        return cls(text, ordered, tuple(s.start for s in ordered))

    def span(self, start: int, end: int) -> Span:
        return Span(start=start, end=end, text=self.text[start:end])

    def match_span(self, match: re.Match[str], group: int | str = 0) -> Span:
        return self.span(match.start(group), match.end(group))

    def section_at(self, pos: int) -> SectionKind:
        i = bisect.bisect_right(self._section_starts, pos) - 1
        if i >= 0 and pos < self.sections[i].end:
            return self.sections[i].kind
        return SectionKind.body

    def in_body(self, pos: int) -> bool:
        return self.section_at(pos) is SectionKind.body
