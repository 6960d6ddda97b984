"""Staff work on delivered letters: `overturn letters list|approve|sent` and `overturn outcome CASE RESULT`.

`letters list [--case ID] [--status S] [--json]` shows letters without their text; `letters approve ID` and
`letters sent ID` move one forward (draft -> approved -> sent); `outcome CASE RESULT [--note TEXT]` records what
the insurer decided. A note goes through the redactor, with the case's vault values as known values, before it
is stored. Every change is audited under the login name with the role "staff".
"""

from __future__ import annotations

import argparse
import json

from bot.cli.case_ids import case_id_argument
from bot.cli.errors import UserFacingError
from bot.keys import resolve_key
from bot.settings import Settings, get_settings
from bot.store_access import STAFF_ROLE, Store, cli_actor, open_store
from store.case_records import CaseRecordError
from store.records_schema import LETTER_STATUSES, OUTCOME_RESULTS, LetterRow
from store.vault import PhiVault, VaultDecryptError
from store.vault_repository import VaultRepository


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Registers two commands: `letters` and `outcome`."""
    parser = sub.add_parser("letters", help="list delivered letters, approve them, mark them sent")
    actions = parser.add_subparsers(dest="letters_action", required=True, metavar="ACTION")
    listing = actions.add_parser("list", help="the letters, newest last (without their text)")
    listing.add_argument("--case", metavar="ID", help="only this case's letters")
    listing.add_argument("--status", metavar="S", help=f"only letters in this status: {', '.join(LETTER_STATUSES)}")
    listing.add_argument("--json", action="store_true", help="one JSON object per letter per line")
    listing.set_defaults(run=run_list)
    for status, verb in (("approved", "approve"), ("sent", "sent")):
        action = actions.add_parser(verb, help=f"mark a letter {status}")
        action.add_argument("letter", metavar="ID", help="the letter's id (see: overturn letters list)")
        action.set_defaults(run=run_set_status, status=status)

    outcome = sub.add_parser("outcome", help="record what the insurer decided on an appeal")
    outcome.add_argument("case", metavar="CASE", help="the case id")
    outcome.add_argument("result", metavar="RESULT", help=", ".join(OUTCOME_RESULTS))
    outcome.add_argument("--note", default=None, metavar="TEXT", help="a short note; redacted before it is kept")
    outcome.set_defaults(run=run_outcome)


def run_list(args: argparse.Namespace) -> int:
    case_id = case_id_argument(args.case) if args.case is not None else None
    if args.status is not None and args.status not in LETTER_STATUSES:
        raise UserFacingError(f"--status {args.status!r}: use one of {', '.join(LETTER_STATUSES)}")
    store = open_store(get_settings())
    try:
        rows = store.records.letters(case_id=case_id, status=args.status)
    finally:
        store.close()
    if args.json:
        for row in rows:
            print(json.dumps(_as_json(row)))
    elif not rows:
        print("No letters.")
    else:
        print(f"{'ID':>6}  {'STATUS':<9} {'CREATED (UTC)':<17} CASE")
        for row in rows:
            print(f"{row.id:>6}  {row.status:<9} {row.created_at:%Y-%m-%d %H:%M} {row.case_id}")
    return 0


def run_set_status(args: argparse.Namespace) -> int:
    letter_id = _letter_id(args.letter)
    store = open_store(get_settings())
    try:
        before = store.records.letter(letter_id)
        if before is None:
            raise UserFacingError(f"there is no letter {letter_id}")
        try:
            after = store.records.set_letter_status(letter_id, args.status, actor=cli_actor(), role=STAFF_ROLE)
        except CaseRecordError as exc:
            raise UserFacingError(str(exc)) from exc
    finally:
        store.close()
    if before.status == after.status:
        print(f"Letter {letter_id} is already {after.status}.")
    else:
        print(f"Letter {letter_id} is now {after.status}.")
    return 0


def run_outcome(args: argparse.Namespace) -> int:
    case_id = case_id_argument(args.case)
    result = args.result.strip().lower().replace("-", "_")
    if result not in OUTCOME_RESULTS:
        raise UserFacingError(f"{args.result!r} is not an outcome; use one of {', '.join(OUTCOME_RESULTS)}")
    note = args.note.strip() if args.note else None
    settings = get_settings()
    store = open_store(settings)
    try:
        case = store.records.case(case_id)
        if case is None or case.status == "deleted":
            raise UserFacingError(f"there is no case {case_id}" if case is None else f"case {case_id} was deleted")
        kept_note = _redacted(settings, store, case_id, note) if note else None
        try:
            outcome = store.records.record_outcome(case_id, result, actor=cli_actor(), role=STAFF_ROLE, note=kept_note)
        except CaseRecordError as exc:
            raise UserFacingError(str(exc)) from exc
    finally:
        store.close()
    print(f"Recorded outcome {outcome.result} for case {case_id}.")
    return 0


def _redacted(settings: Settings, store: Store, case_id: str, note: str) -> str:
    """The note with identifiers replaced by the case's placeholders (new ones are added to its vault)."""
    from graph.redaction import KnownValue  # presidio and spaCy load only when there is a note
    from graph.redaction.engine import get_redactor

    vaults = VaultRepository(store.engine, resolve_key(settings))
    try:
        vault = vaults.load(case_id) or PhiVault()
    except VaultDecryptError as exc:
        raise UserFacingError(f"case {case_id}: its vault cannot be read with this key ({exc})") from exc
    issued = len(vault)
    known = [KnownValue(p.strip("[]").rsplit("_", 1)[0], value) for p, value in vault.values.items()]
    text = get_redactor().with_known_values(known).redact(note, vault).text
    if len(vault) != issued:
        vaults.save(case_id, vault)
    return text


def _letter_id(value: str) -> int:
    if not value.strip().isdigit():
        raise UserFacingError(f"{value!r} is not a letter id (a number; see: overturn letters list)")
    return int(value)


def _as_json(row: LetterRow) -> dict[str, object]:
    return {
        "id": row.id,
        "case_id": row.case_id,
        "status": row.status,
        "question_bank_version": row.question_bank_version,
        "created_at": row.created_at.isoformat(),
        "status_changed_at": row.status_changed_at.isoformat(),
    }
