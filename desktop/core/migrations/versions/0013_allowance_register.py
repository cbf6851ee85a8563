"""allowance register: a monthly-allowance or care-support decision per person and clause (ND 20/2021), and
the province's notices on a person two communes both hold

Revision ID: 0013_allowance_register
Revises: 0012_reports_registers
Create Date: 2026-12-02 01:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0013_allowance_register"
down_revision = "0012_reports_registers"
branch_labels = None
depends_on = None


def _synced_columns() -> list[sa.Column]:  # type: ignore[type-arg]
    return [
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("partition", sa.String(length=8), nullable=False),
        sa.Column("deleted", sa.Boolean(), server_default="0", nullable=False),
        sa.Column("field_versions", sa.Text(), nullable=False),
        sa.Column("updated_by", sa.String(length=64), nullable=True),
        sa.Column("updated_device", sa.String(length=36), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
    ]


def upgrade() -> None:
    op.create_table(
        "allowance_decisions",
        sa.Column("beneficiary_id", sa.String(length=36), nullable=False),
        sa.Column("clause", sa.String(length=20), nullable=False),
        sa.Column("sub_clause", sa.String(length=4), nullable=True),
        sa.Column("decision_no", sa.String(length=40), nullable=False),
        sa.Column("decision_date", sa.Date(), nullable=False),
        sa.Column("coefficient", sa.Float(), nullable=True),
        sa.Column("children", sa.Integer(), nullable=True),
        sa.Column("start_month", sa.Date(), nullable=False),
        sa.Column("end_month", sa.Date(), nullable=True),
        sa.Column("end_reason", sa.String(length=20), nullable=True),
        sa.Column("payee_name", sa.String(length=120), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        *_synced_columns(),
        sa.ForeignKeyConstraint(["beneficiary_id"], ["beneficiaries.id"],
                                name=op.f("fk_allowance_decisions_beneficiary_id_beneficiaries")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_allowance_decisions")),
    )
    with op.batch_alter_table("allowance_decisions") as batch_op:
        batch_op.create_index(batch_op.f("ix_allowance_decisions_partition"), ["partition"], unique=False)
        batch_op.create_index("ix_allowance_decisions_live_person", ["deleted", "beneficiary_id"], unique=False)
    op.create_table(
        "duplicate_notices",
        sa.Column("pair_key", sa.String(length=36), nullable=False),
        sa.Column("person_id", sa.String(length=36), nullable=False),
        sa.Column("other_partition", sa.String(length=8), nullable=False),
        sa.Column("decision", sa.String(length=10), nullable=False),
        sa.Column("keeper", sa.String(length=8), nullable=True),
        sa.Column("decided_on", sa.Date(), nullable=False),
        sa.Column("evidence", sa.Text(), nullable=True),
        sa.Column("handled_on", sa.Date(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        *_synced_columns(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_duplicate_notices")),
    )
    with op.batch_alter_table("duplicate_notices") as batch_op:
        batch_op.create_index(batch_op.f("ix_duplicate_notices_partition"), ["partition"], unique=False)
        batch_op.create_index(batch_op.f("ix_duplicate_notices_pair_key"), ["pair_key"], unique=False)


def downgrade() -> None:
    op.drop_table("duplicate_notices")
    op.drop_table("allowance_decisions")
