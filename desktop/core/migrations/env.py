"""Alembic environment: batch mode for SQLite, the whole upgrade in one transaction."""

from __future__ import annotations

from alembic import context

from desktop.core.models import Base

config = context.config
engine = config.attributes.get("engine")
FTS_SUFFIXES = ("_fts", "_fts_data", "_fts_idx", "_fts_docsize", "_fts_config")


def include_object(obj, name, type_, reflected, compare_to) -> bool:
    """Leave the FTS5 tables (made by migrations/fts.py, not by models) out of autogenerate."""
    return not (type_ == "table" and reflected and compare_to is None and str(name).endswith(FTS_SUFFIXES))


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
            include_object=include_object,
        )
        with context.begin_transaction():
            context.run_migrations()
        connection.commit()


run_migrations_online()
