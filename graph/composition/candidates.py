"""Model letters as the member should see them, and the choice of one among several candidates.

Models wrap a letter in chatter ("Sure, here is your letter:"), code fences, or notes after the signature.
`clean_candidate` keeps only the letter; it never rewrites the letter itself.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable

_FENCED = re.compile(r"^[ \t]*```[^\n`]*\n(.*?)\n[ \t]*```[ \t]*$", re.DOTALL | re.MULTILINE)
_FENCE_LINE = re.compile(r"^[ \t]*```[^\n`]*[ \t]*$", re.MULTILINE)
_CHATTER = re.compile(
    r"^(?:sure|certainly|of course|okay|ok|absolutely|great|here(?:'s| is| are)|below is|the following is"
    r"|i(?:'ve| have) (?:written|drafted|prepared))\b",
    re.IGNORECASE,
)
_RULE = re.compile(r"^[-*_=]{3,}$")  # a markdown separator between the chatter and the letter
_CLOSING = re.compile(
    r"^[ \t]*(?:sincerely|respectfully|regards|best regards|kind regards|yours truly|sincerely yours|"
    r"respectfully submitted|thank you)[ \t]*,[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)
# What may follow a signature and still belong to the letter.
_LETTER_TAIL = re.compile(r"^(?:enclosures?\b|enclosed\b|attachments?\b|cc\b|c\.c\.)", re.IGNORECASE)


def clean_candidate(text: str) -> str:
    """The letter alone: line endings normalised, fences, leading chatter and trailing notes removed."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _unfence(text)
    lines = [line.rstrip() for line in text.split("\n")]
    lines = _drop_leading_chatter(lines)
    lines = _drop_trailing_notes(lines)
    cleaned = "\n".join(lines).strip()
    return f"{cleaned}\n" if cleaned else ""


def pick_candidate(candidates: list[str], score: Callable[[str], float]) -> int:
    """The index of the highest-scoring candidate; the first one on a tie. A NaN score never wins."""
    if not candidates:
        raise ValueError("no candidates to pick from")
    best_index, best_score = 0, _finite(score(candidates[0]))
    for index in range(1, len(candidates)):
        value = _finite(score(candidates[index]))
        if value > best_score:
            best_index, best_score = index, value
    return best_index


def _finite(value: float) -> float:
    return -math.inf if math.isnan(value) else value


def _unfence(text: str) -> str:
    blocks = _FENCED.findall(text)
    if blocks:
        return str(max(blocks, key=len))
    return _FENCE_LINE.sub("", text)


def _drop_leading_chatter(lines: list[str]) -> list[str]:
    start = 0
    while start < len(lines):
        line = lines[start].strip()
        if line and not _is_chatter(line):
            break
        start += 1
    return lines[start:]


def _is_chatter(line: str) -> bool:
    # A short line that talks about the letter ("Here is your appeal letter:") rather than being part of it.
    if _CHATTER.match(line) or _RULE.match(line):
        return True
    return line.endswith(":") and "letter" in line.lower() and len(line) < 120


def _drop_trailing_notes(lines: list[str]) -> list[str]:
    closings = [i for i, line in enumerate(lines) if _CLOSING.match(line)]
    if not closings:
        return lines
    index = closings[-1] + 1
    while index < len(lines) and not lines[index].strip():
        index += 1
    while index < len(lines) and lines[index].strip():  # the signature block: the lines right after the closing
        index += 1
    kept = lines[:index]
    for paragraph in _paragraphs(lines[index:]):
        if not _LETTER_TAIL.match(paragraph[0].strip()):
            break
        kept.extend(["", *paragraph])
    return kept


def _paragraphs(lines: list[str]) -> list[list[str]]:
    paragraphs: list[list[str]] = []
    current: list[str] = []
    for line in lines:
        if line.strip():
            current.append(line)
        elif current:
            paragraphs.append(current)
            current = []
    if current:
        paragraphs.append(current)
    return paragraphs
