"""Starting a vLLM server of our own for a fault test (the shared one must stay up for the rest of the tier)."""

from __future__ import annotations

import os
import signal
import subprocess
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[3]
VENV = Path(os.environ.get("OVERTURN_VLLM_VENV", ROOT / ".venv-vllm"))
MODEL_DIR = Path(os.environ.get("OVERTURN_MODEL_CACHE", ROOT / ".cache" / "models")) / "smollm2-135m-instruct"
START_TIMEOUT_S = 420.0


class VllmProcess:
    """A real vLLM OpenAI server in its own process group, so a test can kill it whole."""

    def __init__(self, port: int, served_name: str, log: Path) -> None:
        self.url = f"http://127.0.0.1:{port}"
        env = {**os.environ, "HF_HUB_OFFLINE": "1", "VLLM_CPU_KVCACHE_SPACE": "1"}
        command = [
            str(VENV / "bin" / "python"), "-m", "vllm.entrypoints.openai.api_server",
            "--model", str(MODEL_DIR), "--served-model-name", served_name,
            "--host", "127.0.0.1", "--port", str(port), "--max-model-len", "2048", "--dtype", "float32",
        ]  # fmt: skip
        self._log = log.open("wb")
        self.process = subprocess.Popen(
            command, stdout=self._log, stderr=subprocess.STDOUT, env=env, start_new_session=True
        )

    def wait_ready(self) -> None:
        deadline = time.monotonic() + START_TIMEOUT_S
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"vLLM exited while starting (code {self.process.returncode})")
            try:
                if httpx.get(f"{self.url}/v1/models", timeout=2).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(2)
        raise TimeoutError(f"vLLM did not answer within {START_TIMEOUT_S:.0f}s")

    def kill(self) -> None:
        """SIGKILL to the whole server (API process and engine workers), as a crash would."""
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=30)
        self._log.close()
