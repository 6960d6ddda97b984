"""The app and the demo portal as real processes on free ports, each with its own folder of state."""

from __future__ import annotations

import json
import socket
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from tests.bot.cli.live_process import LiveProcess


@dataclass
class WebServers:
    app_url: str
    portal_url: str
    home: Path  # the app's working folder: database, checkpoints, keys, Chainlit's root
    env: dict[str, str]
    app: LiveProcess

    def kill_and_restart_app(self) -> None:
        """SIGKILL, as a crash would, then the same app on the same port, folder and secrets."""
        self.app.kill_hard()
        self.app = start_app(self.home, self.env)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def web_env(home: Path, app_port: int, portal_port: int) -> dict[str, str]:
    return {
        "OVERTURN_WEB_HOST": "127.0.0.1",
        "OVERTURN_WEB_PORT": str(app_port),
        "OVERTURN_WEB_ROOT": str(home / "web"),
        "OVERTURN_WEB_SECRET_FILE": str(home / "web_secret"),
        "OVERTURN_WEB_ALLOW_ORIGINS": json.dumps([f"http://127.0.0.1:{portal_port}"]),
        "OVERTURN_DATABASE_URL": f"sqlite:///{home / 'overturn.db'}",
        "OVERTURN_CHECKPOINT_URL": f"sqlite:///{home / 'checkpoints.db'}",
        "OVERTURN_KEY_FILE": str(home / "key"),
        "OVERTURN_MODEL_URL": "",
    }


def start_app(home: Path, env: dict[str, str]) -> LiveProcess:
    app = LiveProcess(["web"], cwd=home, env=env)
    try:
        app.wait_for(r"Overturn is ready at", timeout=120)  # printed once the port accepts connections
    except AssertionError:
        app.process.kill()
        raise
    return app


@contextmanager
def running_web(home: Path) -> Iterator[WebServers]:
    app_port, portal_port = free_port(), free_port()
    env = web_env(home, app_port, portal_port)
    app_url = f"http://127.0.0.1:{app_port}"
    servers = WebServers(app_url, f"http://127.0.0.1:{portal_port}", home, env, start_app(home, env))
    portal = None
    try:
        portal = LiveProcess(["portal-demo", "--port", str(portal_port), "--app", app_url], cwd=home, env=env)
        portal.wait_for(r"demo portal is at", timeout=60)
        yield servers
    finally:
        for process in (portal, servers.app):
            if process is not None:
                process.process.terminate()
                try:
                    process.process.wait(timeout=15)
                except Exception:
                    process.process.kill()
