"""The profile's remembered answers of the import mapping step (table value_mappings)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from desktop.core.models import Synced, ValueMapping
from desktop.core.models.base import table_of


def all_mappings(session: Session) -> dict[tuple[str, str], str | None]:
    """(list, folded value) -> code, or None for "keep as written"."""
    return {(m.list_name, m.folded): m.code for m in session.scalars(select(ValueMapping))}


def save_mappings(session: Session, choices: Mapping[tuple[str, str], tuple[str | None, str]], username: str,
                  now: dt.datetime) -> None:
    """Store (list, folded) -> (code or None, value as written) choices, replacing earlier ones."""
    for (list_name, folded), (code, written) in choices.items():
        session.execute(delete(ValueMapping).where(ValueMapping.list_name == list_name,
                                                   ValueMapping.folded == folded))
        session.add(ValueMapping(list_name=list_name, folded=folded[:200], code=code, written=written[:200],
                                 chosen_by=username, chosen_at=now))


def records_holding(session: Session, model: type[Synced], columns: Sequence[str]) -> list[dict[str, Any]]:
    """Live records of `model` with values kept as written: their id, as_written and the given columns."""
    table = table_of(model)
    query = select(table.c.id, table.c.as_written, *(table.c[name] for name in columns)).where(
        table.c.deleted.is_(False), table.c.as_written.is_not(None))
    return [dict(row._mapping) for row in session.execute(query)]


def list_mappings(session: Session) -> list[dict[str, Any]]:
    """Every remembered answer, by list and value."""
    query = select(ValueMapping).order_by(ValueMapping.list_name, ValueMapping.folded)
    return [{"list_name": m.list_name, "folded": m.folded, "written": m.written, "code": m.code,
             "chosen_by": m.chosen_by, "chosen_at": m.chosen_at} for m in session.scalars(query)]


def forget_mapping(session: Session, list_name: str, folded: str) -> bool:
    """Drop one remembered answer; True if there was one."""
    done = session.execute(delete(ValueMapping).where(ValueMapping.list_name == list_name,
                                                      ValueMapping.folded == folded))
    return bool(getattr(done, "rowcount", 0))
