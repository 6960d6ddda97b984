"""Placeholders: "[PERSON_1]", "[MEMBER_ID_2]". Typed, numbered, and the same for the same value within a case.

Which value gets which number is the vault's business (store.vault.PhiVault keeps it, encrypted at rest);
graph code sees the vault only through the `Vault` protocol, so it never imports the persistence layer.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Protocol

from graph.redaction.entities import ENTITY_TYPES, PhiSpan

_TYPES = "|".join(sorted(ENTITY_TYPES, key=len, reverse=True))
PLACEHOLDER = re.compile(rf"\[(?P<type>{_TYPES})_(?P<number>[1-9]\d*)\]")
# What a model may write when it garbles one: "[Person 1]", "[ MEMBER-ID_1 ]", "[member_id1]".
# ... or with its brackets lost: "PERSON_1".
LOOSE_PLACEHOLDER = re.compile(
    r"\[\s*(?P<type>[A-Za-z]+(?:[ _\-][A-Za-z]+)*)[ _\-]?(?P<number>\d+)\s*\]"
    rf"|(?<![\w\[])(?P<bare_type>{_TYPES})_(?P<bare_number>[1-9]\d*)(?![\w\]])"
)


class Vault(Protocol):
    """The placeholder <-> value mapping of one case."""

    def placeholder_for(self, entity_type: str, value: str) -> str:
        """The case's placeholder for this value, made on first sight."""
        ...

    def value_for(self, placeholder: str) -> str | None:
        """The original value behind a placeholder, or None when the vault never issued it."""
        ...

    def placeholders(self) -> list[str]:
        """Every placeholder the vault has issued, in order of issue."""
        ...


def format_placeholder(entity_type: str, number: int) -> str:
    return f"[{entity_type}_{number}]"


def canonical_placeholder(written: str) -> str | None:
    """The canonical form of a placeholder as a model may have written it; None if it is not one of ours."""
    match = LOOSE_PLACEHOLDER.fullmatch(written.strip())
    if match is None:
        return None
    written_type = match.group("type") or match.group("bare_type")
    number = match.group("number") or match.group("bare_number")
    entity_type = re.sub(r"[ \-]", "_", written_type).upper()
    if entity_type not in ENTITY_TYPES or int(number) == 0:
        return None
    return format_placeholder(entity_type, int(number))


def placeholders_in(text: str) -> list[str]:
    """Our placeholders in `text`, canonical, in order of first appearance, each once."""
    seen: dict[str, None] = {}
    for match in LOOSE_PLACEHOLDER.finditer(text):
        placeholder = canonical_placeholder(match.group())
        if placeholder is not None:
            seen.setdefault(placeholder)
    return list(seen)


def replace_spans(text: str, spans: Sequence[PhiSpan], vault: Vault) -> str:
    """`text` with each (non-overlapping, sorted) span replaced by the vault's placeholder for its value."""
    pieces: list[str] = []
    cursor = 0
    for span in spans:
        pieces.append(text[cursor : span.start])
        pieces.append(vault.placeholder_for(span.entity_type, text[span.start : span.end]))
        cursor = span.end
    pieces.append(text[cursor:])
    return "".join(pieces)
