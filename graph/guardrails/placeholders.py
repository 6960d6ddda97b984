"""Placeholders: only the case's own, written exactly, and the member, claim and reference ones present.

A model may garble a placeholder ("[Person 1]", "PERSON_1"); rehydration would then miss it and leave a hole
in the member's letter, so a garbled form fails even when it names a placeholder the case has.
"""

from __future__ import annotations

from graph.composition.facts import LetterFacts
from graph.guardrails.report import CheckResult
from graph.guardrails.sources import Sources
from graph.redaction.placeholders import LOOSE_PLACEHOLDER, canonical_placeholder, placeholders_in

NAME = "placeholders"


def check_placeholders(letter: str, facts: LetterFacts) -> CheckResult:
    known = Sources(facts).placeholders
    problems: list[str] = []
    for match in LOOSE_PLACEHOLDER.finditer(letter):
        written = match.group(0)
        canonical = canonical_placeholder(written)
        if canonical is None:
            continue
        if written != canonical:
            problems.append(f'placeholder written as "{written}"; it must be exactly {canonical}')
        if canonical not in known:
            problems.append(f"{canonical} is not one of this case's placeholders (the letter made it up)")
    in_letter = set(placeholders_in(letter))
    for label, value in (("member's name", facts.member_name), ("claim number", facts.claim_id),
                         ("reference number", facts.reference_id)):  # fmt: skip
        if value is not None and not _present(value, letter, in_letter):
            problems.append(f"the {label} {value} is missing")
    return CheckResult.from_problems(NAME, problems)


def _present(value: str, letter: str, in_letter: set[str]) -> bool:
    """A placeholder value must appear as a placeholder; a literal one (not redacted) as written."""
    wanted = placeholders_in(value)
    if wanted:
        return all(placeholder in in_letter for placeholder in wanted)
    return " ".join(value.lower().split()) in " ".join(letter.lower().split())
