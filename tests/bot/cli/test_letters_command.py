"""`overturn letters list|approve|sent` and `overturn outcome`: staff moving letters forward, audited."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.cli import letters_command
from bot.keys import resolve_key
from bot.settings import Settings, get_settings
from bot.store_access import open_store
from store.vault import PhiVault
from store.vault_repository import VaultRepository
from tests.store.records_cli import run, use_commands, use_settings
from tests.store.records_samples import delivery

pytestmark = pytest.mark.unit


@pytest.fixture
def settings(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[Settings]:
    use_commands(monkeypatch, letters_command.register)
    yield use_settings(monkeypatch, tmp_path)
    get_settings.cache_clear()


def _delivered(settings: Settings) -> tuple[str, int]:
    case_id = f"case-{uuid.uuid4().hex[:12]}"
    store = open_store(settings)
    try:
        store.records.record_delivery(delivery(case_id))
        [letter] = store.records.letters(case_id=case_id)
    finally:
        store.close()
    return case_id, letter.id


def test_list_approve_and_send(settings: Settings, capsys: pytest.CaptureFixture[str]) -> None:
    case_id, letter_id = _delivered(settings)
    other_case, _ = _delivered(settings)

    code, out, _ = run(capsys, "letters", "list")
    assert code == 0 and case_id in out and other_case in out and "draft" in out
    assert "lumbar" not in out.lower()  # no letter text in the listing

    assert run(capsys, "letters", "approve", str(letter_id))[:2] == (0, f"Letter {letter_id} is now approved.\n")
    assert run(capsys, "letters", "approve", str(letter_id))[:2] == (0, f"Letter {letter_id} is already approved.\n")
    assert run(capsys, "letters", "sent", str(letter_id))[:2] == (0, f"Letter {letter_id} is now sent.\n")

    code, out, _ = run(capsys, "letters", "list", "--case", case_id, "--json")
    [row] = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and (row["id"], row["case_id"], row["status"]) == (letter_id, case_id, "sent")
    assert "text" not in row
    assert run(capsys, "letters", "list", "--status", "approved")[1] == "No letters.\n"

    store = open_store(settings)
    try:
        events = store.audit.events(case_id=case_id)
    finally:
        store.close()
    assert [(e.action, e.actor, e.role) for e in events][1:] == [
        ("letter.approved", "ana", "staff"),
        ("letter.sent", "ana", "staff"),
    ]


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["letters", "list", "--status", "lost"], "--status 'lost': use one of draft, approved, sent"),
        (["letters", "list", "--case", "two words"], "is not a case id"),
        (["letters", "approve", "seven"], "'seven' is not a letter id"),
        (["letters", "approve", "999"], "there is no letter 999"),
        (["outcome", "no-such-case", "upheld"], "there is no case no-such-case"),
        (["outcome", "abc", "won"], "'won' is not an outcome"),
    ],
)
def test_bad_input_is_one_line(
    settings: Settings, capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    code, out, err = run(capsys, *argv)
    assert (code, out) == (2, "")
    assert len(err.splitlines()) == 1 and message in err


def test_going_backwards_or_skipping_approval_is_refused(
    settings: Settings, capsys: pytest.CaptureFixture[str]
) -> None:
    _, letter_id = _delivered(settings)
    code, _, err = run(capsys, "letters", "sent", str(letter_id))
    assert code == 2 and f"letter {letter_id} is a draft: approve it before marking it sent" in err
    run(capsys, "letters", "approve", str(letter_id))
    run(capsys, "letters", "sent", str(letter_id))
    code, _, err = run(capsys, "letters", "approve", str(letter_id))
    assert code == 2 and "already sent; it cannot go back to approved" in err


def test_an_outcome_and_its_note_are_recorded_redacted(settings: Settings, capsys: pytest.CaptureFixture[str]) -> None:
    case_id, _ = _delivered(settings)
    store = open_store(settings)
    vaults = VaultRepository(store.engine, resolve_key(settings))
    vaults.save(case_id, PhiVault(values={"[PERSON_1]": "Zebulon Quattlebaum"}))

    code, out, err = run(
        capsys, "outcome", case_id, "partly-overturned", "--note", "Zebulon Quattlebaum called: the MRI is covered."
    )
    assert (code, err) == (0, "")
    assert out == f"Recorded outcome partly_overturned for case {case_id}.\n"
    try:
        [outcome] = store.records.outcomes(case_id)
        [event] = store.audit.events(case_id=case_id, action="outcome.reported")
    finally:
        store.close()
    assert outcome.note is not None and "Quattlebaum" not in outcome.note and "[PERSON_1]" in outcome.note
    assert event.details == {"outcome_id": outcome.id, "result": "partly_overturned", "has_note": True}
    assert (event.actor, event.role) == ("ana", "staff")
