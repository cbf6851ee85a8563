"""What widgets talk to: the open profile's context, reached only through the task runner.

Widgets pass ids and plain values; every service call runs on the database worker.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal

from desktop.ui.tasks import Callback, TaskRunner


class Backend(QObject):
    """Holds the AppContext once the profile is open, and the code lists for display."""

    changed = Signal(object)  # a desktop.core.services.changes.Changed, after any write
    ready = Signal()

    def __init__(self, runner: TaskRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.ctx: Any = None
        self.codes: Any = None
        self.language = "vi"

    def call(self, fn: Callable[..., Any], *args: Any, on_done: Callback | None = None,
             on_error: Callback | None = None) -> int:
        """Run fn(ctx, *args) on the database worker; callbacks run on the GUI thread."""
        return self.runner.submit(lambda: fn(self.ctx, *args), on_done, on_error)

    def write(self, fn: Callable[..., Any], *args: Any, on_done: Callback | None = None,
              on_error: Callback | None = None) -> int:
        """Like call(), for services that return a Changed (or (id, Changed)); announces it."""
        def done(result: Any) -> None:
            changed = result[1] if isinstance(result, tuple) else result
            self.changed.emit(changed)
            if on_done:
                on_done(result)
        return self.call(fn, *args, on_done=done, on_error=on_error)

    def label(self, list_name: str, code: str | None) -> str:
        """The display label of a code in the current language."""
        return self.codes.label(list_name, code, self.language) if self.codes else (code or "")

    def items(self, list_name: str) -> list[tuple[str, str]]:
        """(code, label) pairs of a code list."""
        return self.codes.items(list_name, self.language) if self.codes else []
