"""The communes' lists: roster import of 20,000 and 100,000 rows vs a bare python-calamine iteration of the same
file, the peak memory of each in its own process, and the roster export vs bare write-only openpyxl.

Each import and each bare read runs in a fresh child process (`python -m bench.bench_excel child …`), so its
peak resident memory (ru_maxrss) is its own and not the benchmark runner's.
"""

from __future__ import annotations

import json
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

from openpyxl import Workbook, load_workbook

from bench.common import ROOT, WORK, Result

SIZES = (20_000, 100_000)


def _child(mode: str, source: Path, profile: Path) -> dict[str, float]:
    done = subprocess.run([sys.executable, "-m", "bench.bench_excel", "child", mode, str(source), str(profile)],
                          capture_output=True, text=True, cwd=ROOT, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def _reset_peak() -> None:
    """Start the peak (VmHWM) again from here: the sign-in's Argon2 (64 MiB, freed at once) is not the import's."""
    Path("/proc/self/clear_refs").write_text("5")


def _peak_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def child(mode: str, source: Path, profile: Path) -> None:
    """In a child process: the bare read, or our import into a fresh profile; prints times and peak RSS (from
    after the profile is open, for the import)."""
    sys.path.insert(0, str(ROOT))
    figures: dict[str, float] = {}
    if mode == "bare":
        from python_calamine import CalamineWorkbook

        began = time.perf_counter()
        workbook = CalamineWorkbook.from_path(str(source))
        rows = sum(1 for _ in workbook.get_sheet_by_index(0).iter_rows())
        workbook.close()
        figures.update(seconds=time.perf_counter() - began, rows=rows)
    else:
        from desktop.core.services.roster_import import apply_roster_plan, plan_roster_import
        from desktop.core.services.setup import SetupRequest, initialise_profile

        ctx = initialise_profile(profile, SetupRequest("01", "00004", "Máy đo", "demo", "bench-passphrase"))
        _reset_peak()
        began = time.perf_counter()
        plan = plan_roster_import(ctx, source)
        planned = time.perf_counter()
        report = apply_roster_plan(ctx, plan)
        figures.update(plan=planned - began, seconds=time.perf_counter() - began, rows=plan.total,
                       imported=report.imported, skipped=report.skipped, rejected=len(report.rejected))
    figures["peak_mb"] = _peak_mb()
    print(json.dumps(figures))


def run() -> list[Result]:
    """Import at two sizes against the bare reader, memory at both, and the export against bare openpyxl."""
    sys.path.insert(0, str(ROOT))
    from tests.excel_files import large_roster

    root = WORK / "excel"
    shutil.rmtree(root, ignore_errors=True)
    root.mkdir(parents=True)
    results: list[Result] = []
    peaks: dict[int, float] = {}
    own: dict[int, float] = {}  # the import's memory above the bare reader's: what our side holds
    for size in SIZES:
        source = large_roster(root / f"roster-{size}.xlsx", size)
        bare = _child("bare", source, root / "none")
        ours = _child("import", source, root / f"profile-{size}")
        assert ours["imported"] + ours["skipped"] == size and not ours["rejected"], ours
        section = f"Roster Excel import, {size:,} rows"
        results += [
            Result(section, "read and check (the plan: map, match codes, validate, duplicates) vs bare "
                   "python-calamine iteration of the same file",
                   f"{size / ours['plan']:,.0f} rows/s ({ours['plan']:.2f} s)",
                   f"{bare['rows'] / bare['seconds']:,.0f} rows/s ({bare['seconds']:.2f} s)",
                   f"{bare['seconds'] / ours['plan']:.2f}×", "≥ 0.5×", bare["seconds"] / ours["plan"] >= 0.5),
            Result(section, "whole import (plan, then the file read again and written in one transaction to the "
                   "encrypted profile, change log included) vs the same bare iteration",
                   f"{size / ours['seconds']:,.0f} rows/s ({ours['seconds']:.2f} s)",
                   f"{bare['rows'] / bare['seconds']:,.0f} rows/s ({bare['seconds']:.2f} s)",
                   f"{bare['seconds'] / ours['seconds']:.2f}×", "≥ 0.5×", bare["seconds"] / ours["seconds"] >= 0.5),
            Result(section, "peak resident memory of the import (after the sign-in) vs the bare reader's process; "
                   "the app's own modules are some 80 MB of it",
                   f"{ours['peak_mb']:.0f} MB", f"{bare['peak_mb']:.0f} MB",
                   f"{ours['peak_mb'] / bare['peak_mb']:.2f}×", "≤ 150 MB", ours["peak_mb"] <= 150),
        ]
        peaks[size] = ours["peak_mb"]
        own[size] = ours["peak_mb"] - bare["peak_mb"]
        last_profile = root / f"profile-{size}"
    small, large = peaks[SIZES[0]], peaks[SIZES[-1]]
    results.append(Result("Roster Excel import, memory", f"peak at {SIZES[-1]:,} rows vs at {SIZES[0]:,} rows "
                          "(flat: the rows are streamed, never held)", f"{large:.0f} MB", f"{small:.0f} MB",
                          f"{large / small:.2f}×", "≤ 1.25× and ≤ 150 MB", large / small <= 1.25 and large <= 150))
    results.append(Result("Roster Excel import, memory", f"the import's peak above the bare reader's (what our side "
                          f"holds: calamine's own copy of the sheet left out), {SIZES[-1]:,} vs {SIZES[0]:,} rows",
                          f"{own[SIZES[-1]]:.0f} MB", f"{own[SIZES[0]]:.0f} MB",
                          f"{own[SIZES[-1]] / own[SIZES[0]]:.2f}×", "≤ 1.25×", own[SIZES[-1]] / own[SIZES[0]] <= 1.25))
    results += _export(root, last_profile)
    return results


def _export(root: Path, profile: Path) -> list[Result]:
    from desktop.core.context import open_context
    from desktop.core.services.roster_export import export_roster

    ctx = open_context(profile, "demo", "bench-passphrase")
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
    ctx.db.dispose()
    return [Result(f"Roster Excel export, {counts['workers']:,} people",
                   "export (two sheets, styles, dates, filters) vs bare write-only of the same rows",
                   f"{counts['workers'] / ours_export:,.0f} rows/s ({ours_export:.2f} s)",
                   f"{len(rows) / bare_write:,.0f} rows/s ({bare_write:.2f} s)", f"{bare_write / ours_export:.2f}×",
                   "≥ 0.7×", bare_write / ours_export >= 0.7)]


if __name__ == "__main__" and sys.argv[1:2] == ["child"]:
    child(sys.argv[2], Path(sys.argv[3]), Path(sys.argv[4]))
