"""The letter asks for the remedy: reverse, reconsider, approve, cover, pay or authorize, as a request.

A verb of remedy counts only in a sentence that also makes a request ("I request", "I am asking", "please",
"I ask that"), so a letter that only complains ("you refused to cover it") fails.
"""

from __future__ import annotations

import re

from graph.composition.facts import LetterFacts
from graph.guardrails.report import CheckResult
from graph.guardrails.text import sentences

NAME = "remedy"

_REMEDY = re.compile(
    r"\b(?:revers(?:e|al|ing)|overturn(?:ed|ing)?|reconsider(?:ation|ing)?|approv(?:e|al|ing)|cover|covering|"
    r"pay|payment|paying|authori[sz](?:e|ation|ing)|re-?process(?:ing)?)\b",
    re.IGNORECASE,
)
_REQUEST = re.compile(
    r"\bplease\b"
    r"|\b(?:i|we)\s+(?:\w+\s+){0,3}?(?:request|requesting|ask|asking|urge|urging)\b"
    r"|\b(?:i|we)\s+would\s+like\b"
    r"|\b(?:request|ask)(?:s|ing)?\s+(?:that|you|for)\b"
    r"|\bmy\s+request\b",
    re.IGNORECASE,
)


def check_remedy(letter: str, facts: LetterFacts) -> CheckResult:
    if any(asks_for_remedy(sentence) for sentence in sentences(letter)):
        return CheckResult.from_problems(NAME, [])
    service = "the service" if facts.service is None else f"the {facts.service}"
    problem = (
        "the letter never asks for the remedy: no sentence requests that the plan reverse the denial "
        f"or approve, cover or pay for {service}"
    )
    return CheckResult.from_problems(NAME, [problem])


def asks_for_remedy(sentence: str) -> bool:
    return _REMEDY.search(sentence) is not None and _REQUEST.search(sentence) is not None
