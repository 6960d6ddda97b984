"""The template appeal letter: what the member gets when no model answers, and a baseline for model letters.

One template per denial category (prompts/letters/<category>.j2), all extending prompts/letters/base.j2. A
multi-category denial uses the primary category's template; base adds a sentence for each other category.
The letter quotes the insurer's reason, leaving out ("…") whatever would break the letter contract (a legal
citation the facts do not allow, another plan kind's appeal process); the category's argument names it too.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping

from pydantic import BaseModel, ConfigDict

from graph.composition.facts import LetterFacts, letter_dates
from graph.composition.rights import appeal_rights
from prompts.loader import pinned_version, render, render_pinned

BASE_TEMPLATE = "letters/base.j2"
UNKNOWN_SERVICE = "the denied service"

# Anything that could read as a legal or clinical citation; a quoted reason leaves these out ("…") unless they
# are the policy the insurer cited. Deliberately broad: leaving out too much only shortens the quote.
_CITATION = re.compile(
    r"(?:\b\d+\s*)?(?:C\.?\s?F\.?\s?R|U\.?\s?S\.?\s?C)\b\.?(?:\s*(?:§+|sec(?:tion|\.)?|part)?\s*[\w.\-()]*\d[\w.\-()]*)?"
    r"|§+\s*[\w.\-()]*|\b(?:sections?|sec\.|part)\s+\d[\w.\-()]*"
    r"|\bPub(?:lic|\.)?\s*L(?:aw|\.)?\s*(?:No\.\s*)?\d+[-–]\d+|\b\d+\s+Stat\.\s*\d+"
    r"|\bet\s+al\b\.?|\((?:19|20)\d{2}\)|\bdoi:\s*\S+|\b10\.\d{4,9}/\S+|\bPMID:?\s*\d+"
    r"|\bhttps?://\S+|\bwww\.\S+|\b[\w-]+(?:\.[\w-]+)*\.(?:gov|org|com|net|edu|io|us)\b\S*",
    re.IGNORECASE,
)
_CAPITALISED = r"[A-Z][\w'&.-]*"
_NAMED_SOURCE = re.compile(  # case-sensitive: a named law ("... Act"), a case ("Doe v. Acme"), an author
    rf"\b(?:{_CAPITALISED}\s+)*(?:Act|Code|Statutes?|Regulations?|Rule)\b"
    rf"|\b{_CAPITALISED}(?:\s+(?:{_CAPITALISED}|of|&))*\s+vs?\.\s+{_CAPITALISED}(?:\s+{_CAPITALISED})*"
    rf"|\b{_CAPITALISED}\s+et\s+al\b\.?"
)
_QUOTE_MARKS = "\"'“”‘’"
_ELLIPSES = re.compile(r"…(?:[\s.,;:]*…)+")
_SPACES = re.compile(r"[ \t]{2,}")
_BLANK_RUNS = re.compile(r"\n{3,}")


class TemplateLetter(BaseModel):
    model_config = ConfigDict(frozen=True)

    text: str
    template: str  # e.g. "letters/medical_necessity.j2"
    version: str  # sha256 over the category template's and base.j2's own sha256s


def template_name(facts: LetterFacts) -> str:
    return f"letters/{facts.primary_category.value}.j2"


def template_letter(facts: LetterFacts, *, overrides: Mapping[str, str] | None = None) -> TemplateLetter:
    """`overrides` (template name -> source text) replaces the child or base template with a pinned version."""
    name = template_name(facts)
    values = letter_values(facts)
    rendered = render(name, **values) if overrides is None else render_pinned(name, overrides, **values)
    return TemplateLetter(text=_tidy(rendered.text), template=name, version=letters_version(name, overrides))


def letters_version(name: str, overrides: Mapping[str, str] | None = None) -> str:
    """The child template alone would miss a change to the base it extends, so both go into the version."""
    used = overrides or {}
    combined = f"{name}:{pinned_version(name, used)}\n{BASE_TEMPLATE}:{pinned_version(BASE_TEMPLATE, used)}\n"
    return hashlib.sha256(combined.encode()).hexdigest()


def letter_values(facts: LetterFacts) -> dict[str, object]:
    return {
        "facts": facts,
        "rights": appeal_rights(facts.plan_kind),
        "service": facts.service or UNKNOWN_SERVICE,
        **letter_dates(facts),
        "codes": facts.code_labels,
        "reason_quote": reason_quote(facts),
        "additional": [category.value for category in facts.additional_categories],
        "statements": [answer.statement for answer in facts.answers if answer.statement.strip()],
        "expedited": facts.wants_expedited,
    }


def reason_quote(facts: LetterFacts) -> str | None:
    """The insurer's reason in quotation marks, ending a sentence, with anything the letter may not say (a
    citation the facts do not allow, another plan kind's appeal process) left out as "…"; None without one."""
    if not facts.reason:
        return None
    reason = " ".join(facts.reason.split()).strip(_QUOTE_MARKS + " ")
    quote = _without(reason, _unsayable(reason, facts)).strip(" ,;:")
    if not re.search(r"[A-Za-z]{2}", quote.replace("…", "")):
        return None
    return f"“{quote}”" if quote.endswith((".", "!", "?", "…")) else f"“{quote}.”"


def _unsayable(reason: str, facts: LetterFacts) -> list[tuple[int, int]]:
    spans = [_trimmed(reason, m.span()) for pattern in (_CITATION, _NAMED_SOURCE) for m in pattern.finditer(reason)]
    for phrase in appeal_rights(facts.plan_kind).forbidden:
        pattern = r"(?<!\w)" + r"\s+".join(map(re.escape, phrase.split())) + r"(?!\w)"
        spans += [m.span() for m in re.finditer(pattern, reason, re.IGNORECASE)]
    allowed = _occurrences(reason, facts.policy_cited) if facts.policy_cited else []
    return [span for span in spans if not any(a <= span[0] and span[1] <= b for a, b in allowed)]


def _trimmed(text: str, span: tuple[int, int]) -> tuple[int, int]:
    """A match less the sentence punctuation it swallowed ("section 7.2." is "section 7.2")."""
    start, end = span
    while end > start and text[end - 1] in ".,;:":
        end -= 1
    return start, end


def _occurrences(text: str, phrase: str) -> list[tuple[int, int]]:
    return [m.span() for m in re.finditer(re.escape(phrase), text, re.IGNORECASE)]


def _without(text: str, spans: list[tuple[int, int]]) -> str:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    for start, end in reversed(merged):
        text = f"{text[:start]}…{text[end:]}"
    return _ELLIPSES.sub("…", text)


def _tidy(text: str) -> str:
    lines = [_SPACES.sub(" ", line).strip() for line in text.replace("\r\n", "\n").split("\n")]
    return _BLANK_RUNS.sub("\n\n", "\n".join(lines)).strip() + "\n"
