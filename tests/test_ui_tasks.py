"""The database worker: work runs off the GUI thread, and whatever the work held is freed on the GUI thread."""

from __future__ import annotations

import threading

import pytest

pytestmark = pytest.mark.usefixtures("qapp")


def test_a_qt_object_held_only_by_finished_work_is_freed_on_the_gui_thread(qtbot) -> None:
    """A job's closure that holds the last reference to a Qt object (a dialog's work function captures the
    dialog) must not free it on the worker: Qt objects freed off their thread crashed the app."""
    from PySide6.QtCore import QObject, Qt

    from desktop.ui.tasks import TaskRunner

    runner = TaskRunner()
    freed_on: list[str] = []
    ran_on: list[str] = []
    results: list[str] = []

    def make_work() -> object:
        thing = QObject()
        thing.setObjectName("held by the work")
        thing.destroyed.connect(lambda: freed_on.append(threading.current_thread().name),
                                Qt.ConnectionType.DirectConnection)

        def work() -> str:
            ran_on.append(threading.current_thread().name)
            return thing.objectName()
        return work

    runner.submit(make_work(), on_done=results.append)
    runner.submit(lambda: None)  # the worker takes the next job: it must not be the one to let go of the first
    assert runner.wait_idle()
    qtbot.waitUntil(lambda: results == ["held by the work"] and bool(freed_on), timeout=5000)
    assert ran_on == ["ctxh-db"]
    assert freed_on == [threading.main_thread().name]
    runner.shutdown()
