"""The rows the allowance register is computed from: live decisions, the people they name, the standards."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.core.domain.allowance_rules import STANDARD, DecisionRow, StandardRow
from desktop.core.models import AllowanceDecision, Beneficiary, DuplicateNotice, ReferenceRate
from desktop.core.models.base import table_of

PERSON_COLUMNS = ("id", "full_name", "birth_date", "gender", "national_id", "address", "partition")


def decision_rows(session: Session, partition: str | None = None) -> list[DecisionRow]:
    """Every live decision (of one commune, at a hub), as plain rows."""
    table = table_of(AllowanceDecision)
    query = select(*(table.c[name] for name in DecisionRow._fields)).where(table.c.deleted.is_(False))
    if partition is not None:
        query = query.where(table.c.partition == partition)
    return [DecisionRow(*row) for row in session.execute(query)]


def people_of(session: Session, ids: set[str]) -> dict[str, dict[str, Any]]:
    """The named people's register columns, by id (tombstoned people included: a decision still names them)."""
    from desktop.core.repositories.records import rows_by_id

    return rows_by_id(session, Beneficiary, PERSON_COLUMNS, ids)


def standard_rows(session: Session) -> list[StandardRow]:
    """Every value of the social-assistance standard the reference data holds, national and provincial."""
    query = select(ReferenceRate.value, ReferenceRate.effective_from, ReferenceRate.province_code).where(
        ReferenceRate.kind == STANDARD)
    return [StandardRow(int(v), f, p) for v, f, p in session.execute(query)]


def decisions_of_person(session: Session, person_id: str) -> list[dict[str, Any]]:
    """A person's live decisions, every column."""
    table = table_of(AllowanceDecision)
    query = select(table).where(table.c.deleted.is_(False), table.c.beneficiary_id == person_id)
    return [dict(r) for r in session.execute(query).mappings()]


def open_notices(session: Session) -> list[dict[str, Any]]:
    """The province's duplicate notices the commune has not marked handled, newest first."""
    table = table_of(DuplicateNotice)
    query = (select(table).where(table.c.deleted.is_(False), table.c.handled_on.is_(None))
             .order_by(table.c.decided_on.desc(), table.c.id))
    return [dict(r) for r in session.execute(query).mappings()]


def paid_people_on(session: Session, month: dt.date) -> set[str]:
    """The people with a monthly-allowance decision (not care support) in force in `month`, every commune."""
    table = table_of(AllowanceDecision)
    query = select(table.c.beneficiary_id).where(
        table.c.deleted.is_(False), table.c.start_month <= month, ~table.c.clause.startswith("CS_"),
        (table.c.end_month.is_(None)) | (table.c.end_month >= month))
    return {row[0] for row in session.execute(query)}
