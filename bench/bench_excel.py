"""Roster import and export of 20,000 rows vs bare openpyxl on the same file and the same rows."""

from __future__ import annotations

import shutil
import sys
import time

from openpyxl import Workbook, load_workbook

from bench.common import ROOT, WORK, Result
from desktop.core.services.roster_export import export_roster
from desktop.core.services.roster_import import import_roster
from desktop.core.services.setup import SetupRequest, initialise_profile

ROWS = 20_000


def run() -> list[Result]:
    """Time our import (read, map, check, duplicates, write) and export against bare openpyxl."""
    sys.path.insert(0, str(ROOT))
    from tests.excel_files import large_roster

    root = WORK / "excel"
    shutil.rmtree(root, ignore_errors=True)
    root.mkdir(parents=True)
    source = large_roster(root / "roster.xlsx", ROWS)
    ctx = initialise_profile(root / "profile", SetupRequest("01", "00004", "Máy đo", "demo", "bench-passphrase"))

    began = time.perf_counter()
    wb = load_workbook(source, read_only=True)
    bare_rows = sum(1 for _ in wb.worksheets[0].iter_rows(values_only=True))
    wb.close()
    bare_read = time.perf_counter() - began

    began = time.perf_counter()
    report = import_roster(ctx, source)
    ours_import = time.perf_counter() - began
    assert report.imported + report.skipped == ROWS and not report.rejected, report.as_json()["rejected"][:3]

    target = root / "export.xlsx"
    began = time.perf_counter()
    counts = export_roster(ctx, target)
    ours_export = time.perf_counter() - began

    rows = [[c.value for c in r] for r in load_workbook(target, read_only=True)["Danh sách đội ngũ"].iter_rows()]
    began = time.perf_counter()
    bare = Workbook(write_only=True)
    sheet = bare.create_sheet("Danh sách đội ngũ")
    for row in rows:
        sheet.append(row)
    bare.save(root / "bare.xlsx")
    bare_write = time.perf_counter() - began

    section = f"Roster Excel, {ROWS:,} rows"
    return [
        Result(section, "import (read, map, check, duplicates, one transaction) vs bare read-only iteration",
               f"{ROWS / ours_import:,.0f} rows/s ({ours_import:.2f} s)",
               f"{bare_rows / bare_read:,.0f} rows/s ({bare_read:.2f} s)", f"{bare_read / ours_import:.2f}×",
               "≥ 0.5×", bare_read / ours_import >= 0.5),
        Result(section, "export (two sheets, styles, dates, filters) vs bare write-only of the same rows",
               f"{counts['workers'] / ours_export:,.0f} rows/s ({ours_export:.2f} s)",
               f"{len(rows) / bare_write:,.0f} rows/s ({bare_write:.2f} s)", f"{bare_write / ours_export:.2f}×",
               "≥ 0.7×", bare_write / ours_export >= 0.7),
    ]
