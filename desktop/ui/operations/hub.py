"""The province hub's window: communes, bundles received, laptops, the province report."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from desktop.core.context import AppContext
    from desktop.core.progress import CancelToken, ProgressSink


def hub_status(ctx: AppContext) -> dict[str, Any]:
    """Per commune: laptops, waiting and refused bundles, gaps, conflicts, content digest."""
    from sync.hub.status import hub_status as status

    return status(ctx)


def received_bundles(ctx: AppContext) -> list[dict[str, Any]]:
    """Every bundle received, newest first, with its state and reason."""
    from sync.hub.status import received_bundles as received

    return received(ctx)


def import_folder(ctx: AppContext, *, folder: Path, progress: ProgressSink, cancel: CancelToken) -> dict[str, Any]:
    """Merge a folder of laptops' bundles; the totals (they add up), the moved cases opened, and each laptop's
    receipt code to read over the phone."""
    from sync.hub.inbox import import_folder as import_all

    result = import_all(ctx, folder)
    return {**result.totals(), "transferred": len(result.transferred), "receipts": result.receipts}


def export_all(ctx: AppContext, *, folder: Path, progress: ProgressSink, cancel: CancelToken) -> list[Path]:
    """Receipts, certificates, revocations, the snapshot and relayed changes back, one bundle per laptop."""
    from sync.hub.outbox import export_all as export

    return export(ctx, folder)


def write_report(ctx: AppContext, *, year: int, path: Path, progress: ProgressSink,
                 cancel: CancelToken) -> dict[str, Any]:
    """The province report of `year` (calendar year) to an Excel file."""
    from desktop.core.domain.periods import year as calendar_year
    from sync.hub.report import write_report as write

    return write(ctx, calendar_year(year), path)


def write_commune_report(ctx: AppContext, *, commune_code: str, year: int, path: Path, progress: ProgressSink,
                         cancel: CancelToken) -> dict[str, Any]:
    """One commune's Program 112 report of `year`, from what the hub holds, to an Excel file."""
    from desktop.core.domain.periods import year as calendar_year
    from desktop.core.services.report_documents import export_report
    from sync.hub.report import commune_report

    return export_report(ctx, commune_report(ctx, commune_code, "p112", calendar_year(year)), path)


def devices(ctx: AppContext) -> list[dict[str, Any]]:
    """The laptops enrolled."""
    from sync.hub.devices import devices as enrolled

    return enrolled(ctx)


def enrol(ctx: AppContext, *, card: dict[str, Any], folder: Path) -> Path:
    """Enrol a laptop from its (confirmed) card; writes its certificate bundle into `folder`."""
    from sync.hub.outbox import enrolment_bundle

    return enrolment_bundle(ctx, card, folder)


def revoke(ctx: AppContext, *, device_id: str) -> str:
    """Revoke a laptop; returns when."""
    from sync.hub.devices import revoke as revoke_device

    return revoke_device(ctx, device_id)
