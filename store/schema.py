"""Every table of the store, registered on store.db.metadata by importing the modules that define them."""

from __future__ import annotations

import store.audit
import store.pins
import store.records_schema
import store.vault_repository  # noqa: F401  phi_vaults
from store.db import metadata

__all__ = ["metadata"]
