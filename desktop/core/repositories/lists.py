"""Paged list queries (keyset paging) with folded full-text search, for lists of any size.

A page is fetched by "rows after this key", never by OFFSET, so page 500 costs what page 1 does.
The key of a row is (value of the sort column, id); ids break ties so keys are unique.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Select, Table, and_, func, or_, select, text, tuple_
from sqlalchemy.orm import Session

from desktop.core.models import Beneficiary, Case, TrainingCourse, Worker
from desktop.core.text import fold, fts_query

cases_t: Table = Case.__table__  # type: ignore[assignment]
ben_t: Table = Beneficiary.__table__  # type: ignore[assignment]
workers_t: Table = Worker.__table__  # type: ignore[assignment]
courses_t: Table = TrainingCourse.__table__  # type: ignore[assignment]


@dataclass(frozen=True)
class ListSpec:
    """One list: its table, its search index, the columns it may be sorted by, what a row shows."""

    table: Table
    fts: str | None
    sorts: dict[str, str]
    default_sort: str

    def sort_column(self, sort: str) -> Any:
        """The column behind a sort name (the default one for an unknown name)."""
        return self.table.c[self.sorts.get(sort, self.sorts[self.default_sort])]


CASES = ListSpec(cases_t, "cases_fts", {"name": "sort_key", "opened_on": "opened_on", "case_no": "case_no"}, "name")
WORKERS = ListSpec(workers_t, "workers_fts", {"name": "sort_key"}, "name")
BENEFICIARIES = ListSpec(ben_t, "beneficiaries_fts", {"name": "sort_key"}, "name")
COURSES = ListSpec(courses_t, None, {"start_date": "start_date"}, "start_date")


def _search_condition(session: Session, spec: ListSpec, search: str) -> ColumnElement[bool] | None:
    if not search.strip():
        return None
    if spec.fts and session.get_bind().dialect.name == "sqlite":
        query = fts_query(search)
        if not query:
            return None
        return text(
            f"{spec.table.name}.rowid IN (SELECT rowid FROM {spec.fts} WHERE {spec.fts} MATCH :q)"
        ).bindparams(q=query)
    words = fold(search).split()
    column = spec.table.c.get("search_text", spec.table.c.get("title"))
    return and_(*(column.like(f"%{w}%") for w in words))


def filtered(session: Session, spec: ListSpec, search: str = "", where: list[Any] | None = None) -> list[Any]:
    """The WHERE conditions of a list: live rows, the search, and any extra conditions."""
    conds: list[Any] = [spec.table.c.deleted.is_(False)]
    cond = _search_condition(session, spec, search)
    if cond is not None:
        conds.append(cond)
    conds.extend(where or [])
    return conds


def count(session: Session, spec: ListSpec, search: str = "", where: list[Any] | None = None) -> int:
    """How many live rows match."""
    return session.scalar(select(func.count()).select_from(spec.table).where(*filtered(session, spec, search, where)))


def keyset(
    query: Select, spec: ListSpec, sort: str, descending: bool, after: tuple[Any, str] | None, limit: int
) -> Select:
    """Order `query` by the sort column and id, and start after the key `after`."""
    column = spec.sort_column(sort)
    id_col = spec.table.c.id
    if after is not None:
        bound = tuple_(column, id_col)
        query = query.where(bound < tuple_(*after) if descending else bound > tuple_(*after))
    order = (column.desc(), id_col.desc()) if descending else (column, id_col)
    return query.order_by(*order).limit(limit)


def case_page(
    session: Session, search: str = "", sort: str = "name", descending: bool = False,
    after: tuple[Any, str] | None = None, limit: int = 100, where: list[Any] | None = None,
) -> list[dict[str, Any]]:
    """One page of the case list with the beneficiary's name and the case manager's name."""
    assignee = workers_t.alias("assignee")
    query = (
        select(
            cases_t.c.id, cases_t.c.case_no, cases_t.c.process_type, cases_t.c.step, cases_t.c.status,
            cases_t.c.opened_on, cases_t.c.sort_key, ben_t.c.full_name, ben_t.c.birth_date,
            ben_t.c.gender, ben_t.c.target_groups, assignee.c.full_name.label("assignee_name"),
        )
        .select_from(cases_t)
        .join(ben_t, ben_t.c.id == cases_t.c.beneficiary_id)
        .outerjoin(assignee, assignee.c.id == cases_t.c.assigned_worker_id)
        .where(*filtered(session, CASES, search, where))
    )
    query = keyset(query, CASES, sort, descending, after, limit)
    return [dict(r) for r in session.execute(query).mappings()]


def worker_page(
    session: Session, search: str = "", sort: str = "name", descending: bool = False,
    after: tuple[Any, str] | None = None, limit: int = 100, where: list[Any] | None = None,
) -> list[dict[str, Any]]:
    """One page of the roster."""
    c = workers_t.c
    query = select(
        c.id, c.full_name, c.gender, c.birth_date, c.category, c.position, c.education_level, c.phone,
        c.status, c.sort_key,
    ).where(*filtered(session, WORKERS, search, where))
    query = keyset(query, WORKERS, sort, descending, after, limit)
    return [dict(r) for r in session.execute(query).mappings()]


def course_page(
    session: Session, search: str = "", sort: str = "start_date", descending: bool = True,
    after: tuple[Any, str] | None = None, limit: int = 100, where: list[Any] | None = None,
) -> list[dict[str, Any]]:
    """One page of training courses, newest first by default, with their attendance counts."""
    from desktop.core.models import TrainingAttendance

    att = TrainingAttendance.__table__
    attendees = (
        select(func.count()).select_from(att)
        .where(att.c.course_id == courses_t.c.id, att.c.deleted.is_(False))
        .scalar_subquery()
    )
    c = courses_t.c
    query = select(
        c.id, c.title, c.kind, c.level, c.organiser, c.start_date, c.end_date, c.hours, c.location, c.notes,
        attendees.label("attendees"),
    ).where(*filtered(session, COURSES, search, where))
    query = keyset(query, COURSES, sort, descending, after, limit)
    return [dict(r) for r in session.execute(query).mappings()]


def person_matches(session: Session, spec: ListSpec, search: str, limit: int) -> list[dict[str, Any]]:
    """Workers or beneficiaries matching a search, in name order."""
    c = spec.table.c
    query = select(c.id, c.full_name, c.birth_date, c.national_id, c.phone, c.sort_key).where(
        *filtered(session, spec, search)
    )
    return [dict(r) for r in session.execute(keyset(query, spec, "name", False, None, limit)).mappings()]


def any_of(*conditions: Any) -> Any:
    """OR of conditions (re-exported so services need not import SQLAlchemy)."""
    return or_(*conditions)
