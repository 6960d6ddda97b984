from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, select, text
from sqlalchemy.exc import OperationalError

from store.vault import PhiVault, VaultDecryptError, generate_vault_key, key_from_setting
from store.vault_repository import VaultRepository, phi_vaults

POSTGRES_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
SECRETS = ("Zebulon", "Quattlebaum", "CANARY-778812", "4417 Larkspur Lane", "PERSON_1")


def _vault() -> PhiVault:
    vault = PhiVault()
    vault.placeholder_for("PERSON", "Zebulon Quattlebaum")
    vault.placeholder_for("MEMBER_ID", "CANARY-778812")
    vault.placeholder_for("ADDRESS", "4417 Larkspur Lane")
    return vault


def _exercise(engine: Engine) -> None:
    key = key_from_setting(generate_vault_key())
    repository = VaultRepository(engine, key)
    repository.create_schema()
    case_id = f"test-{uuid.uuid4()}"
    try:
        assert repository.load(case_id) is None
        vault = _vault()
        repository.save(case_id, vault)
        assert repository.load(case_id) == vault

        vault.placeholder_for("PERSON", "Second Person")
        repository.save(case_id, vault)  # saving again replaces the row
        loaded = repository.load(case_id)
        assert loaded is not None and loaded.placeholders() == vault.placeholders()

        with engine.connect() as connection:
            rows = connection.execute(select(phi_vaults).where(phi_vaults.c.case_id == case_id)).all()
        assert len(rows) == 1
        stored = bytes(rows[0].ciphertext)
        for secret in SECRETS:
            assert secret.encode() not in stored, secret

        with pytest.raises(VaultDecryptError):
            VaultRepository(engine, key_from_setting(generate_vault_key())).load(case_id)

        assert repository.delete(case_id) is True
        assert repository.load(case_id) is None
        assert repository.delete(case_id) is False
    finally:
        repository.delete(case_id)


@pytest.mark.unit
def test_vaults_round_trip_encrypted_in_sqlite(tmp_path: Path) -> None:
    engine = create_engine(f"sqlite:///{tmp_path}/vaults.db")
    _exercise(engine)
    raw = (tmp_path / "vaults.db").read_bytes()
    assert all(secret.encode() not in raw for secret in SECRETS)


@pytest.fixture
def postgres() -> Iterator[Engine]:
    engine = create_engine(POSTGRES_URL)
    try:
        with engine.connect() as connection:
            connection.execute(text("select 1"))
    except OperationalError as exc:
        pytest.skip(f"PostgreSQL is not reachable at {POSTGRES_URL}: {exc.orig}")
    yield engine
    engine.dispose()


@pytest.mark.integration
def test_vaults_round_trip_encrypted_in_postgres(postgres: Engine) -> None:
    _exercise(postgres)
