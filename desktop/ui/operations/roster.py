"""The roster: workers, their allowances, the indicators, Excel in and out."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from desktop.core.context import AppContext
    from desktop.core.progress import CancelToken, ProgressSink
    from desktop.core.services.changes import Changed
    from desktop.core.services.excel_import import ImportPlan, ImportReport
    from desktop.core.services.reports import RosterStrip


def list_workers(ctx: AppContext, *, search: str = "", sort: str = "name", descending: bool = False,
                 after: Any = None, limit: int = 100, ids: list[str] | None = None) -> list[dict[str, Any]]:
    """One page of the roster (only `ids`, when given)."""
    from desktop.core.services import roster

    return roster.list_workers(ctx, search, sort, descending, after, limit, ids)


def count_workers(ctx: AppContext, *, search: str = "", cap: int | None = None, ids: list[str] | None = None) -> int:
    """How many workers match."""
    from desktop.core.services import roster

    return roster.count_workers(ctx, search, cap=cap, ids=ids)


def get_worker(ctx: AppContext, *, worker_id: str) -> dict[str, Any]:
    """One worker, for the edit form."""
    from desktop.core.services import roster

    return roster.get_worker(ctx, worker_id)


def create_worker(ctx: AppContext, *, values: Mapping[str, Any]) -> tuple[str, Changed]:
    """Add a worker."""
    from desktop.core.services import roster

    return roster.create_worker(ctx, values)


def update_worker(ctx: AppContext, *, worker_id: str, values: Mapping[str, Any]) -> Changed:
    """Edit a worker."""
    from desktop.core.services import roster

    return roster.update_worker(ctx, worker_id, values)


def delete_worker(ctx: AppContext, *, worker_id: str) -> Changed:
    """Remove a worker (a tombstone, undone by restore_worker)."""
    from desktop.core.services import roster

    return roster.delete_worker(ctx, worker_id)


def restore_worker(ctx: AppContext, *, worker_id: str) -> Changed:
    """Undo a removal."""
    from desktop.core.services import roster

    return roster.restore_worker(ctx, worker_id)


def worker_page(ctx: AppContext, *, worker_id: str) -> dict[str, Any]:
    """A worker with their training and allowance history."""
    from desktop.core.services import roster_extras

    return roster_extras.worker_page(ctx, worker_id)


def add_allowance(ctx: AppContext, *, values: Mapping[str, Any]) -> tuple[str, Changed]:
    """Record an allowance period of a worker."""
    from desktop.core.services import roster_extras

    return roster_extras.add_allowance(ctx, values)


def indicators(ctx: AppContext) -> RosterStrip:
    """The roster's figures today."""
    from desktop.core.services import roster_extras

    return roster_extras.indicators(ctx)


def export_roster(ctx: AppContext, *, target: Path, progress: ProgressSink, cancel: CancelToken) -> dict[str, int]:
    """The roster and its training history to an Excel file."""
    from desktop.core.services.roster_export import export_roster as export

    return export(ctx, target)


def plan_roster_import(ctx: AppContext, *, path: Path, mapping: dict[str, int] | None, progress: ProgressSink,
                       cancel: CancelToken) -> ImportPlan:
    """Read and check a roster file (with the wizard's column corrections, if any); nothing is written."""
    from desktop.core.services.roster_import import plan_roster_import as plan

    return plan(ctx, path, mapping=mapping, progress=progress, cancel=cancel)


def apply_roster_plan(ctx: AppContext, *, plan: ImportPlan, on_duplicate: str, progress: ProgressSink,
                      cancel: CancelToken) -> ImportReport:
    """Write the rows of a checked roster file."""
    from desktop.core.services.roster_import import apply_roster_plan as apply

    return apply(ctx, plan, on_duplicate)
