"""A case page's log: a note written in a line or two, and the timeline of everything that happened."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QTableWidget, QVBoxLayout, QWidget

from desktop.ui.backend import Backend
from desktop.ui.dialogs.case_action import date_edit, day_of
from desktop.ui.i18n import tr
from desktop.ui.operations import workflow as ops
from desktop.ui.widgets.messages import error_lines
from desktop.ui.widgets.tables import read_only_table


def _when(value: dt.datetime | None) -> str:
    if value is None:
        return ""
    return value.strftime("%d/%m/%Y") if value.time() == dt.time(0, 0) else value.strftime("%d/%m/%Y %H:%M")


class CaseLogTab(QWidget):
    """The timeline, newest first, and a box to write a note dated the day it happened."""

    def __init__(self, backend: Backend, case_id: str, reload_page: Callable[[], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.backend, self.case_id, self.reload_page = backend, case_id, reload_page
        self.note = QPlainTextEdit()
        self.note.setPlaceholderText(tr("What happened: a call, a visit, what was agreed, what to do next…"))
        self.note.setFixedHeight(64)
        self.day = date_edit()
        self.day.setToolTip(tr("The day it happened (a note may be written later)"))
        self.add_button = QPushButton(tr("Add the note"))
        self.add_button.clicked.connect(self._add)
        self.message = QLabel()
        self.message.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.note, 1)
        side = QVBoxLayout()
        side.addWidget(self.day)
        side.addWidget(self.add_button)
        side.addStretch(1)
        row.addLayout(side)
        self.layout_ = QVBoxLayout(self)
        self.layout_.addLayout(row)
        self.layout_.addWidget(self.message)
        self.table: QTableWidget = read_only_table([], [])
        self.layout_.addWidget(self.table, 1)

    def reload(self) -> None:
        """Read the timeline again."""
        self.backend.call(ops.case_timeline, case_id=self.case_id, on_done=self._show,
                          on_error=lambda e: self.message.setText("\n".join(error_lines(e))))

    def _show(self, events: list[tuple[Any, str]]) -> None:
        table = read_only_table(
            [tr("When"), tr("What happened"), tr("Entered by"), tr("Entered at")],
            [[_when(e.on), text, e.by or "", _when(e.entered) if e.entered and e.entered.date() != e.on.date() else ""]
             for e, text in events])
        table.setColumnWidth(0, 130)
        table.setColumnWidth(1, 560)
        table.setWordWrap(True)
        self.layout_.replaceWidget(self.table, table)
        self.table.deleteLater()
        self.table = table

    def _add(self) -> None:
        text = self.note.toPlainText()

        def done(_result: Any) -> None:
            self.note.clear()
            self.message.setText(tr("Note added."))
            self.reload()

        self.backend.write(ops.add_note, case_id=self.case_id, text=text, noted_on=day_of(self.day),
                           on_done=done, on_error=lambda e: self.message.setText("\n".join(error_lines(e))))
