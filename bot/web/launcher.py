"""`overturn web` / `make run`: prepare Chainlit's folder and environment from our settings, then serve.

Chainlit reads its app root and secret from the environment when it is first imported, so everything here
happens before that import.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sys
from pathlib import Path

from bot.keys import resolve_web_secret
from bot.settings import Settings
from bot.web.chainlit_config import OriginsError, config_toml

APP_MODULE = Path(__file__).with_name("app.py")
PUBLIC_FILES = Path(__file__).with_name("public")  # the confirmation form (a Chainlit custom element)

README = """# Overturn

Overturn helps you appeal a health-insurance denial: paste or upload the denial letter, check what we read,
answer a few questions, and download an appeal letter to sign and send.

Identifiers (names, addresses, ids) are replaced with placeholders before anything leaves your case and are
put back only in your finished letter. This is not legal or medical advice.
"""


def public_url(settings: Settings) -> str:
    return settings.web_public_url.rstrip("/") or f"http://{settings.web_host}:{settings.web_port}"


def prepare(settings: Settings) -> Path:
    """Writes the app root (config, an empty upload folder) and sets Chainlit's environment; returns the root."""
    text = config_toml(settings.web_allow_origins, settings.max_upload_bytes)
    root = settings.web_root.resolve()
    (root / ".chainlit").mkdir(parents=True, exist_ok=True, mode=0o700)
    (root / ".chainlit" / "config.toml").write_text(text, encoding="utf-8")
    shutil.copytree(PUBLIC_FILES, root / "public", dirs_exist_ok=True)
    (root / "chainlit.md").write_text(README, encoding="utf-8")
    os.environ["CHAINLIT_APP_ROOT"] = str(root)
    os.environ["CHAINLIT_AUTH_SECRET"] = resolve_web_secret(settings)
    os.environ["CHAINLIT_HOST"] = settings.web_host
    os.environ["CHAINLIT_PORT"] = str(settings.web_port)
    return root


def serve(settings: Settings) -> int:
    prepare(settings)
    print(f"Overturn is starting at {public_url(settings)} (Ctrl-C to stop).", flush=True)
    from chainlit.cli import run_chainlit  # after prepare(): Chainlit reads its environment on import

    with contextlib.suppress(KeyboardInterrupt):
        run_chainlit(str(APP_MODULE))
    return 0


def main() -> int:
    from bot.settings import get_settings

    settings = get_settings()
    if len(sys.argv) > 1:
        print("usage: python -m bot.web  (configure with OVERTURN_WEB_* settings)", file=sys.stderr)
        return 2
    try:
        return serve(settings)
    except OriginsError as exc:
        print(f"overturn web: {exc}", file=sys.stderr)
        return 2
