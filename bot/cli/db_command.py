"""`overturn db upgrade|current`: bring the store's database to the newest schema, or say where it stands."""

from __future__ import annotations

import argparse

from sqlalchemy.exc import SQLAlchemyError

from bot.cli.errors import UserFacingError
from bot.settings import get_settings
from store.db import engine_for
from store.migrate import current_revision, head_revision, upgrade


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("db", help="migrate the store's database (OVERTURN_DATABASE_URL)")
    actions = parser.add_subparsers(dest="db_action", required=True, metavar="ACTION")
    actions.add_parser("upgrade", help="apply every migration not yet applied").set_defaults(run=run_upgrade)
    actions.add_parser("current", help="the schema revision the database is at").set_defaults(run=run_current)


def run_upgrade(args: argparse.Namespace) -> int:
    engine = engine_for(get_settings().database_url)
    try:
        upgrade(engine)
        print(f"database at revision {current_revision(engine)} (newest: {head_revision()})")
    except SQLAlchemyError as exc:
        raise UserFacingError(f"the database cannot be migrated ({type(exc).__name__})", exit_code=1) from None
    return 0


def run_current(args: argparse.Namespace) -> int:
    engine = engine_for(get_settings().database_url)
    try:
        current = current_revision(engine)
    except SQLAlchemyError as exc:
        raise UserFacingError(f"the database cannot be read ({type(exc).__name__})", exit_code=1) from None
    head = head_revision()
    state = "up to date" if current == head else f"behind (newest: {head}); run `overturn db upgrade`"
    print(f"database at revision {current or 'none'}: {state}")
    return 0
