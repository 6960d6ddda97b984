"""Encryption of the interview's checkpoints: every value LangGraph hands its serializer is stored as AES-256-GCM.

The interview state holds PHI (the denial letter, the member's answers, the letter we write), so nothing a
checkpointer is given may reach storage in the clear. `encrypted_serializer` is what every checkpointer gets:

- Ciphertext is version byte, nonce, then AES-GCM. The associated data is that version byte and a fixed label,
  never anything case-specific: LangGraph gives a cipher only the bytes, not which thread they belong to.
- msgpack is strict: only plain data and LangGraph's own types are rebuilt on load. Any other class that was
  written (a dataclass, a pydantic model) comes back as its plain fields, never imported or constructed; a plain
  object that msgpack cannot express is refused on dump (TypeError).
- Loading refuses anything not encrypted by us. LangGraph's own `EncryptedSerializer` silently accepts plaintext
  (a type without "+cipher"), which would let a row written without encryption, or forged into the store, pass.
  The savers filter their "empty" markers before the serializer, so no plaintext type needs to be let through.

Random 96-bit nonces keep AES-GCM safe for about 2**32 encryptions under one key; rotate the key well before.
"""

from __future__ import annotations

import os
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from langgraph.checkpoint.serde.base import CipherProtocol, SerializerProtocol
from langgraph.checkpoint.serde.encrypted import EncryptedSerializer
from langgraph.checkpoint.serde.jsonplus import JsonPlusSerializer

from store.vault import KEY_BYTES, NONCE_BYTES

CIPHER_NAME = "aesgcm"
FORMAT_VERSION = b"\x01"
_ASSOCIATED_DATA = FORMAT_VERSION + b"overturn-checkpoint"
# What our JsonPlusSerializer writes; "json" and "pickle" are legacy or unsafe and are never written by us.
_INNER_TYPES = frozenset({"msgpack", "null", "bytes", "bytearray"})


class CheckpointDecryptError(ValueError):
    """A stored checkpoint value cannot be decrypted: wrong key, unknown format, or damaged bytes."""


class UnencryptedCheckpointError(CheckpointDecryptError):
    """A stored checkpoint value is not our ciphertext (plaintext, another cipher, or an unknown type)."""


class AesGcmCipher(CipherProtocol):
    """LangGraph's cipher interface over AES-256-GCM."""

    def __init__(self, key: bytes) -> None:
        if len(key) != KEY_BYTES:
            raise ValueError(f"checkpoint key must be {KEY_BYTES} bytes, not {len(key)}")
        self._aesgcm = AESGCM(key)

    def __repr__(self) -> str:  # never print the key
        return "AesGcmCipher()"

    def encrypt(self, plaintext: bytes) -> tuple[str, bytes]:
        nonce = os.urandom(NONCE_BYTES)
        return CIPHER_NAME, FORMAT_VERSION + nonce + self._aesgcm.encrypt(nonce, plaintext, _ASSOCIATED_DATA)

    def decrypt(self, ciphername: str, ciphertext: bytes) -> bytes:
        if ciphername != CIPHER_NAME:
            raise UnencryptedCheckpointError(f"checkpoint value uses cipher {ciphername!r}, not {CIPHER_NAME!r}")
        if ciphertext[:1] != FORMAT_VERSION or len(ciphertext) < 1 + NONCE_BYTES:
            raise CheckpointDecryptError("unknown checkpoint ciphertext format")
        nonce, sealed = ciphertext[1 : 1 + NONCE_BYTES], ciphertext[1 + NONCE_BYTES :]
        try:
            return self._aesgcm.decrypt(nonce, sealed, _ASSOCIATED_DATA)
        except InvalidTag as exc:
            raise CheckpointDecryptError("wrong checkpoint key, or damaged checkpoint") from exc


class StrictEncryptedSerializer(SerializerProtocol):
    """LangGraph's EncryptedSerializer, refusing on load whatever it did not encrypt.

    A wrapper rather than a subclass: LangGraph rebuilds a plain EncryptedSerializer from any instance of one when
    LANGGRAPH_STRICT_MSGPACK is set (checkpoint.base._with_msgpack_allowlist), which would drop the refusal.
    """

    def __init__(self, cipher: CipherProtocol) -> None:
        self.inner = EncryptedSerializer(cipher, JsonPlusSerializer(allowed_msgpack_modules=None))

    def dumps_typed(self, obj: Any) -> tuple[str, bytes]:
        return self.inner.dumps_typed(obj)

    def loads_typed(self, data: tuple[str, bytes]) -> Any:
        type_, _ = data
        inner_type, encrypted, ciphername = type_.partition("+")
        if not encrypted:
            raise UnencryptedCheckpointError(f"refusing an unencrypted checkpoint value (type {type_!r})")
        if inner_type not in _INNER_TYPES or ciphername != CIPHER_NAME:
            raise UnencryptedCheckpointError(f"refusing a checkpoint value of unexpected type {type_!r}")
        return self.inner.loads_typed(data)


def encrypted_serializer(key: bytes) -> SerializerProtocol:
    """The serializer every Overturn checkpointer uses: strict msgpack, AES-256-GCM, no plaintext accepted."""
    return StrictEncryptedSerializer(AesGcmCipher(key))
