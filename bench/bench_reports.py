"""Reports: the yearly TT 02 report of the 100,000-case profile (with the year before beside it) against the
bare SQL aggregation of the same numbers; Tổng quan, from the page shown to its figures; and the hub's
province report for 168 communes × 600 cases (Hồ Chí Minh City's communes after the 2025 reform)."""

from __future__ import annotations

import time
from pathlib import Path

from bench.common import Result, median, open_bench, raw_connect

# The same numbers in bare SQL, for one period (S, E): the counts the report gives, grouped by what it groups
# by. The report computes two periods (this one and the one before): the baseline runs these twice too.
BARE = [
    ("SELECT count(*), sum(category = 'CTV_CTXH') FROM workers WHERE deleted = 0 AND (start_date IS NULL OR "
     "start_date <= :e) AND (end_date IS NULL OR end_date >= :e) AND status != 'DA_NGHI'"),
    ("SELECT b.target_groups, count(*) FROM cases c JOIN beneficiaries b ON b.id = c.beneficiary_id "
     "WHERE c.deleted = 0 AND c.opened_on BETWEEN :s AND :e GROUP BY b.target_groups"),
    ("SELECT b.target_groups, count(*) FROM cases c JOIN beneficiaries b ON b.id = c.beneficiary_id "
     "WHERE c.deleted = 0 AND c.opened_on <= :e AND (c.closed_on IS NULL OR c.closed_on > :e) "
     "GROUP BY b.target_groups"),
    "SELECT closure_reason, count(*) FROM cases WHERE deleted = 0 AND closed_on BETWEEN :s AND :e GROUP BY 1",
    ("SELECT st.step_code, count(*) FROM cases c JOIN case_steps st ON st.case_id = c.id AND st.started_at = "
     "(SELECT max(started_at) FROM case_steps x WHERE x.case_id = c.id AND x.started_at <= :e || ' 23:59:59') "
     "WHERE c.deleted = 0 AND c.opened_on <= :e AND (c.closed_on IS NULL OR c.closed_on > :e) GROUP BY 1"),
    ("SELECT service_type, count(*) FROM service_records WHERE deleted = 0 AND delivered_on BETWEEN :s AND :e "
     "GROUP BY 1"),
    ("SELECT count(DISTINCT c.beneficiary_id), count(DISTINCT CASE WHEN s.service_type IN ('TU_VAN', 'THAM_VAN') "
     "THEN c.beneficiary_id END) FROM service_records s JOIN cases c ON c.id = s.case_id WHERE s.deleted = 0 "
     "AND s.delivered_on BETWEEN :s AND :e"),
    ("SELECT count(*), sum(EXISTS (SELECT 1 FROM cases c JOIN service_records s ON s.case_id = c.id WHERE "
     "c.beneficiary_id = b.id AND s.delivered_on BETWEEN :s AND :e)) FROM beneficiaries b WHERE b.deleted = 0 "
     "AND instr(' ' || b.target_groups || ' ', ' HCDB_A ') + instr(' ' || b.target_groups || ' ', ' HCDB_B ') "
     "+ instr(' ' || b.target_groups || ' ', ' HCDB_D ') > 0 AND (b.birth_date IS NULL OR b.birth_date > "
     "date(:e, '-16 years'))"),
]


def _bare(profile: Path, periods: list[tuple[str, str]]) -> float:
    conn = raw_connect(profile)
    started = time.perf_counter()
    for start, end in periods:
        for query in BARE:
            conn.execute(query, {"s": start, "e": end}).fetchall()
    seconds = time.perf_counter() - started
    conn.close()
    return seconds


def _overview_on_screen(ctx: object, year: int) -> tuple[float, float]:
    """(first paint, figures shown): seconds from building Tổng quan to its first paint, and to the figures of
    the year and its trend drawn in, with the window's own worker thread."""
    from PySide6.QtWidgets import QApplication

    from desktop.ui.backend import Backend
    from desktop.ui.pages.overview import OverviewPage
    from desktop.ui.tasks import TaskRunner

    app = QApplication.instance() or QApplication([])
    runner = TaskRunner()
    backend = Backend(runner)
    backend.ctx = ctx
    started = time.perf_counter()
    page = OverviewPage(backend)
    page.resize(1150, 700)
    page.show()
    app.processEvents()
    page.grab()  # painted
    painted = time.perf_counter() - started
    choice = page.choice
    choice.year.blockSignals(True)
    choice.year.setValue(year)
    choice.year.blockSignals(False)
    page.activate()
    while page.data is None:
        app.processEvents()
        time.sleep(0.005)
    app.processEvents()
    shown = time.perf_counter() - started
    page.close()
    runner.shutdown()
    return painted, shown


