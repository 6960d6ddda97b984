"""Alembic migrations of the one schema (store.db.metadata). `overturn db upgrade` applies them."""
