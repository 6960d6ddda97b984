"""Putting the member's values back into text a model wrote from redacted input.

A model may drop a placeholder it was given (reported as missing; often fine, a letter need not repeat every
id) or write one the vault never issued (reported as unknown). An unknown placeholder is never shown to the
member as if it were real: it becomes a blank, INVENTED_MARK, that the member sees and fills in when
reviewing the letter. Removing it silently would leave sentences like "My member ID is ." that hide the gap.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from graph.redaction.placeholders import LOOSE_PLACEHOLDER, Vault, canonical_placeholder, placeholders_in

INVENTED_MARK = "____"


@dataclass(frozen=True)
class Rehydrated:
    text: str
    missing: list[str] = field(default_factory=list)  # expected placeholders the text does not contain
    unknown: list[str] = field(default_factory=list)  # placeholders in the text the vault never issued


def rehydrate(text: str, vault: Vault, expected: Iterable[str] | None = None) -> Rehydrated:
    """`text` with every placeholder replaced by its value.

    `expected` is what the model was given (for example placeholders_in(prompt)); by default, every
    placeholder the vault has issued.
    """
    unknown: dict[str, None] = {}

    def restore(match: re.Match[str]) -> str:
        written = match.group()
        placeholder = canonical_placeholder(written)
        if placeholder is None:
            return written  # a bracketed phrase that is not ours ("[your signature]") stays as written
        value = vault.value_for(placeholder)
        if value is None:
            unknown.setdefault(placeholder)
            return INVENTED_MARK
        return value

    restored = LOOSE_PLACEHOLDER.sub(restore, text)
    present = set(placeholders_in(text))
    wanted = vault.placeholders() if expected is None else [canonical_placeholder(p) or p for p in expected]
    missing = [p for p in dict.fromkeys(wanted) if p not in present]
    return Rehydrated(restored, missing, list(unknown))
