"""reports: the register of facilities and service providers (Program 112's P2), referrals of a case to them
(several per case, each with its dates and status), baseline-year figures entered by hand (P3), and the
baseline year a target is measured against

Revision ID: 0012_reports_registers
Revises: 0011_lists_vocabulary
Create Date: 2026-12-01 22:40:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012_reports_registers"
down_revision = "0011_lists_vocabulary"
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
        "facilities",
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("facility_type", sa.String(length=40), nullable=False),
        sa.Column("in_master_plan", sa.Boolean(), nullable=False),
        sa.Column("offers_ctxh", sa.Boolean(), nullable=False),
        sa.Column("ctxh_since", sa.Date(), nullable=True),
        sa.Column("closed_on", sa.Date(), nullable=True),
        sa.Column("address", sa.String(length=300), nullable=True),
        sa.Column("phone", sa.String(length=20), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        *_synced_columns(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_facilities")),
    )
    with op.batch_alter_table("facilities") as batch_op:
        batch_op.create_index(batch_op.f("ix_facilities_partition"), ["partition"], unique=False)
    op.create_table(
        "referrals",
        sa.Column("case_id", sa.String(length=36), nullable=False),
        sa.Column("facility_id", sa.String(length=36), nullable=True),
        sa.Column("facility_name", sa.String(length=200), nullable=True),
        sa.Column("service_type", sa.String(length=30), nullable=True),
        sa.Column("referred_on", sa.Date(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("ended_on", sa.Date(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        *_synced_columns(),
        sa.ForeignKeyConstraint(["case_id"], ["cases.id"], name=op.f("fk_referrals_case_id_cases")),
        sa.ForeignKeyConstraint(["facility_id"], ["facilities.id"], name=op.f("fk_referrals_facility_id_facilities")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_referrals")),
    )
    with op.batch_alter_table("referrals") as batch_op:
        batch_op.create_index(batch_op.f("ix_referrals_partition"), ["partition"], unique=False)
        batch_op.create_index(batch_op.f("ix_referrals_case_id"), ["case_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_referrals_facility_id"), ["facility_id"], unique=False)
        batch_op.create_index("ix_referrals_live_referred", ["deleted", "referred_on"], unique=False)
    op.create_table(
        "baseline_figures",
        sa.Column("indicator", sa.String(length=40), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("value", sa.Integer(), nullable=False),
        sa.Column("source", sa.String(length=300), nullable=False),
        sa.Column("notes", sa.Text(), nullable=True),
        *_synced_columns(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_baseline_figures")),
    )
    with op.batch_alter_table("baseline_figures") as batch_op:
        batch_op.create_index(batch_op.f("ix_baseline_figures_partition"), ["partition"], unique=False)
    with op.batch_alter_table("reference_targets") as batch_op:
        batch_op.add_column(sa.Column("baseline_year", sa.Integer(), nullable=True))
    # The case's single referral fields stay: what an older laptop wrote there is still shown and synced;
    # new referrals are records of their own.


def downgrade() -> None:
    with op.batch_alter_table("reference_targets") as batch_op:
        batch_op.drop_column("baseline_year")
    op.drop_table("baseline_figures")
    op.drop_table("referrals")
    op.drop_table("facilities")
