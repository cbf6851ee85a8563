"""Work off the GUI thread: one database worker, results delivered to the GUI thread by signal.

SQLite has one writer, so every database call runs on the same worker thread, in order. Long work
gets a ProgressSink and a CancelToken; the progress dialog appears only after half a second, so
quick work never flashes a dialog.
"""

from __future__ import annotations

import itertools
import queue
import threading
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from desktop.core.progress import CancelToken, ProgressSink
from desktop.ui.i18n import tr

Callback = Callable[[Any], None]


class TaskRunner(QObject):
    """Runs callables on one background thread; calls back on the GUI thread."""

    _finished = Signal(int)  # task id; its outcome waits in _outcomes
    _progress = Signal(int, int, int, str)  # task id, done, total, label
    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._queue: queue.Queue[tuple[int, Callable[[], Any]] | None] = queue.Queue()
        self._callbacks: dict[int, tuple[Callback | None, Callback | None]] = {}
        self._progress_handlers: dict[int, Callable[[int, int, str], None]] = {}
        # Finished work, handed over to the GUI thread: (the callable, its result, its exception).
        self._outcomes: dict[int, tuple[Any, Any, BaseException | None]] = {}
        self._ids = itertools.count(1)
        # Emitted from the worker thread, so AutoConnection queues them to this object's (the GUI) thread.
        # Naming Qt.ConnectionType here would build every enum of the Qt namespace (~45 ms) before the
        # first window shows.
        self._finished.connect(self._deliver)
        self._progress.connect(self._deliver_progress)
        self._thread = threading.Thread(target=self._loop, name="ctxh-db", daemon=True)
        self._thread.start()

    def submit(self, fn: Callable[[], Any], on_done: Callback | None = None, on_error: Callback | None = None) -> int:
        """Queue `fn`; `on_done(result)` or `on_error(exception)` runs later on the GUI thread."""
        task_id = next(self._ids)
        self._callbacks[task_id] = (on_done, on_error)
        if len(self._callbacks) == 1:
            self.busy_changed.emit(True)
        self._queue.put((task_id, fn))
        return task_id

    def submit_long(
        self, fn: Callable[[ProgressSink, CancelToken], Any], label: str, parent: QWidget | None,
        on_done: Callback | None = None, on_error: Callback | None = None,
    ) -> CancelToken:
        """Queue long work with progress and cancel; a dialog shows if it runs over 0.5 s."""
        cancel = CancelToken()
        from PySide6.QtCore import Qt

        dialog = QProgressDialog(label, tr("Cancel"), 0, 0, parent)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(500)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.canceled.connect(cancel.cancel)
        holder: dict[str, int] = {}

        def progress(done: int, total: int, text: str) -> None:
            self._progress.emit(holder["id"], done, total, text)

        def finish(callback: Callback | None) -> Callback:
            def inner(value: Any) -> None:
                dialog.reset()
                dialog.deleteLater()
                self._progress_handlers.pop(holder["id"], None)
                if callback:
                    callback(value)
            return inner

        holder["id"] = self.submit(lambda: fn(ProgressSink(progress), cancel), finish(on_done), finish(on_error))

        def show_progress(done: int, total: int, _text: str) -> None:
            dialog.setMaximum(total)
            dialog.setValue(done)

        self._progress_handlers[holder["id"]] = show_progress
        return cancel

    def wait_idle(self, timeout_ms: int = 10000) -> bool:
        """Block until queued work is done (tests and shutdown only)."""
        done = threading.Event()
        self._queue.put((0, done.set))
        return done.wait(timeout_ms / 1000)

    def shutdown(self) -> None:
        """Finish queued work and stop the thread."""
        self._queue.put(None)
        self._thread.join(timeout=10)

    def _loop(self) -> None:
        while True:
            item = self._queue.get()
            if item is None:
                return
            task_id, fn = item
            del item
            try:
                result, error = fn(), None
            except BaseException as exc:  # delivered to the GUI thread, which decides what to show
                result, error = None, exc
                if not _is_expected(exc):
                    traceback.print_exc()
            if task_id:
                # The work's closure, its result or its error may hold the last reference to a Qt object (a
                # dialog the closure captured). Released here, Qt would free that object on this thread and
                # crash (it did, as a bus error, when a job ended). So they go to the GUI thread, which
                # drops them; this thread keeps no reference of its own.
                self._outcomes[task_id] = (fn, result, error)
                del fn, result, error
                self._finished.emit(task_id)
            else:
                del fn, result, error  # wait_idle's Event.set: nothing of Qt

    def _deliver(self, task_id: int) -> None:
        _fn, result, error = self._outcomes.pop(task_id)
        on_done, on_error = self._callbacks.pop(task_id, (None, None))
        if not self._callbacks:
            self.busy_changed.emit(False)
        # A page or dialog closed while its work was on the worker: its widgets are gone, the answer is dropped.
        on_done = on_done if _alive(on_done) else None
        on_error = on_error if _alive(on_error) else (lambda _e: None)
        if error is not None:
            if on_error is not None:
                on_error(error)
            else:
                _report_unhandled(error)
        elif on_done is not None:
            on_done(result)

    def _deliver_progress(self, task_id: int, done: int, total: int, label: str) -> None:
        handler = self._progress_handlers.get(task_id)
        if handler:
            handler(done, total, label)


def _alive(callback: Any) -> bool:
    """False for a bound method of a Qt object whose C++ side was deleted, or a closure over one (a list's
    `lambda rows: self._add_page(…)` once its window was closed and collected)."""
    import shiboken6

    owners = [getattr(callback, "__self__", None)]
    for cell in getattr(callback, "__closure__", None) or ():
        try:
            owners.append(cell.cell_contents)
        except ValueError:  # a cell not filled yet
            continue
    return all(shiboken6.isValid(owner) for owner in owners if isinstance(owner, QObject))


def _is_expected(exc: BaseException) -> bool:
    from desktop.core.errors import CtxhError
    from desktop.core.progress import Cancelled

    return isinstance(exc, CtxhError | Cancelled)


def _report_unhandled(error: BaseException) -> None:
    from desktop.ui.widgets.messages import show_error

    QTimer.singleShot(0, lambda: show_error(None, error))
