"""Keeping each case's PHI vault in the database, encrypted: one row per case, ciphertext only.

Works on any SQLAlchemy 2 engine (SQLite by default, PostgreSQL in production). The row holds no value in
the clear, not even the placeholders; the key never touches the database.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import Column, DateTime, Engine, LargeBinary, String, Table, delete, insert, select, update

from store.db import metadata
from store.vault import PhiVault

phi_vaults = Table(
    "phi_vaults",
    metadata,
    Column("case_id", String(128), primary_key=True),
    Column("ciphertext", LargeBinary, nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
)


class VaultRepository:
    def __init__(self, engine: Engine, key: bytes) -> None:
        self.engine = engine
        self._key = key

    def create_schema(self) -> None:
        """Create the vault table if it is missing (tests and the laptop default; production uses migrations)."""
        metadata.create_all(self.engine, tables=[phi_vaults])

    def save(self, case_id: str, vault: PhiVault) -> None:
        """Store the case's vault, replacing any earlier one."""
        row = {"ciphertext": vault.encrypt(self._key, case_id), "updated_at": datetime.now(UTC)}
        with self.engine.begin() as connection:
            changed = connection.execute(update(phi_vaults).where(phi_vaults.c.case_id == case_id).values(**row))
            if changed.rowcount == 0:
                connection.execute(insert(phi_vaults).values(case_id=case_id, **row))

    def load(self, case_id: str) -> PhiVault | None:
        """The case's vault, or None when none was saved. Raises VaultDecryptError under the wrong key."""
        with self.engine.connect() as connection:
            blob = connection.execute(
                select(phi_vaults.c.ciphertext).where(phi_vaults.c.case_id == case_id)
            ).scalar_one_or_none()
        return None if blob is None else PhiVault.decrypt(bytes(blob), self._key, case_id)

    def delete(self, case_id: str) -> bool:
        """Forget the case's vault; True when there was one."""
        with self.engine.begin() as connection:
            return connection.execute(delete(phi_vaults).where(phi_vaults.c.case_id == case_id)).rowcount > 0
