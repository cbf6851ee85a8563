"""Progress and cancellation as plain objects, so headless work can report to any front end."""

from __future__ import annotations

import threading
from collections.abc import Callable


class Cancelled(Exception):
    """Raised inside long work when its CancelToken was cancelled."""


class CancelToken:
    """Set from any thread; long work checks it between steps and stops cleanly."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        """Ask the work to stop at its next check."""
        self._event.set()

    @property
    def cancelled(self) -> bool:
        """True once cancel() was called."""
        return self._event.is_set()

    def check(self) -> None:
        """Raise Cancelled if cancel() was called."""
        if self._event.is_set():
            raise Cancelled()


class ProgressSink:
    """Receives (done, total, label) from long work; the default ignores it."""

    def __init__(self, callback: Callable[[int, int, str], None] | None = None) -> None:
        self._callback = callback

    def report(self, done: int, total: int, label: str = "") -> None:
        """Tell the front end how far the work is."""
        if self._callback is not None:
            self._callback(done, total, label)


NULL_PROGRESS = ProgressSink()
