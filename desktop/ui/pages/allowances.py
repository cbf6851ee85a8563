"""Trợ cấp xã hội: the commune's register of monthly allowances and care support (ND 20/2021) in a month —
who is paid, under which clause, with which coefficient and how much, what needs a look — with the month's
payment list for the district (Excel, PDF, printer), the commune's own list imported, a person added or a
decision ended, and a new standard shown with what it changes before the officer accepts it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.domain.allowance_rules import clause_reference
from desktop.core.services.allowance_import import UNNUMBERED
from desktop.core.text import format_date
from desktop.ui.backend import Backend
from desktop.ui.dialogs.record_form import FieldSpec, RecordDialog, RecordForm
from desktop.ui.i18n import tr
from desktop.ui.operations import allowances as ops
from desktop.ui.widgets.messages import error_lines, show_error


def money(value: int | None) -> str:
    """An amount of đồng as the lists write it: 1.350.000."""
    return "—" if value is None else f"{value:,}".replace(",", ".")


def _coefficient(value: float | None) -> str:
    return "—" if not value else f"{value:g}".replace(".", ",")


def flag_texts() -> dict[str, str]:
    """What each flag of a register line says to the officer."""
    return {
        "COEFFICIENT_DIFFERS": tr("The decision's coefficient is not the clause's"),
        "NO_COEFFICIENT": tr("Birth date needed to tell the coefficient"),
        "HIGHEST_ONLY": tr("Not paid: another group of hers pays more (highest only)"),
        "ENDED": tr("Ended"),
        "NOT_STARTED": tr("Not yet paid this month"),
    }


def _runs(changes: list[dict[str, Any]]) -> list[tuple[dict[str, Any], int]]:
    """The changes of the standard as runs: a decision's first month of a change and how many months it lasts
    (a new line only where the amounts themselves change, as when a child turns 4)."""
    runs: list[tuple[dict[str, Any], int]] = []
    last: dict[str, tuple[int, tuple[int, int]]] = {}
    for change in sorted(changes, key=lambda c: (c["decision_id"], c["month"])):
        key = (change["before"], change["after"])
        found = last.get(change["decision_id"])
        if found is not None and found[1] == key:
            first, months = runs[found[0]]
            runs[found[0]] = (first, months + 1)
            continue
        last[change["decision_id"]] = (len(runs), key)
        runs.append((change, 1))
    from desktop.core.text import fold

    return sorted(runs, key=lambda r: (r[0]["month"], fold(str(r[0]["full_name"] or ""))))


def _month_edit(day: dt.date) -> QDateEdit:
    edit = QDateEdit(QDate(day.year, day.month, 1))
    edit.setDisplayFormat("MM/yyyy")
    edit.setCalendarPopup(False)
    return edit


def _day_of(edit: QDateEdit) -> dt.date:
    value = edit.date()
    return dt.date(value.year(), value.month(), value.day())


class AllowancesPage(QWidget):
    """The register of a month: its totals, the new standard waiting, every decision, and the actions."""


    def __init__(self, backend: Backend) -> None:
        super().__init__()
        self.backend = backend
        title = QLabel(tr("Social allowances"))
        title.setObjectName("pageTitle")
        self.month = _month_edit(dt.date.today())
        self.month.dateChanged.connect(lambda _d: self.activate())
        top = QHBoxLayout()
        top.addWidget(title)
        top.addStretch(1)
        top.addWidget(QLabel(tr("Month")))
        top.addWidget(self.month)
        self.summary = QLabel()
        self.summary.setObjectName("note")
        self.summary.setWordWrap(True)
        self.banner = QFrame()
        self.banner.setObjectName("banner")
        banner_row = QHBoxLayout(self.banner)
        self.banner_text = QLabel()
        self.banner_text.setWordWrap(True)
        see = QPushButton(tr("See what it changes…"))
        see.clicked.connect(self._see_standard)
        banner_row.addWidget(self.banner_text, 1)
        banner_row.addWidget(see)
        self.banner.hide()
        actions = QHBoxLayout()
        for text, action in ((tr("Add a person…"), self._add_person), (tr("Another decision for her…"),
                             self._add_decision), (tr("End the decision…"), self._end),
                             (tr("Import the commune's list…"), self._import),
                             (tr("Payment list…"), self._save_payments), (tr("Print the payment list"), self._print)):
            button = QPushButton(text)
            button.clicked.connect(action)
            actions.addWidget(button)
        actions.addStretch(1)
        headers = [tr("Full name"), tr("Date of birth"), tr("Clause (ND 20/2021)"), tr("Coefficient"),
                   tr("Amount (đ)"), tr("Look at"), tr("Decision"), tr("Paid from"), tr("Last month paid")]
        self.table = QTableWidget(0, len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.message = QLabel()
        self.message.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.banner)
        layout.addLayout(actions)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        self.lines: list[Any] = []
        backend.changed.connect(self._changed_elsewhere)  # bound: dropped with the page

    def _changed_elsewhere(self, _changed: object) -> None:
        """Something was written: refresh if the page is in view."""
        if self.isVisible():
            self.activate()

    def activate(self) -> None:
        """Read the register of the chosen month on the database worker."""
        self.backend.call(ops.register, month=_day_of(self.month), on_done=self._show,
                          on_error=lambda e: self.message.setText("\n".join(error_lines(e))))

    def _show(self, register: Any) -> None:
        self.lines = register.lines
        paid = len({ln.person["id"] for ln in register.lines if ln.amount})
        self.summary.setText(tr(
            "{month}: standard {standard} đ. Monthly allowance {allowance} đ, care support {care} đ; {paid} people "
            "paid, {decisions} decisions in the register.", month=f"{register.month:%m/%Y}",
            standard=money(register.standard), allowance=money(register.allowance_total),
            care=money(register.care_total), paid=paid, decisions=len(register.lines)))
        if register.waiting_standards:
            newest = max(register.waiting_standards, key=lambda s: s.effective_from)
            self.banner_text.setText(tr(
                "A new standard has arrived: {value} đ from {day}. The register keeps paying the one you accepted "
                "until you have seen what it changes.", value=money(newest.value),
                day=format_date(newest.effective_from)))
            self.banner.show()
        else:
            self.banner.hide()
        texts = flag_texts()
        label = self.backend.label
        self.table.setRowCount(len(register.lines))
        for r, line in enumerate(register.lines):
            d = line.decision
            clause = f"{clause_reference(d['clause'], d.get('sub_clause'))} — {label('allowance_clause', d['clause'])}"
            number = "" if d["decision_no"] == UNNUMBERED else d["decision_no"]
            cells = [str(line.person.get("full_name") or ""), format_date(line.person.get("birth_date")), clause,
                     _coefficient(line.coefficient), money(line.amount) if line.amount else "—",
                     "; ".join(texts.get(f, f) for f in line.flags),
                     f"{number} ({format_date(d['decision_date'])})" if number else format_date(d["decision_date"]),
                     f"{d['start_month']:%m/%Y}", f"{d['end_month']:%m/%Y}" if d.get("end_month") else ""]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if c in (3, 4):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(r, c, item)
        self.table.resizeColumnsToContents()
        for column, most in ((0, 190), (2, 300), (5, 230), (6, 180)):
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), most))

    def _chosen(self) -> Any | None:
        row = self.table.currentRow()
        if not 0 <= row < len(self.lines):
            self.message.setText(tr("Choose a line of the register first."))
            return None
        return self.lines[row]

    # --- adding and ending --------------------------------------------------------------------------------

    def _decision_fields(self) -> list[FieldSpec]:
        section = tr("Decision")
        return [FieldSpec("clause", "code", "allowance_clause", True, section),
                FieldSpec("sub_clause", section=section), FieldSpec("decision_no", required=True, section=section),
                FieldSpec("decision_date", "date", required=True, section=section),
                FieldSpec("start_month", "date", required=True, section=section,
                          help=tr("The first month paid (the month the chair signed, usually)")),
                FieldSpec("coefficient", section=section, help=tr("Only if the decision writes another than the "
                                                                   "clause's")),
                FieldSpec("children", section=section, help=tr(
                    "Single parent in a poor household (Art. 5 cl. 4): the number of children she raises")),
                FieldSpec("payee_name", section=section, help=tr("Care support: who receives it"))]

    def _add_person(self) -> None:
        person_section = tr("Person")
        person = RecordForm(self.backend, [FieldSpec("full_name", required=True, section=person_section),
                                           FieldSpec("birth_date", "date", section=person_section),
                                           FieldSpec("gender", "code", "gender", section=person_section),
                                           FieldSpec("national_id", section=person_section),
                                           FieldSpec("old_national_id", section=person_section),
                                           FieldSpec("address", section=person_section)])
        decision = RecordForm(self.backend, self._decision_fields())
        decision.set_values({"decision_date": dt.date.today(), "start_month": _day_of(self.month)})

        def save(values: dict[str, dict[str, Any]], done: Any, failed: Any) -> None:
            self.backend.write(ops.add_recipient, person=values["person"], decision=values["decision"],
                               on_done=done, on_error=failed)

        from desktop.ui.dialogs.card_reader import CardReaderBar

        self.card_bar = CardReaderBar(self.backend, person)
        RecordDialog(tr("Add a person to the allowance list"), [("person", person), ("decision", decision)], save,
                     self, header=self.card_bar).open()

    def _add_decision(self) -> None:
        line = self._chosen()
        if line is None:
            return
        form = RecordForm(self.backend, self._decision_fields())
        form.set_values({"decision_date": dt.date.today(), "start_month": _day_of(self.month)})

        def save(values: dict[str, dict[str, Any]], done: Any, failed: Any) -> None:
            self.backend.write(ops.add_decision, values={**values["decision"],
                                                         "beneficiary_id": line.person["id"]},
                               on_done=done, on_error=failed)

        RecordDialog(tr("Another decision for {name}", name=line.person.get("full_name")), [("decision", form)],
                     save, self).open()

    def _end(self) -> None:
        line = self._chosen()
        if line is None:
            return
        dialog = QDialog(self)
        dialog.setWindowTitle(tr("End the decision"))
        form = QFormLayout(dialog)
        last = _month_edit(_day_of(self.month))
        reason = QComboBox()
        for code, text in self.backend.codes.items("allowance_end_reason", self.backend.language) \
                if self.backend.codes else []:
            reason.addItem(text, code)
        form.addRow(QLabel(tr("{name}: {clause}", name=line.person.get("full_name"),
                              clause=self.backend.label("allowance_clause", line.decision["clause"]))))
        form.addRow(tr("Last month paid"), last)
        form.addRow(tr("Why it ended"), reason)
        problem = QLabel()
        problem.setObjectName("fieldError")
        form.addRow(problem)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(tr("Save"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("Cancel"))
        buttons.rejected.connect(dialog.reject)

        def save() -> None:
            self.backend.write(ops.end_decision, decision_id=line.decision["id"], last_month=_day_of(last),
                               reason=reason.currentData(), on_done=lambda _c: dialog.accept(),
                               on_error=lambda e: problem.setText("\n".join(error_lines(e))))

        buttons.accepted.connect(save)
        form.addRow(buttons)
        dialog.open()

    def _import(self) -> None:
        from desktop.ui.dialogs.list_import import ListImportDialog

        path, _ = QFileDialog.getOpenFileName(self, tr("The commune's allowance list"), str(Path.home()),
                                              tr("Spreadsheets (*.xlsx *.xls *.xlsb *.ods)"))
        if path:
            ListImportDialog(self.backend, Path(path), "allowances", self).open()

    # --- the month's lists ----------------------------------------------------------------------------------

    def _save_payments(self) -> None:
        from desktop.ui.widgets.messages import confirm_personal_data

        month = _day_of(self.month)
        if not confirm_personal_data(self):
            return
        path, chosen = QFileDialog.getSaveFileName(
            self, tr("Save the month's payment list"), str(Path.home() / f"chi-tra-{month:%Y-%m}.xlsx"),
            tr("Excel workbook (*.xlsx);;PDF (*.pdf)"))
        if not path:
            return
        target = Path(path)
        if target.suffix.lower() not in (".xlsx", ".pdf"):
            target = target.with_suffix(".pdf" if "pdf" in chosen.lower() else ".xlsx")
        self.backend.long(ops.save_payments, tr("Writing the payment list…"), self, month=month, path=target,
                          on_done=lambda r: self.message.setText(tr(
                              "Saved to {path}: allowance {allowance} đ, care support {care} đ; {up} increases, "
                              "{down} decreases, {adjusted} adjusted.", path=str(target),
                              allowance=money(r["allowance_total"]), care=money(r["care_total"]), up=r["increases"],
                              down=r["decreases"], adjusted=r["adjusted"])),
                          on_error=lambda e: show_error(self, e))

    def _print(self) -> None:
        from desktop.ui.printing import print_html

        self.backend.call(ops.payments_html, month=_day_of(self.month), on_done=lambda html: print_html(html, self),
                          on_error=lambda e: show_error(self, e))

    # --- a new standard ----------------------------------------------------------------------------------------

    def _see_standard(self) -> None:
        self.backend.call(ops.standard_changes, on_done=self._show_changes, on_error=lambda e: show_error(self, e))

    def _show_changes(self, changes: list[dict[str, Any]]) -> None:
        dialog = QDialog(self)
        dialog.setWindowTitle(tr("What the new standard changes"))
        dialog.resize(900, 560)
        layout = QVBoxLayout(dialog)
        people = len({c["person_id"] for c in changes})
        runs = _runs(changes)
        layout.addWidget(QLabel(tr("{people} people are paid differently (the next twelve months). Nothing changes "
                                   "until you accept.", people=people)))
        table = QTableWidget(len(runs), 7)
        table.setHorizontalHeaderLabels([tr("From month"), tr("Months"), tr("Full name"), tr("Clause (ND 20/2021)"),
                                         tr("Coefficient"), tr("Amount now"), tr("Amount after")])
        table.verticalHeader().hide()
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for r, (change, months) in enumerate(runs):
            cells = [change["month"][5:] + "/" + change["month"][:4], str(months), str(change["full_name"] or ""),
                     clause_reference(change["clause"]), _coefficient(change["coefficient"]), money(change["before"]),
                     money(change["after"])]
            for c, text in enumerate(cells):
                table.setItem(r, c, QTableWidgetItem(text))
        table.resizeColumnsToContents()
        layout.addWidget(table, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("Accept the new standard"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("Not now"))
        buttons.rejected.connect(dialog.reject)

        def accept() -> None:
            def done(count: int) -> None:
                dialog.accept()
                self.message.setText(tr("{n} new standard(s) accepted.", n=count))
                self.activate()

            self.backend.call(ops.accept_standards, on_done=done, on_error=lambda e: show_error(dialog, e))

        buttons.accepted.connect(accept)
        layout.addWidget(buttons)
        dialog.open()
