"""The letter keeps the member's next-level appeal rights for the right plan kind, and names the deadline.

The phrases come from graph.composition.rights, the same table the letter writers use. A letter need not
repeat a days-count deadline, but when the facts give the deadline as a date the letter mentions that date.
"""

from __future__ import annotations

from graph.composition.facts import LetterFacts
from graph.composition.rights import appeal_rights
from graph.guardrails.dates import find_dates
from graph.guardrails.report import CheckResult
from graph.guardrails.text import contains_phrase

NAME = "rights"


def check_rights(letter: str, facts: LetterFacts) -> CheckResult:
    rights = appeal_rights(facts.plan_kind)
    kind = facts.plan_kind.value.replace("_", " ")
    problems: list[str] = []
    if not any(contains_phrase(letter, phrase) for phrase in rights.required_any):
        wanted = " or ".join(f'"{phrase}"' for phrase in rights.required_any)
        problems.append(
            f"the letter does not keep the member's further appeal rights (plan kind: {kind}): say {wanted}"
        )
    problems.extend(
        f'"{phrase}" names another kind of plan\'s appeal process (plan kind: {kind})'
        for phrase in rights.forbidden
        if contains_phrase(letter, phrase)
    )
    deadline = facts.appeal_deadline.date if facts.appeal_deadline is not None else None
    if deadline is not None and deadline not in {found.value for found in find_dates(letter)}:
        written = f"{deadline:%B} {deadline.day}, {deadline.year}"
        problems.append(f"the letter does not mention the appeal deadline, {written}")
    return CheckResult.from_problems(NAME, problems)
