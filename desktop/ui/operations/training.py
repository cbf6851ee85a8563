"""Training courses and who attended them."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from desktop.core.context import AppContext
    from desktop.core.services.changes import Changed


def list_courses(ctx: AppContext, *, search: str = "", sort: str = "", descending: bool = False,
                 after: Any = None, limit: int = 100) -> list[dict[str, Any]]:
    """One page of courses, newest first (the list has one order, so `sort` is not used)."""
    from desktop.core.services import training

    return training.list_courses(ctx, search, after, limit)


def count_courses(ctx: AppContext, *, search: str = "", cap: int | None = None) -> int:
    """How many courses match (a short list: counted exactly, whatever `cap` says)."""
    from desktop.core.services import training

    return training.count_courses(ctx, search)


def totals(ctx: AppContext) -> dict[str, int]:
    """Courses, attendances and people trained."""
    from desktop.core.services import training

    return training.totals(ctx)


def create_course(ctx: AppContext, *, values: Mapping[str, Any]) -> tuple[str, Changed]:
    """Add a course."""
    from desktop.core.services import training

    return training.create_course(ctx, values)


def update_course(ctx: AppContext, *, course_id: str, values: Mapping[str, Any]) -> Changed:
    """Edit a course."""
    from desktop.core.services import training

    return training.update_course(ctx, course_id, values)


def delete_course(ctx: AppContext, *, course_id: str) -> Changed:
    """Remove a course (undone by restore_course)."""
    from desktop.core.services import training

    return training.delete_course(ctx, course_id)


def restore_course(ctx: AppContext, *, course_id: str) -> Changed:
    """Undo a removal."""
    from desktop.core.services import training

    return training.restore_course(ctx, course_id)


def attendances_of_course(ctx: AppContext, *, course_id: str) -> list[dict[str, Any]]:
    """Who attended a course."""
    from desktop.core.services import training

    return training.attendances_of_course(ctx, course_id)


def add_attendance(ctx: AppContext, *, values: Mapping[str, Any]) -> tuple[str, Changed]:
    """Record that a worker attended."""
    from desktop.core.services import training

    return training.add_attendance(ctx, values)


def delete_attendance(ctx: AppContext, *, attendance_id: str) -> Changed:
    """Remove an attendance."""
    from desktop.core.services import training

    return training.delete_attendance(ctx, attendance_id)
