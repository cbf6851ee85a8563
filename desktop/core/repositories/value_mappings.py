"""The profile's remembered answers of the import mapping step (table value_mappings)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from desktop.core.models import ValueMapping


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
