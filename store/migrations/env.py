"""Alembic's entry point: migrations run against the connection store.migrate hands over."""

from __future__ import annotations

from alembic import context

import store.schema  # noqa: F401  (registers every table on the metadata)
from store.db import metadata

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("run migrations through store.migrate (overturn db upgrade), not the alembic command")
context.configure(connection=connection, target_metadata=metadata, render_as_batch=True, compare_type=True)
with context.begin_transaction():
    context.run_migrations()
