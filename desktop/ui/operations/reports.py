"""Reports, Tổng quan's indicators, and the registers behind P2 and P3, for the window."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from desktop.core.context import AppContext
    from desktop.core.domain.periods import Period
    from desktop.core.progress import CancelToken, ProgressSink
    from desktop.core.services.changes import Changed
    from desktop.core.services.reports import Report


def overview(ctx: AppContext, *, period: Period) -> dict[str, Any]:
    """P1–P5 and the counts of a period against their targets, with their trend over the periods before."""
    from desktop.core.services import reports

    return reports.overview(ctx, period)


def report_rows(ctx: AppContext, *, kind: str, period: Period) -> tuple[Report, list[Any]]:
    """A report and its rows as the preview shows them (exact figures: the commune's own screen)."""
    from desktop.core.services import reports
    from desktop.core.services.records import codebook
    from desktop.core.services.report_documents import report_rows as rows

    report = reports.build_report(ctx, kind, period)
    return report, rows(report, codebook(ctx), _language())


def _language() -> str:
    from desktop.core.messages import current_language

    return current_language()


def save_report(ctx: AppContext, *, report: Report, path: Path, progress: ProgressSink,
                cancel: CancelToken) -> dict[str, Any]:
    """Save the report as .xlsx or .pdf (printed by Qt on this thread: QTextDocument needs no window)."""
    from desktop.core.services.report_documents import export_report
    from desktop.ui.printing import save_pdf
    from sync.print_seals import report_seal_html

    seal = report_seal_html(ctx, report, _language()) if path.suffix.lower() == ".pdf" else ""
    return export_report(ctx, report, path, _language(), save_pdf, seal)


def report_html(ctx: AppContext, *, report: Report) -> str:
    """The report as printable HTML (for the printer)."""
    from desktop.core.services.records import codebook
    from desktop.core.services.report_documents import report_html as html
    from sync.print_seals import report_seal_html

    return html(report, codebook(ctx), _language(), report_seal_html(ctx, report, _language()))


def facilities(ctx: AppContext) -> list[dict[str, Any]]:
    """The register of facilities and service providers."""
    from desktop.core.services import registers

    return registers.facilities(ctx)


def save_facility(ctx: AppContext, *, facility_id: str | None, values: Mapping[str, Any]) -> Changed:
    """Add a facility, or edit one."""
    from desktop.core.services import registers

    if facility_id is None:
        return registers.add_facility(ctx, values)[1]
    return registers.update_facility(ctx, facility_id, values)


def delete_facility(ctx: AppContext, *, facility_id: str) -> Changed:
    """Remove a facility from the register."""
    from desktop.core.services import registers

    return registers.delete_facility(ctx, facility_id)


def baselines(ctx: AppContext) -> list[dict[str, Any]]:
    """The baseline-year figures entered."""
    from desktop.core.services import registers

    return registers.baselines(ctx)


def add_baseline(ctx: AppContext, *, values: Mapping[str, Any]) -> Changed:
    """Enter a baseline-year figure with its source."""
    from desktop.core.services import registers

    return registers.add_baseline(ctx, values)[1]
