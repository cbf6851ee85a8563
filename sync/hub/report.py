"""`ctxh hub report`: the figures of every commune of the province over a period, from the same definitions a
laptop uses (desktop/core/domain/report_rules.py), so that a commune's numbers are equal on its laptop and at
the hub; every commune is listed, those that have sent nothing said so; the province total; the period
before beside it; and, for one commune, its whole report as the laptop would print it.

The workbook leaves the hub for the province's offices: counts of people in hardship from 1 to 4 are shown
as "<5", with complementary suppression down each column (desktop/core/domain/small_cells.py).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop.core.context import AppContext
from desktop.core.domain.periods import Period
from desktop.core.domain.report_rules import CommuneData, Figure, province_total
from desktop.core.domain.small_cells import HIDDEN, hidden_cells, is_small
from desktop.core.excel.writing import SheetSpec, write_workbook
from desktop.core.repositories import hub as repo
from desktop.core.repositories import reference as ref_repo
from desktop.core.repositories.report_data import report_data
from desktop.core.services.reports import Report, figures_for, read_reference

# (figure key, column title, width); counts of people in hardship are hidden when small.
COLUMNS: tuple[tuple[str, str, int], ...] = (
    ("staff.total", "Người làm CTXH", 10), ("collaborators", "Cộng tác viên CTXH", 10),
    ("P1", "P1 Có người làm CTXH, phụ cấp ≥ lương cơ sở", 12), ("P2", "P2 Cơ sở cung cấp dịch vụ CTXH", 11),
    ("P3", "P3 Người được trợ giúp so với năm gốc", 11), ("P4", "P4 Tỷ lệ đã đào tạo", 10),
    ("P5", "P5 Trẻ em ưu tiên được hỗ trợ", 11), ("cases.opened", "Hồ sơ mới trong kỳ", 10),
    ("cases.open_at_end", "Hồ sơ đang quản lý cuối kỳ", 11), ("cases.closed", "Hồ sơ kết thúc trong kỳ", 10),
    ("services.total", "Lượt dịch vụ", 9), ("people.supported", "Người được trợ giúp", 10),
    ("training.attendances", "Lượt người tập huấn", 10),
)


@dataclass
class CommuneFigures:
    """One commune of the province: its name, laptops, and its figures (None: it has sent nothing)."""

    code: str
    name: str
    devices: int
    figures: dict[str, Figure] | None
    previous: dict[str, Figure] | None


@dataclass
class ProvinceReport:
    """Every commune's figures over a period and the period before, and the province's totals."""

    period: Period
    communes: list[CommuneFigures]
    total: dict[str, Figure]
    previous_total: dict[str, Figure]


def province_report(ctx: AppContext, period: Period) -> ProvinceReport:
    """The figures of every commune of the hub's province over `period` (and the period before)."""
    from desktop.core.services.access import require

    require(ctx, "hub")
    before = period.previous()
    with ctx.db.reader() as session:
        data = report_data(session)
        reference = read_reference(session, ctx.province_code)
        units = {u.code: u.name for u in ref_repo.communes(session, ctx.province_code)}
        laptops = repo.devices_by_partition(session)
    held = {p.split(":", 1)[1]: p for p in data} | {p.split(":", 1)[1]: p for p in laptops}
    communes = []
    for code in sorted(set(units) | set(held)):
        partition = held.get(code)
        rows = data.get(partition) if partition else None
        communes.append(CommuneFigures(
            code, units.get(code, code), laptops.get(partition, 0) if partition else 0,
            figures_for(rows, reference, period) if rows is not None else None,
            figures_for(rows, reference, before, breakdowns=False) if rows is not None else None))
    # P1 and the collaborators' target are shares of every commune in scope: one that sent nothing counts as
    # not (yet) shown to meet them.
    empty = figures_for(CommuneData(), reference, period)
    empty_before = figures_for(CommuneData(), reference, before, breakdowns=False)
    total = province_total([c.figures or empty for c in communes], reference.rates(period)) if communes else {}
    previous_total = province_total([c.previous or empty_before for c in communes],
                                    reference.rates(before)) if communes else {}
    return ProvinceReport(period, communes, total, previous_total)


