"""Each case's PHI vault, as the interview uses it: load it (or start one), save it after redacting.

`RepositoryVaults` keeps vaults encrypted in the database (store.vault_repository); `MemoryVaults` keeps them
for one process only (batch runs and tests, where nothing outlives the run).
"""

from __future__ import annotations

from graph.redaction import Vault
from store.vault import PhiVault
from store.vault_repository import VaultRepository


class RepositoryVaults:
    def __init__(self, repository: VaultRepository) -> None:
        self.repository = repository

    def load_or_new(self, case_id: str) -> Vault:
        return self.repository.load(case_id) or PhiVault()

    def save(self, case_id: str, vault: Vault) -> None:
        if not isinstance(vault, PhiVault):
            raise TypeError("RepositoryVaults stores PhiVault objects")
        self.repository.save(case_id, vault)


class MemoryVaults:
    def __init__(self) -> None:
        self._vaults: dict[str, PhiVault] = {}

    def load_or_new(self, case_id: str) -> Vault:
        vault = self._vaults.get(case_id)
        return PhiVault(values=dict(vault.values)) if vault else PhiVault()

    def save(self, case_id: str, vault: Vault) -> None:
        if not isinstance(vault, PhiVault):
            raise TypeError("MemoryVaults stores PhiVault objects")
        self._vaults[case_id] = PhiVault(values=dict(vault.values))
