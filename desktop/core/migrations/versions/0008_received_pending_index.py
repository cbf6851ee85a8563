"""received changes: a partial index on those still waiting (a hub scanned its whole history for them on
every bundle)

Revision ID: 0008_received_pending_index
Revises: 0007_case_transfers
Create Date: 2026-11-23 21:50:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008_received_pending_index"
down_revision = "0007_case_transfers"
branch_labels = None
depends_on = None


def upgrade() -> None:
    where = sa.text("state = 'pending'")
    op.create_index("ix_sync_received_pending", "sync_received", ["state"], sqlite_where=where,
                    postgresql_where=where)


def downgrade() -> None:
    op.drop_index("ix_sync_received_pending", table_name="sync_received")
