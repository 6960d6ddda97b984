"""No legal or clinical citation the facts did not supply.

A letter may cite what the appeal-rights table gives its plan kind (`rights.citations`) and what the facts
themselves carry (above all the insurer's own `policy_cited`). Everything that looks like a citation (a
regulation, a statute, a section number, a case, a study, a URL, a DOI) is compared after folding case,
spacing, dots and "§" versus "section".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from graph.composition.facts import LetterFacts
from graph.composition.rights import appeal_rights
from graph.guardrails.report import CheckResult
from graph.guardrails.sources import fact_strings
from graph.guardrails.text import mask
from graph.redaction.placeholders import LOOSE_PLACEHOLDER

NAME = "citations"

_SUBSECTIONS = r"(?:\([0-9A-Za-z]{1,4}\))*"
_SECTION_NUMBER = rf"\d[\w.\-]*{_SUBSECTIONS}"
_SECTION_WORD = r"(?:§+|[Ss]ec(?:tion|s?\.)|[Pp]art)"
_CAPITALISED = r"[A-Z][\w'&.-]*"
_PATTERNS = (
    rf"\b\d+[ \t]*C\.?[ \t]?F\.?[ \t]?R\.?[ \t]*(?:{_SECTION_WORD}[ \t]*)?{_SECTION_NUMBER}",
    rf"\b\d+[ \t]*U\.?[ \t]?S\.?[ \t]?C\.?(?:A\.?)?[ \t]*(?:{_SECTION_WORD}[ \t]*)?{_SECTION_NUMBER}",
    rf"§+[ \t]*{_SECTION_NUMBER}",
    rf"\b[Ss]ec(?:tion|\.)[ \t]+{_SECTION_NUMBER}",
    r"\bPub(?:lic|\.)?[ \t]*L(?:aw|\.)?[ \t]*(?:No\.[ \t]*)?\d+[-–]\d+",
    r"\b\d+[ \t]+Stat\.[ \t]*\d+",
    rf"\b{_CAPITALISED}(?:[ \t]+(?:{_CAPITALISED}|of|&))*[ \t]+vs?\.[ \t]+{_CAPITALISED}(?:[ \t]+{_CAPITALISED})*",
    r"\b(?:[A-Z][A-Za-z'-]+[ \t]+)?et[ \t]+al\b\.?",
    r"(?:\b[A-Z][A-Za-z.'-]+|\bet[ \t]+al\.?),?[ \t]+\((?:19|20)\d{2}\)",
    r"\bhttps?://[^\s)>\]]+|\bwww\.[^\s)>\]]+",
    r"\b[\w-]+(?:\.[\w-]+)*\.(?:gov|org|com|net|edu|io|us)\b(?:/[^\s)>\]]*)?",
    r"\bdoi:[ \t]*\S+|\b10\.\d{4,9}/\S+",
    r"\bPMID:?[ \t]*\d+",
)
_CITATIONS = tuple(re.compile(pattern) for pattern in _PATTERNS)
_TRAILING = ".,;:"


@dataclass(frozen=True)
class Citation:
    start: int
    end: int
    text: str


def find_citations(text: str) -> list[Citation]:
    """Every citation-like run in `text`, overlapping matches merged, trailing punctuation left off."""
    blanked = mask(text, [(m.start(), m.end()) for m in LOOSE_PLACEHOLDER.finditer(text)])
    found = sorted((m.start(), m.end()) for pattern in _CITATIONS for m in pattern.finditer(blanked))
    spans: list[tuple[int, int]] = []
    for start, end in found:
        while end > start and text[end - 1] in _TRAILING:
            end -= 1
        if spans and start < spans[-1][1]:
            spans[-1] = (spans[-1][0], max(end, spans[-1][1]))
        elif end > start:
            spans.append((start, end))
    return [Citation(start, end, text[start:end]) for start, end in spans]


def normalise_citation(text: str) -> str:
    """Case, spacing, commas and dots (except inside numbers) folded; "§" and "section" dropped."""
    folded = text.lower().replace("–", "-")
    folded = re.sub(r"§+|\b(?:sections?|secs?)\b\.?", " ", folded)
    folded = re.sub(r"(?<!\d)\.|\.(?!\d)", "", folded)
    return re.sub(r"[\s,]", "", folded)


def check_citations(letter: str, facts: LetterFacts) -> CheckResult:
    allowed = [normalise_citation(c) for c in appeal_rights(facts.plan_kind).citations]
    supplied = [normalise_citation(s) for s in fact_strings(facts)]
    problems = [
        f'cites "{citation.text}", which neither the facts nor the appeal-rights table supplies'
        for citation in find_citations(letter)
        if not _is_supplied(normalise_citation(citation.text), allowed, supplied)
    ]
    return CheckResult.from_problems(NAME, problems)


def _is_supplied(citation: str, allowed: list[str], supplied: list[str]) -> bool:
    if not citation:
        return True
    return any(citation in text for text in (*allowed, *supplied))
