"""Screenshots of the reports (issue 15), under Xvfb at 1366×768.

    Xvfb :99 -screen 0 1366x768x24 &
    DISPLAY=:99 QT_QPA_PLATFORM=xcb .venv/bin/python docs/screenshots/report_shots.py

Makes a profile with the hand-counted dataset of the tests, 1,500 demo cases and a baseline of 520 people
supported in 2020, in a temporary folder, then
grabs Tổng quan (2025), the roster behind the P4 figure, the roster's strip, Báo cáo (the TT 02 half-year
report and the Program 112 indicators), the facilities register, and the first page of the PDF.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

OUT = Path(__file__).resolve().parent
sys.path.insert(0, str(OUT.parent.parent))

from docs.screenshots.security_shots import grab, run_signed_in, run_steps  # noqa: E402

PASSPHRASE = "lua chin vang dong que"


def main() -> None:
    """Tổng quan, a drill-down, the roster strip, Báo cáo and its PDF."""
    from desktop.core.services.demo import generate
    from desktop.core.services.setup import SetupRequest, initialise_profile
    from tests.report_dataset import build

    work = Path(tempfile.mkdtemp())
    profile = work / "profile"
    ctx = initialise_profile(profile, SetupRequest("01", "00004", "Máy cán bộ VHXH", "nguyen.lan", PASSPHRASE,
                                                   "Nguyễn Thị Lan"))
    build(ctx)
    generate(ctx, cases=1500, workers=10, seed=3)
    # The dataset's baseline (2 people in 2020) is the tests' hand count; a ward of this size had hundreds.
    from desktop.core.models import BaselineFigure
    from desktop.core.services.records import update_record
    from desktop.core.services.registers import BASELINE_RULES, baselines

    update_record(ctx, BaselineFigure, baselines(ctx)[0]["id"], BASELINE_RULES, {"value": 520})
    ctx.db.dispose()
    def scenes(controller: object) -> None:
        window = controller.window  # type: ignore[attr-defined]

        def year(page_name: str, kind: str, number: int, value: int) -> None:
            choice = window.page(page_name).choice
            box = choice.kind
            box.setCurrentIndex(next(i for i in range(box.count()) if box.itemData(i) == (kind, number)))
            choice.year.setValue(value)

        def report_kind(kind: str) -> None:
            box = window.page("reports").kind
            box.setCurrentIndex(box.findData(kind))

        run_steps([
            (800, lambda: year("overview", "year", 0, 2025)),
            (2500, lambda: grab("overview")),
            (0, lambda: window.page("overview").tiles["P4"].value.click()),
            (2000, lambda: grab("overview-records-behind-p4")),
            (0, lambda: window.page("roster").show_only({}, "")),
            (1500, lambda: grab("roster")),
            (0, lambda: window.show_page("reports")),
            (800, lambda: year("reports", "half", 1, 2026)),
            (2500, lambda: grab("reports-tt02")),
            (0, lambda: report_kind("p112")),
            (300, lambda: year("reports", "year", 0, 2025)),
            (2500, lambda: grab("reports-p112")),
            (0, lambda: window.page("reports").show_facilities()),
            (1500, lambda: grab("reports-facilities")),
        ])

    run_signed_in(profile, scenes, PASSPHRASE)
    pdf = work / "bao-cao.pdf"
    subprocess.run([sys.executable, "-m", "desktop", "--data-dir", str(profile), "report", "--kind", "tt02",
                    "--year", "2026", "--half", "1", "--out", str(pdf)], check=True,
                   env={**__import__("os").environ, "CTXH_PASSPHRASE": PASSPHRASE}, cwd=OUT.parent.parent)
    subprocess.run(["pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "2", str(pdf), str(work / "page")], check=True)
    for index, page in enumerate(sorted(work.glob("page*.png")), start=1):
        (OUT / f"report-pdf-page{index}.png").write_bytes(page.read_bytes())
        print("saved", f"report-pdf-page{index}")


if __name__ == "__main__":
    main()
