"""The letter is a finished letter: a sensible length, no template leftovers, no model chatter, no markdown."""

from __future__ import annotations

import re

from graph.composition.facts import LetterFacts
from graph.guardrails.report import CheckResult

NAME = "hygiene"

MIN_WORDS = 80
MAX_WORDS = 1500

_LEFTOVERS = (
    (re.compile(r"\{[{%#][^\n]{0,80}?[}%#]\}|\{\{|\}\}|\{%|%\}"), "template syntax"),
    (re.compile(r"(?<![\w.])(?:null|NULL)(?![\w.])"), "an empty value"),
)
_NONE = re.compile(r"(?<![\w.])None(?![\w.])")
# "None of the drugs worked." starts a sentence and goes on in lower case: English, not an empty field.
_SENTENCE_START = re.compile(r"(?:^|[.!?]\s+|\n\s*)$")
_GOES_ON = re.compile(r"\s+[a-z]")
# Only what a model says about itself: "I cannot walk" or "I cannot comply with step therapy" is the member.
_CHATTER = re.compile(
    r"\bas an ai\b|\blanguage model\b|\bas an assistant\b|\bi(?:'m| am) (?:just )?an ai\b"
    r"|\bi(?: cannot| can ?not| can't| am unable to|'m unable to) (?:help (?:with|you)|assist(?: with| you)?|"
    r"generate|draft|create (?:a|an|the|this)|write (?:a|an|the|this|that|your) (?:\w+ )?(?:letter|appeal)|"
    r"(?:provide|give|offer) (?:\w+ )?(?:legal|medical|professional) advice)\b"
    r"|\bhere(?:'s| is) (?:a|an|the|your) (?:\w+ ){0,3}(?:letter|draft)[ \t]*:"
    r"|\bi hope this helps\b",
    re.IGNORECASE,
)
_FENCE = re.compile(r"```|~~~")


def check_hygiene(letter: str, facts: LetterFacts) -> CheckResult:
    words = len(letter.split())
    if words == 0:
        return CheckResult.from_problems(NAME, ["the letter is empty"])
    problems: list[str] = []
    if words < MIN_WORDS:
        problems.append(f"the letter is too short ({words} words; at least {MIN_WORDS})")
    if words > MAX_WORDS:
        problems.append(f"the letter is too long ({words} words; at most {MAX_WORDS})")
    for pattern, what in _LEFTOVERS:
        problems.extend(f'leftover {what}: "{_around(letter, m)}"' for m in pattern.finditer(letter))
    nones = [m for m in _NONE.finditer(letter) if _is_leftover(letter, m)]
    problems.extend(f'leftover an empty value: "{_around(letter, m)}"' for m in nones)
    problems.extend(f'model chatter: "{m.group(0)}"' for m in _CHATTER.finditer(letter))
    if _FENCE.search(letter):
        problems.append("markdown code fence in the letter")
    return CheckResult.from_problems(NAME, problems)


def _is_leftover(letter: str, match: re.Match[str]) -> bool:
    starts_sentence = _SENTENCE_START.search(letter[: match.start()]) is not None
    return not (starts_sentence and _GOES_ON.match(letter, match.end()))


def _around(letter: str, match: re.Match[str]) -> str:
    """The match with a few characters either side, on one line, so the problem shows where it is."""
    start = max(0, match.start() - 15)
    end = min(len(letter), match.end() + 15)
    return " ".join(letter[start:end].split())
