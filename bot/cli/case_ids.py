"""What a case id typed on the command line may look like."""

from __future__ import annotations

import re

from bot.cli.errors import UserFacingError

_CASE_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:-]{0,127}")


def case_id_argument(value: str) -> str:
    """A case id as typed, checked: letters, digits and . _ : - only, at most 128 characters."""
    case_id = value.strip()
    if not _CASE_ID.fullmatch(case_id):
        raise UserFacingError(f"{value!r} is not a case id (letters, digits and . _ : - only, at most 128)")
    return case_id
