"""SQL of the case workflow: step records and the to-do list."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from sqlalchemy import bindparam, func, select
from sqlalchemy.orm import Session

from desktop.core.bulk import among, chunks
from desktop.core.domain.case_rules import CLOSED
from desktop.core.models import Beneficiary, Case, CaseStep, FormAnswer, ServiceRecord

steps_t = CaseStep.__table__
cases_t = Case.__table__
ben_t = Beneficiary.__table__
services_t = ServiceRecord.__table__


def steps_of_case(session: Session, case_id: str) -> list[dict[str, Any]]:
    """The live step records of a case, oldest first."""
    query = (select(steps_t).where(steps_t.c.case_id == case_id, steps_t.c.deleted.is_(False))
             .order_by(steps_t.c.started_at, steps_t.c.id))
    return [dict(r) for r in session.execute(query).mappings()]


def _case_columns() -> list[Any]:
    return [cases_t.c.id.label("case_id"), cases_t.c.case_no, cases_t.c.process_type, cases_t.c.step,
            cases_t.c.assigned_worker_id, ben_t.c.full_name]


def _open_cases(where: list[Any]) -> list[Any]:
    return [cases_t.c.deleted.is_(False), cases_t.c.status != CLOSED, *where]


def _due_query(columns: list[Any], start: dt.datetime | None, before: dt.datetime, where: list[Any]) -> Any:
    conds = [steps_t.c.deleted.is_(False), steps_t.c.completed_at.is_(None), steps_t.c.due_at.is_not(None),
             steps_t.c.due_at < before, *_open_cases(where)]
    if start is not None:
        conds.append(steps_t.c.due_at >= start)
    return (select(*columns).select_from(steps_t).join(cases_t, cases_t.c.id == steps_t.c.case_id)
            .join(ben_t, ben_t.c.id == cases_t.c.beneficiary_id).where(*conds))


def steps_due(session: Session, start: dt.datetime | None, before: dt.datetime, where: list[Any],
              limit: int) -> list[dict[str, Any]]:
    """Open steps of open cases due in [start, before) (all before `before` when start is None), soonest first."""
    query = _due_query([steps_t.c.id, steps_t.c.step_code, steps_t.c.started_at, steps_t.c.due_at,
                        *_case_columns()], start, before, where).order_by(steps_t.c.due_at).limit(limit)
    return [dict(r) for r in session.execute(query).mappings()]


def _capped_count(session: Session, query: Any, cap: int) -> int:
    """Count the rows of `query`, stopping at cap + 1 ("more than cap")."""
    return session.scalar(select(func.count()).select_from(query.limit(cap + 1).subquery())) or 0


def count_steps_due(session: Session, start: dt.datetime | None, before: dt.datetime, where: list[Any],
                    cap: int) -> int:
    """How many open steps are due in that window (stopping at cap + 1)."""
    return _capped_count(session, _due_query([steps_t.c.id], start, before, where), cap)


def _approval_query(columns: list[Any], where: list[Any]) -> Any:
    return (select(*columns).select_from(steps_t).join(cases_t, cases_t.c.id == steps_t.c.case_id)
            .join(ben_t, ben_t.c.id == cases_t.c.beneficiary_id)
            .where(steps_t.c.deleted.is_(False), steps_t.c.decided_at.is_(None),
                   steps_t.c.approval_requested_at.is_not(None), steps_t.c.completed_at.is_(None),
                   *_open_cases(where)))


def approvals_waiting(session: Session, where: list[Any], limit: int) -> list[dict[str, Any]]:
    """Steps whose approval was asked for and not yet decided, oldest request first."""
    query = _approval_query([steps_t.c.id, steps_t.c.step_code, steps_t.c.approval_requested_at,
                             steps_t.c.approval_due_at, *_case_columns()], where)
    return [dict(r) for r in session.execute(query.order_by(steps_t.c.approval_requested_at).limit(limit)).mappings()]


def count_approvals_waiting(session: Session, where: list[Any], cap: int) -> int:
    """How many approvals are waiting (stopping at cap + 1)."""
    return _capped_count(session, _approval_query([steps_t.c.id], where), cap)


def without_contact_since(session: Session, since: dt.date, where: list[Any], limit: int) -> list[dict[str, Any]]:
    """Open cases whose last contact (latest service, or opening) was before `since`, longest silence first."""
    query = (
        select(*_case_columns(), cases_t.c.opened_on, cases_t.c.last_contact_on)
        .join(ben_t, ben_t.c.id == cases_t.c.beneficiary_id)
        .where(*_open_cases(where), cases_t.c.last_contact_on < since)
        .order_by(cases_t.c.last_contact_on, cases_t.c.id)
        .limit(limit)
    )
    return [dict(r) for r in session.execute(query).mappings()]


def count_without_contact_since(session: Session, since: dt.date, where: list[Any], cap: int) -> int:
    """How many open cases have had no contact since `since` (stopping at cap + 1)."""
    query = select(cases_t.c.id).where(*_open_cases(where), cases_t.c.last_contact_on < since)
    return _capped_count(session, query, cap)


def refresh_last_contact(session: Session, case_id: str) -> None:
    """Recompute a case's derived last-contact date: its latest live service or home visit where the
    person was met (or its opening date)."""
    forms_t = FormAnswer.__table__
    latest_service = session.scalar(select(func.max(services_t.c.delivered_on))
                                    .where(services_t.c.case_id == case_id, services_t.c.deleted.is_(False)))
    visits = session.execute(select(forms_t.c.filled_on, forms_t.c.answers).where(
        forms_t.c.case_id == case_id, forms_t.c.form_code == "HOME_VISIT", forms_t.c.deleted.is_(False))).all()
    met = [day for day, answers in visits if json.loads(answers).get("gap_doi_tuong") is not False]
    latest = max([d for d in [latest_service, *met] if d is not None], default=None)
    session.execute(cases_t.update().where(cases_t.c.id == case_id)
                    .values(last_contact_on=latest if latest is not None else cases_t.c.opened_on))


def refresh_last_contact_many(session: Session, case_ids: list[str]) -> None:
    """refresh_last_contact for many cases at once (a sync import touches thousands)."""
    for chunk in chunks(session, case_ids):
        latest = dict(session.execute(
            select(services_t.c.case_id, func.max(services_t.c.delivered_on))
            .where(among(session, services_t.c.case_id, chunk), services_t.c.deleted.is_(False))
            .group_by(services_t.c.case_id)).all())
        forms_t = FormAnswer.__table__
        for case_id, day, answers in session.execute(
                select(forms_t.c.case_id, forms_t.c.filled_on, forms_t.c.answers).where(
                    among(session, forms_t.c.case_id, chunk), forms_t.c.form_code == "HOME_VISIT",
                    forms_t.c.deleted.is_(False))):
            if json.loads(answers).get("gap_doi_tuong") is not False and (latest.get(case_id) is None
                                                                         or day > latest[case_id]):
                latest[case_id] = day
        opened = dict(session.execute(select(cases_t.c.id, cases_t.c.opened_on).where(
            among(session, cases_t.c.id, chunk))).all())
        rows = [{"case_id": case_id, "day": latest.get(case_id) or day} for case_id, day in opened.items()]
        if rows:
            session.execute(cases_t.update().where(cases_t.c.id == bindparam("case_id"))
                            .values(last_contact_on=bindparam("day")), rows)
