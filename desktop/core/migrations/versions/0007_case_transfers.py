"""case transfers: a case closed because the person moved names the commune it goes to; the copy the hub
opens there names the commune it came from

Revision ID: 0007_case_transfers
Revises: 0006_hub_devices
Create Date: 2026-11-23 21:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007_case_transfers"
down_revision = "0006_hub_devices"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("cases", schema=None) as batch_op:
        batch_op.add_column(sa.Column("transfer_to", sa.String(length=8), nullable=True))
        batch_op.add_column(sa.Column("transferred_from", sa.String(length=8), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("cases", schema=None) as batch_op:
        batch_op.drop_column("transferred_from")
        batch_op.drop_column("transfer_to")
