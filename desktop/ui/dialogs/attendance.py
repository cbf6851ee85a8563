"""Who attended a course: add roster members (search without diacritics), set certificates, remove."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.backend import Backend
from desktop.ui.i18n import tr
from desktop.ui.operations import roster as roster_ops
from desktop.ui.operations import training as ops
from desktop.ui.widgets.common import FilterList
from desktop.ui.widgets.messages import error_lines


class AttendanceDialog(QDialog):
    """Attendees of one course on the left; the roster to add from on the right."""

    def __init__(self, backend: Backend, course_id: str, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.backend = backend
        self.course_id = course_id
        self.setWindowTitle(tr("Attendees — {title}", title=title))
        self.resize(900, 560)
        self.attendees = QTableWidget(0, 2)
        self.attendees.setHorizontalHeaderLabels([tr("Full name"), tr("Certificate no.")])
        self.attendees.horizontalHeader().setStretchLastSection(True)
        self.attendees.verticalHeader().hide()
        self.attendees.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.attendees.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.remove = QPushButton(tr("Remove from the course"))
        self.remove.clicked.connect(self._remove)
        self.roster = FilterList(tr("Find a roster member (diacritics optional)"))
        self.certificate = QLineEdit()
        self.certificate.setPlaceholderText(tr("Certificate no. (optional)"))
        self.add = QPushButton(tr("Add to the course"))
        self.add.clicked.connect(self._add)
        self.problem = QLabel()
        self.problem.setObjectName("formSummary")
        left = QVBoxLayout()
        left.addWidget(QLabel(tr("Attended")))
        left.addWidget(self.attendees, 1)
        left.addWidget(self.remove)
        right = QVBoxLayout()
        right.addWidget(QLabel(tr("Roster")))
        right.addWidget(self.roster, 1)
        right.addWidget(self.certificate)
        right.addWidget(self.add)
        body = QHBoxLayout()
        body.addLayout(left, 1)
        body.addLayout(right, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(tr("Close"))
        buttons.rejected.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self._rows: list[dict[str, Any]] = []
        backend.call(roster_ops.list_workers, limit=5000,
                     on_done=lambda ws: self.roster.set_items([(w["id"], w["full_name"]) for w in ws]))
        self.reload()

    def reload(self) -> None:
        """Fetch the attendees again."""
        self.backend.call(ops.attendances_of_course, course_id=self.course_id, on_done=self._show)

    def _show(self, rows: list[dict[str, Any]]) -> None:
        self._rows = rows
        self.attendees.setRowCount(len(rows))
        for r, row in enumerate(rows):
            self.attendees.setItem(r, 0, QTableWidgetItem(row["full_name"]))
            self.attendees.setItem(r, 1, QTableWidgetItem(row["certificate_no"] or ""))

    def _fail(self, error: BaseException) -> None:
        self.problem.setText("\n".join(error_lines(error)))

    def _add(self) -> None:
        worker_id = self.roster.current_code()
        if not worker_id:
            self.problem.setText(tr("Choose a roster member first."))
            return
        if any(r["worker_id"] == worker_id for r in self._rows):
            self.problem.setText(tr("This person is already on the course."))
            return
        values = {"course_id": self.course_id, "worker_id": worker_id, "certificate_no": self.certificate.text()}
        self.problem.clear()
        self.certificate.clear()
        self.backend.write(ops.add_attendance, values=values, on_done=lambda _r: self.reload(), on_error=self._fail)

    def _remove(self) -> None:
        row = self.attendees.currentRow()
        if 0 <= row < len(self._rows):
            self.backend.write(ops.delete_attendance, attendance_id=self._rows[row]["id"],
                               on_done=lambda _r: self.reload(), on_error=self._fail)
