"""sync ledger: received changes by origin counter, the bundle ledger, conflicts, local sync state

Revision ID: 0005_sync_ledger
Revises: 0004_forms_consent
Create Date: 2026-11-23 18:46:05.908931
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005_sync_ledger"
down_revision = "0004_forms_consent"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "conflicts",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("entity", sa.String(length=40), nullable=False),
        sa.Column("record_id", sa.String(length=36), nullable=False),
        sa.Column("field", sa.String(length=60), nullable=False),
        sa.Column("kept_version", sa.String(length=64), nullable=False),
        sa.Column("kept_value", sa.Text(), nullable=True),
        sa.Column("kept_author", sa.String(length=64), nullable=True),
        sa.Column("other_version", sa.String(length=64), nullable=False),
        sa.Column("other_value", sa.Text(), nullable=True),
        sa.Column("other_author", sa.String(length=64), nullable=True),
        sa.Column("detected_at", sa.DateTime(), nullable=False),
        sa.Column("resolved_at", sa.DateTime(), nullable=True),
        sa.Column("resolved_by", sa.String(length=64), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_conflicts")),
        sa.UniqueConstraint(
            "entity",
            "record_id",
            "field",
            "kept_version",
            "other_version",
            name=op.f("uq_conflicts_entity_record_id_field_kept_version_other_version"),
        ),
    )
    with op.batch_alter_table("conflicts", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_conflicts_record_id"), ["record_id"], unique=False)

    op.create_table(
        "sync_bundles",
        sa.Column("bundle_id", sa.String(length=36), nullable=False),
        sa.Column("file_hash", sa.String(length=64), nullable=False),
        sa.Column("direction", sa.String(length=12), nullable=False),
        sa.Column("kind", sa.String(length=12), nullable=False),
        sa.Column("origin_device", sa.String(length=36), nullable=False),
        sa.Column("epoch", sa.Integer(), nullable=False),
        sa.Column("seq_from", sa.Integer(), nullable=True),
        sa.Column("seq_to", sa.Integer(), nullable=True),
        sa.Column("state", sa.String(length=12), nullable=False),
        sa.Column("changes", sa.Integer(), nullable=False),
        sa.Column("applied", sa.Integer(), nullable=False),
        sa.Column("conflicts", sa.Integer(), nullable=False),
        sa.Column("error", sa.String(length=40), nullable=True),
        sa.Column("file_name", sa.String(length=260), nullable=True),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("bundle_id", name=op.f("pk_sync_bundles")),
    )
    with op.batch_alter_table("sync_bundles", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_sync_bundles_file_hash"), ["file_hash"], unique=False)

    op.create_table(
        "sync_received",
        sa.Column("origin_device", sa.String(length=36), nullable=False),
        sa.Column("epoch", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("prev_seq", sa.Integer(), nullable=False),
        sa.Column("line_hash", sa.String(length=64), nullable=False),
        sa.Column("bundle_id", sa.String(length=36), nullable=False),
        sa.Column("state", sa.String(length=12), nullable=False),
        sa.Column("line", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("origin_device", "epoch", "seq", name=op.f("pk_sync_received")),
    )
    op.create_table(
        "sync_state",
        sa.Column("key", sa.String(length=120), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_sync_state")),
    )


def downgrade() -> None:
    op.drop_table("sync_state")
    op.drop_table("sync_received")
    with op.batch_alter_table("sync_bundles", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_sync_bundles_file_hash"))

    op.drop_table("sync_bundles")
    with op.batch_alter_table("conflicts", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_conflicts_record_id"))

    op.drop_table("conflicts")
