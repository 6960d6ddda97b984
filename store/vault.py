"""The PHI vault of one case: which placeholder stands for which value, encrypted whenever it is at rest.

Placeholders are "[TYPE_N]" (graph.redaction.placeholders reads them): typed, numbered from 1 per type, and
the same for the same value every time within the case. "The same value" is judged loosely, so the letter's
"MARIA LOPEZ" and the member's "Maria  Lopez" share one placeholder, as do "W123-456" and "W123 456"; the
value kept for rehydration is the first form seen.

At rest a vault is AES-256-GCM ciphertext. The key is 32 random bytes, written in settings as URL-safe base64
(OVERTURN_VAULT_KEY; generate_vault_key() makes one). The case id is bound in as associated data, so one
case's ciphertext cannot be passed off as another's. An empty setting means a key made for this process
only (the laptop default): vaults written under it cannot be read after a restart.
"""

from __future__ import annotations

import base64
import binascii
import json
import os
import re
from dataclasses import dataclass, field
from functools import lru_cache

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

KEY_BYTES = 32
NONCE_BYTES = 12
FORMAT_VERSION = b"\x01"
# Types whose values are compared by their letters and digits alone ("W123-456" == "w123 456").
_IDENTIFIER_TYPES = frozenset(
    {"MEMBER_ID", "GROUP_NUMBER", "CLAIM_NUMBER", "REFERENCE_NUMBER", "AUTH_NUMBER", "MRN", "NPI", "US_SSN"}
)


class VaultKeyError(ValueError):
    """The configured vault key is not 32 bytes of URL-safe base64."""


class VaultDecryptError(ValueError):
    """The stored vault cannot be decrypted: wrong key, wrong case, or damaged bytes."""


def generate_vault_key() -> str:
    """A new key in the form OVERTURN_VAULT_KEY expects."""
    return base64.urlsafe_b64encode(AESGCM.generate_key(bit_length=KEY_BYTES * 8)).decode("ascii")


@lru_cache(maxsize=1)
def _process_key() -> bytes:
    return AESGCM.generate_key(bit_length=KEY_BYTES * 8)


def key_from_setting(setting: str) -> bytes:
    """The key bytes for a configured key; for an empty setting, this process's own key."""
    if not setting.strip():
        return _process_key()
    try:
        key = base64.urlsafe_b64decode(setting.strip().encode("ascii"))
    except (binascii.Error, UnicodeEncodeError) as exc:
        raise VaultKeyError("OVERTURN_VAULT_KEY is not URL-safe base64") from exc
    if len(key) != KEY_BYTES:
        raise VaultKeyError(f"OVERTURN_VAULT_KEY must decode to {KEY_BYTES} bytes, not {len(key)}")
    return key


def normalized(entity_type: str, value: str) -> str:
    """The form two values are compared in: case, spacing and (for ids and phones) punctuation do not count."""
    folded = value.casefold().strip()
    if entity_type in _IDENTIFIER_TYPES:
        return re.sub(r"[^0-9a-z]", "", folded)
    if entity_type == "PHONE_NUMBER":
        digits = re.sub(r"\D", "", folded)
        return digits[1:] if len(digits) == 11 and digits.startswith("1") else digits
    return re.sub(r"\s+", " ", folded.strip(" .,;:"))


@dataclass
class PhiVault:
    """placeholder <-> value for one case. Implements graph.redaction.placeholders.Vault."""

    values: dict[str, str] = field(default_factory=dict)  # placeholder -> value as first seen
    _by_value: dict[str, str] = field(default_factory=dict, repr=False)  # type + normalized value -> placeholder

    def __post_init__(self) -> None:
        for placeholder, value in self.values.items():
            self._by_value.setdefault(self._key(_type_of(placeholder), value), placeholder)

    def __repr__(self) -> str:  # never print values
        return f"PhiVault({len(self.values)} placeholders)"

    def __len__(self) -> int:
        return len(self.values)

    def placeholder_for(self, entity_type: str, value: str) -> str:
        key = self._key(entity_type, value)
        placeholder = self._by_value.get(key)
        if placeholder is None:
            number = 1 + sum(1 for p in self.values if _type_of(p) == entity_type)
            placeholder = f"[{entity_type}_{number}]"
            self.values[placeholder] = value
            self._by_value[key] = placeholder
        return placeholder

    def value_for(self, placeholder: str) -> str | None:
        return self.values.get(placeholder)

    def placeholders(self) -> list[str]:
        return list(self.values)

    def encrypt(self, key: bytes, case_id: str) -> bytes:
        """The vault as ciphertext: version byte, nonce, then AES-GCM over its JSON, bound to case_id."""
        nonce = os.urandom(NONCE_BYTES)
        plaintext = json.dumps(list(self.values.items()), ensure_ascii=False).encode("utf-8")  # in issue order
        return FORMAT_VERSION + nonce + AESGCM(key).encrypt(nonce, plaintext, case_id.encode("utf-8"))

    @classmethod
    def decrypt(cls, blob: bytes, key: bytes, case_id: str) -> PhiVault:
        if blob[:1] != FORMAT_VERSION or len(blob) < 1 + NONCE_BYTES:
            raise VaultDecryptError("unknown vault format")
        nonce, ciphertext = blob[1 : 1 + NONCE_BYTES], blob[1 + NONCE_BYTES :]
        try:
            plaintext = AESGCM(key).decrypt(nonce, ciphertext, case_id.encode("utf-8"))
        except InvalidTag as exc:
            raise VaultDecryptError("wrong key or case, or damaged vault") from exc
        pairs = json.loads(plaintext.decode("utf-8"))
        return cls(values={str(placeholder): str(value) for placeholder, value in pairs})

    @staticmethod
    def _key(entity_type: str, value: str) -> str:
        return f"{entity_type}\x00{normalized(entity_type, value)}"


def _type_of(placeholder: str) -> str:
    return placeholder.strip("[]").rsplit("_", 1)[0]
