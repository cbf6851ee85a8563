"""A roster member's page: details, training, allowances, cases assigned, and who changed what."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.core.messages import field_label
from desktop.core.text import format_date
from desktop.dates import local_time
from desktop.ui.backend import Backend
from desktop.ui.i18n import tr
from desktop.ui.operations import roster as ops
from desktop.ui.widgets.indicators import money
from desktop.ui.widgets.messages import error_lines
from desktop.ui.widgets.tables import read_only_table

DETAIL_FIELDS = [
    ("gender", "gender"), ("birth_date", None), ("national_id", None), ("phone", None), ("email", None),
    ("address", None), ("category", "worker_category"), ("workplace_type", "workplace_type"), ("position", None),
    ("general_education", "general_education"), ("education_level", "training_level"), ("major", None),
    ("sw_qualification", "training_level"),
    ("title_grade", "title_grade"), ("title_code", None), ("practice_cert_no", None), ("practice_cert_expiry", None),
    ("contract_no", None), ("start_date", None), ("end_date", None), ("status", "worker_status"), ("notes", None),
]


def _author(name: str | None) -> str:
    """Who made a change: the program itself (an import, an upgrade) is said in words, not as "system"."""
    if name in (None, "", "system"):
        return tr("the program (import or upgrade)")
    return name


class PersonDialog(QDialog):
    """Loads worker_page() on the database worker and shows it in tabs."""

    def __init__(self, backend: Backend, worker_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.backend = backend
        self.worker_id = worker_id
        self.setWindowTitle(tr("Roster member"))
        self.resize(900, 600)
        self.title = QLabel("…")
        self.title.setObjectName("pageTitle")
        self.tabs = QTabWidget()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(tr("Close"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)
        self.reload()

    def reload(self) -> None:
        """Fetch the page again (after an allowance is added)."""
        self.backend.call(ops.worker_page, worker_id=self.worker_id, on_done=self._show)

    def _show(self, page: dict[str, Any]) -> None:
        label = self.backend.label
        worker = page["worker"]
        trained = tr("trained in social work") if page["trained"] else tr("not yet trained in social work")
        self.title.setText(f"{worker['full_name']} — {label('worker_category', worker['category'])} ({trained})")
        current = self.tabs.currentIndex()
        self.tabs.clear()
        details = QWidget()
        form = QFormLayout(details)
        for name, list_name in DETAIL_FIELDS:
            value = worker.get(name)
            text = label(list_name, value) if list_name else (format_date(value) if hasattr(value, "year") else value)
            form.addRow(field_label(name) + ":", QLabel(str(text or "—")))
        self.tabs.addTab(details, tr("Details"))
        self.tabs.addTab(read_only_table(
            [tr("Course"), tr("Kind"), tr("From"), tr("Hours"), tr("Certificate no.")],
            [[t["title"], label("course_kind", t["kind"]), format_date(t["start_date"]), str(t["hours"] or ""),
              t["certificate_no"] or ""] for t in page["training"]]), tr("Training ({n})", n=len(page["training"])))
        self.tabs.addTab(self._allowances(page), tr("Allowance ({n})", n=len(page["allowances"])))
        self.tabs.addTab(read_only_table(
            [tr("Case no."), tr("Full name"), tr("Opened on"), tr("Status")],
            [[c["case_no"], c["full_name"], format_date(c["opened_on"]), label("case_status", c["status"])]
             for c in page["cases"]]), tr("Cases managed ({n})", n=len(page["cases"])))
        self.tabs.addTab(read_only_table(
            [tr("When"), tr("Who"), tr("What changed")],
            [[local_time(h["created_at"]).strftime("%d/%m/%Y %H:%M"), _author(h["author"]),
              tr("created") if h["created"] else ", ".join(f"{field_label(k)}: {v}" for k, v in h["fields"].items())]
             for h in page["history"]]), tr("Change history"))
        self.tabs.setCurrentIndex(max(current, 0))

    def _allowances(self, page: dict[str, Any]) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.addWidget(QLabel(tr("Base salary in force: {amount}", amount=money(page["base_salary"]))))
        layout.addWidget(read_only_table(
            [tr("Amount per month"), tr("From"), tr("Until"), tr("Decision no.")],
            [[money(a["amount"]), format_date(a["effective_from"]), format_date(a["effective_to"]),
              a["decision_no"] or ""] for a in page["allowances"]]), 1)
        self.amount, self.since, self.decision = QLineEdit(), QLineEdit(), QLineEdit()
        self.amount.setPlaceholderText(tr("e.g. 2530000"))
        self.since.setPlaceholderText(tr("dd/mm/yyyy"))
        add = QPushButton(tr("Record allowance"))
        add.clicked.connect(self._add_allowance)
        row = QHBoxLayout()
        for caption, widget in ((tr("Amount per month"), self.amount), (tr("From"), self.since),
                                (tr("Decision no."), self.decision)):
            row.addWidget(QLabel(caption))
            row.addWidget(widget)
        row.addWidget(add)
        layout.addLayout(row)
        self.problem = QLabel()
        self.problem.setObjectName("formSummary")
        layout.addWidget(self.problem)
        return box

    def _add_allowance(self) -> None:
        values = {"worker_id": self.worker_id, "amount": self.amount.text(), "effective_from": self.since.text(),
                  "decision_no": self.decision.text()}
        self.backend.write(ops.add_allowance, values=values,
                           on_done=lambda _r: self.reload(),
                           on_error=lambda error: self.problem.setText("\n".join(error_lines(error))))
