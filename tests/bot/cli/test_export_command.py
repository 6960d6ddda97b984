"""`overturn export training --deidentified`: JSON Lines of approved letters; no identified export exists."""

from __future__ import annotations

import json
import stat
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.cli import export_command
from bot.keys import resolve_key
from bot.settings import Settings, get_settings
from bot.store_access import open_store
from store.vault import PhiVault
from store.vault_repository import VaultRepository
from tests.store.records_cli import run, use_commands, use_settings
from tests.store.records_samples import delivery

pytestmark = pytest.mark.unit

CANARY = "CANARY-EXPORT-9034"


@pytest.fixture
def settings(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[Settings]:
    use_commands(monkeypatch, export_command.register)
    yield use_settings(monkeypatch, tmp_path)
    get_settings.cache_clear()


def _approved_letter(settings: Settings, *, letter_text: str | None = None) -> str:
    case_id = f"case-{uuid.uuid4().hex[:12]}"
    record = delivery(case_id)
    if letter_text is not None:
        record = record.model_copy(update={"letter_text": letter_text})
    store = open_store(settings)
    try:
        store.records.record_delivery(record)
        VaultRepository(store.engine, resolve_key(settings)).save(case_id, PhiVault(values={"[MEMBER_ID_1]": CANARY}))
        [letter] = store.records.letters(case_id=case_id)
        store.records.set_letter_status(letter.id, "approved", actor="ana", role="staff")
    finally:
        store.close()
    return case_id


def test_writes_jsonl_to_a_private_file(settings: Settings, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    case_ids = [_approved_letter(settings), _approved_letter(settings)]
    out_file = tmp_path / "training.jsonl"
    out_file.write_text("old\n")
    out_file.chmod(0o644)

    code, out, err = run(capsys, "export", "training", "--deidentified", "--out", str(out_file))

    assert (code, out) == (0, "")
    assert err == f"Wrote 2 training examples to {out_file}.\n"
    assert stat.S_IMODE(out_file.stat().st_mode) == 0o600
    text = out_file.read_text(encoding="utf-8")
    examples = [json.loads(line) for line in text.splitlines()]
    assert [[m["role"] for m in e["messages"]] for e in examples] == [["system", "user", "assistant"]] * 2
    assert CANARY not in text and not any(case_id in text for case_id in case_ids)


def test_writes_to_stdout_and_names_what_it_left_out(settings: Settings, capsys: pytest.CaptureFixture[str]) -> None:
    _approved_letter(settings)
    _approved_letter(settings, letter_text="My SSN is 123-45-6789. Sincerely, [PERSON_1]")
    code, out, err = run(capsys, "export", "training", "--deidentified")
    assert code == 0 and len(out.splitlines()) == 1 and json.loads(out)["messages"][2]["role"] == "assistant"
    assert "left out: a number shaped like an SSN in the assistant message" in err
    assert err.splitlines()[-1] == "Wrote 1 training example to stdout; 1 left out."
    assert "123-45-6789" not in out + err


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["export", "training"], "there is no identified export"),
        (["export", "training", "--deidentified", "--out", "missing/folder/x.jsonl"], "does not exist"),
    ],
)
def test_bad_input_is_one_line(
    settings: Settings, capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    code, out, err = run(capsys, *argv)
    assert (code, out) == (2, "")
    assert len(err.splitlines()) == 1 and message in err
