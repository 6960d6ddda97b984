"""`overturn data delete`: the case's records, vault and conversation go; a tombstone and an audit event stay."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine

from bot.cli import data_command
from bot.keys import resolve_key
from bot.settings import Settings, get_settings
from bot.store_access import open_store
from store.checkpoint_cipher import encrypted_serializer
from store.checkpoints import open_checkpointer
from store.db import engine_for
from store.vault import PhiVault
from store.vault_repository import VaultRepository
from tests.store.canary_graph import run_interview
from tests.store.records_cli import run, use_commands, use_settings
from tests.store.records_db import postgres_schema, psycopg_url, tables_holding
from tests.store.records_samples import delivery
from tests.store.services import postgres_url

CANARY = "CANARY-DELETE-4471"


@pytest.fixture(autouse=True)
def commands(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    use_commands(monkeypatch, data_command.register)
    yield
    get_settings.cache_clear()


async def _stored_case(settings: Settings) -> str:
    """A delivered case with the canary in its records and vault, and a conversation checkpointed."""
    case_id = f"case-{uuid.uuid4().hex[:12]}"
    store = open_store(settings)
    try:
        store.records.record_delivery(delivery(case_id, canary=CANARY))
        VaultRepository(store.engine, resolve_key(settings)).save(case_id, PhiVault(values={"[MEMBER_ID_1]": CANARY}))
    finally:
        store.close()
    async with open_checkpointer(settings.checkpoint_url, encrypted_serializer(resolve_key(settings))) as saver:
        await run_interview(saver, case_id, CANARY)
    return case_id


async def _has_conversation(settings: Settings, case_id: str) -> bool:
    async with open_checkpointer(settings.checkpoint_url, encrypted_serializer(resolve_key(settings))) as saver:
        return await saver.aget_tuple({"configurable": {"thread_id": case_id}}) is not None


def _engine(settings: Settings) -> Engine:
    return engine_for(settings.database_url)


def _deletes_everything(settings: Settings, capsys: pytest.CaptureFixture[str]) -> None:
    case_id = asyncio.run(_stored_case(settings))
    assert asyncio.run(_has_conversation(settings, case_id))

    code, out, err = run(capsys, "data", "delete", "--case", case_id, "--yes")

    assert (code, err) == (0, "")
    assert out.splitlines()[0] == f"Deleted case {case_id}."
    assert "letters      1" in out and "generations  4" in out and "PHI vault    removed" in out
    assert "conversation deleted" in out
    assert not asyncio.run(_has_conversation(settings, case_id))
    engine = _engine(settings)
    try:
        assert tables_holding(engine, CANARY) == {}
    finally:
        engine.dispose()
    store = open_store(settings)
    try:
        case = store.records.case(case_id)
        assert case is not None and case.status == "deleted"
        [event] = store.audit.events(case_id=case_id, action="case.deleted")
        assert (event.actor, event.role, event.details["letters"]) == ("ana", "staff", 1)
    finally:
        store.close()


@pytest.mark.unit
def test_delete_with_yes_on_sqlite(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _deletes_everything(use_settings(monkeypatch, tmp_path), capsys)


@pytest.mark.integration
def test_delete_with_yes_on_postgres(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with postgres_schema() as schema:
        url = f"{psycopg_url(postgres_url())}?options=-csearch_path%3D{schema}"
        _deletes_everything(use_settings(monkeypatch, tmp_path, database_url=url), capsys)


@pytest.mark.unit
def test_it_asks_first_and_a_no_deletes_nothing(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    settings = use_settings(monkeypatch, tmp_path)
    case_id = asyncio.run(_stored_case(settings))
    prompts: list[str] = []

    def answer(prompt: str) -> str:
        prompts.append(prompt)
        return "n"

    monkeypatch.setattr("builtins.input", answer)
    code, out, err = run(capsys, "data", "delete", "--case", case_id)
    assert (code, out, err) == (1, "", "Nothing was deleted.\n")
    assert case_id in prompts[0] and "cannot be undone" in prompts[0]
    assert asyncio.run(_has_conversation(settings, case_id))

    monkeypatch.setattr("builtins.input", lambda prompt: "yes")
    code, out, _ = run(capsys, "data", "delete", "--case", case_id)
    assert code == 0 and out.startswith(f"Deleted case {case_id}.")


@pytest.mark.unit
def test_a_closed_input_is_a_no(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    use_settings(monkeypatch, tmp_path)

    def closed(prompt: str) -> str:
        raise EOFError

    monkeypatch.setattr("builtins.input", closed)
    assert run(capsys, "data", "delete", "--case", "abc123")[0] == 1


@pytest.mark.unit
@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["data", "delete", "--yes"], "say which case to delete"),
        (["data", "delete", "--case", "no spaces please", "--yes"], "is not a case id"),
        (["data", "delete", "--case", "x" * 129, "--yes"], "is not a case id"),
    ],
)
def test_bad_input_is_one_line(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    use_settings(monkeypatch, tmp_path)
    code, out, err = run(capsys, *argv)
    assert code == 2 and out == ""
    assert len(err.splitlines()) == 1 and message in err


@pytest.mark.unit
def test_a_bad_checkpoint_url_is_one_line(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    use_settings(monkeypatch, tmp_path)
    monkeypatch.setenv("OVERTURN_CHECKPOINT_URL", "ftp://nowhere")
    get_settings.cache_clear()
    code, _, err = run(capsys, "data", "delete", "--case", "abc123", "--yes")
    assert code == 2 and len(err.splitlines()) == 1 and "OVERTURN_CHECKPOINT_URL" in err
