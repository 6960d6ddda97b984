"""What a model proposes for a letter, kept only where the letter itself says it.

A model reading the letter proposes text values for some fields. A proposal becomes a finding only when the
value appears in the letter, compared without regard to case or runs of white space; its evidence is that
place in the letter. Anything else (a paraphrase, a guess, an instruction the letter smuggled in that names a
value it does not contain) is dropped. Being in the letter is not enough: a small model will offer the
member's name as the plan name. Each field also has a shape it must have where it stands (an id follows its
label, a fax number has ten digits, a plan name has a plan word, an insurer is one the lexicon knows or has a
plan word). Model findings carry MODEL_CONFIDENCE, below the rule extractor's
labelled findings, so they fill what the rules left empty and settle nothing the rules are sure of.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from graph.denial import TEXT_FIELDS, Span
from graph.extraction.insurers import find_insurer
from graph.extraction.letter import Finding, Letter
from graph.extraction.placeholders import is_placeholder

MODEL_CONFIDENCE = 0.6
MAX_VALUE_CHARS = 400
PROPOSAL_FIELDS = TEXT_FIELDS
_SPACE = re.compile(r"\s+")
_PLAN_WORD = re.compile(
    r"(?i)\b(?:plan|health|healthcare|care|insurance|assurance|mutual|blue|advantage|medicare|medicaid|hmo|ppo|"
    r"epo|pos|gold|silver|bronze|platinum|choice|select|network|rx)\b"
)
_ID_LABEL_BEFORE = re.compile(r"(?i)\b(?:claim|reference|ref|case|authorization|auth|request|tracking)\b[^\n]{0,25}$")
_DENIAL_WORD = re.compile(
    r"(?i)\b(?:den(?:y|ied|ial)|not\s+(?:covered|approved|medically|eligible)|exclu\w+|because)\b"
)


def _plausible(field: str, text: str, span: Span) -> bool:
    """Whether a grounded value has the shape its field needs where it stands in the letter."""
    value = span.text
    if field == "insurer" and find_insurer(Letter.of(value, ())):
        return True
    if field in ("plan_name", "insurer"):
        return _PLAN_WORD.search(value) is not None
    if field in ("claim_id", "reference_id"):
        ok_shape = len(value) >= 5 and any(ch.isdigit() for ch in value) and " " not in value.strip()
        return ok_shape and _ID_LABEL_BEFORE.search(text[max(0, span.start - 40) : span.start]) is not None
    if field == "appeal_fax":
        return 10 <= sum(ch.isdigit() for ch in value) <= 11
    if field == "reason":
        return len(value) >= 20 and _DENIAL_WORD.search(value) is not None
    if field == "appeal_address":
        return any(ch.isdigit() for ch in value) and len(value) >= 10
    return len(value) >= 3  # service, diagnosis, policy_cited: grounded words of some length


def proposal_schema() -> dict[str, Any]:
    """The JSON schema a model answers under: every proposal field, a bounded string or null."""
    nullable_text = {"anyOf": [{"type": "string", "maxLength": MAX_VALUE_CHARS}, {"type": "null"}]}
    return {
        "type": "object",
        "properties": {name: nullable_text for name in PROPOSAL_FIELDS},
        "required": list(PROPOSAL_FIELDS),
        "additionalProperties": False,
    }


class _FoldedText:
    """The letter lower-cased with each run of white space as one space, and where each character came from."""

    def __init__(self, text: str) -> None:
        chars: list[str] = []
        origin: list[int] = []
        for match in re.finditer(r"\s+|\S", text):
            chars.append(" " if match.group().isspace() else match.group().lower())
            origin.append(match.start())
        self.folded = "".join(chars)
        self._origin = origin
        self._text = text

    def find(self, value: str) -> Span | None:
        needle = _SPACE.sub(" ", value.strip()).lower()
        at = self.folded.find(needle) if needle else -1
        if at < 0:
            return None
        start = self._origin[at]
        end = self._origin[at + len(needle) - 1] + 1  # the needle ends on a letter character, never white space
        return Span(start=start, end=end, text=self._text[start:end])


def ground_proposal(text: str, proposal: Mapping[str, object]) -> list[Finding]:
    """Findings for the proposed values that the letter contains, each with the span where it does."""
    folded = _FoldedText(text)
    findings: list[Finding] = []
    for field in PROPOSAL_FIELDS:
        value = proposal.get(field)
        if not isinstance(value, str) or len(value.strip()) < 2 or is_placeholder(value):
            continue
        span = folded.find(value)
        if span is not None and _plausible(field, text, span):
            findings.append(Finding(field, span.text, (span,), MODEL_CONFIDENCE))
    return findings
