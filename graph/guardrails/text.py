"""Small text helpers the checks share: masking spans, numbers, codes, sentences, phrase search."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

# A number and the unit that makes even a small one a fact: "$1,250.00", "500 mg", "8 weeks", "20%".
_UNIT = (
    r"%|percent\b|mg\b|mcg\b|g\b|kg\b|ml\b|mL\b|lbs?\b|units?\b|days?\b|weeks?\b|months?\b|years?\b|hours?\b|"
    r"visits?\b|sessions?\b|doses?\b|tablets?\b|pills?\b|times\b|dollars\b"
)
_NUMBER = re.compile(
    r"(?<![\w.,$])(?P<dollar>\$[ \t]?)?(?P<number>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    rf"(?:[ \t]?-?[ \t]?(?P<unit>{_UNIT}))?(?!\w)"
)
_DIGITS = re.compile(r"\d+")
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"')\]]*\s+|\n[ \t]*\n|\n(?=[ \t]*[-•*\d])")


@dataclass(frozen=True)
class Number:
    start: int
    end: int
    text: str
    value: str  # normalised: no "$", no commas, no leading zeros, no trailing decimal zeros
    has_unit: bool

    @property
    def integer_digits(self) -> int:
        return len(self.value.split(".")[0])


def mask(text: str, spans: Iterable[tuple[int, int]]) -> str:
    """`text` with each span blanked out by spaces, so offsets stay valid and nothing joins across it."""
    chars = list(text)
    for start, end in spans:
        chars[start:end] = " " * (end - start)
    return "".join(chars)


def normalise_number(written: str) -> str:
    digits = written.replace(",", "").replace("$", "").strip()
    whole, _, fraction = digits.partition(".")
    whole = whole.lstrip("0") or "0"
    fraction = fraction.rstrip("0")
    return f"{whole}.{fraction}" if fraction else whole


def find_numbers(text: str) -> list[Number]:
    return [
        Number(
            m.start(),
            m.end(),
            m.group(0).strip(),
            normalise_number(m.group("number")),
            bool(m.group("dollar") or m.group("unit")),
        )
        for m in _NUMBER.finditer(text)
    ]


def digit_runs(text: str) -> set[str]:
    """Every maximal run of digits in `text`, normalised like a number."""
    return {normalise_number(run) for run in _DIGITS.findall(text)}


def normalise_code(written: str) -> str:
    return re.sub(r"[\s.\-]", "", written).upper()


def sentences(text: str) -> list[str]:
    return [part.strip() for part in _SENTENCE_END.split(text) if part.strip()]


def phrase_pattern(phrase: str) -> re.Pattern[str]:
    """A case-insensitive pattern for `phrase` as whole words, any run of whitespace between them."""
    body = r"\s+".join(re.escape(word) for word in phrase.split())
    start = r"(?<!\w)" if phrase[:1].isalnum() else ""
    end = r"(?!\w)" if phrase[-1:].isalnum() else ""
    return re.compile(start + body + end, re.IGNORECASE)


def contains_phrase(text: str, phrase: str) -> bool:
    return phrase_pattern(phrase).search(text) is not None
