"""Chainlit's config.toml, written from our settings at every start (so it never drifts from them).

What matters here: `cot = "hidden"` (members never see the machinery), `allow_origins` is the configured list
and never "*", uploads take one denial letter of the kinds we read, and nothing is persisted by Chainlit (no
data layer: the interview's own encrypted checkpoints are the conversation's memory).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from importlib.metadata import version

UPLOAD_TYPES = ("application/pdf", "image/png", "image/jpeg", "image/webp", "image/tiff", "text/plain")
# How long Chainlit keeps a dropped connection's session in memory; our checkpoints outlive it anyway.
SESSION_TIMEOUT_S = 600
# How long the session cookie lasts after a portal sign-in or a visit.
USER_SESSION_TIMEOUT_S = 8 * 3600


class OriginsError(ValueError):
    """allow_origins would let any site embed the widget."""


def check_origins(origins: Sequence[str]) -> list[str]:
    cleaned = [origin.strip().rstrip("/") for origin in origins if origin.strip()]
    for origin in cleaned:
        if "*" in origin:
            raise OriginsError(f"OVERTURN_WEB_ALLOW_ORIGINS may not contain a wildcard ({origin!r}); list the portals")
        if not origin.startswith(("http://", "https://")):
            raise OriginsError(
                f"OVERTURN_WEB_ALLOW_ORIGINS entries are origins like https://portal.example ({origin!r})"
            )
    return cleaned


def config_toml(origins: Sequence[str], max_upload_bytes: int) -> str:
    allowed = check_origins(origins)
    max_mb = max(1, max_upload_bytes // (1024 * 1024))
    return "\n".join(
        [
            "# Written by Overturn at start-up from OVERTURN_WEB_* settings; edits here are overwritten.",
            "[project]",
            "user_env = []",
            f"session_timeout = {SESSION_TIMEOUT_S}",
            f"user_session_timeout = {USER_SESSION_TIMEOUT_S}",
            "cache = false",
            "persist_user_env = false",
            f"allow_origins = {json.dumps(allowed)}",
            "",
            "[features]",
            "unsafe_allow_html = false",
            "latex = false",
            "user_message_markdown = false",
            "edit_message = false",
            "allow_thread_sharing = false",
            "",
            "[features.spontaneous_file_upload]",
            "enabled = true",
            f"accept = {json.dumps(list(UPLOAD_TYPES))}",
            "max_files = 1",
            f"max_size_mb = {max_mb}",
            "",
            "[features.audio]",
            "enabled = false",
            "",
            "[features.mcp]",
            "enabled = false",
            "",
            "[UI]",
            'name = "Overturn"',
            'description = "Appeal a health-insurance denial, one small step at a time."',
            'cot = "hidden"',
            "confirm_new_chat = true",
            'default_sidebar_state = "hidden"',
            "",
            "[meta]",
            f'generated_by = "{version("chainlit")}"',
            "",
        ]
    )
