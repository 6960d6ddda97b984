"""`overturn data delete --case ID [--yes]`: delete everything stored for a case, at the member's request.

Removes the PHI vault, the case's records (store.data_rights) and the interview's checkpoints, leaves a tombstone
and an audit event with counts. Asks first unless --yes; a closed input counts as no.
"""

from __future__ import annotations

import argparse
import asyncio
import sys

from bot.cli.case_ids import case_id_argument
from bot.cli.errors import UserFacingError
from bot.keys import resolve_key
from bot.settings import Settings, get_settings
from bot.store_access import STAFF_ROLE, cli_actor, open_store
from store.checkpoint_cipher import encrypted_serializer
from store.checkpoints import CheckpointConfigError, open_checkpointer
from store.data_rights import DeletionSummary, delete_case
from store.vault_repository import VaultRepository


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("data", help="the member's data: delete a case")
    actions = parser.add_subparsers(dest="data_action", required=True, metavar="ACTION")
    delete = actions.add_parser("delete", help="delete everything stored for a case (cannot be undone)")
    delete.add_argument("--case", default="", metavar="ID", help="the case (conversation) id")
    delete.add_argument("--yes", action="store_true", help="delete without asking first")
    delete.set_defaults(run=run_delete)


def run_delete(args: argparse.Namespace) -> int:
    if not args.case:
        raise UserFacingError("say which case to delete: overturn data delete --case ID")
    case_id = case_id_argument(args.case)
    if not args.yes and not _confirmed(case_id):
        print("Nothing was deleted.", file=sys.stderr)
        return 1
    summary = asyncio.run(_delete(get_settings(), case_id))
    print(_report(summary))
    return 0


def _confirmed(case_id: str) -> bool:
    prompt = (
        f"Delete everything stored for case {case_id}: its letters, answers, PHI vault and conversation? "
        "This cannot be undone. Type yes to delete: "
    )
    try:
        return input(prompt).strip().lower() == "yes"
    except EOFError:
        return False


async def _delete(settings: Settings, case_id: str) -> DeletionSummary:
    key = resolve_key(settings)
    try:
        checkpointer = open_checkpointer(settings.checkpoint_url, encrypted_serializer(key))
    except CheckpointConfigError as exc:
        raise UserFacingError(f"OVERTURN_CHECKPOINT_URL: {exc}") from exc
    store = open_store(settings)
    try:
        async with checkpointer as saver:
            return await delete_case(
                store.engine,
                case_id,
                audit=store.audit,
                actor=cli_actor(),
                role=STAFF_ROLE,
                vaults=VaultRepository(store.engine, key),
                delete_checkpoints=saver.adelete_thread,
            )
    finally:
        store.close()


def _report(summary: DeletionSummary) -> str:
    rows = [
        ("PHI vault", "removed" if summary.vault else "none stored"),
        ("letters", str(summary.letters)),
        ("generations", str(summary.generations)),
        ("answers", str(summary.answers)),
        ("details", str(summary.details)),
        ("outcomes", str(summary.outcomes)),
        ("conversation", "deleted" if summary.checkpoints else "not touched"),
    ]
    heading = f"Deleted case {summary.case_id}." if summary.case_found else f"No records of case {summary.case_id}."
    lines = [heading, *(f"  {name:<13}{value}" for name, value in rows)]
    return "\n".join(lines)
