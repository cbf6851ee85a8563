"""hub devices: the laptops enrolled at a hub (empty on a laptop)

Revision ID: 0006_hub_devices
Revises: 0005_sync_ledger
Create Date: 2026-11-23 19:30:20.625839
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006_hub_devices"
down_revision = "0005_sync_ledger"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "hub_devices",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("partition", sa.String(length=8), nullable=False),
        sa.Column("sign_key", sa.String(length=80), nullable=False),
        sa.Column("age_recipient", sa.String(length=80), nullable=False),
        sa.Column("fingerprint", sa.String(length=40), nullable=False),
        sa.Column("enrolled_at", sa.DateTime(), nullable=False),
        sa.Column("not_after", sa.String(length=32), nullable=False),
        sa.Column("revoked_at", sa.String(length=32), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_hub_devices")),
    )
    with op.batch_alter_table("hub_devices", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_hub_devices_partition"), ["partition"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("hub_devices", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_hub_devices_partition"))

    op.drop_table("hub_devices")
