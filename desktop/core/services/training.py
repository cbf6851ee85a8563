"""Training courses and attendance."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from desktop.core.context import AppContext
from desktop.core.models import TrainingAttendance, TrainingCourse
from desktop.core.repositories import lists
from desktop.core.services.access import require_manager
from desktop.core.services.changes import Changed
from desktop.core.services.records import create_record, set_deleted, update_record
from desktop.core.validation import Rule

COURSE_RULES: dict[str, Rule] = {
    "title": Rule("text", required=True, max_len=200),
    "kind": Rule("code", required=True, code_list="course_kind"),
    "level": Rule("code", code_list="training_level"),
    "organiser": Rule("text", max_len=200),
    "start_date": Rule("date", required=True),
    "end_date": Rule("date", after="start_date"),
    "hours": Rule("int"),
    "location": Rule("text", max_len=200),
    "notes": Rule("text", max_len=4000),
}
ATTENDANCE_RULES: dict[str, Rule] = {
    "course_id": Rule("ref", required=True),
    "worker_id": Rule("ref", required=True),
    "certificate_no": Rule("text", max_len=40),
    "completed": Rule("bool"),
}


def create_course(ctx: AppContext, values: Mapping[str, Any]) -> tuple[str, Changed]:
    """Record a training course."""
    require_manager(ctx)
    return create_record(ctx, TrainingCourse, COURSE_RULES, values)


def update_course(ctx: AppContext, course_id: str, values: Mapping[str, Any]) -> Changed:
    """Edit a training course."""
    require_manager(ctx)
    return update_record(ctx, TrainingCourse, course_id, COURSE_RULES, values)


def delete_course(ctx: AppContext, course_id: str) -> Changed:
    """Tombstone a course."""
    require_manager(ctx)
    return set_deleted(ctx, TrainingCourse, course_id, True)


def add_attendance(ctx: AppContext, values: Mapping[str, Any]) -> tuple[str, Changed]:
    """Record that a roster member attended a course."""
    require_manager(ctx)
    return create_record(ctx, TrainingAttendance, ATTENDANCE_RULES, {"completed": True, **values})


def list_courses(ctx: AppContext, search: str = "", after: tuple[Any, str] | None = None,
                 limit: int = 100) -> list[dict[str, Any]]:
    """A page of courses, newest first, with attendance counts."""
    with ctx.db.reader() as session:
        return lists.course_page(session, search, after=after, limit=limit)


def count_courses(ctx: AppContext, search: str = "") -> int:
    """How many courses match."""
    with ctx.db.reader() as session:
        return lists.count(session, lists.COURSES, search)


def restore_course(ctx: AppContext, course_id: str) -> Changed:
    """Undo delete_course."""
    require_manager(ctx)
    return set_deleted(ctx, TrainingCourse, course_id, False)


def update_attendance(ctx: AppContext, attendance_id: str, values: Mapping[str, Any]) -> Changed:
    """Edit an attendance (certificate number, completion)."""
    require_manager(ctx)
    rules = {k: v for k, v in ATTENDANCE_RULES.items() if k not in ("course_id", "worker_id")}
    return update_record(ctx, TrainingAttendance, attendance_id, rules, values)


def delete_attendance(ctx: AppContext, attendance_id: str) -> Changed:
    """Tombstone an attendance (restore_attendance undoes it)."""
    require_manager(ctx)
    return set_deleted(ctx, TrainingAttendance, attendance_id, True)


def restore_attendance(ctx: AppContext, attendance_id: str) -> Changed:
    """Undo delete_attendance."""
    require_manager(ctx)
    return set_deleted(ctx, TrainingAttendance, attendance_id, False)


def attendances_of_course(ctx: AppContext, course_id: str) -> list[dict[str, Any]]:
    """The live attendances of a course with the attendee's name, in name order."""
    with ctx.db.reader() as session:
        return lists.attendance_rows(session, course_id)


def totals(ctx: AppContext) -> dict[str, int]:
    """Classes held, person-attendances (lượt người) and distinct people trained."""
    from desktop.core.repositories.records import training_totals

    with ctx.db.reader() as session:
        return training_totals(session)