def commune_report(ctx: AppContext, commune_code: str, kind: str, period: Period) -> Report:
    """One commune's report as its laptop would make it, from what the hub holds (drill-down)."""
    from desktop.core.errors import CtxhError
    from desktop.core.services.access import require

    require(ctx, "hub")
    partition = f"{ctx.province_code}:{commune_code}"
    with ctx.db.reader() as session:
        rows = report_data(session, partition).get(partition)
        reference = read_reference(session, ctx.province_code)
        unit = ref_repo.admin_unit(session, commune_code)
        province = ref_repo.admin_unit(session, ctx.province_code)
    if unit is None:
        raise CtxhError("E_NOT_FOUND", entity="commune", id=commune_code)
    rows = rows or CommuneData()
    return Report(kind, period, figures_for(rows, reference, period), period.previous(),
                  figures_for(rows, reference, period.previous()), unit.name, province.name if province else "")


def _cell_text(figure: Figure | None, hide: bool) -> Any:
    if figure is None:
        return ""
    if hide:
        return HIDDEN
    if figure.value is None:
        return "—"
    if figure.unit in ("share", "change"):
        return round(figure.value, 4)
    if figure.unit == "yes_no":
        return "Đạt" if figure.value else "Chưa đạt"
    return int(figure.value)


def _hidden_by_column(communes: Sequence[CommuneFigures], total: dict[str, Figure], previous: bool
                      ) -> dict[str, set[int]]:
    """Per column, which communes' cells to hide (people in hardship only)."""
    hidden: dict[str, set[int]] = {}
    for key, _title, _width in COLUMNS:
        figures = [(c.previous if previous else c.figures) or {} for c in communes]
        sample = next((f[key] for f in figures if key in f), None)
        if sample is None or not sample.people:
            continue
        if sample.unit in ("share", "change"):
            hidden[key] = {i for i, f in enumerate(figures) if key in f and (
                is_small(f[key].numerator) or is_small((f[key].denominator or 0) - (f[key].numerator or 0)))}
            continue
        cells = [int(f[key].value or 0) if key in f else 0 for f in figures]
        shown_total = total.get(key)
        hidden[key] = hidden_cells(cells, int(shown_total.value or 0) if shown_total else None)
    return hidden


def _sheet(report: ProvinceReport, previous: bool) -> SheetSpec:
    period = report.period.previous() if previous else report.period
    total = report.previous_total if previous else report.total
    hidden = _hidden_by_column(report.communes, total, previous)
    columns = [("Mã xã", 8), ("Xã/phường", 26), ("Số máy", 7), ("Số liệu", 12)] + [
        (title, width) for _k, title, width in COLUMNS]

    def lines() -> Iterator[list[Any]]:
        for i, c in enumerate(report.communes):
            figures = c.previous if previous else c.figures
            if figures is None:
                yield [c.code, c.name, c.devices, "Chưa gửi số liệu"] + [""] * len(COLUMNS)
                continue
            yield [c.code, c.name, c.devices, "Có"] + [
                _cell_text(figures.get(key), i in hidden.get(key, set())) for key, _t, _w in COLUMNS]
        sent = sum(1 for c in report.communes if (c.previous if previous else c.figures) is not None)
        yield ["", "TOÀN TỈNH", sum(c.devices for c in report.communes), f"{sent}/{len(report.communes)} xã"] + [
            _cell_text(total.get(key), False) for key, _t, _w in COLUMNS]

    title = f"{'Kỳ trước' if previous else 'Kỳ này'} {period.start:%d.%m.%Y}-{period.end:%d.%m.%Y}"
    return SheetSpec(title, columns, lines())


def write_report(ctx: AppContext, period: Period, path: Path) -> dict[str, Any]:
    """Write the province workbook (this period and the one before, a row per commune and the total);
    returns the province totals."""
    report = province_report(ctx, period)
    write_workbook(path, [_sheet(report, previous=False), _sheet(report, previous=True)])
    from desktop.core.services.audit import record

    record(ctx, "export", f"file:{path.name}", kind="report", period=period.label, communes=len(report.communes))
    return summary(report)


def summary(report: ProvinceReport) -> dict[str, Any]:
    """The province figures as `ctxh hub report --json` prints them."""
    from desktop.core.services.reports import figure_json

    sent = sum(1 for c in report.communes if c.figures is not None)
    return {"communes": len(report.communes), "communes_with_data": sent, "period": report.period.to_json(),
            "total": {k: figure_json(f, report.period) for k, f in report.total.items()
                      if "." not in k or k.count(".") == 1}}
