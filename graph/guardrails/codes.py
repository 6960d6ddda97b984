"""Billing and diagnosis codes a letter may write: CARC, CPT, HCPCS Level II and ICD-10-CM-looking tokens.

Any token of the right shape counts, with no context needed: a letter that writes a five-digit number the facts
do not hold has invented a code (or a ZIP code, or an id), and either way it is not grounded.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from graph.guardrails.text import normalise_code

_CARC = re.compile(
    r"\bCARC[ \t]*#?:?[ \t]*(?:(?P<group>CO|PR|OA|PI|CR)[ \t]?-?[ \t]?)?(?P<code>[A-Z]?\d{1,3})\b"
    r"|(?<![\w-])(?P<group2>CO|PR|OA|PI|CR)-(?P<code2>[A-Z]?\d{1,3})\b"
)
_CPT = re.compile(r"(?<![\w.$,/-])(?P<code>\d{5}|\d{4}[FTU])(?![\w%]|[.,]\d)")
_LETTER_CODE = re.compile(r"(?<![\w.-])(?P<code>[A-Z]\d{2}(?:\.?[0-9A-Z]{1,4})?)(?![\w]|\.\w)")
_HCPCS_SHAPE = re.compile(r"[A-Z]\d{4}")


@dataclass(frozen=True)
class Code:
    start: int
    end: int
    text: str
    kind: str  # "CARC", "CPT", "HCPCS", "ICD-10"
    value: str  # normalised: upper case, no dots, spaces or dashes; a CARC without its group code


def find_codes(text: str) -> list[Code]:
    """CARC first (it claims "CO-50"), then number codes, then letter codes; no two overlap."""
    found: list[Code] = []
    for match in _CARC.finditer(text):
        code = match.group("code") or match.group("code2")
        found.append(Code(match.start(), match.end(), match.group(0), "CARC", normalise_code(code)))
    for pattern in (_CPT, _LETTER_CODE):
        for match in pattern.finditer(text):
            if any(c.start < match.end() and match.start() < c.end for c in found):
                continue
            written = match.group("code")
            found.append(Code(match.start(), match.end(), written, _kind(written), normalise_code(written)))
    return sorted(found, key=lambda c: c.start)


def _kind(written: str) -> str:
    if written[0].isdigit():
        return "CPT"
    return "HCPCS" if _HCPCS_SHAPE.fullmatch(written) else "ICD-10"


def carc_value(written: str) -> str:
    """A fact's CARC as `find_codes` normalises one: "CO-50" -> "50"."""
    return normalise_code(re.sub(r"^(?:CO|PR|OA|PI|CR)[ \t]*-?", "", written.strip().upper()))
