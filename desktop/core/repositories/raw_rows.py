"""A select's rows through the DB-API cursor, for the reads of a whole province or profile: SQLAlchemy's
per-value type processing (a date parsed by a regular expression) costs several times the read itself on
hundreds of thousands of rows, so the few columns that need it are converted by the caller."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from sqlalchemy import Select
from sqlalchemy.orm import Session


def dbapi_rows(session: Session, query: Select[Any], batch: int = 20_000) -> Iterator[tuple[Any, ...]]:
    """The rows of `query` as plain tuples, fetched `batch` at a time, never the whole result in memory
    (SQLite's dates are text, PostgreSQL's dates)."""
    compiled = query.compile(dialect=session.get_bind().dialect)
    params = compiled.construct_params()
    args: Any = tuple(params[name] for name in compiled.positiontup) if compiled.positiontup else params
    raw: Any = session.connection().connection.dbapi_connection
    # PostgreSQL: a server-side (named) cursor, or psycopg would hold the whole result in memory at once.
    cursor = raw.cursor(name="ctxh_rows") if session.get_bind().dialect.name == "postgresql" else raw.cursor()
    try:
        cursor.execute(str(compiled), args)
        while True:
            rows = cursor.fetchmany(batch)
            if not rows:
                return
            yield from rows
    finally:
        cursor.close()
