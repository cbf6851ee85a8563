"""Paged list queries (keyset paging) with folded full-text search, for lists of any size.

A page is fetched by "rows after this key", never by OFFSET, so page 500 costs what page 1 does.
The key of a row is (value of the sort column, id); ids break ties so keys are unique.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, cast

from sqlalchemy import Select, Table, and_, exists, func, literal, or_, select, text, tuple_
from sqlalchemy.orm import Session

from desktop.core.domain.case_rules import CLOSED
from desktop.core.models import Beneficiary, Case, CaseStep, TrainingCourse, Worker
from desktop.core.repositories.row_types import CaseListRow, WorkerListRow
from desktop.core.text import fold, fts_query

cases_t: Table = Case.__table__
ben_t: Table = Beneficiary.__table__
workers_t: Table = Worker.__table__
courses_t: Table = TrainingCourse.__table__
steps_t: Table = CaseStep.__table__


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


# A search matching at most this many rows is answered from the list of matches, sorted; a broader
# one by walking the sort index and keeping the matches (dense matches fill a page quickly).
SPARSE_MATCHES = 2000
# While typing, counts stop here: "more than 1,000" is as useful as the exact figure and far cheaper.
COUNT_CAP = 1000


@dataclass(frozen=True)
class _Search:
    """A search on a list: either the few matching rowids, or a condition for many matches."""

    rowids: Sequence[int] | None
    condition: Any


def _search(session: Session, spec: ListSpec, search: str) -> _Search | None:
    if not search.strip():
        return None
    if spec.fts and session.get_bind().dialect.name == "sqlite":
        query = fts_query(search)
        if not query:
            return None
        # SQLite cannot know how many rows an FTS query matches, so it may pick the wrong plan for the
        # ORDER BY … LIMIT that follows; we look first and choose. Few matches: fetch them by rowid and
        # sort them. Many: walk the sort index and keep the matching rows, which fill a page quickly.
        rowids = session.execute(
            text(f"SELECT rowid FROM {spec.fts} WHERE {spec.fts} MATCH :q LIMIT :n"),
            {"q": query, "n": SPARSE_MATCHES + 1},
        ).scalars().all()
        condition = text(
            f"{spec.table.name}.rowid IN (SELECT rowid FROM {spec.fts} WHERE {spec.fts} MATCH :q)"
        ).bindparams(q=query)
        return _Search(rowids if len(rowids) <= SPARSE_MATCHES else None, condition)
    words = fold(search).split()
    column = spec.table.c.get("search_text", spec.table.c.get("title"))
    assert column is not None  # every listed table has one of the two
    return _Search(None, and_(*(column.like(f"%{w}%") for w in words)))


def _rowid_list(table: Table, rowids: Sequence[int]) -> Any:
    return text(f"{table.name}.rowid IN (SELECT value FROM json_each(:rowids))").bindparams(
        rowids=json.dumps(list(rowids))
    )


def filtered(session: Session, spec: ListSpec, search: str = "", where: list[Any] | None = None) -> list[Any]:
    """The WHERE conditions of a list: live rows, the search, and any extra conditions."""
    conds: list[Any] = [spec.table.c.deleted.is_(False), *(where or [])]
    found = _search(session, spec, search)
    if found is not None:
        conds.append(_rowid_list(spec.table, found.rowids) if found.rowids is not None else found.condition)
    return conds


def count(session: Session, spec: ListSpec, search: str = "", where: list[Any] | None = None,
          cap: int | None = None) -> int:
    """How many live rows match; with `cap`, counting stops at cap + 1 ("more than cap")."""
    found = _search(session, spec, search)
    conds: list[Any] = [spec.table.c.deleted.is_(False), *(where or [])]
    if found is not None and found.rowids is not None and not where:
        exact = session.scalar(
            text(f"SELECT count(*) FROM json_each(:rowids) AS m CROSS JOIN {spec.table.name} AS t "
                 "ON t.rowid = m.value WHERE t.deleted = 0"),
            {"rowids": json.dumps(list(found.rowids))},
        ) or 0
        return exact if cap is None else min(exact, cap + 1)
    if found is not None and found.rowids is not None:
        conds.append(_rowid_list(spec.table, found.rowids))
    elif found is not None and cap is not None and spec.fts:
        # Many matches: let the index drive and stop at the cap, instead of checking every row.
        limited = text(
            f"SELECT 1 FROM {spec.fts} CROSS JOIN {spec.table.name} ON {spec.table.name}.rowid = {spec.fts}.rowid "
            f"WHERE {spec.fts} MATCH :q AND {spec.table.name}.deleted = 0 LIMIT :n"
        )
        query = fts_query(search)
        return session.scalar(text(f"SELECT count(*) FROM ({limited.text})"), {"q": query, "n": cap + 1}) or 0
    elif found is not None:
        conds.append(found.condition)
    if cap is None:
        return session.scalar(select(func.count()).select_from(spec.table).where(*conds)) or 0
    limited_ids = select(spec.table.c.id).where(*conds).limit(cap + 1).subquery()
    return session.scalar(select(func.count()).select_from(limited_ids)) or 0


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


def page_ids(
    session: Session, spec: ListSpec, search: str = "", sort: str = "", descending: bool = False,
    after: tuple[Any, str] | None = None, limit: int = 100, where: list[Any] | None = None,
) -> list[str]:
    """The ids of one page, in order. Step one of a page; the rows are fetched by id afterwards."""
    column = spec.sort_column(sort)
    conds: list[Any] = [spec.table.c.deleted.is_(False), *(where or [])]
    found = _search(session, spec, search)
    if found is not None and found.rowids is not None:
        # The few matches drive, one rowid lookup each; CROSS JOIN fixes that join order in SQLite.
        rows = session.execute(
            text(f"SELECT t.id, t.{column.name} FROM json_each(:rowids) AS m "
                 f"CROSS JOIN {spec.table.name} AS t ON t.rowid = m.value WHERE t.deleted = 0"),
            {"rowids": json.dumps(list(found.rowids))},
        ).all()
        if where:
            kept = set(session.execute(
                select(spec.table.c.id).where(spec.table.c.id.in_([r[0] for r in rows]), *where)).scalars())
            rows = [r for r in rows if r[0] in kept]
        keys = sorted(((_sortable(v), i) for i, v in rows), reverse=descending)
        if after is not None:
            bound = (_sortable(after[0]), after[1])
            keys = [k for k in keys if (k < bound if descending else k > bound)]
        return [i for _, i in keys[:limit]]
    if found is not None:
        conds.append(found.condition)
    query = keyset(select(spec.table.c.id).where(*conds), spec, sort, descending, after, limit)
    return list(session.execute(query).scalars())


def _sortable(value: Any) -> Any:
    return "" if value is None else value


def _in_order(rows: list[dict[str, Any]], ids: list[str]) -> list[dict[str, Any]]:
    position = {record_id: i for i, record_id in enumerate(ids)}
    return sorted(rows, key=lambda r: position[r["id"]])


def case_page(
    session: Session, search: str = "", sort: str = "name", descending: bool = False,
    after: tuple[Any, str] | None = None, limit: int = 100, where: list[Any] | None = None,
) -> list[CaseListRow]:
    """One page of the case list with the beneficiary's name and the case manager's name."""
    ids = page_ids(session, CASES, search, sort, descending, after, limit, where)
    if not ids:
        return []
    assignee = workers_t.alias("assignee")
    c = cases_t.c
    query = (
        select(
            c.id, c.case_no, c.process_type, c.step, c.status, c.opened_on, c.sort_key,
            ben_t.c.full_name, ben_t.c.birth_date, ben_t.c.gender, ben_t.c.target_groups,
            assignee.c.full_name.label("assignee_name"),
        )
        .select_from(cases_t)
        .join(ben_t, ben_t.c.id == c.beneficiary_id)
        .outerjoin(assignee, assignee.c.id == c.assigned_worker_id)
        .where(c.id.in_(ids))
    )
    return cast(list[CaseListRow], _in_order([dict(r) for r in session.execute(query).mappings()], ids))


def worker_page(
    session: Session, search: str = "", sort: str = "name", descending: bool = False,
    after: tuple[Any, str] | None = None, limit: int = 100, where: list[Any] | None = None,
) -> list[WorkerListRow]:
    """One page of the roster."""
    c = workers_t.c
    query = select(
        c.id, c.full_name, c.gender, c.birth_date, c.category, c.position, c.education_level, c.phone,
        c.status, c.sort_key,
    ).where(*filtered(session, WORKERS, search, where))
    query = keyset(query, WORKERS, sort, descending, after, limit)
    return [cast(WorkerListRow, dict(r)) for r in session.execute(query).mappings()]


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


def attendance_rows(session: Session, course_id: str) -> list[dict[str, Any]]:
    """The live attendances of one course with the attendee's name, in Vietnamese name order."""
    from desktop.core.models import TrainingAttendance

    att = TrainingAttendance.__table__
    query = (
        select(att.c.id, att.c.worker_id, att.c.certificate_no, att.c.completed, workers_t.c.full_name)
        .join(workers_t, workers_t.c.id == att.c.worker_id)
        .where(att.c.course_id == course_id, att.c.deleted.is_(False))
        .order_by(workers_t.c.sort_key, att.c.id)
    )
    return [dict(r) for r in session.execute(query).mappings()]


