"""The idle lock: no key or mouse input for the minutes set in Cài đặt, and the window locks."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication

_INPUT = frozenset({QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove, QEvent.Type.Wheel,
                    QEvent.Type.TouchBegin})


class IdleWatcher(QObject):
    """Emits `timed_out` after `minutes` without input anywhere in the application (0: never)."""

    timed_out = Signal()

    def __init__(self, minutes: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.timed_out)
        self.set_minutes(minutes)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def set_minutes(self, minutes: int) -> None:
        """Change the idle time; counting starts again."""
        self.minutes = minutes
        if minutes > 0:
            self.timer.start(minutes * 60_000)
        else:
            self.timer.stop()

    def pause(self, paused: bool) -> None:
        """Stop counting while the window is locked; start again when it is not."""
        if paused:
            self.timer.stop()
        else:
            self.set_minutes(self.minutes)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _INPUT and self.minutes > 0 and self.timer.isActive():
            self.timer.start(self.minutes * 60_000)
        return False
