"""Garbage collection on the GUI thread only, and never a long pause while the officer works.

Python's cyclic collector runs on whichever thread happens to allocate when a threshold passes — often the
database worker during a sync. If the garbage holds a Qt object (a closed dialog, a page's closure), Qt then
frees it off the GUI thread, and the program crashes. So automatic collection is switched off while the
window runs, and the GUI thread collects, generation by generation, when the counts pass the usual
thresholds (the approach Anki, calibre and others take).

The youngest generation is collected often (every 200 ms), so each collection is small. The older ones walk
far more (a fifth of a second on a large profile, the watchdog saw it, for the full one and for the middle one
during a sync): they wait until the window is idle — no task on the worker, no key or click for two seconds —
unless two minutes have gone by without one. What is alive once the window is up is frozen out of full collections.
"""

from __future__ import annotations

import gc
import time
from typing import Any

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

INTERVAL_MS = 200
IDLE_S = 2.0
MAX_DEFER_S = 120.0
_INPUT = (QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.Wheel, QEvent.Type.MouseMove)


class GuiGarbageCollector(QObject):
    """Disables automatic collection; collects on a GUI-thread timer until stopped. `runner` (a TaskRunner)
    tells when the worker is busy: no full collection then."""

    def __init__(self, parent: QObject | None = None, runner: Any = None) -> None:
        super().__init__(parent)
        self.threshold = gc.get_threshold()
        self.busy = False
        self.last_input = time.monotonic()
        self.last_full = time.monotonic()
        if runner is not None:
            runner.busy_changed.connect(self._busy)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.check)
        gc.disable()
        self.timer.start(INTERVAL_MS)

    def _busy(self, busy: bool) -> None:
        self.busy = busy

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Note the officer's input (never consumes it)."""
        if event.type() in _INPUT:
            self.last_input = time.monotonic()
        return False

    def idle(self) -> bool:
        """No task on the worker and no input for IDLE_S seconds."""
        return not self.busy and time.monotonic() - self.last_input >= IDLE_S

    def check(self) -> None:
        """Collect the generations whose counts passed their thresholds; the older two only when idle (or
        deferred too long)."""
        counts = gc.get_count()
        generation = -1
        for level in range(3):
            if counts[level] > self.threshold[level]:
                generation = level
        if generation >= 1 and not (self.idle() or time.monotonic() - self.last_full > MAX_DEFER_S):
            # While a task runs, what it builds survives into the middle generation by the hundred thousand:
            # collecting that held the window 0.2 s during a sync of a 100,000-case profile. Only the young
            # generation (the last 200 ms of allocations) is collected until the window is idle.
            generation = 0
        if generation >= 0:
            gc.collect(generation)
        if generation >= 1:
            self.last_full = time.monotonic()

    def settle(self) -> None:
        """Once the window is up and the profile open: collect, then freeze what is alive now (the modules, the
        code lists, the pages) out of later full collections, which then walk only what came after."""
        gc.collect()
        gc.freeze()
        self.last_full = time.monotonic()

    def stop(self) -> None:
        """Give collection back to Python (when the window closes, or after a test)."""
        self.timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        gc.unfreeze()
        gc.collect()
        gc.enable()
