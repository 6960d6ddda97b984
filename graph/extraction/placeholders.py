"""Hand-redaction marks and form blanks: text that stands for a fact but is not one."""

from __future__ import annotations

import re

# [CUSTOMER], [Patient Name], {health plan name}, <MEMBER>, XXXX, ****, ____; form instructions in brackets or
# braces may run over several lines ("{Provide specific rationale ...\n... detail.}").
_PLACEHOLDER = re.compile(
    r"\[[^\]\n]{1,60}\]|\[[^\]]{1,300}\]|\{[^}]{1,400}\}|<[A-Za-z _]{2,40}>|\b[Xx]{3,}\b|\*{3,}|_{3,}",
)


def placeholder_spans(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _PLACEHOLDER.finditer(text)]


def is_placeholder(value: str) -> bool:
    """True when the value is, or contains, a redaction mark or a form blank."""
    return _PLACEHOLDER.search(value) is not None
