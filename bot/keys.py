"""The key for PHI at rest: from OVERTURN_VAULT_KEY, else from a key file made once with owner-only access.

A conversation must survive a restart (`overturn chat --resume`), so the laptop default cannot be a key that
lives only as long as the process: the first run writes a new random key to `key_file` (0600, in a 0700
folder) and later runs read it. Production sets OVERTURN_VAULT_KEY from its secret store.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Callable
from pathlib import Path

from bot.settings import Settings
from store.vault import generate_vault_key, key_from_setting


def resolve_key(settings: Settings) -> bytes:
    configured = settings.vault_key.get_secret_value()
    if configured.strip():
        return key_from_setting(configured)
    return key_from_setting(_key_file_text(settings.key_file))


def resolve_web_secret(settings: Settings) -> str:
    """The secret that signs web sessions and portal tokens: OVERTURN_WEB_SECRET, else a file made once."""
    configured = settings.web_secret.get_secret_value().strip()
    if configured:
        return configured
    return _key_file_text(settings.web_secret_file, lambda: secrets.token_urlsafe(48)).strip()


def _key_file_text(path: Path, generate: Callable[[], str] = generate_vault_key) -> str:
    if path.exists():
        return path.read_text(encoding="ascii")
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:  # another process made it first
        return path.read_text(encoding="ascii")
    key = generate()
    with os.fdopen(descriptor, "w", encoding="ascii") as handle:
        handle.write(key)
    return key
