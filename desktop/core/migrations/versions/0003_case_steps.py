"""case steps holidays

Revision ID: 0003_case_steps
Revises: 0002_allowances
Create Date: 2026-11-23 17:44:16.884251
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from desktop.core.migrations.fts import create_search_index

revision = "0003_case_steps"
down_revision = "0002_allowances"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "public_holidays",
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("status", sa.String(length=1), nullable=False),
        sa.PrimaryKeyConstraint("day", name=op.f("pk_public_holidays")),
    )
    op.create_table(
        "case_steps",
        sa.Column("case_id", sa.String(length=36), nullable=False),
        sa.Column("step_code", sa.String(length=40), nullable=False),
        sa.Column("started_at", sa.DateTime(), nullable=False),
        sa.Column("due_at", sa.DateTime(), nullable=True),
        sa.Column("completed_at", sa.DateTime(), nullable=True),
        sa.Column("responsible_worker_id", sa.String(length=36), nullable=True),
        sa.Column("approval_requested_at", sa.DateTime(), nullable=True),
        sa.Column("approval_due_at", sa.DateTime(), nullable=True),
        sa.Column("decided_at", sa.DateTime(), nullable=True),
        sa.Column("decision", sa.String(length=20), nullable=True),
        sa.Column("decided_by", sa.String(length=120), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("partition", sa.String(length=8), nullable=False),
        sa.Column("deleted", sa.Boolean(), server_default="0", nullable=False),
        sa.Column("field_versions", sa.Text(), nullable=False),
        sa.Column("updated_by", sa.String(length=64), nullable=True),
        sa.Column("updated_device", sa.String(length=36), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["case_id"], ["cases.id"], name=op.f("fk_case_steps_case_id_cases")),
        sa.ForeignKeyConstraint(
            ["responsible_worker_id"], ["workers.id"], name=op.f("fk_case_steps_responsible_worker_id_workers")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_case_steps")),
    )
    with op.batch_alter_table("case_steps", schema=None) as batch_op:
        batch_op.create_index("ix_case_steps_approval", ["decided_at", "approval_requested_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_case_steps_case_id"), ["case_id"], unique=False)
        batch_op.create_index("ix_case_steps_open_due", ["completed_at", "due_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_case_steps_partition"), ["partition"], unique=False)

    with op.batch_alter_table("cases", schema=None) as batch_op:
        batch_op.add_column(sa.Column("serious_danger", sa.Boolean(), nullable=True))
        batch_op.add_column(sa.Column("referred_to", sa.String(length=200), nullable=True))
        batch_op.add_column(sa.Column("referral_status", sa.String(length=20), nullable=True))
        batch_op.add_column(sa.Column("last_contact_on", sa.Date(), nullable=True))
        batch_op.create_index("ix_cases_live_contact", ["deleted", "last_contact_on"], unique=False)
    op.execute(
        "UPDATE cases SET last_contact_on = COALESCE((SELECT max(delivered_on) FROM service_records "
        "WHERE service_records.case_id = cases.id AND NOT service_records.deleted), opened_on)"
    )


def downgrade() -> None:
    with op.batch_alter_table("cases", schema=None) as batch_op:
        batch_op.drop_index("ix_cases_live_contact")
        batch_op.drop_column("last_contact_on")
        batch_op.drop_column("referral_status")
        batch_op.drop_column("referred_to")
        batch_op.drop_column("serious_danger")
    create_search_index("cases")  # dropping columns may rebuild the table, and its triggers with it

    with op.batch_alter_table("case_steps", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_case_steps_partition"))
        batch_op.drop_index("ix_case_steps_open_due")
        batch_op.drop_index(batch_op.f("ix_case_steps_case_id"))
        batch_op.drop_index("ix_case_steps_approval")

    op.drop_table("case_steps")
    op.drop_table("public_holidays")
