"""The store: PHI vault, audit log (append-only on PostgreSQL), cases and letters, prompt and model pins.

Revision ID: 0001
Revises:
Create Date: 2026-11-30 22:57:29.063274
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from store.audit import APPEND_ONLY_DDL

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "audit_events",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("actor", sa.String(length=128), nullable=False),
        sa.Column("role", sa.String(length=64), nullable=False),
        sa.Column("action", sa.String(length=128), nullable=False),
        sa.Column("case_id", sa.String(length=128), nullable=True),
        sa.Column("details", sa.JSON(), nullable=False),
        sa.Column("prev_hash", sa.String(length=64), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_events")),
        sa.UniqueConstraint("hash", name=op.f("uq_audit_events_hash")),
    )
    with op.batch_alter_table("audit_events", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_audit_events_case_id"), ["case_id"], unique=False)

    op.create_table(
        "cases",
        sa.Column("case_id", sa.String(length=128), nullable=False),
        sa.Column("thread_id", sa.String(length=128), nullable=False),
        sa.Column("owner", sa.String(length=128), nullable=True),
        sa.Column("channel", sa.String(length=32), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("deadline", sa.Date(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("status IN ('open', 'delivered', 'needs_review', 'deleted')", name=op.f("ck_cases_status")),
        sa.PrimaryKeyConstraint("case_id", name=op.f("pk_cases")),
    )
    op.create_table(
        "model_pins",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("task", sa.String(length=32), nullable=False),
        sa.Column("model_id", sa.String(length=300), nullable=False),
        sa.Column("adapter", sa.String(length=300), nullable=True),
        sa.Column("pinned_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("actor", sa.String(length=200), nullable=False),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_model_pins")),
    )
    with op.batch_alter_table("model_pins", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_model_pins_task"), ["task"], unique=False)

    op.create_table(
        "phi_vaults",
        sa.Column("case_id", sa.String(length=128), nullable=False),
        sa.Column("ciphertext", sa.LargeBinary(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("case_id", name=op.f("pk_phi_vaults")),
    )
    op.create_table(
        "prompt_versions",
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("first_seen", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("name", "sha256", name=op.f("pk_prompt_versions")),
    )
    op.create_table(
        "case_answers",
        sa.Column("case_id", sa.String(length=128), nullable=False),
        sa.Column("question_id", sa.String(length=64), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("value", sa.Text(), nullable=True),
        sa.CheckConstraint("status IN ('answered', 'skipped', 'unknown')", name=op.f("ck_case_answers_status")),
        sa.ForeignKeyConstraint(["case_id"], ["cases.case_id"], name=op.f("fk_case_answers_case_id_cases")),
        sa.PrimaryKeyConstraint("case_id", "question_id", name=op.f("pk_case_answers")),
    )
    op.create_table(
        "case_details",
        sa.Column("case_id", sa.String(length=128), nullable=False),
        sa.Column("details", sa.JSON(), nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["case_id"], ["cases.case_id"], name=op.f("fk_case_details_case_id_cases")),
        sa.PrimaryKeyConstraint("case_id", name=op.f("pk_case_details")),
    )
    op.create_table(
        "letters",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("case_id", sa.String(length=128), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("vault_case_id", sa.String(length=128), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("question_bank_version", sa.String(length=64), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("status_changed_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("status IN ('draft', 'approved', 'sent')", name=op.f("ck_letters_status")),
        sa.ForeignKeyConstraint(["case_id"], ["cases.case_id"], name=op.f("fk_letters_case_id_cases")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_letters")),
    )
    with op.batch_alter_table("letters", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_letters_case_id"), ["case_id"], unique=False)
        batch_op.create_index("ix_letters_status", ["status"], unique=False)

    op.create_table(
        "outcomes",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("case_id", sa.String(length=128), nullable=False),
        sa.Column("result", sa.String(length=24), nullable=False),
        sa.Column("reported_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.CheckConstraint(
            "result IN ('overturned', 'partly_overturned', 'upheld', 'pending', 'withdrawn')",
            name=op.f("ck_outcomes_result"),
        ),
        sa.ForeignKeyConstraint(["case_id"], ["cases.case_id"], name=op.f("fk_outcomes_case_id_cases")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_outcomes")),
    )
    with op.batch_alter_table("outcomes", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_outcomes_case_id"), ["case_id"], unique=False)

    op.create_table(
        "prompt_pins",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("pinned_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("actor", sa.String(length=200), nullable=False),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["name", "sha256"],
            ["prompt_versions.name", "prompt_versions.sha256"],
            name=op.f("fk_prompt_pins_name_prompt_versions"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_prompt_pins")),
    )
    with op.batch_alter_table("prompt_pins", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_prompt_pins_name"), ["name"], unique=False)

    op.create_table(
        "generations",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("case_id", sa.String(length=128), nullable=False),
        sa.Column("letter_id", sa.Integer(), nullable=True),
        sa.Column("source", sa.String(length=16), nullable=False),
        sa.Column("shadow", sa.Boolean(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("template", sa.String(length=256), nullable=True),
        sa.Column("template_sha256", sa.String(length=64), nullable=True),
        sa.Column("system_sha256", sa.String(length=64), nullable=True),
        sa.Column("model_id", sa.String(length=256), nullable=True),
        sa.Column("revision", sa.String(length=128), nullable=True),
        sa.Column("adapter", sa.String(length=256), nullable=True),
        sa.Column("parameters", sa.JSON(), nullable=False),
        sa.Column("backend", sa.String(length=64), nullable=True),
        sa.Column("latency_s", sa.Float(), nullable=True),
        sa.Column("prompt_tokens", sa.Integer(), nullable=True),
        sa.Column("completion_tokens", sa.Integer(), nullable=True),
        sa.Column("fallback_used", sa.Boolean(), nullable=False),
        sa.Column("fallback_reason", sa.Text(), nullable=True),
        sa.Column("guardrails", sa.JSON(), nullable=False),
        sa.Column("guardrails_passed", sa.Boolean(), nullable=False),
        sa.Column("chosen", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("source IN ('model', 'template')", name=op.f("ck_generations_source")),
        sa.CheckConstraint("NOT (shadow AND chosen)", name=op.f("ck_generations_shadow_not_chosen")),
        sa.ForeignKeyConstraint(["case_id"], ["cases.case_id"], name=op.f("fk_generations_case_id_cases")),
        sa.ForeignKeyConstraint(["letter_id"], ["letters.id"], name=op.f("fk_generations_letter_id_letters")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_generations")),
    )
    with op.batch_alter_table("generations", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_generations_case_id"), ["case_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_generations_letter_id"), ["letter_id"], unique=False)
    if op.get_bind().dialect.name == "postgresql":
        for statement in APPEND_ONLY_DDL:
            op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS audit_events_no_change ON audit_events")
        op.execute("DROP TRIGGER IF EXISTS audit_events_no_truncate ON audit_events")
        op.execute("DROP FUNCTION IF EXISTS audit_events_append_only()")
    with op.batch_alter_table("generations", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_generations_letter_id"))
        batch_op.drop_index(batch_op.f("ix_generations_case_id"))

    op.drop_table("generations")
    with op.batch_alter_table("prompt_pins", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_prompt_pins_name"))

    op.drop_table("prompt_pins")
    with op.batch_alter_table("outcomes", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_outcomes_case_id"))

    op.drop_table("outcomes")
    with op.batch_alter_table("letters", schema=None) as batch_op:
        batch_op.drop_index("ix_letters_status")
        batch_op.drop_index(batch_op.f("ix_letters_case_id"))

    op.drop_table("letters")
    op.drop_table("case_details")
    op.drop_table("case_answers")
    op.drop_table("prompt_versions")
    op.drop_table("phi_vaults")
    with op.batch_alter_table("model_pins", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_model_pins_task"))

    op.drop_table("model_pins")
    op.drop_table("cases")
    with op.batch_alter_table("audit_events", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_audit_events_case_id"))

    op.drop_table("audit_events")