def run(profile: Path) -> list[Result]:
    """The laptop's yearly report and Tổng quan on `profile`, and the hub's province report."""
    from desktop.core.domain import periods
    from desktop.core.services.reports import build_report

    ctx = open_bench(profile)
    year = periods.today().year
    period = periods.reporting_year(year)
    before = period.previous()
    build_report(ctx, "tt02", period)  # the first read warms the page cache, for both sides alike
    ours, bare = [], []
    for _ in range(3):
        started = time.perf_counter()
        report = build_report(ctx, "tt02", period)
        ours.append(time.perf_counter() - started)
        bare.append(_bare(profile, [(period.start.isoformat(), period.end.isoformat()),
                                    (before.start.isoformat(), before.end.isoformat())]))
    cases = report.figures["cases.open_at_end"].value
    painted, shown = _overview_on_screen(ctx, year)
    ctx.db.dispose()
    section = f"Reports (profile of 100,000 cases; {cases:,.0f} open at the end of {period.label})"
    results = [
        Result(section, "yearly TT 02 report with the previous year (read once, every figure, both years): median",
               f"{median(ours):.2f} s", f"{median(bare):.2f} s (bare SQL aggregation of the same counts, both "
               "years)", f"{median(ours) / median(bare):.2f}×", "≤ 2 s and ≤ 3× bare",
               median(ours) <= 2.0 and median(ours) <= 3 * median(bare)),
        Result(section, "Tổng quan: first paint (the page built and drawn, its figures still to come)",
               f"{painted * 1000:.0f} ms", "—", "—", "≤ 500 ms", painted <= 0.5),
        Result(section, "Tổng quan: the year's indicators and six years of trend drawn in",
               f"{shown:.2f} s", f"{median(ours):.2f} s (the yearly report)", f"{shown / median(ours):.2f}×",
               "(information)", None),
    ]
    return results + _hub()


COMMUNES, CASES = 168, 600


def _province() -> Path:
    """A hub holding 168 communes of Hồ Chí Minh City × 600 demo cases each (made once, reused)."""
    import dataclasses
    import shutil

    from bench.common import PASSPHRASE, WORK
    from desktop.core.services.demo import generate
    from sync.hub.profile import init_hub

    hub_dir = WORK / f"hub-report-{COMMUNES}x{CASES}"
    if (hub_dir / "ready").exists():
        return hub_dir
    shutil.rmtree(hub_dir, ignore_errors=True)
    hub = init_hub(hub_dir, "79", "Sở Y tế TP. Hồ Chí Minh (đo hiệu năng)", user=("quantri", PASSPHRASE))
    for n, code in enumerate(_codes()):
        generate(dataclasses.replace(hub, commune_code=code), cases=CASES, workers=6, seed=n + 1)
    hub.db.dispose()
    (hub_dir / "ready").write_text("ok")
    return hub_dir


def _codes() -> list[str]:
    from desktop.core.reference_data import read_admin_units_file

    units = read_admin_units_file()["provinces"]
    return [c[0] for c in next(p for p in units if p["code"] == "79")["communes"]][:COMMUNES]


def _hub() -> list[Result]:
    from desktop.core.domain import periods
    from sync.hub.report import province_report

    hub_dir = _province()
    ctx = open_bench(hub_dir, "quantri")
    year = periods.year(periods.today().year)
    province_report(ctx, year)
    ours, bare = [], []
    for _ in range(3):
        started = time.perf_counter()
        report = province_report(ctx, year)
        ours.append(time.perf_counter() - started)
        bare.append(_bare(hub_dir, [(year.start.isoformat(), year.end.isoformat()),
                                    (year.previous().start.isoformat(), year.previous().end.isoformat())]))
    with_data = sum(1 for c in report.communes if c.figures is not None)
    assert with_data == len(_codes())
    ctx.db.dispose()
    section = f"The hub's province report: {len(report.communes)} communes, {with_data} with data × 600 cases"
    return [Result(section, "every commune's figures, this year and the last, and the province total: median",
                   f"{median(ours):.2f} s", f"{median(bare):.2f} s (the same bare SQL over the whole province, "
                   "both years, not split by commune)", f"{median(ours) / median(bare):.2f}×", "≤ 10 s",
                   median(ours) <= 10.0)]
