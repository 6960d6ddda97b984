from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.unit


OVERTURN = str(Path(sys.executable).parent / "overturn")


@pytest.mark.parametrize("command", [[sys.executable, "-m", "bot.web"], [OVERTURN, "web"]])
def test_a_wildcard_origin_stops_the_app_with_one_line(tmp_path: Path, command: list[str]) -> None:
    env = {
        **os.environ,
        "OVERTURN_WEB_ALLOW_ORIGINS": json.dumps(["https://portal.example-health.org", "*"]),
        "OVERTURN_WEB_ROOT": str(tmp_path / "web"),
        "OVERTURN_WEB_SECRET": "s" * 40,
    }
    done = subprocess.run(command, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 2
    assert "wildcard" in done.stderr and "Traceback" not in done.stderr + done.stdout
    assert not (tmp_path / "web").exists()  # refused before anything was written
