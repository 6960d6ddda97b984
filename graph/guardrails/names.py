"""Literal person names and drug or product names a letter may have invented.

Only placeholders may name people, so a capitalised name after a title ("Dr. Hargreave") or under the closing
("Sincerely,\\nJane Roe") must come from the facts. Drugs are spotted by shape: a word with a common drug-stem
ending ("-mab", "-nib", "-pril" ...) or a word marked ® or ™.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from graph.redaction.common_words import COMMON_WORDS

_NAME_WORD = r"[A-Z][A-Za-z'’-]+(?![\w\]])"
_TITLED = re.compile(
    r"\b(?P<title>(?:Dr|Mr|Mrs|Ms|Mx|Prof)\.?|Doctor|Professor)[ \t]+"
    rf"(?P<name>{_NAME_WORD}(?:[ \t]+{_NAME_WORD}){{0,2}})"
)
_CLOSING = re.compile(
    r"(?im)^[ \t]*(?:sincerely|respectfully|regards|best regards|kind regards|thank you)[ \t]*,?[ \t]*\n"
    r"(?:[ \t]*\n)*[ \t]*(?P<name>[^\n]*)$"
)
_SIGNATURE_NAME = re.compile(rf"{_NAME_WORD}(?:[ \t]+(?:[A-Z]\.[ \t]+)?{_NAME_WORD}){{1,2}}")
_DRUG_ENDINGS = (
    "mab", "nib", "pril", "olol", "statin", "azole", "cillin", "mycin", "vir", "tide", "parin", "sartan",
    "dipine", "lukast", "gliptin", "gliflozin", "formin", "xaban", "gatran", "platin", "taxel", "rubicin",
    "cycline", "oxacin", "vudine", "tidine", "oxetine", "triptan", "setron", "afil", "olone", "asone", "isone",
    "azepam", "zolam", "barbital", "profen", "coxib", "dronate", "semide", "azide", "tropin", "limus", "zomib",
)  # fmt: skip
_DRUG_SHAPED = re.compile(r"\b[A-Za-z][a-z]+(?:" + "|".join(_DRUG_ENDINGS) + r")\b")
_MARKED = re.compile(r"\b(?P<word>[A-Za-z][\w-]*)[ \t]?[®™]")
# Ordinary words with a drug-stem ending, and the marked names a letter may carry without a fact behind them.
_NOT_DRUGS = frozenset({"april", "peptide", "peptides", "polypeptide", "yuletide", "eventide", "riptide", "cpt"})
_MONTHS = frozenset(
    {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
     "november", "december"}
)  # fmt: skip
_WORD = re.compile(r"[a-z]+")


def invented_people(text: str, known_words: frozenset[str]) -> Iterator[str]:
    """Each literal name (with its title) in `text` that has a word neither the facts nor plain English hold."""
    for match in _TITLED.finditer(text):
        if _has_unknown_word(match.group("name"), known_words):
            yield f"{match.group('title')} {match.group('name')}"
    for match in _CLOSING.finditer(text):
        name = match.group("name").strip()
        if _SIGNATURE_NAME.fullmatch(name) and _has_unknown_word(name, known_words):
            yield name


def _has_unknown_word(name: str, known_words: frozenset[str]) -> bool:
    return any(
        word not in known_words and word not in COMMON_WORDS and word not in _MONTHS
        for word in _WORD.findall(name.lower())
        if len(word) > 1
    )


def invented_products(text: str, known_words: frozenset[str]) -> Iterator[str]:
    """Each drug-shaped or trademark-marked word in `text` that the facts do not hold."""
    for match in _DRUG_SHAPED.finditer(text):
        word = match.group(0)
        if word.lower() not in known_words and word.lower() not in _NOT_DRUGS and len(word) > 5:
            yield word
    for match in _MARKED.finditer(text):
        word = match.group("word")
        if word.lower() not in known_words and word.lower() not in _NOT_DRUGS:
            yield match.group(0)
