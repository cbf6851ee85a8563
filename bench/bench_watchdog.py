"""The window never freezes on a 100,000-case profile: the longest time the GUI thread went without turning
its event loop while a list is imported, a bundle exported, a report made and saved and the province's bundle
imported from the window (tests/gui_watchdog.py, the same scenario the test runs on a small profile). The
baseline is the same watchdog on the idle window, for what the machine itself costs."""

from __future__ import annotations

import gc
import os
import sys
import tempfile
import time
from pathlib import Path

from bench.common import ROOT, Result, ms

sys.path.insert(0, str(ROOT))


def run(cases: int) -> list[Result]:
    """Prepare two laptops (the first with `cases` cases), open the window offscreen, run the scenario."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from desktop.core.messages import set_language
    from desktop.ui.backend import Backend
    from desktop.ui.gc_guard import GuiGarbageCollector
    from desktop.ui.i18n import install_translator
    from desktop.ui.main_window import MainWindow
    from desktop.ui.operations import profile as ops
    from desktop.ui.tasks import TaskRunner
    from tests.conftest import PASSPHRASE
    from tests.gui_watchdog import LIMIT_S, Scenario, Watchdog, wait_until
    from tests.gui_watchdog import run as run_scenario
    from tests.test_ui_watchdog import prepare

    app = QApplication.instance() or QApplication([])
    install_translator(app, "vi")
    set_language("vi")
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        started = time.perf_counter()
        roster_file, out, incoming = prepare(tmp, cases)
        print(f"watchdog: {cases:,} cases prepared in {time.perf_counter() - started:.0f} s", flush=True)
        runner = TaskRunner()
        backend = Backend(runner)
        collector = GuiGarbageCollector(runner=runner)
        backend.opened(*ops.open_profile(tmp / "a", username="canbo_a", passphrase=PASSPHRASE))
        win = MainWindow(backend, "overview")
        win.show()
        win.profile_ready("Phường Ba Đình, Thành phố Hà Nội", "canbo_a")
        wait_until(lambda: not runner._callbacks, 120)
        collector.settle()
        idle = Watchdog()
        idle.start()
        idle.in_phase("idle")
        end = time.perf_counter() + 3
        wait_until(lambda: time.perf_counter() > end, 10)
        idle.stop()
        scenario = Scenario(win, roster_file, out, incoming)
        worst = run_scenario(scenario, Watchdog())
        win.close()
        runner.wait_idle()
        runner.shutdown()
        collector.stop()
        gc.collect()
    section = f"The window never freezes ({cases:,} cases; longest GUI-thread gap, a 10 ms watchdog)"
    baseline = ms(idle.worst.get("idle", 0.0))
    return [Result(section, f"{phase} (took {scenario.timings.get(phase, 0):.1f} s)", ms(gap), baseline, "—",
                   f"≤ {LIMIT_S * 1000:.0f} ms", gap <= LIMIT_S) for phase, gap in worst.items()]
