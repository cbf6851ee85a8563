"""a person's card as the căn cước QR gives it: the old CMND number (or the cancelled one), the card's issue
date, and the parents' names some căn cước carry (issue 18)

Revision ID: 0015_card_fields
Revises: 0014_case_work
Create Date: 2026-12-02 08:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0015_card_fields"
down_revision = "0014_case_work"
branch_labels = None
depends_on = None


def upgrade() -> None:
    for table in ("beneficiaries", "workers"):
        with op.batch_alter_table(table) as batch_op:
            batch_op.add_column(sa.Column("old_national_id", sa.String(length=12), nullable=True))
            batch_op.add_column(sa.Column("id_issued_on", sa.Date(), nullable=True))
            batch_op.create_index(batch_op.f(f"ix_{table}_old_national_id"), ["old_national_id"], unique=False)
    with op.batch_alter_table("beneficiaries") as batch_op:
        batch_op.add_column(sa.Column("father_name", sa.String(length=120), nullable=True))
        batch_op.add_column(sa.Column("mother_name", sa.String(length=120), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("beneficiaries") as batch_op:
        batch_op.drop_column("mother_name")
        batch_op.drop_column("father_name")
    for table in ("beneficiaries", "workers"):
        with op.batch_alter_table(table) as batch_op:
            batch_op.drop_index(batch_op.f(f"ix_{table}_old_national_id"))
            batch_op.drop_column("id_issued_on")
            batch_op.drop_column("old_national_id")
