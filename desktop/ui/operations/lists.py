"""The communes' own lists into CTXH Desk, for the import wizard: read and check (the plan), then import, for
the roster, the beneficiary lists and the training class lists alike."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from desktop.core.context import AppContext
    from desktop.core.progress import CancelToken, ProgressSink
    from desktop.core.services.excel_import import ImportPlan

KINDS = ("roster", "cases", "training", "allowances")


def plan_list_import(ctx: AppContext, *, kind: str, path: Path, mapping: dict[str, int] | None,
                     choices: dict[tuple[str, str], str | None], progress: ProgressSink,
                     cancel: CancelToken) -> ImportPlan:
    """Read and check a list; nothing is written."""
    if kind == "roster":
        from desktop.core.services.roster_import import plan_roster_import

        return plan_roster_import(ctx, path, mapping=mapping, progress=progress, cancel=cancel, choices=choices)
    if kind == "cases":
        from desktop.core.services.case_import import plan_case_import

        return plan_case_import(ctx, path, mapping=mapping, progress=progress, cancel=cancel, choices=choices)
    if kind == "allowances":
        from desktop.core.services.allowance_import import plan_allowance_import

        return plan_allowance_import(ctx, path, mapping=mapping, progress=progress, cancel=cancel, choices=choices)
    from desktop.core.services.training_import import plan_training_import

    return plan_training_import(ctx, path, mapping=mapping, progress=progress, cancel=cancel, choices=choices)


def course_of_plan(ctx: AppContext, *, plan: ImportPlan) -> Any:
    """What a class list's title block says of its course (title, kind, dates)."""
    from desktop.core.services.training_import import course_from_title

    return course_from_title(plan.title_lines)


def apply_list_import(ctx: AppContext, *, kind: str, plan: ImportPlan, on_duplicate: str,
                      choices: dict[tuple[str, str], str | None], written: dict[str, str], course: Any,
                      progress: ProgressSink, cancel: CancelToken) -> Any:
    """Remember the mapping step's answers, then import the checked plan. Returns the ImportReport (for a class
    list, the TrainingReport)."""
    from desktop.core.services.value_mappings import remember

    remember(ctx, choices, written)
    if kind == "roster":
        from desktop.core.services.roster_import import apply_roster_plan

        return apply_roster_plan(ctx, plan, on_duplicate, progress=progress, cancel=cancel)
    if kind == "cases":
        from desktop.core.services.case_import import apply_case_plan

        return apply_case_plan(ctx, plan, on_duplicate, progress=progress, cancel=cancel)
    if kind == "allowances":
        from desktop.core.services.allowance_import import apply_allowance_plan

        return apply_allowance_plan(ctx, plan, progress=progress, cancel=cancel)
    from desktop.core.services.training_import import apply_training_plan

    return apply_training_plan(ctx, plan, course, progress=progress, cancel=cancel)


def pending_values(ctx: AppContext, *, kind: str, record_id: str) -> list[dict[str, Any]]:
    """One person's values kept as written, with the closest codes."""
    from desktop.core.services.value_mappings import pending_values as pending

    return pending(ctx, kind, record_id)


def place_values(ctx: AppContext, *, answers: list[tuple[str, str, str | None]]) -> Any:
    """Answer values kept as written, for everyone who holds them; returns (count, Changed)."""
    from desktop.core.services.value_mappings import place_all

    return place_all(ctx, answers)


def remembered_answers(ctx: AppContext) -> list[dict[str, Any]]:
    """The profile's remembered answers of the mapping step."""
    from desktop.core.services.value_mappings import list_remembered

    return list_remembered(ctx)


def forget_answer(ctx: AppContext, *, list_name: str, folded: str) -> bool:
    """Forget one remembered answer."""
    from desktop.core.services.value_mappings import forget

    return forget(ctx, list_name, folded)
