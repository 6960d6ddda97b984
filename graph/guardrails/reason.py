"""The letter answers the insurer's stated reason: it quotes it, or it takes up the reason's category."""

from __future__ import annotations

import re

from graph.composition.facts import LetterFacts
from graph.denial import Category
from graph.guardrails.report import CheckResult

NAME = "reason"

QUOTE_WORDS = 8
# Phrases that show a letter argues against a denial of this category; a letter names at least one. "other"
# has none: only quoting the reason answers it.
KEY_PHRASES: dict[Category, tuple[str, ...]] = {
    Category.medical_necessity: ("medically necessary", "medical necessity"),
    Category.experimental_investigational: ("experimental", "investigational"),
    Category.prior_authorization: ("prior authorization", "preauthorization", "pre-authorization"),
    Category.out_of_network: ("network",),
    Category.not_covered_benefit: ("covered", "benefit", "exclusion"),
    Category.step_therapy: ("step therapy",),
    Category.formulary: ("formulary",),
    Category.cost_sharing: ("cost", "copay", "coinsurance", "deductible"),
    Category.preventive_care: ("preventive",),
    Category.level_of_care: ("level of care", "setting"),
    Category.insufficient_documentation: ("records", "documentation"),
    Category.duplicate: ("duplicate",),
    Category.coding_billing: ("code", "coding", "billing"),
    Category.timely_filing: ("timely", "filing"),
    Category.other: (),
}
_WORD = re.compile(r"[a-z0-9]+(?:['’][a-z]+)?")


def check_reason(letter: str, facts: LetterFacts) -> CheckResult:
    if facts.reason is None or not facts.reason.strip():
        return CheckResult.from_problems(NAME, [])
    if quotes_reason(letter, facts.reason):
        return CheckResult.from_problems(NAME, [])
    phrases = [phrase for category in facts.categories for phrase in KEY_PHRASES[category]]
    if any(_mentions(letter, phrase) for phrase in phrases):
        return CheckResult.from_problems(NAME, [])
    wanted = f"quote at least {QUOTE_WORDS} words of the stated reason"
    if phrases:
        wanted += " or take up the denial's grounds (" + ", ".join(f'"{p}"' for p in dict.fromkeys(phrases)) + ")"
    return CheckResult.from_problems(NAME, [f"the letter does not answer the insurer's reason: {wanted}"])


def quotes_reason(letter: str, reason: str) -> bool:
    """True when the letter repeats `QUOTE_WORDS` consecutive words of the reason (all of a shorter one)."""
    reason_words = _WORD.findall(reason.lower())
    if not reason_words:
        return True
    size = min(QUOTE_WORDS, len(reason_words))
    letter_text = " " + " ".join(_WORD.findall(letter.lower())) + " "
    return any(
        " " + " ".join(reason_words[i : i + size]) + " " in letter_text for i in range(len(reason_words) - size + 1)
    )


def _mentions(letter: str, phrase: str) -> bool:
    """Whole words at the start, any ending ("covered" finds "covered", "code" finds "codes")."""
    return re.search(r"(?<!\w)" + r"\s+".join(map(re.escape, phrase.split())), letter, re.IGNORECASE) is not None
