"""The window never freezes: a watchdog on the GUI thread measures the longest time its event loop went
without turning while an officer's long jobs run from the window — a list imported from Excel, a bundle
exported, a report made and saved, the province's bundle imported. Used by tests/test_ui_watchdog.py on a
small profile and by bench/bench_watchdog.py on a 100,000-case one."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication

TICK_MS = 10
LIMIT_S = 0.2  # the bound: no more than 200 ms without the window answering


class Watchdog(QObject):
    """A 10 ms timer on the GUI thread: each tick notes how long it waited since the previous one. A tick
    late by more than the limit means the event loop was blocked that long (no repaint, no click)."""

    def __init__(self) -> None:
        super().__init__()
        self.timer = QTimer(self)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self._tick)
        self.last = time.perf_counter()
        self.phase = "start"
        self.worst: dict[str, float] = {}

    def start(self) -> None:
        """Begin watching."""
        self.last = time.perf_counter()
        self.timer.start()

    def stop(self) -> None:
        """Stop watching."""
        self.timer.stop()

    def in_phase(self, name: str) -> None:
        """Gaps from now on count for `name`."""
        self.phase = name
        self.last = time.perf_counter()

    def _tick(self) -> None:
        now = time.perf_counter()
        gap = now - self.last
        self.last = now
        if gap > self.worst.get(self.phase, 0.0):
            self.worst[self.phase] = gap


@dataclass
class Scenario:
    """What the officer's day from the window needs: the window, a roster file, where to write the bundle,
    the province's bundle to import."""

    window: Any
    roster_file: Path
    out: Path
    incoming: list[Path]
    timings: dict[str, float] = field(default_factory=dict)


def wait_until(condition: Callable[[], bool], timeout: float) -> None:
    """Turn the event loop until `condition` holds; TimeoutError after `timeout` seconds."""
    end = time.perf_counter() + timeout
    while not condition():
        if time.perf_counter() > end:
            raise TimeoutError("the window did not finish in time")
        QApplication.processEvents()
        time.sleep(0.005)


def run(scenario: Scenario, dog: Watchdog, timeout: float = 600) -> dict[str, float]:
    """Run the four long jobs from the window, each in its own phase; returns the worst gap of each (s)."""
    import shiboken6
    from PySide6.QtWidgets import QFileDialog

    from desktop.ui.dialogs.list_import import ListImportDialog

    win = scenario.window
    dog.start()

    def phase(name: str, action: Callable[[], None], done: Callable[[], bool]) -> None:
        dog.in_phase(name)
        started = time.perf_counter()
        action()
        wait_until(done, timeout)
        scenario.timings[name] = time.perf_counter() - started

    win.show_page("roster")
    roster = win.page("roster")
    dialog = ListImportDialog(roster.backend, scenario.roster_file, "roster", roster)
    dialog.show()
    phase("import: reading the list", lambda: None, lambda: dialog.plan is not None)
    phase("import: writing", dialog._import, lambda: getattr(dialog, "report", None) is not None)
    dialog.accept()

    win.show_page("sync")
    sync = win.page("sync")
    sync.destination.addItem(str(scenario.out), str(scenario.out))
    sync.destination.setCurrentIndex(sync.destination.count() - 1)
    phase("export", sync._export, lambda: "Đã ghi" in sync.message.text() or "Không có gì" in sync.message.text())

    reports = win.page("reports")
    xlsx = scenario.out / "bao-cao.xlsx"
    original = QFileDialog.getSaveFileName
    QFileDialog.getSaveFileName = staticmethod(lambda *a, **k: (str(xlsx), ""))  # type: ignore[method-assign]
    try:
        phase("report: shown", lambda: win.show_page("reports"), lambda: getattr(reports, "report", None) is not None)
        from desktop.ui.widgets import messages

        confirm = messages.confirm_personal_data
        messages.confirm_personal_data = lambda *_a, **_k: True  # type: ignore[assignment]
        try:
            phase("report: saved as Excel", lambda: reports._save(".xlsx"), xlsx.exists)
        finally:
            messages.confirm_personal_data = confirm  # type: ignore[assignment]
    finally:
        QFileDialog.getSaveFileName = original  # type: ignore[method-assign]

    win.show_page("sync")
    phase("sync: the province's bundle imported", lambda: sync.import_paths(scenario.incoming),
          lambda: "áp dụng" in sync.message.text() or "đã nhập" in sync.message.text()
          or "từ chối" in sync.message.text())
    dog.stop()
    assert shiboken6.isValid(win)
    return dict(dog.worst)
