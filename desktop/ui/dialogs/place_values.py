"""Placing the values a list import kept as written: one person's values, each answered once for everyone
who holds it (from Việc cần làm)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.messages import field_label
from desktop.ui.backend import Backend
from desktop.ui.i18n import tr
from desktop.ui.operations import lists as ops
from desktop.ui.widgets.code_choice import answer_of, code_choice
from desktop.ui.widgets.messages import error_lines


class PlaceValuesDialog(QDialog):
    """The person's values kept as written, a code picker for each; the answer applies to every record that
    holds the same value, and is remembered for the next list."""

    def __init__(self, backend: Backend, row: dict[str, Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.backend = backend
        self.setWindowTitle(tr("Place values kept as written"))
        self.resize(860, 360)
        self.note = QLabel(tr("{name}: choose a code for each value. The choice is applied to everyone whose list "
                              "said the same, and remembered for the next import.", name=row["full_name"]))
        self.note.setWordWrap(True)
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([tr("Column"), tr("Written in the file"), tr("Place it in")])
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("Apply"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("Cancel"))
        self.buttons.accepted.connect(self._apply)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.buttons)
        self.values: list[dict[str, Any]] = []
        backend.call(ops.pending_values, kind=row["kind"], record_id=row["id"], on_done=self._show)

    def _show(self, values: list[dict[str, Any]]) -> None:
        self.values = values
        self.table.setRowCount(len(values))
        for r, value in enumerate(values):
            self.table.setItem(r, 0, QTableWidgetItem(field_label(value["field"])))
            self.table.setItem(r, 1, QTableWidgetItem(value["written"]))
            combo = code_choice(self.backend, value["list_name"], value["candidates"])
            self.table.setCellWidget(r, 2, combo)
        self.table.resizeColumnsToContents()

    def _apply(self) -> None:
        answers = []
        for r, value in enumerate(self.values):
            answered, code = answer_of(self.table.cellWidget(r, 2))
            if answered:
                answers.append((value["list_name"], value["written"], code))
        if not answers:
            self.reject()
            return
        self.buttons.setEnabled(False)

        def failed(error: BaseException) -> None:
            self.buttons.setEnabled(True)
            self.note.setText("\n".join(error_lines(error)))

        self.backend.write(ops.place_values, answers=answers, on_done=lambda _r: self.accept(), on_error=failed)
