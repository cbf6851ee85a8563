"""Reports of a commune: the figures of a period (docs/reports.md), compared with the period before, against
the targets of the commune's own province and the national programme.

The window's Tổng quan and Báo cáo pages, `ctxh report` and the hub all call these, so a commune's figures are
the same wherever they are computed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from desktop.core.context import AppContext
from desktop.core.domain import periods
from desktop.core.domain.periods import Period
from desktop.core.domain.report_rules import CommuneData, Figure, Rates, commune_figures
from desktop.core.domain.roster_rules import Target, target_for_year
from desktop.core.errors import CtxhError
from desktop.core.repositories import reference as ref_repo
from desktop.core.repositories.report_data import report_data

KINDS = ("tt02", "p112", "workforce")
# The indicator code of each figure's target in the reference data (targets.json).
TARGET_OF = {
    "P1": "UNITS_WITH_CTXH_STAFF", "P2": "FACILITIES_SHARE", "P3": "PEOPLE_SUPPORTED", "P4": "TRAINED_SHARE",
    "P5": "PRIORITY_CHILDREN_SUPPORTED", "collaborators": "COLLABORATORS_PER_COMMUNE",
}
INDICATORS = (*tuple(TARGET_OF.values()), "PEOPLE_COUNSELLED")


@dataclass(frozen=True)
class PlanTargets:
    """The targets that apply to a province, every year of them (a target is read for the period's year)."""

    by_indicator: Mapping[str, Sequence[Target]]
    baseline_years: Mapping[str, Mapping[int, int]]  # indicator → target year → baseline year

    def rates_for(self, base_salary: Sequence[tuple[dt.date, int]], holidays: frozenset[dt.date],
                  year: int) -> Rates:
        """The reference data of one period's year: each indicator's target for that year."""
        targets: dict[str, tuple[Target, ...]] = {}
        baselines: dict[str, int] = {}
        for indicator, rows in self.by_indicator.items():
            chosen = target_for_year(rows, year)
            if chosen is not None:
                targets[indicator] = (chosen,)
                base = self.baseline_years.get(indicator, {}).get(chosen.year)
                if base is not None:
                    baselines[indicator] = base
        if "PEOPLE_SUPPORTED" in baselines:
            baselines.setdefault("PEOPLE_COUNSELLED", baselines["PEOPLE_SUPPORTED"])
        return Rates(tuple(base_salary), holidays, targets, baselines)


@dataclass(frozen=True)
class Reference:
    """What a report needs from the reference data of a province."""

    base_salary: tuple[tuple[dt.date, int], ...]
    holidays: frozenset[dt.date]
    plans: PlanTargets

    def rates(self, period: Period) -> Rates:
        """The rates and targets of a period (its last day's year)."""
        return self.plans.rates_for(self.base_salary, self.holidays, period.end.year)


def read_reference(session: Any, province_code: str) -> Reference:
    """The base salaries, holidays and targets that apply to a province. A province's own plan for an
    indicator replaces the national one; another province's plans never show."""
    base = [(r.effective_from, r.value) for r in ref_repo.rates_of(session, "BASE_SALARY", province_code)]
    by_indicator: dict[str, list[Target]] = {}
    baseline_years: dict[str, dict[int, int]] = {}
    for indicator in INDICATORS:
        rows = ref_repo.targets_for(session, indicator, province_code)
        own = [r for r in rows if r.province_code == province_code]
        chosen = own or [r for r in rows if r.province_code is None]
        by_indicator[indicator] = [Target(r.plan, r.year, r.minimum, r.maximum, r.note) for r in chosen]
        for r in chosen:
            if r.baseline_year is not None:
                baseline_years.setdefault(indicator, {})[r.year] = r.baseline_year
    return Reference(tuple(base), frozenset(ref_repo.holidays(session)),
                     PlanTargets(by_indicator, baseline_years))


def period_of(kind: str, year: int | None = None, half: int | None = None, quarter: int | None = None,
              month: int | None = None, start: dt.date | None = None, end: dt.date | None = None) -> Period:
    """The period a report asks for. A TT 02 report's year and halves close as ND 09/2019 says (15/12 to 14/6,
    to 14/12); the other reports count calendar years."""
    if start is not None or end is not None:
        if start is None or end is None:
            raise CtxhError("E_PERIOD_RANGE")
        if end < start:
            raise CtxhError("E_PERIOD_ORDER")
        return periods.day_range(start, end)
    if year is None:
        raise CtxhError("E_PERIOD_RANGE")
    if half is not None:
        return periods.half(year, half)
    if quarter is not None:
        return periods.quarter(year, quarter)
    if month is not None:
        return periods.month(year, month)
    return periods.reporting_year(year) if kind == "tt02" else periods.year(year)


@dataclass
class Report:
    """A report's figures over a period and the period before it."""

    kind: str
    period: Period
    figures: dict[str, Figure]
    previous_period: Period | None = None
    previous: dict[str, Figure] = field(default_factory=dict)
    unit: str = ""
    province: str = ""
    made_on: dt.date = field(default_factory=dt.date.today)


def _data_of(ctx: AppContext, staff_only: bool = False) -> tuple[CommuneData, Reference]:
    with ctx.db.reader() as session:
        data = report_data(session, ctx.partition, staff_only).get(ctx.partition, CommuneData())
        reference = read_reference(session, ctx.province_code)
    return data, reference


def figures_for(data: CommuneData, reference: Reference, period: Period, breakdowns: bool = True
                ) -> dict[str, Figure]:
    """A commune's figures over a period from its rows (what the laptop and the hub both call)."""
    from desktop.core.bulk import without_cyclic_gc

    with without_cyclic_gc():
        return commune_figures(data, period, reference.rates(period), breakdowns)


def build_report(ctx: AppContext, kind: str, period: Period, compare: bool = True) -> Report:
    """The commune's report of a kind over a period, with the period before it when `compare`."""
    from desktop.core.services.status import profile_info

    if kind not in KINDS:
        raise CtxhError("E_REPORT_KIND", kind=kind, kinds=", ".join(KINDS))
    data, reference = _data_of(ctx)
    info = profile_info(ctx)
    report = Report(kind, period, figures_for(data, reference, period), unit=info["commune"],
                    province=info["province"])
    if compare:
        report.previous_period = period.previous()
        report.previous = figures_for(data, reference, report.previous_period)
    return report


def trend(ctx: AppContext, period: Period, count: int, keys: Sequence[str]) -> list[dict[str, Any]]:
    """The chosen figures over `count` periods ending with `period`, oldest first (Tổng quan's charts)."""
    data, reference = _data_of(ctx)
    points = []
    for one in periods.last_periods(period, count):
        figures = figures_for(data, reference, one, breakdowns=False)
        points.append({"period": one, "figures": {k: figures[k] for k in keys if k in figures}})
    return points


def overview(ctx: AppContext, period: Period, points: int = 6) -> dict[str, Any]:
    """Tổng quan: P1–P5 and the collaborators of the period against their targets, with their trend."""
    keys = ("P1", "P2", "P3", "P4", "P5", "collaborators", "staff.total", "cases.open_at_end", "cases.opened",
            "cases.closed", "services.total", "people.supported", "training.classes", "training.attendances")
    series = trend(ctx, period, points, keys)
    return {"period": period, "figures": series[-1]["figures"], "trend": series}


@dataclass(frozen=True)
class RosterStrip:
    """The roster page's three figures on a day: collaborators against the target, the trained share (P4), and
    the collaborators paid at least the base salary in force that day."""

    on: dt.date
    collaborators: Figure
    trained: Figure
    paid: Figure
    base_salary: int | None


def roster_strip(ctx: AppContext, on: dt.date | None = None) -> RosterStrip:
    """The roster page's figures on `on` (today in Vietnam), from the report definitions."""
    on = on or periods.today()
    data, reference = _data_of(ctx, staff_only=True)
    day = periods.day_range(on, on)
    figures = figures_for(data, reference, day)
    return RosterStrip(on, figures["collaborators"], figures["P4"], figures["allowance_at_least_base"],
                       reference.rates(day).base_salary_on(on))


def figure_json(figure: Figure, period: Period) -> dict[str, Any]:
    """A figure as `ctxh report --json` prints it."""
    target = figure.targets[0] if figure.targets else None
    return {
        "value": figure.value, "numerator": figure.numerator, "denominator": figure.denominator,
        "target": None if target is None else {"min": target.minimum, "max": target.maximum, "year": target.year,
                                               "plan": target.plan, "note": target.note},
        "met": figure.met(), "unit": figure.unit, "period": period.to_json(),
    }


def report_json(report: Report, keys: Sequence[str] | None = None) -> dict[str, Any]:
    """Every figure of a report (or those of `keys`) by key, with the previous period's value beside it."""
    out: dict[str, Any] = {}
    for key, figure in report.figures.items():
        if keys is not None and key not in keys:
            continue
        one = figure_json(figure, report.period)
        if report.previous_period is not None:
            before = report.previous.get(key)
            one["previous"] = None if before is None else before.value
        out[key] = one
    return out


def records_behind(ctx: AppContext, period: Period, key: str) -> dict[str, Any]:
    """The records a figure counts (a click on a number): their kind and ids."""
    data, reference = _data_of(ctx)
    figure = figures_for(data, reference, period).get(key)
    if figure is None:
        raise CtxhError("E_REPORT_FIGURE", key=key)
    return {"entity": figure.entity, "ids": list(figure.ids), "key": key}
