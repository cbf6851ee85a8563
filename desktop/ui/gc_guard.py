"""Garbage collection on the GUI thread only.

Python's cyclic collector runs on whichever thread happens to allocate when a threshold passes — often the
database worker during a sync. If the garbage holds a Qt object (a closed dialog, a page's closure), Qt then
frees it off the GUI thread, and the program crashes. So automatic collection is switched off while the
window runs, and the GUI thread collects, generation by generation, when the counts pass the usual
thresholds (the approach Anki, calibre and others take).
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 1000


class GuiGarbageCollector(QObject):
    """Disables automatic collection; collects on a GUI-thread timer until stopped."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.threshold = gc.get_threshold()
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.check)
        gc.disable()
        self.timer.start(INTERVAL_MS)

    def check(self) -> None:
        """Collect the generations whose counts passed their thresholds."""
        counts = gc.get_count()
        generation = -1
        for level in range(3):
            if counts[level] > self.threshold[level]:
                generation = level
        if generation >= 0:
            gc.collect(generation)

    def stop(self) -> None:
        """Give collection back to Python (when the window closes, or after a test)."""
        self.timer.stop()
        gc.collect()
        gc.enable()
