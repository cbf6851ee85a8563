"""The tabs of a case page besides its steps: the forms of its process, and consent with the legal basis."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.core.text import format_date
from desktop.ui.backend import Backend
from desktop.ui.dialogs.record_form import FieldSpec, RecordDialog, RecordForm
from desktop.ui.i18n import tr
from desktop.ui.operations import forms as ops
from desktop.ui.widgets.messages import show_error
from desktop.ui.widgets.tables import read_only_table

Reload = Callable[[], None]


class FormsTab(QWidget):
    """Every form the case's process names, filled or not, then the forms any step may hold.

    A row is one filled form, or a form not filled yet; the forms of the current step come first in bold."""

    def __init__(self, backend: Backend, case_id: str, reload: Reload, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.backend, self.case_id, self.reload = backend, case_id, reload
        self.rows: list[tuple[str, str | None]] = []  # (form code, answer id or None)
        self.definitions: dict[str, Any] = {}
        self.layout_ = QVBoxLayout(self)
        self.table: QTableWidget = read_only_table([], [])
        self.layout_.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        self.open_button = QPushButton(tr("Fill or open"))
        self.new_button = QPushButton(tr("Fill another of this form"))
        self.pdf_button = QPushButton(tr("Save as PDF…"))
        self.open_button.clicked.connect(lambda: self.open_row(self.table.currentRow()))
        self.new_button.clicked.connect(self._new_copy)
        self.pdf_button.clicked.connect(self._pdf)
        for button in (self.open_button, self.new_button, self.pdf_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.layout_.addLayout(buttons)

    def show_forms(self, listed: list[dict[str, Any]], definitions: dict[str, Any], case: dict[str, Any]) -> None:
        """Fill the table from case_forms.case_forms()."""
        self.definitions = definitions
        label, language = self.backend.label, self.backend.language
        current = [f for f in listed if f["step_code"] == case["step"]]
        ordered = current + [f for f in listed if f["step_code"] != case["step"]]
        self.rows, texts = [], []
        for f in ordered:
            title = f["title"][1] if language == "en" else f["title"][0]
            step = label("case_step", f["step_code"]) if f["step_code"] else tr("Any step")
            if not f["filled"]:
                self.rows.append((f["form"], None))
                texts.append([title, step, tr("Not filled"), ""])
            for filled in f["filled"]:
                self.rows.append((f["form"], filled["id"]))
                texts.append([title, step, tr("Filled"), format_date(filled["filled_on"])])
        table = read_only_table([tr("Form"), tr("Step"), tr("State"), tr("Date")], texts)
        table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        table.setColumnWidth(0, 430)
        bold = table.font()
        bold.setBold(True)
        for r in range(sum(len(f["filled"]) or 1 for f in current)):
            for c in range(4):
                table.item(r, c).setFont(bold)
        table.doubleClicked.connect(lambda index: self.open_row(index.row()))
        self.layout_.replaceWidget(self.table, table)
        self.table.deleteLater()
        self.table = table

    def open_row(self, row: int) -> None:
        """Open the filled form of a row, or a blank one for a form not filled yet."""
        if not 0 <= row < len(self.rows):
            return
        code, answer_id = self.rows[row]
        if answer_id is None:
            self._open(code, None)
            return
        self.backend.call(ops.get_form_answer, answer_id=answer_id,
                          on_done=lambda answer: self._open(code, answer), on_error=lambda e: show_error(self, e))

    def _new_copy(self) -> None:
        row = self.table.currentRow()
        if 0 <= row < len(self.rows):
            self._open(self.rows[row][0], None)

    def _open(self, code: str, answer: dict[str, Any] | None) -> None:
        from desktop.ui.dialogs.form_dialog import FormDialog

        dialog = FormDialog(self.backend, self.case_id, self.definitions[code], answer, self)
        dialog.finished.connect(lambda _r: self.reload())
        dialog.open()

    def _pdf(self) -> None:
        row = self.table.currentRow()
        if not 0 <= row < len(self.rows) or self.rows[row][1] is None:
            return
        answer_id = self.rows[row][1]
        def save(loaded: tuple[dict[str, Any], str]) -> None:
            from desktop.ui.dialogs.form_dialog import pdf_name
            from desktop.ui.printing import save_pdf
            from desktop.ui.widgets.messages import confirm_personal_data

            if not confirm_personal_data(self):
                return
            path, _ = QFileDialog.getSaveFileName(self, tr("Save as PDF"), str(Path.home() / pdf_name(loaded[0])),
                                                  tr("PDF files (*.pdf)"))
            if path:
                save_pdf(loaded[1], Path(path))

        self.backend.call(ops.printable_answer, answer_id=answer_id, language=self.backend.language, on_done=save,
                          on_error=lambda e: show_error(self, e))


def consent_fields() -> list[FieldSpec]:
    """The inputs of one consent."""
    return [
        FieldSpec("purpose", "code", "consent_purpose", required=True),
        FieldSpec("purpose_detail"),
        FieldSpec("signer_role", "code", "consent_signer", required=True),
        FieldSpec("signer_name", required=True),
        FieldSpec("given_on", "date", required=True),
        FieldSpec("notes", "multiline"),
    ]


class ConsentTab(QWidget):
    """The legal basis of processing, the consent register, and who still has to consent."""

    def __init__(self, backend: Backend, case_id: str, reload: Reload, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.backend, self.case_id, self.reload = backend, case_id, reload
        self.consent_ids: list[str] = []
        layout = QVBoxLayout(self)
        basis_row = QHBoxLayout()
        basis_row.addWidget(QLabel(tr("Legal basis of processing")))
        self.basis = QComboBox()
        self.basis.addItem("—", None)
        for code, text in backend.items("legal_basis"):
            self.basis.addItem(text, code)
        self.basis.activated.connect(self._set_basis)
        basis_row.addWidget(self.basis, 1)
        layout.addLayout(basis_row)
        self.missing = QLabel()
        self.missing.setObjectName("formSummary")
        self.missing.setWordWrap(True)
        layout.addWidget(self.missing)
        self.table: QTableWidget = read_only_table([], [])
        layout.addWidget(self.table, 1)
        self.layout_ = layout
        buttons = QHBoxLayout()
        add = QPushButton(tr("Record a consent"))
        add.clicked.connect(self._add)
        self.withdraw_button = QPushButton(tr("Record withdrawal (today)"))
        self.withdraw_button.clicked.connect(self._withdraw)
        buttons.addWidget(add)
        buttons.addWidget(self.withdraw_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)

    def show_state(self, state: dict[str, Any]) -> None:
        """Fill the tab from consent.consent_state()."""
        label = self.backend.label
        self.basis.setCurrentIndex(max(0, self.basis.findData(state["legal_basis"])))
        if state["missing"]:
            lines = [tr("Consent still needed for “{purpose}” from: {who}.", purpose=label("consent_purpose", p),
                        who=", ".join(label("consent_signer", r) for r in roles))
                     for p, roles in state["missing"].items()]
            self.missing.setText("\n".join(lines))
            self.missing.show()
        else:
            self.missing.hide()
        self.consent_ids = [c["id"] for c in state["consents"]]
        table = read_only_table(
            [tr("Purpose"), tr("Signed by"), tr("Name"), tr("Given on"), tr("Withdrawn on")],
            [[label("consent_purpose", c["purpose"]) + (f" ({c['purpose_detail']})" if c["purpose_detail"] else ""),
              label("consent_signer", c["signer_role"]), c["signer_name"], format_date(c["given_on"]),
              format_date(c["withdrawn_on"])] for c in state["consents"]])
        table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.layout_.replaceWidget(self.table, table)
        self.table.deleteLater()
        self.table = table

    def _set_basis(self, _index: int) -> None:
        basis, case_id = self.basis.currentData(), self.case_id
        if basis:
            self.backend.write(ops.set_legal_basis, case_id=case_id, basis=basis,
                               on_done=lambda _c: self.reload(), on_error=lambda e: show_error(self, e))

    def _add(self) -> None:
        case_id = self.case_id
        form = RecordForm(self.backend, consent_fields())
        form.set_values({"given_on": dt.date.today()})

        def save(values: dict[str, dict[str, Any]], done: Any, failed: Any) -> None:
            given = values["consent"]
            self.backend.write(ops.add_consent, case_id=case_id, values=given, on_done=done, on_error=failed)

        dialog = RecordDialog(tr("Record a consent"), [("consent", form)], save, self)
        dialog.resize(760, 460)
        dialog.accepted.connect(self.reload)
        dialog.open()

    def _withdraw(self) -> None:
        row = self.table.currentRow()
        if 0 <= row < len(self.consent_ids):
            consent_id = self.consent_ids[row]
            self.backend.write(ops.withdraw_consent, consent_id=consent_id,
                               on_done=lambda _c: self.reload(), on_error=lambda e: show_error(self, e))
