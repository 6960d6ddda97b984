"""Processes that append audit events at the same moment: each prints READY, waits for a line on stdin, appends.

python -m tests.store.audit_appender POSTGRES_URL SCHEMA ACTOR COUNT
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

from store.audit import AuditLog
from tests.store.audit_schemas import schema_engine

REPO_ROOT = Path(__file__).resolve().parents[2]


def race(url: str, schema: str, actors: Sequence[str], count: int) -> list[int]:
    """Start one appender process per actor, let them all go at once; their exit codes."""
    processes = [
        subprocess.Popen(
            [sys.executable, "-m", "tests.store.audit_appender", url, schema, actor, str(count)],
            cwd=REPO_ROOT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        for actor in actors
    ]
    try:
        for process in processes:
            assert process.stdout is not None and process.stdout.readline().strip() == "READY"
        for process in processes:
            assert process.stdin is not None
            process.stdin.write("go\n")
            process.stdin.flush()
        return [process.wait(timeout=60) for process in processes]
    finally:
        for process in processes:
            process.kill()
            process.communicate()


def _append(url: str, schema: str, actor: str, count: int) -> None:
    engine = schema_engine(url, schema)
    log = AuditLog(engine)
    log.events(action="warm-up")  # connect before the start line, so the processes race from the first append
    print("READY", flush=True)
    sys.stdin.readline()
    for n in range(count):
        log.append(actor=actor, role="system", action="test.append", details={"n": n})
    engine.dispose()


if __name__ == "__main__":
    _append(sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]))
