"""Row-level SQL on the tables of synced records, for the two write paths that own versions and the outbox —
the ChangeWriter (local edits) and the sync merge (others' edits) — and for the local columns (sort and
search keys) they keep right. Every other read goes through the typed functions of records.py and lists.py."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy import Column, Table, insert, select, update
from sqlalchemy.engine import RowMapping
from sqlalchemy.orm import Session

from desktop.core.bulk import among, chunks
from desktop.core.models import Beneficiary, Case, ChangeEntry

outbox_t: Table = ChangeEntry.__table__
cases_t: Table = Case.__table__
people_t: Table = Beneficiary.__table__


def row_of(session: Session, table: Table, record_id: str) -> RowMapping | None:
    """A record's row as stored (all columns), or None."""
    return session.execute(select(table).where(table.c.id == record_id)).mappings().first()


def insert_rows(session: Session, table: Table, rows: list[dict[str, Any]]) -> None:
    """Insert rows (one executemany)."""
    if rows:
        session.execute(insert(table), rows)


def update_row(session: Session, table: Table, record_id: str, values: Mapping[str, Any]) -> None:
    """Set columns of one row."""
    session.execute(update(table).where(table.c.id == record_id).values(**values))


def append_outbox(session: Session, entries: list[dict[str, Any]]) -> None:
    """Append change entries to the outbox, in the caller's transaction (their counters are the table's)."""
    if entries:
        session.execute(insert(outbox_t), entries)


def value_exists(session: Session, column: Column[Any], value: Any) -> bool:
    """True if some row holds `value` in `column` (a parent a foreign key points to)."""
    return session.scalar(select(column).where(column == value)) is not None


def existing_ids(session: Session, table: Table, ids: Iterable[str]) -> set[str]:
    """Which of these ids have a row in `table`."""
    found: set[str] = set()
    for chunk in chunks(session, list(ids)):
        found.update(session.scalars(select(table.c.id).where(among(session, table.c.id, chunk))))
    return found


def partitions_of(session: Session, table: Table, ids: Iterable[str]) -> dict[str, str]:
    """The partition (commune) each of these records is stored under, for those that exist."""
    found: dict[str, str] = {}
    for chunk in chunks(session, list(ids)):
        query = select(table.c.id, table.c.partition).where(among(session, table.c.id, chunk))
        found.update((record_id, partition) for record_id, partition in session.execute(query))
    return found


def people_by_id(session: Session, ids: list[str]) -> dict[str, dict[str, Any]]:
    """Beneficiary rows by id."""
    found: dict[str, dict[str, Any]] = {}
    for chunk in chunks(session, ids):
        rows = session.execute(select(people_t).where(among(session, people_t.c.id, chunk))).mappings()
        found.update((row["id"], dict(row)) for row in rows)
    return found


def cases_of_people(session: Session, people: list[str]) -> list[tuple[str, str, str]]:
    """(case id, case number, person id) of every case of these people."""
    found: list[tuple[str, str, str]] = []
    for chunk in chunks(session, people):
        found.extend((r.id, r.case_no, r.beneficiary_id) for r in session.execute(
            select(cases_t.c.id, cases_t.c.case_no, cases_t.c.beneficiary_id).where(
                among(session, cases_t.c.beneficiary_id, chunk))))
    return found


def case_ids_of(session: Session, table: Table, ids: list[str]) -> set[str]:
    """The cases that these records of `table` (services, forms) belong to."""
    found: set[str] = set()
    for chunk in chunks(session, ids):
        found.update(session.scalars(select(table.c.case_id).where(among(session, table.c.id, chunk))))
    return found
