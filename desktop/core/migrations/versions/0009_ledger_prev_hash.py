"""bundle ledger: the previous bundle's hash each received bundle names (its device's chain, checked for
forks when bundles arrive); code items: retired codes (known, not offered)

Revision ID: 0009_ledger_prev_hash
Revises: 0008_received_pending_index
Create Date: 2026-12-01 14:20:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009_ledger_prev_hash"
down_revision = "0008_received_pending_index"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("sync_bundles") as batch:
        batch.add_column(sa.Column("prev_hash", sa.String(64), nullable=True))
    with op.batch_alter_table("code_items") as batch:
        batch.add_column(sa.Column("retired", sa.Boolean(), nullable=False, server_default=sa.false()))


def downgrade() -> None:
    with op.batch_alter_table("code_items") as batch:
        batch.drop_column("retired")
    with op.batch_alter_table("sync_bundles") as batch:
        batch.drop_column("prev_hash")
