"""the communes' lists: general education beside the professional qualification, values kept as written when
no code fits them yet, the phrases communes write for each code, and the profile's remembered value mappings

Revision ID: 0011_lists_vocabulary
Revises: 0010_audit_roles
Create Date: 2026-12-01 19:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011_lists_vocabulary"
down_revision = "0010_audit_roles"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("workers") as batch:
        batch.add_column(sa.Column("general_education", sa.String(20), nullable=True))
        batch.add_column(sa.Column("as_written", sa.Text(), nullable=True))
    with op.batch_alter_table("beneficiaries") as batch:
        batch.add_column(sa.Column("as_written", sa.Text(), nullable=True))
    with op.batch_alter_table("code_items") as batch:
        batch.add_column(sa.Column("phrases", sa.Text(), nullable=True))
    # What the officer chose for a value the vocabulary could not place, by list and folded value: a code, or
    # NULL for "keep as written". A profile's own choices; a province's come with its reference data.
    op.create_table(
        "value_mappings",
        sa.Column("list_name", sa.String(40), primary_key=True),
        sa.Column("folded", sa.String(200), primary_key=True),
        sa.Column("code", sa.String(40), nullable=True),
        sa.Column("written", sa.String(200), nullable=False),
        sa.Column("chosen_by", sa.String(32), nullable=False, server_default=""),
        sa.Column("chosen_at", sa.DateTime(), nullable=False),
    )
    # The old TCXH_06 ("nặng / đặc biệt nặng" together) stays on the records that hold it: the code list
    # keeps it as retired, and the to-do list asks which of the two ND 20 coefficients applies.


def downgrade() -> None:
    op.drop_table("value_mappings")
    with op.batch_alter_table("code_items") as batch:
        batch.drop_column("phrases")
    with op.batch_alter_table("beneficiaries") as batch:
        batch.drop_column("as_written")
    with op.batch_alter_table("workers") as batch:
        batch.drop_column("as_written")
        batch.drop_column("general_education")
