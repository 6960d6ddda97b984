"""`overturn audit verify` and `overturn audit export [--case ID] [--out FILE]`: check and copy the audit log.

verify exits 0 when the chain is intact, 1 when an event was changed, removed or inserted, 2 when the database
cannot be read.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy.exc import SQLAlchemyError

from bot.cli.errors import UserFacingError
from bot.database import database
from bot.settings import Settings, get_settings
from store.audit import AuditLog


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("audit", help="check or export the audit log")
    actions = parser.add_subparsers(dest="audit_action", required=True, metavar="ACTION")
    verify = actions.add_parser("verify", help="check that no audit event was changed, removed or inserted")
    verify.set_defaults(run=run_verify)
    export = actions.add_parser("export", help="write the audit events as JSON Lines")
    export.add_argument("--case", dest="case_id", default=None, metavar="ID", help="only this case's events")
    export.add_argument("--out", type=Path, default=None, metavar="FILE", help="write here (default: stdout)")
    export.set_defaults(run=run_export)


def open_audit_log(settings: Settings) -> AuditLog:
    """The audit log in the configured (migrated) database."""
    return AuditLog(database(settings))


def run_verify(args: argparse.Namespace) -> int:
    with _audit_log() as log:
        result = log.verify()
    if result.ok:
        print(f"audit log intact: {result.checked} events")
        return 0
    print(f"audit log tampered at event {result.first_bad_id}: {result.problem}")
    return 1


def run_export(args: argparse.Namespace) -> int:
    out: Path | None = args.out
    with _audit_log() as log:
        if out is None:
            log.export(sys.stdout, case_id=args.case_id)
            return 0
        try:
            with out.open("w", encoding="utf-8", newline="\n") as file:
                count = log.export(file, case_id=args.case_id)
        except OSError as exc:
            raise UserFacingError(f"{out}: cannot be written ({exc.strerror})") from exc
    print(f"exported {count} audit events to {out}", file=sys.stderr)
    return 0


@contextmanager
def _audit_log() -> Iterator[AuditLog]:
    try:
        log = open_audit_log(get_settings())
    except SQLAlchemyError as exc:
        raise UserFacingError(f"the audit log's database cannot be opened ({type(exc).__name__})") from exc
    try:
        yield log
    except SQLAlchemyError as exc:
        raise UserFacingError(f"the audit log cannot be read ({type(exc).__name__})") from exc
    except ValueError as exc:  # a stored event no longer parses: someone wrote to the table by hand
        raise UserFacingError("an audit event cannot be read; run `overturn audit verify`", exit_code=1) from exc
    finally:
        log.engine.dispose()
