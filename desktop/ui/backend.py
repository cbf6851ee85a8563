"""What widgets talk to: the open profile's context, reached only through the task runner.

Widgets name an operation (desktop/ui/operations/) and pass ids and plain values as keywords; the operation
runs on the database worker with the context, and its result comes back to the GUI thread. No widget holds or
reads the context.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from desktop.ui.tasks import Callback, TaskRunner


def _changed_of(result: Any) -> Any:
    """The Changed a write returned: alone, or second in a pair ((id, Changed), (outcomes, Changed))."""
    return result[1] if isinstance(result, tuple) else result


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

    def opened(self, ctx: Any, codes: Any) -> None:
        """The profile is open (called with what operations.profile returns)."""
        self.ctx, self.codes = ctx, codes

    def call(self, op: Callable[..., Any], *, on_done: Callback | None = None, on_error: Callback | None = None,
             **values: Any) -> int:
        """Run op(ctx, **values) on the database worker; callbacks run on the GUI thread."""
        return self.runner.submit(lambda: op(self.ctx, **values), on_done, on_error)

    def write(self, op: Callable[..., Any], *, on_done: Callback | None = None, on_error: Callback | None = None,
              **values: Any) -> int:
        """Like call(), for operations that return a Changed (or a pair ending in one); announces it."""
        return self.call(op, on_done=self._announcing(on_done), on_error=on_error, **values)

    def long(self, op: Callable[..., Any], label: str, parent: QWidget | None, *, writes: bool = False,
             on_done: Callback | None = None, on_error: Callback | None = None, **values: Any) -> Any:
        """Long work: op(ctx, progress=…, cancel=…, **values) with the delayed progress dialog; a write
        (`writes`) announces its Changed. Returns the cancel token."""
        done = self._announcing(on_done) if writes else on_done
        return self.runner.submit_long(lambda progress, cancel: op(self.ctx, progress=progress, cancel=cancel,
                                                                   **values), label, parent, done, on_error)

    def bound(self, op: Callable[..., Any]) -> Callable[..., Any]:
        """op with the context filled in when it runs (for models that call it on the worker themselves)."""
        return lambda **values: op(self.ctx, **values)

    def _announcing(self, on_done: Callback | None) -> Callback:
        def done(result: Any) -> None:
            self.changed.emit(_changed_of(result))
            if on_done:
                on_done(result)
        return done

    def label(self, list_name: str, code: str | None) -> str:
        """The display label of a code in the current language."""
        return self.codes.label(list_name, code, self.language) if self.codes else (code or "")

    def items(self, list_name: str) -> list[tuple[str, str]]:
        """(code, label) pairs of a code list."""
        return self.codes.items(list_name, self.language) if self.codes else []
