from __future__ import annotations

import dataclasses
import pickle
from datetime import UTC, datetime
from typing import Any

import pytest
from langgraph.checkpoint.memory import InMemorySaver
from langgraph.checkpoint.serde.jsonplus import JsonPlusSerializer
from langgraph.types import Interrupt, Send

from store.checkpoint_cipher import (
    CIPHER_NAME,
    AesGcmCipher,
    CheckpointDecryptError,
    StrictEncryptedSerializer,
    UnencryptedCheckpointError,
    encrypted_serializer,
)
from store.vault import generate_vault_key, key_from_setting

pytestmark = pytest.mark.unit

KEY = key_from_setting(generate_vault_key())
SECRET = "CANARY-PHI-5521 Maria Lopez, member W123-456"


def test_round_trips_state_and_langgraph_types_encrypted() -> None:
    serde = encrypted_serializer(KEY)
    values: list[Any] = [
        {"letter": SECRET, "answers": {"why": SECRET, "n": 3, "ok": True, "score": 1.5, "none": None}},
        [SECRET, 1, None],
        SECRET,
        None,
        b"raw " + SECRET.encode(),
        Interrupt(value={"question": SECRET}, id="abc"),
        Send("compose", {"letter": SECRET}),
        datetime(2025, 1, 2, 3, 4, tzinfo=UTC),
    ]
    for value in values:
        type_, blob = serde.dumps_typed(value)
        assert type_.endswith(f"+{CIPHER_NAME}")
        assert SECRET.encode() not in blob
        assert serde.loads_typed((type_, blob)) == value


def test_ciphertext_is_versioned_and_fresh_each_time() -> None:
    serde = encrypted_serializer(KEY)
    first, second = serde.dumps_typed(SECRET)[1], serde.dumps_typed(SECRET)[1]
    assert first[:1] == second[:1] == b"\x01"
    assert first != second  # a new nonce every time


def test_tampered_ciphertext_is_refused() -> None:
    serde = encrypted_serializer(KEY)
    type_, blob = serde.dumps_typed({"letter": SECRET})
    for position in (0, 5, len(blob) // 2, len(blob) - 1):
        tampered = bytearray(blob)
        tampered[position] ^= 0x01
        with pytest.raises(CheckpointDecryptError):
            serde.loads_typed((type_, bytes(tampered)))
    with pytest.raises(CheckpointDecryptError):
        serde.loads_typed((type_, blob[:-1]))
    with pytest.raises(CheckpointDecryptError):
        serde.loads_typed((type_, b"\x01"))


def test_wrong_key_is_refused() -> None:
    type_, blob = encrypted_serializer(KEY).dumps_typed(SECRET)
    with pytest.raises(CheckpointDecryptError, match="wrong checkpoint key"):
        encrypted_serializer(key_from_setting(generate_vault_key())).loads_typed((type_, blob))


def test_unencrypted_values_are_refused() -> None:
    serde = encrypted_serializer(KEY)
    plain = JsonPlusSerializer()
    for value in ({"letter": SECRET}, SECRET, None, b"bytes"):
        with pytest.raises(UnencryptedCheckpointError, match="unencrypted"):
            serde.loads_typed(plain.dumps_typed(value))
    with pytest.raises(UnencryptedCheckpointError):
        serde.loads_typed(("empty", b""))


def test_unexpected_types_are_refused_even_when_encrypted_with_our_key() -> None:
    """Whoever holds the key still cannot get a pickle, legacy JSON or another cipher past the serializer."""
    serde = encrypted_serializer(KEY)
    cipher = AesGcmCipher(KEY)
    _, sealed_pickle = cipher.encrypt(pickle.dumps({"letter": SECRET}))
    with pytest.raises(UnencryptedCheckpointError, match="unexpected type"):
        serde.loads_typed((f"pickle+{CIPHER_NAME}", sealed_pickle))
    _, sealed_json = cipher.encrypt(b'{"letter": "x"}')
    with pytest.raises(UnencryptedCheckpointError, match="unexpected type"):
        serde.loads_typed((f"json+{CIPHER_NAME}", sealed_json))
    with pytest.raises(UnencryptedCheckpointError, match="unexpected type"):
        serde.loads_typed(("msgpack+aes", sealed_json))
    with pytest.raises(UnencryptedCheckpointError, match="cipher"):
        cipher.decrypt("aes", sealed_json)


class PlainObject:
    def __init__(self, text: str) -> None:
        self.text = text


CONSTRUCTED: list[str] = []


@dataclasses.dataclass
class Smuggled:
    text: str

    def __post_init__(self) -> None:
        CONSTRUCTED.append(self.text)


def test_strict_msgpack_refuses_a_plain_object_on_dump() -> None:
    with pytest.raises(TypeError):
        encrypted_serializer(KEY).dumps_typed({"answers": PlainObject(SECRET)})


def test_strict_msgpack_never_constructs_an_unlisted_class_on_load() -> None:
    """A dataclass can be written (LangGraph records its module and name) but is never imported or built back:
    loading gives its plain fields."""
    serde = encrypted_serializer(KEY)
    stored = serde.dumps_typed({"answers": Smuggled("x")})
    CONSTRUCTED.clear()
    loaded = serde.loads_typed(stored)
    assert loaded == {"answers": {"text": "x"}}
    assert CONSTRUCTED == []


def test_key_must_be_32_bytes() -> None:
    with pytest.raises(ValueError, match="32 bytes"):
        AesGcmCipher(b"short")
    assert repr(AesGcmCipher(KEY)) == "AesGcmCipher()"


def test_langgraph_allowlist_rebuild_keeps_our_serializer() -> None:
    """With LANGGRAPH_STRICT_MSGPACK set, LangGraph rebuilds a checkpointer's serializer for its allowlist;
    ours must survive it, or unencrypted values would be accepted again."""
    saver = InMemorySaver(serde=encrypted_serializer(KEY))
    rebuilt = saver.with_allowlist({("langchain_core.messages.human", "HumanMessage")})
    assert isinstance(rebuilt.serde, StrictEncryptedSerializer)
