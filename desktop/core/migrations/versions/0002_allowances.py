"""allowances rates targets

Revision ID: 0002_allowances
Revises: 0001_initial
Create Date: 2026-11-23 17:11:58.794990
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002_allowances"
down_revision = "0001_initial"
branch_labels = None
depends_on = None


def upgrade() -> None:

    op.create_table(
        "reference_rates",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("province_code", sa.String(length=2), nullable=True),
        sa.Column("value", sa.Integer(), nullable=False),
        sa.Column("effective_from", sa.Date(), nullable=False),
        sa.Column("basis", sa.String(length=200), nullable=False),
        sa.Column("status", sa.String(length=1), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reference_rates")),
    )
    with op.batch_alter_table("reference_rates", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_reference_rates_kind"), ["kind"], unique=False)

    op.create_table(
        "reference_targets",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("plan", sa.String(length=40), nullable=False),
        sa.Column("province_code", sa.String(length=2), nullable=True),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("indicator", sa.String(length=40), nullable=False),
        sa.Column("minimum", sa.Float(), nullable=True),
        sa.Column("maximum", sa.Float(), nullable=True),
        sa.Column("note", sa.String(length=300), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reference_targets")),
    )
    with op.batch_alter_table("reference_targets", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_reference_targets_indicator"), ["indicator"], unique=False)

    op.create_table(
        "worker_allowances",
        sa.Column("worker_id", sa.String(length=36), nullable=False),
        sa.Column("amount", sa.Integer(), nullable=False),
        sa.Column("effective_from", sa.Date(), nullable=False),
        sa.Column("effective_to", sa.Date(), nullable=True),
        sa.Column("decision_no", sa.String(length=60), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("partition", sa.String(length=8), nullable=False),
        sa.Column("deleted", sa.Boolean(), server_default="0", nullable=False),
        sa.Column("field_versions", sa.Text(), nullable=False),
        sa.Column("updated_by", sa.String(length=64), nullable=True),
        sa.Column("updated_device", sa.String(length=36), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["worker_id"], ["workers.id"], name=op.f("fk_worker_allowances_worker_id_workers")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_worker_allowances")),
    )
    with op.batch_alter_table("worker_allowances", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_worker_allowances_partition"), ["partition"], unique=False)
        batch_op.create_index(batch_op.f("ix_worker_allowances_worker_id"), ["worker_id"], unique=False)


def downgrade() -> None:

    with op.batch_alter_table("worker_allowances", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_worker_allowances_worker_id"))
        batch_op.drop_index(batch_op.f("ix_worker_allowances_partition"))

    op.drop_table("worker_allowances")
    with op.batch_alter_table("reference_targets", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_reference_targets_indicator"))

    op.drop_table("reference_targets")
    with op.batch_alter_table("reference_rates", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_reference_rates_kind"))

    op.drop_table("reference_rates")
