"""Cài đặt › Giá trị đã xếp: the answers the mapping step remembers, and forgetting a wrong one."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from desktop.core.messages import field_label
from desktop.core.text import format_date
from desktop.ui.backend import Backend
from desktop.ui.i18n import tr
from desktop.ui.operations import lists as ops
from desktop.ui.widgets.messages import show_error


class RememberedAnswersPanel(QWidget):
    """The remembered answers, newest list first; Forget drops the selected one (records keep their codes)."""

    def __init__(self, backend: Backend) -> None:
        super().__init__()
        self.backend = backend
        note = QLabel(tr("When a list writes a value the same way again, the answer given once is applied "
                         "without asking. Forget a wrong answer here: the next list will ask again."))
        note.setWordWrap(True)
        note.setObjectName("note")
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels([tr("Code list"), tr("Written in the file"), tr("Placed in"),
                                              tr("By"), tr("On")])
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.forget_button = QPushButton(tr("Forget this answer"))
        self.forget_button.clicked.connect(self._forget)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.forget_button)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        self.rows: list[dict[str, Any]] = []

    def activate(self) -> None:
        """Fetch the answers on the database worker."""
        self.backend.call(ops.remembered_answers, on_done=self._show)

    def _show(self, rows: list[dict[str, Any]]) -> None:
        self.rows = rows
        self.table.setRowCount(len(rows))
        lists = {"target_group": field_label("target_groups"), "training_level": field_label("education_level"),
                 "general_education": field_label("general_education"), "worker_category": field_label("category")}
        for r, row in enumerate(rows):
            placed = (self.backend.label(row["list_name"], row["code"]) if row["code"]
                      else tr("Kept as written"))
            cells = [lists.get(row["list_name"], row["list_name"]), row["written"], placed, row["chosen_by"],
                     format_date(row["chosen_at"].date()) if row["chosen_at"] else ""]
            for c, text in enumerate(cells):
                self.table.setItem(r, c, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        self.forget_button.setEnabled(bool(rows))

    def _forget(self) -> None:
        index = self.table.currentRow()
        if not 0 <= index < len(self.rows):
            return
        row = self.rows[index]
        self.backend.call(ops.forget_answer, list_name=row["list_name"], folded=row["folded"],
                          on_done=lambda _done: self.activate(), on_error=lambda e: show_error(self, e))