def person_matches(session: Session, spec: ListSpec, search: str, limit: int,
                   where: list[Any] | None = None) -> list[dict[str, Any]]:
    """Workers or beneficiaries matching a search, in name order."""
    c = spec.table.c
    query = select(c.id, c.full_name, c.birth_date, c.national_id, c.phone, c.sort_key).where(
        *filtered(session, spec, search, where)
    )
    return [dict(r) for r in session.execute(keyset(query, spec, "name", False, None, limit)).mappings()]


def assigned_to(worker_id: str | None) -> Any:
    """Cases managed by one roster member (nothing at all for a user linked to no roster member)."""
    if worker_id is None:
        return cases_t.c.id.is_(None)
    return cases_t.c.assigned_worker_id == worker_id


def beneficiary_has_case(where: list[Any]) -> Any:
    """Beneficiaries with at least one live case meeting `where`."""
    return ben_t.c.id.in_(select(cases_t.c.beneficiary_id).where(cases_t.c.deleted.is_(False), *where))


CASE_FILTERS = ("status", "step", "process_type", "group", "assignee", "overdue", "ids", "people")
UNASSIGNED = "-"  # the assignee filter's value for "nobody yet"


def overdue_now(now: Any) -> Any:
    """Open cases with a step past its deadline, or an approval asked for and past its own."""
    late_step = and_(steps_t.c.completed_at.is_(None), steps_t.c.due_at.is_not(None), steps_t.c.due_at < now)
    late_approval = and_(steps_t.c.approval_requested_at.is_not(None), steps_t.c.decided_at.is_(None),
                         steps_t.c.approval_due_at.is_not(None), steps_t.c.approval_due_at < now)
    return and_(cases_t.c.status != CLOSED, exists().where(
        steps_t.c.case_id == cases_t.c.id, steps_t.c.deleted.is_(False), or_(late_step, late_approval)))


