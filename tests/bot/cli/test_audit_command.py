"""`overturn audit verify|export` against a SQLite file as the configured database."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import text, update

from bot.cli import audit_command, main
from bot.settings import Settings
from store.audit import AuditEvent, AuditLog, audit_events
from tests.store.audit_schemas import tamper

pytestmark = pytest.mark.unit


@pytest.fixture
def database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An audit log in a fresh SQLite file, wired in as the configured database."""
    path = tmp_path / "db" / "overturn.db"
    settings = Settings(database_url=f"sqlite:///{path}")
    monkeypatch.setattr(audit_command, "get_settings", lambda: settings)
    return path


def _log(database: Path) -> AuditLog:
    return audit_command.open_audit_log(Settings(database_url=f"sqlite:///{database}"))


def _append(database: Path, count: int) -> list[AuditEvent]:
    log = _log(database)
    events = [
        log.append(actor="user:1", role="member", action="step", case_id=f"case-{n % 2}", details={"n": n})
        for n in range(count)
    ]
    log.engine.dispose()
    return events


def test_open_audit_log_makes_the_table_in_a_new_database(database: Path) -> None:
    log = _log(database)
    assert database.exists() and log.events() == []
    log.engine.dispose()


def test_verify_an_empty_log(database: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["audit", "verify"]) == 0
    assert capsys.readouterr().out == "audit log intact: 0 events\n"


def test_verify_an_intact_log(database: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _append(database, 3)
    assert main(["audit", "verify"]) == 0
    assert capsys.readouterr().out == "audit log intact: 3 events\n"


def test_verify_a_tampered_log(database: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _append(database, 3)
    log = _log(database)
    tamper(log.engine, update(audit_events).where(audit_events.c.id == 2).values(actor="mallory"))
    log.engine.dispose()
    assert main(["audit", "verify"]) == 1
    assert capsys.readouterr().out == (
        "audit log tampered at event 2: its hash does not match its contents (the event was changed)\n"
    )


def test_export_to_stdout(database: Path, capsys: pytest.CaptureFixture[str]) -> None:
    events = _append(database, 4)
    assert main(["audit", "export"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [AuditEvent.model_validate_json(line) for line in lines] == events


def test_export_one_case_to_a_file(database: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    events = _append(database, 5)
    out = tmp_path / "audit.jsonl"
    assert main(["audit", "export", "--case", "case-1", "--out", str(out)]) == 0
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err == f"exported 2 audit events to {out}\n"
    lines = out.read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["id"] for line in lines] == [2, 4]
    assert [AuditEvent.model_validate_json(line) for line in lines] == [e for e in events if e.case_id == "case-1"]


def test_export_to_a_folder_that_is_missing_is_one_line(
    database: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "missing" / "audit.jsonl"
    assert main(["audit", "export", "--out", str(out)]) == 2
    assert capsys.readouterr().err == f"overturn: {out}: cannot be written (No such file or directory)\n"


def test_a_database_that_cannot_be_opened_is_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    settings = Settings(database_url=f"sqlite:///{tmp_path}")  # a folder, not a database file
    monkeypatch.setattr(audit_command, "get_settings", lambda: settings)
    assert main(["audit", "verify"]) == 2
    assert capsys.readouterr().err == "overturn: the audit log's database cannot be opened (OperationalError)\n"


def test_export_of_an_event_that_no_longer_parses_is_one_line(
    database: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _append(database, 2)
    log = _log(database)
    tamper(log.engine, text("UPDATE audit_events SET at = 'yesterday' WHERE id = 2"))
    log.engine.dispose()
    assert main(["audit", "export"]) == 1
    assert capsys.readouterr().err == "overturn: an audit event cannot be read; run `overturn audit verify`\n"
    assert main(["audit", "verify"]) == 1
    assert capsys.readouterr().out == "audit log tampered at event 2: its stored fields cannot be read\n"
