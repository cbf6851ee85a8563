"""case work: an approval's decision number, date and signer; who entered a step and when (a step done on
paper is entered later with its real date); the case's progress log (notes, reopenings)

Revision ID: 0014_case_work
Revises: 0013_allowance_register
Create Date: 2026-12-02 05:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0014_case_work"
down_revision = "0013_allowance_register"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("case_steps") as batch_op:
        batch_op.add_column(sa.Column("decision_no", sa.String(length=40), nullable=True))
        batch_op.add_column(sa.Column("decision_date", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("approver_name", sa.String(length=120), nullable=True))
        batch_op.add_column(sa.Column("completed_by", sa.String(length=120), nullable=True))
        batch_op.add_column(sa.Column("recorded_at", sa.DateTime(), nullable=True))
    op.create_table(
        "case_notes",
        sa.Column("case_id", sa.String(length=36), nullable=False),
        sa.Column("noted_on", sa.Date(), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("author", sa.String(length=120), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("partition", sa.String(length=8), nullable=False),
        sa.Column("deleted", sa.Boolean(), server_default="0", nullable=False),
        sa.Column("field_versions", sa.Text(), nullable=False),
        sa.Column("updated_by", sa.String(length=64), nullable=True),
        sa.Column("updated_device", sa.String(length=36), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["case_id"], ["cases.id"], name=op.f("fk_case_notes_case_id_cases")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_case_notes")),
    )
    with op.batch_alter_table("case_notes") as batch_op:
        batch_op.create_index(batch_op.f("ix_case_notes_partition"), ["partition"], unique=False)
        batch_op.create_index(batch_op.f("ix_case_notes_case_id"), ["case_id"], unique=False)


def downgrade() -> None:
    op.drop_table("case_notes")
    with op.batch_alter_table("case_steps") as batch_op:
        for column in ("recorded_at", "completed_by", "approver_name", "decision_date", "decision_no"):
            batch_op.drop_column(column)