def case_conditions(filters: dict[str, Any], now: Any) -> list[Any]:
    """The WHERE conditions of the case list's filters (keys of CASE_FILTERS; empty values are ignored)."""
    c = cases_t.c
    conds: list[Any] = []
    for name in ("status", "step", "process_type"):
        if filters.get(name):
            conds.append(c[name] == filters[name])
    if filters.get("assignee") == UNASSIGNED:
        conds.append(c.assigned_worker_id.is_(None))
    elif filters.get("assignee"):
        conds.append(c.assigned_worker_id == filters["assignee"])
    if filters.get("group"):
        # target_groups holds space-separated codes; pad both sides so HCDB_D does not match HCDB_DD.
        padded = literal(" ") + ben_t.c.target_groups + literal(" ")
        conds.append(c.beneficiary_id.in_(select(ben_t.c.id).where(padded.like(f"% {filters['group']} %"))))
    if filters.get("overdue"):
        conds.append(overdue_now(now))
    # The records behind a report's figure: the cases, or the people whose cases to list.
    if filters.get("ids") is not None:
        conds.append(c.id.in_(id_list(filters["ids"])))
    if filters.get("people") is not None:
        conds.append(c.beneficiary_id.in_(id_list(filters["people"])))
    return conds


def worker_conditions(ids: Sequence[str] | None) -> list[Any] | None:
    """The roster list's condition: only these people (None: everyone)."""
    return None if ids is None else [workers_t.c.id.in_(id_list(ids))]


def id_list(ids: Sequence[str]) -> Any:
    """A subquery of the given ids, passed as one JSON parameter: a figure may stand for tens of thousands of
    records, more than SQLite takes as separate parameters."""
    import json

    from sqlalchemy import func, literal_column

    each = func.json_each(json.dumps(list(ids))).table_valued("value")
    return select(literal_column("value")).select_from(each)
