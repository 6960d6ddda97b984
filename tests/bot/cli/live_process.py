"""A real `overturn` process driven like a person at a terminal: write lines, wait for what it prints."""

from __future__ import annotations

import os
import queue
import re
import subprocess
import sys
import threading
import time
from pathlib import Path


class LiveProcess:
    def __init__(self, args: list[str], *, cwd: Path, env: dict[str, str]) -> None:
        self.process = subprocess.Popen(
            [str(Path(sys.executable).parent / "overturn"), *args],
            cwd=cwd,
            env={**os.environ, **env, "PYTHONPATH": str(Path(__file__).resolve().parents[3])},
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            bufsize=1,
        )
        self.output = ""
        self._chunks: queue.Queue[str | None] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        while True:
            chunk = self.process.stdout.read(1)
            if not chunk:
                self._chunks.put(None)
                return
            self._chunks.put(chunk)

    def wait_for(self, pattern: str, timeout: float = 90.0, *, after: int = 0) -> re.Match[str]:
        """The first match of `pattern` in what the process printed from offset `after` on."""
        deadline = time.monotonic() + timeout
        while True:
            match = re.compile(pattern).search(self.output, after)
            if match:
                return match
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise AssertionError(f"timed out waiting for {pattern!r}; output so far:\n{self.output[-3000:]}")
            try:
                chunk = self._chunks.get(timeout=min(remaining, 0.5))
            except queue.Empty:
                continue
            if chunk is None:
                match = re.compile(pattern).search(self.output, after)
                if match:
                    return match
                raise AssertionError(f"the process ended before {pattern!r}; output:\n{self.output[-3000:]}")
            self.output += chunk

    def drain(self) -> str:
        """Everything the process has printed so far, without waiting for more."""
        while True:
            try:
                chunk = self._chunks.get_nowait()
            except queue.Empty:
                return self.output
            if chunk is None:
                return self.output
            self.output += chunk

    def send(self, line: str) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write(line + "\n")
        self.process.stdin.flush()

    def kill_hard(self) -> None:
        self.process.kill()  # SIGKILL: no cleanup, no flush, like a crash
        self.process.wait(timeout=10)

    def finish(self, timeout: float = 120.0) -> int:
        if self.process.stdin is not None:
            self.process.stdin.close()
        code = self.process.wait(timeout=timeout)
        while (chunk := self._chunks.get(timeout=timeout)) is not None:
            self.output += chunk
        return code
