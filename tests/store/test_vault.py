from __future__ import annotations

import base64
from collections.abc import Callable

import pytest

from store.vault import (
    PhiVault,
    VaultDecryptError,
    VaultKeyError,
    generate_vault_key,
    key_from_setting,
    normalized,
)

KEY = key_from_setting(generate_vault_key())


@pytest.mark.unit
def test_placeholders_are_typed_numbered_and_stable() -> None:
    vault = PhiVault()
    assert vault.placeholder_for("PERSON", "Maria Lopez") == "[PERSON_1]"
    assert vault.placeholder_for("PERSON", "Theo Vance") == "[PERSON_2]"
    assert vault.placeholder_for("MEMBER_ID", "W123") == "[MEMBER_ID_1]"
    assert vault.placeholder_for("PERSON", "Maria Lopez") == "[PERSON_1]"
    assert vault.placeholders() == ["[PERSON_1]", "[PERSON_2]", "[MEMBER_ID_1]"]


@pytest.mark.unit
@pytest.mark.parametrize(
    ("entity_type", "first", "again"),
    [
        ("PERSON", "Maria Lopez", "MARIA  LOPEZ"),
        ("MEMBER_ID", "W123-456", "w123 456"),
        ("PHONE_NUMBER", "(216) 448-3021", "1-216-448-3021"),
        ("EMAIL_ADDRESS", "Ana@Example.com", "ana@example.com"),
    ],
)
def test_the_same_value_written_differently_shares_a_placeholder(entity_type: str, first: str, again: str) -> None:
    vault = PhiVault()
    assert vault.placeholder_for(entity_type, first) == vault.placeholder_for(entity_type, again)
    assert vault.value_for(f"[{entity_type}_1]") == first  # the first form seen is the one restored


@pytest.mark.unit
def test_the_same_string_under_two_types_gets_two_placeholders() -> None:
    vault = PhiVault()
    assert vault.placeholder_for("CLAIM_NUMBER", "4471190") != vault.placeholder_for("AUTH_NUMBER", "4471190")


@pytest.mark.unit
def test_normalized_ignores_case_spacing_and_id_punctuation() -> None:
    assert normalized("PERSON", " Maria   Lopez, ") == "maria lopez"
    assert normalized("CLAIM_NUMBER", "E-333 799") == "e333799"


@pytest.mark.unit
def test_encryption_round_trips_and_hides_every_value() -> None:
    vault = PhiVault()
    vault.placeholder_for("PERSON", "Zebulon Quattlebaum")
    vault.placeholder_for("MEMBER_ID", "CANARY-778812")
    blob = vault.encrypt(KEY, "case-1")
    for secret in ("Zebulon", "Quattlebaum", "CANARY-778812", "PERSON_1", "MEMBER_ID"):
        assert secret.encode() not in blob
    restored = PhiVault.decrypt(blob, KEY, "case-1")
    assert restored.values == vault.values
    assert restored.placeholder_for("PERSON", "zebulon quattlebaum") == "[PERSON_1]"  # the index is rebuilt
    assert restored.placeholder_for("PERSON", "Someone Else") == "[PERSON_2]"


@pytest.mark.unit
def test_two_encryptions_of_one_vault_differ() -> None:
    vault = PhiVault()
    vault.placeholder_for("PERSON", "Ana Ruiz")
    assert vault.encrypt(KEY, "case-1") != vault.encrypt(KEY, "case-1")  # a fresh nonce each time


@pytest.mark.unit
@pytest.mark.parametrize(
    ("key", "case_id", "blob_edit"),
    [
        (key_from_setting(generate_vault_key()), "case-1", lambda b: b),  # another key
        (KEY, "case-2", lambda b: b),  # another case's row
        (KEY, "case-1", lambda b: b[:-1] + bytes([b[-1] ^ 1])),  # a flipped bit
        (KEY, "case-1", lambda b: b"\x02" + b[1:]),  # an unknown format
    ],
)
def test_decryption_refuses_the_wrong_key_case_or_bytes(
    key: bytes, case_id: str, blob_edit: Callable[[bytes], bytes]
) -> None:
    vault = PhiVault()
    vault.placeholder_for("PERSON", "Ana Ruiz")
    blob = blob_edit(vault.encrypt(KEY, "case-1"))
    with pytest.raises(VaultDecryptError):
        PhiVault.decrypt(blob, key, case_id)


@pytest.mark.unit
def test_an_empty_setting_means_one_key_for_this_process() -> None:
    assert key_from_setting("") == key_from_setting("  ")
    assert len(key_from_setting("")) == 32


@pytest.mark.unit
@pytest.mark.parametrize("setting", ["not base64!!", base64.urlsafe_b64encode(b"short").decode()])
def test_a_malformed_key_is_refused(setting: str) -> None:
    with pytest.raises(VaultKeyError):
        key_from_setting(setting)


@pytest.mark.unit
def test_repr_shows_no_values() -> None:
    vault = PhiVault()
    vault.placeholder_for("PERSON", "Ana Ruiz")
    assert "Ana" not in repr(vault) and "Ana" not in str(vault)
