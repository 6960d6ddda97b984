"""Every date, number, code, drug and person name in the letter traces to the facts.

Placeholders and citations are blanked out first (their own checks judge them), then dates, then codes, so
each token is judged once: "CO-50" is a code, not the number 50; "2025" inside a date is not a number.
Numbers only count with three or more digits or with a unit ("$40", "8 weeks", "20%").
"""

from __future__ import annotations

import datetime as dt

from graph.composition.facts import LetterFacts
from graph.guardrails.citations import find_citations
from graph.guardrails.codes import carc_value, find_codes
from graph.guardrails.dates import FoundDate, find_dates
from graph.guardrails.names import invented_people, invented_products
from graph.guardrails.report import CheckResult
from graph.guardrails.sources import Sources
from graph.guardrails.text import digit_runs, find_numbers, mask
from graph.redaction.placeholders import LOOSE_PLACEHOLDER

NAME = "grounding"

# A request for an expedited appeal may name the standard 72-hour decision time even though no fact holds it.
_EXPEDITED_NUMBERS = frozenset({"72"})


def check_grounding(letter: str, facts: LetterFacts) -> CheckResult:
    sources = Sources(facts)
    text = mask(letter, [(m.start(), m.end()) for m in LOOSE_PLACEHOLDER.finditer(letter)])
    text = mask(text, [(c.start, c.end) for c in find_citations(letter)])
    problems: list[str] = []

    dates = find_dates(text)
    problems.extend(_date_problem(found, sources) for found in dates if not _date_known(found, sources))
    text = mask(text, [(d.start, d.end) for d in dates])

    codes = find_codes(text)
    carcs = {carc_value(code) for code in facts.codes.carc}
    for code in codes:
        known = code.value in sources.code_tokens or (code.kind == "CARC" and code.value in carcs)
        if not known:
            problems.append(f'{code.kind} code "{code.text}" is not in the facts')
    text = mask(text, [(c.start, c.end) for c in codes])

    problems.extend(_number_problems(text, facts, sources))
    problems.extend(
        f'names "{name}"; only placeholders may name people, and this name is not in the facts'
        for name in invented_people(letter, sources.words)
    )
    problems.extend(
        f'names "{product}", a drug or product that is not in the facts'
        for product in invented_products(letter, sources.words)
    )
    return CheckResult.from_problems(NAME, problems)


def _date_known(found: FoundDate, sources: Sources) -> bool:
    if found.value is not None:
        return found.value in sources.dates
    return found.month is not None and found.month in sources.months


def _date_problem(found: FoundDate, sources: Sources) -> str:
    if not found.is_real:
        return f'"{found.text}" is not a real calendar date'
    known = ", ".join(_written(day) for day in sorted(sources.dates))
    return f'the date "{found.text}" is not one the facts give (known dates: {known})'


def _written(day: dt.date) -> str:
    return f"{day:%B} {day.day}, {day.year}"


def _number_problems(text: str, facts: LetterFacts, sources: Sources) -> list[str]:
    allowed = sources.numbers | (_EXPEDITED_NUMBERS if facts.expedited_available else frozenset())
    problems: list[str] = []
    for number in find_numbers(text):
        if number.integer_digits < 3 and not number.has_unit:
            continue
        if number.value in allowed or digit_runs(number.text) <= allowed:
            continue
        problems.append(f'the number "{number.text}" is not in the facts')
    return problems
