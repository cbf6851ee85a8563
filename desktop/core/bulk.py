"""Bulk reads and writes that a sync import does by the thousand, in the fastest form each engine offers.

SQLite takes at most 999 parameters a statement, so id lists go 900 at a time as `IN (…)`. PostgreSQL takes
a whole list as one text the server splits into an array (`= ANY(string_to_array(:ids, ','))`): the
statement text stays constant, so psycopg parses and prepares it once instead of once per list, and one
string costs far less to send than psycopg's adaptation of thousands of array elements. Inserts go to SQLite
as plain tuples through one executemany and to PostgreSQL through COPY, several times faster than row-by-row
INSERTs.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from operator import itemgetter
from typing import Any

from sqlalchemy import Column, Table, any_, cast, func, literal
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

SQLITE_CHUNK = 900
ARRAY_CHUNK = 20_000


def is_sqlite(session: Session) -> bool:
    """True when the session's database is SQLite (a laptop, or a small hub)."""
    return session.get_bind().dialect.name == "sqlite"


def chunks(session: Session, values: Iterable[Any]) -> Iterator[list[Any]]:
    """The values in lists small enough for one `among` each on this engine."""
    items = list(values)
    size = SQLITE_CHUNK if is_sqlite(session) else ARRAY_CHUNK
    for start in range(0, len(items), size):
        yield items[start:start + size]


def among(session: Session, column: Column[Any] | ColumnElement[Any], values: Sequence[Any]) -> ColumnElement[bool]:
    """`column IN values`, as one array parameter on PostgreSQL (use with `chunks`)."""
    if is_sqlite(session):
        return column.in_(list(values))
    from sqlalchemy.dialects.postgresql import ARRAY

    texts = [str(value) for value in values]
    if any("," in text_ for text_ in texts):
        return column == any_(literal(list(values), ARRAY(column.type)))
    # Ids and counters hold no comma: one text the server splits costs far less than psycopg's array
    # adaptation of thousands of values.
    return column == any_(cast(func.string_to_array(literal(",".join(texts)), ","), ARRAY(column.type)))


def insert_rows(session: Session, table: Table, rows: list[dict[str, Any]]) -> None:
    """Insert many rows that share their keys, inside the session's transaction.

    The values must already be in the engine's storage form on SQLite (text dates, 0/1 booleans: SQLAlchemy's
    per-row processing is skipped, it costs more than the insert) and plain Python values on PostgreSQL.
    """
    if not rows:
        return
    names = list(rows[0])
    pick = itemgetter(*names) if len(names) > 1 else lambda row: (row[names[0]],)
    columns = ", ".join(f'"{name}"' for name in names)
    if is_sqlite(session):
        sql = f'INSERT INTO "{table.name}" ({columns}) VALUES ({", ".join("?" for _ in names)})'
        session.connection().exec_driver_sql(sql, [pick(row) for row in rows])
        return
    cursor = session.connection().connection.cursor()
    try:
        with cursor.copy(f'COPY "{table.name}" ({columns}) FROM STDIN') as copy:
            for row in rows:
                copy.write_row(pick(row))
    finally:
        cursor.close()


@contextmanager
def without_cyclic_gc() -> Iterator[None]:
    """Build many small acyclic objects (a report's rows and indexes) without the cyclic collector walking the
    growing lists again and again: a third of a province report's time went there."""
    import gc

    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
