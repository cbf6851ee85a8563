"""Single-record reads and whole-table scans of synced records."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, cast

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.core.models import Synced
from desktop.core.models.base import table_of
from desktop.core.repositories.row_types import PersonKey


def rows_by_id(session: Session, model: type[Synced], columns: tuple[str, ...], ids: set[str]
               ) -> dict[str, dict[str, Any]]:
    """Chosen columns of the records with these ids (tombstoned ones too), by id; asked 900 ids at a time
    (SQLite's bound-parameter limit)."""
    table = table_of(model)
    wanted = sorted(ids)
    out: dict[str, dict[str, Any]] = {}
    for start in range(0, len(wanted), 900):
        query = select(table.c.id, *(table.c[c] for c in columns if c != "id")).where(
            table.c.id.in_(wanted[start:start + 900]))
        out.update({row.id: dict(row._mapping) for row in session.execute(query)})
    return out


def get_row(session: Session, model: type[Synced], record_id: str) -> dict[str, Any] | None:
    """Every column of one record as a dict, or None."""
    table = table_of(model)
    row = session.execute(select(table).where(table.c.id == record_id)).mappings().first()
    return dict(row) if row else None


def rows_where(session: Session, model: type[Synced], **equals: Any) -> list[dict[str, Any]]:
    """Every column of the records whose columns equal the given values."""
    table = table_of(model)
    query = select(table).where(*(table.c[k] == v for k, v in equals.items()))
    return [dict(r) for r in session.execute(query).mappings()]


def live_count(session: Session, model: type[Synced]) -> int:
    """How many records of a kind are not tombstoned."""
    table = table_of(model)
    return session.scalar(select(func.count()).select_from(table).where(table.c.deleted.is_(False))) or 0


def synced_rows(session: Session, model: type[Synced], partition: str | None = None) -> Iterator[dict[str, Any]]:
    """Stream id, synced fields and tombstone of every record (optionally of one partition)."""
    table = table_of(model)
    columns = [table.c.id, table.c.deleted, *(table.c[f] for f in model.__synced_fields__)]
    query = select(*columns)
    if partition is not None:
        query = query.where(table.c.partition == partition)
    result = session.execute(query.execution_options(yield_per=5000)).mappings()
    for row in result:
        yield dict(row)


def last_case_no(session: Session, prefix: str) -> str | None:
    """The highest case number starting with `prefix` (numbers are zero-padded, so max is the last)."""
    from desktop.core.models import Case

    return session.scalar(select(func.max(Case.case_no)).where(Case.case_no.like(f"{prefix}%")))


def services_of_case(session: Session, case_id: str) -> list[dict[str, Any]]:
    """The live services of a case, newest first."""
    from desktop.core.models import ServiceRecord

    t = ServiceRecord.__table__
    query = (
        select(t).where(t.c.case_id == case_id, t.c.deleted.is_(False))
        .order_by(t.c.delivered_on.desc(), t.c.id.desc())
    )
    return [dict(r) for r in session.execute(query).mappings()]


def live_count_by(session: Session, model: type[Synced], column: str) -> dict[Any, int]:
    """Live records of a kind counted by the values of one column."""
    table = table_of(model)
    query = (
        select(table.c[column], func.count()).where(table.c.deleted.is_(False)).group_by(table.c[column])
    )
    return {value: n for value, n in session.execute(query)}


def change_history(session: Session, record_ids: list[str], limit: int = 200) -> list[dict[str, Any]]:
    """The outbox entries of some records, newest first: who changed which fields, when, from which device."""
    from desktop.core.models import ChangeEntry

    t = ChangeEntry.__table__
    query = (
        select(t.c.seq, t.c.entity, t.c.record_id, t.c.payload, t.c.author, t.c.device_id, t.c.created_at)
        .where(t.c.record_id.in_(record_ids)).order_by(t.c.seq.desc()).limit(limit)
    )
    return [dict(r) for r in session.execute(query).mappings()]


def attendance_history(session: Session, worker_id: str | None = None) -> list[dict[str, Any]]:
    """The live courses attended by one roster member (or by everyone), newest first."""
    from desktop.core.models import TrainingAttendance, TrainingCourse

    att, course = TrainingAttendance.__table__, TrainingCourse.__table__
    query = (
        select(att.c.id, att.c.worker_id, att.c.certificate_no, att.c.completed, course.c.id.label("course_id"),
               course.c.title, course.c.kind, course.c.level, course.c.organiser, course.c.start_date,
               course.c.end_date, course.c.hours)
        .join(course, course.c.id == att.c.course_id)
        .where(att.c.deleted.is_(False), course.c.deleted.is_(False))
        .order_by(course.c.start_date.desc(), att.c.id)
    )
    if worker_id is not None:
        query = query.where(att.c.worker_id == worker_id)
    return [dict(r) for r in session.execute(query).mappings()]


def live_rows(session: Session, model: type[Synced], *columns: str, partition: str | None = None
              ) -> list[dict[str, Any]]:
    """Chosen columns (or all) of every live record of a kind (of one commune, at a hub)."""
    table = table_of(model)
    selected = [table.c[c] for c in columns] if columns else [table]
    query = select(*selected).where(table.c.deleted.is_(False))
    if partition is not None:
        query = query.where(table.c.partition == partition)
    return [dict(r) for r in session.execute(query).mappings()]


def people_keys(session: Session, model: type[Synced]) -> list[PersonKey]:
    """The id, name, CCCD and birth date of every live worker or beneficiary (to find duplicates)."""
    return cast(list[PersonKey], live_rows(session, model, "id", "full_name", "national_id", "birth_date"))


def records_to_map(session: Session, limit: int, cap: int) -> tuple[list[dict[str, Any]], int]:
    """Live people with values an import kept as written, or an old code that needs a choice (TCXH_06: the
    level of disability), beneficiaries then roster members by name; and how many (stopping at cap + 1)."""
    from sqlalchemy import literal, or_, union_all

    from desktop.core.models import Beneficiary, Worker

    b, w = Beneficiary.__table__, Worker.__table__
    old_code = or_(b.c.target_groups == "TCXH_06", b.c.target_groups.like("TCXH_06 %"),
                   b.c.target_groups.like("% TCXH_06"), b.c.target_groups.like("% TCXH_06 %"))
    people = union_all(
        select(literal("beneficiary").label("kind"), b.c.id, b.c.full_name, b.c.as_written, b.c.target_groups,
               b.c.sort_key)
        .where(b.c.deleted.is_(False), or_(b.c.as_written.is_not(None), old_code)),
        select(literal("worker").label("kind"), w.c.id, w.c.full_name, w.c.as_written, literal("").label("tg"),
               w.c.sort_key)
        .where(w.c.deleted.is_(False), w.c.as_written.is_not(None)),
    ).subquery()
    rows = [dict(r._mapping) for r in session.execute(
        select(people).order_by(people.c.kind, people.c.sort_key).limit(limit))]
    total = session.scalar(select(func.count()).select_from(select(people.c.id).limit(cap + 1).subquery())) or 0
    return rows, total


def course_attendees(session: Session, course_id: str) -> set[str]:
    """The roster members already recorded (live) in one training course."""
    from desktop.core.models import TrainingAttendance

    a = TrainingAttendance.__table__
    query = select(a.c.worker_id).where(a.c.course_id == course_id, a.c.deleted.is_(False))
    return set(session.scalars(query))


def cases_assigned_to(session: Session, worker_id: str) -> list[dict[str, Any]]:
    """Live cases managed by one roster member, newest first, with the beneficiary's name."""
    from desktop.core.models import Beneficiary, Case

    c, b = Case.__table__, Beneficiary.__table__
    query = (
        select(c.c.id, c.c.case_no, c.c.status, c.c.step, c.c.opened_on, b.c.full_name)
        .join(b, b.c.id == c.c.beneficiary_id)
        .where(c.c.assigned_worker_id == worker_id, c.c.deleted.is_(False))
        .order_by(c.c.opened_on.desc())
    )
    return [dict(r) for r in session.execute(query).mappings()]


def training_totals(session: Session) -> dict[str, int]:
    """Classes held and person-attendances (lượt người), as the HCMC reports count them: live only."""
    from desktop.core.models import TrainingAttendance, TrainingCourse

    att, course = TrainingAttendance.__table__, TrainingCourse.__table__
    courses = session.scalar(select(func.count()).select_from(course).where(course.c.deleted.is_(False))) or 0
    attendances = session.scalar(
        select(func.count()).select_from(att).join(course, course.c.id == att.c.course_id)
        .where(att.c.deleted.is_(False), course.c.deleted.is_(False))
    ) or 0
    people = session.scalar(
        select(func.count(func.distinct(att.c.worker_id))).select_from(att).join(course, course.c.id == att.c.course_id)
        .where(att.c.deleted.is_(False), course.c.deleted.is_(False))
    ) or 0
    return {"courses": courses, "attendances": attendances, "people": people}


def people_like(session: Session, numbers: list[str], birth_date: Any) -> list[dict[str, Any]]:
    """Live beneficiaries carrying one of these numbers (as CCCD or old CMND) or born on this day, with their
    live cases (id, number, status): where intake looks for a person already here."""
    from sqlalchemy import or_

    from desktop.core.models import Beneficiary

    b = Beneficiary.__table__
    same = [b.c.national_id.in_(numbers), b.c.old_national_id.in_(numbers)] if numbers else []
    same += [b.c.birth_date == birth_date] if birth_date else []
    if not same:
        return []
    return _with_cases(session, [dict(r) for r in session.execute(
        select(b.c.id, b.c.full_name, b.c.birth_date, b.c.national_id, b.c.old_national_id, b.c.address)
        .where(b.c.deleted.is_(False), or_(*same))).mappings()])


def _with_cases(session: Session, people: list[dict[str, Any]]) -> list[dict[str, Any]]:
    from desktop.core.models import Case

    c = Case.__table__
    for person in people:
        person["cases"] = [dict(r) for r in session.execute(
            select(c.c.id, c.c.case_no, c.c.status, c.c.assigned_worker_id)
            .where(c.c.beneficiary_id == person["id"], c.c.deleted.is_(False))
            .order_by(c.c.opened_on.desc())).mappings()]
    return people


def people_with_numbers(session: Session, numbers: list[str]) -> list[dict[str, Any]]:
    """Live beneficiaries whose CCCD or old CMND is one of `numbers`, with their live cases."""
    return [p for p in people_like(session, numbers, None)
            if {p["national_id"], p["old_national_id"]} & set(numbers)]


def workers_with_numbers(session: Session, numbers: list[str]) -> list[dict[str, Any]]:
    """Live roster members whose CCCD or old CMND is one of `numbers`."""
    from sqlalchemy import or_

    from desktop.core.models import Worker

    w = Worker.__table__
    if not numbers:
        return []
    return [dict(r) for r in session.execute(
        select(w.c.id, w.c.full_name, w.c.birth_date, w.c.national_id, w.c.old_national_id, w.c.category,
               w.c.status)
        .where(w.c.deleted.is_(False), or_(w.c.national_id.in_(numbers), w.c.old_national_id.in_(numbers)))
    ).mappings()]
