"""The confirmation every irreversible step of a case goes through: it says what will happen, asks when it
was done (now, or the day it was done on paper) and whatever the step needs (a decision's number and
signer, a reason), and only then runs."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QDate, QDateTime, Qt
from PySide6.QtWidgets import (
    QDateEdit,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.i18n import tr


def date_time_edit(parent: QWidget | None = None) -> QDateTimeEdit:
    """A date and time box at now, which cannot go past now (dd/mm/yyyy hh:mm, with a calendar)."""
    box = QDateTimeEdit(QDateTime.currentDateTime(), parent)
    box.setCalendarPopup(True)
    box.setDisplayFormat("dd/MM/yyyy HH:mm")
    box.setMaximumDateTime(QDateTime.currentDateTime())
    return box


def date_edit(parent: QWidget | None = None) -> QDateEdit:
    """A date box at today, which cannot go past today."""
    box = QDateEdit(QDate.currentDate(), parent)
    box.setCalendarPopup(True)
    box.setDisplayFormat("dd/MM/yyyy")
    box.setMaximumDate(QDate.currentDate())
    return box


class CaseActionDialog(QDialog):
    """`explanation` says what will happen; `confirm` names the button that does it, which calls `run(self)`
    (it writes, then accepts the dialog, or shows what was refused and leaves it open). With `when`, the
    officer says when it was done (now by default). `fields` are the step's own inputs, (label, widget)."""

    def __init__(self, title: str, explanation: str, confirm: str, run: Callable[[CaseActionDialog], None],
                 parent: QWidget | None = None, *, when: bool = True,
                 fields: list[tuple[str, QWidget]] | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # one per action: not kept on the page
        self._run = run
        self.setWindowTitle(title)
        self.setMinimumWidth(560)
        text = QLabel(explanation)
        text.setWordWrap(True)
        form = QFormLayout()
        self.when: QDateTimeEdit | None = None
        if when:
            self.when = date_time_edit(self)
            self.when.setToolTip(tr("A step done on paper earlier is entered with the day it was done; the record "
                                    "also keeps who entered it and when"))
            form.addRow(tr("Done on"), self.when)
        for label, widget in fields or []:
            form.addRow(label, widget)
        self.problem = QLabel()
        self.problem.setObjectName("formSummary")
        self.problem.setWordWrap(True)
        self.problem.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(confirm)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("Cancel"))
        buttons.accepted.connect(lambda: self._run(self))  # closes itself once the write is done
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)

    def moment(self) -> dt.datetime | None:
        """When it was done: None for now (so the service stamps the second it is saved)."""
        if self.when is None:
            return None
        chosen = self.when.dateTime().toPython().replace(second=0, microsecond=0)
        if (dt.datetime.now() - chosen) < dt.timedelta(minutes=2):
            return None
        return chosen

    def show_problem(self, text: str) -> None:
        """Keep the dialog open with what was refused."""
        self.problem.setText(text)
        self.problem.show()


def line(placeholder: str = "") -> QLineEdit:
    """A one-line input."""
    box = QLineEdit()
    box.setPlaceholderText(placeholder)
    return box


def reason_box(placeholder: str) -> QPlainTextEdit:
    """A few lines for a reason."""
    box = QPlainTextEdit()
    box.setPlaceholderText(placeholder)
    box.setFixedHeight(80)
    return box


def day_of(box: QDateEdit) -> dt.date:
    """The date a date box shows."""
    value: dt.date = box.date().toPython()
    return value

