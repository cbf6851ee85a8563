"""Alembic environment: batch mode for SQLite, the whole upgrade in one transaction."""

from __future__ import annotations

from alembic import context

from desktop.core.models import Base

config = context.config
engine = config.attributes.get("engine")


def run_migrations_online() -> None:
    """Run against the engine the app passed in (there is no alembic.ini URL)."""
    if engine is None:
        raise RuntimeError("CTXH migrations run through desktop.core.migrations.runner")
    with engine.connect() as connection:
        context.configure(
            connection=connection,
            target_metadata=Base.metadata,
            render_as_batch=True,
            transaction_per_migration=False,
            compare_type=True,
        )
        with context.begin_transaction():
            context.run_migrations()
        connection.commit()


run_migrations_online()
