"""audit trail (append-only, hash-chained) and, at a hub, the laptops' entries received; roles: the first
officer of a profile becomes its ADMIN; the old passphrase hashes are dropped (passphrases wrap the data key
instead)

Revision ID: 0010_audit_roles
Revises: 0009_ledger_prev_hash
Create Date: 2026-12-01 17:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010_audit_roles"
down_revision = "0009_ledger_prev_hash"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "audit_log",
        sa.Column("seq", sa.Integer(), primary_key=True, autoincrement=False),
        sa.Column("at", sa.String(32), nullable=False),
        sa.Column("device_id", sa.String(36), nullable=False),
        sa.Column("username", sa.String(32), nullable=False),
        sa.Column("action", sa.String(32), nullable=False),
        sa.Column("subject", sa.String(80), nullable=False, server_default=""),
        sa.Column("detail", sa.Text(), nullable=False, server_default="{}"),
        sa.Column("prev_hash", sa.String(64), nullable=False),
        sa.Column("hash", sa.String(64), nullable=False),
    )
    op.create_index("ix_audit_log_action", "audit_log", ["action", "seq"])
    # At a hub: every laptop's audit entries as they arrived in its bundles, by device, epoch and number.
    op.create_table(
        "received_audit",
        sa.Column("device_id", sa.String(36), primary_key=True),
        sa.Column("epoch", sa.Integer(), primary_key=True),
        sa.Column("seq", sa.Integer(), primary_key=True, autoincrement=False),
        sa.Column("hash", sa.String(64), nullable=False),
        sa.Column("prev_hash", sa.String(64), nullable=False),
        sa.Column("entry", sa.Text(), nullable=False),
    )
    # Accounts made before roles had an ADMIN: the profile's first officer (who set it up) is its ADMIN.
    users = sa.table("users", sa.column("id", sa.String), sa.column("role", sa.String),
                     sa.column("created_at", sa.DateTime))
    bind = op.get_bind()
    first = bind.execute(sa.select(users.c.id).where(users.c.role == "OFFICER")
                         .order_by(users.c.created_at, users.c.id).limit(1)).scalar()
    has_admin = bind.execute(sa.select(users.c.id).where(users.c.role == "ADMIN").limit(1)).scalar()
    if first is not None and has_admin is None:
        bind.execute(users.update().where(users.c.id == first).values(role="ADMIN"))
    # Passphrases now wrap the data key (keys/vault.json) and the first sign-in has used the old hash to make
    # that wrap: a hash kept would only be a second way to test guesses against.
    op.execute("UPDATE users SET password_hash = 'wrapped-data-key'")


def downgrade() -> None:
    op.execute("UPDATE users SET role = 'OFFICER' WHERE role = 'ADMIN'")
    op.drop_table("received_audit")
    op.drop_index("ix_audit_log_action", "audit_log")
    op.drop_table("audit_log")
