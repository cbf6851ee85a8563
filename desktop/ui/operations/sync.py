"""Sync from a laptop: the Đồng bộ page's facts, writing bundles, reading them, conflicts."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from desktop.core.context import AppContext
    from desktop.core.progress import CancelToken, ProgressSink
    from desktop.core.services.changes import Changed
    from sync.exporting import ExportResult
    from sync.importing import ImportOutcome


def sync_page(ctx: AppContext) -> tuple[dict[str, Any], list[Any]]:
    """What the Đồng bộ page shows, and the removable drives plugged in."""
    from sync.drives import removable_drives
    from sync.status import sync_overview

    return sync_overview(ctx), removable_drives()


def sync_warnings(ctx: AppContext) -> dict[str, Any]:
    """What the window warns of when it opens: the province silent too long, a fork the hub found."""
    from sync.status import sync_warnings as warnings

    return warnings(ctx)


def export_bundles(ctx: AppContext, *, folder: Path, progress: ProgressSink, cancel: CancelToken) -> ExportResult:
    """New changes as signed, encrypted bundles in `folder`, each read back and checked."""
    from sync.exporting import export_bundles as export

    return export(ctx, folder, progress=progress, cancel=cancel)


def import_bundles(ctx: AppContext, *, paths: list[Path], progress: ProgressSink,
                   cancel: CancelToken) -> tuple[list[ImportOutcome], Changed]:
    """Check and apply bundle files; what became of each, and the records they changed."""
    from desktop.core.services.changes import Changed
    from sync.importing import import_files

    outcomes = import_files(ctx, paths)
    changed = Changed()
    for outcome in outcomes:
        for entity, ids in outcome.touched.items():
            for record_id in sorted(ids):
                changed.add(entity, record_id, ())
    return outcomes, changed


def list_conflicts(ctx: AppContext) -> list[dict[str, Any]]:
    """Conflicts waiting for an officer, both values decoded."""
    from desktop.core.services import conflicts

    return conflicts.list_conflicts(ctx)


def resolve_conflict(ctx: AppContext, *, conflict_id: int, choice: str, value: Any = None) -> Changed:
    """Settle a conflict: keep, take the other, or write a combination."""
    from desktop.core.services import conflicts

    return conflicts.resolve_conflict(ctx, conflict_id, choice, value)


def this_laptop_card(ctx: AppContext) -> dict[str, Any]:
    """This laptop's card (name, commune, fingerprint)."""
    from sync.cards import this_laptop_card as card

    return card(ctx)


def save_this_laptop_card(ctx: AppContext, *, path: Path) -> dict[str, Any]:
    """Write this laptop's card to a file for the province or another laptop of the commune."""
    from sync.cards import save_this_laptop_card as save

    return save(ctx, path)


def check_card_file(ctx: AppContext, *, path: Path) -> dict[str, Any]:
    """A received card, checked but not installed (the officer confirms its fingerprint first)."""
    from sync.cards import check_card_file as check

    return check(path)


def trust_card_file(ctx: AppContext, *, path: Path) -> dict[str, Any]:
    """Install a received card: the province's, or another laptop of this commune's."""
    from sync.cards import trust_card_file as trust

    return trust(ctx, path)
