"""Đối tượng & hồ sơ: beneficiaries and their cases."""

from __future__ import annotations

from typing import Any

from desktop.core.text import format_date
from desktop.ui.backend import Backend
from desktop.ui.dialogs.record_form import FieldSpec, RecordDialog, RecordForm
from desktop.ui.i18n import tr
from desktop.ui.item_models.paged import Column
from desktop.ui.operations import cases as ops
from desktop.ui.pages.list_page import ListPage


def beneficiary_fields() -> list[FieldSpec]:
    """The inputs about the person."""
    section = tr("The person")
    return [
        FieldSpec("full_name", required=True, section=section),
        FieldSpec("gender", "code", "gender", section=section),
        FieldSpec("birth_date", "date", section=section),
        FieldSpec("national_id", section=section),
        FieldSpec("old_national_id", section=section),
        FieldSpec("id_issued_on", "date", section=section),
        FieldSpec("phone", section=section),
        FieldSpec("address", section=section),
        FieldSpec("guardian_name", section=section),
        FieldSpec("father_name", section=section),
        FieldSpec("mother_name", section=section),
        FieldSpec("target_groups", "codes", "target_group", section=section),
    ]


def case_fields() -> list[FieldSpec]:
    """The inputs about the case. Its step, status and closure are not among them: they move only through
    the case page's actions, which check them and keep a dated record."""
    section = tr("The case")
    return [
        FieldSpec("process_type", "code", "process_type", required=True, section=section),
        FieldSpec("opened_on", "date", required=True, section=section),
        FieldSpec("assigned_worker_id", "choice", section=section),
        FieldSpec("legal_basis", "code", "legal_basis", section=section),
        FieldSpec("summary", "multiline", section=section),
    ]


def _groups(backend: Backend, codes: str) -> str:
    items = (codes or "").split()
    if not items:
        return ""
    first = backend.label("target_group", items[0])
    return first if len(items) == 1 else f"{first} (+{len(items) - 1})"


class CasesPage(ListPage):
    """The case list; a new case is an intake of the person and the case together."""

    entities = ("case", "beneficiary")
    write_permission = "write"  # a collaborator takes in and works their own cases

    def __init__(self, backend: Backend) -> None:
        self.filters: dict[str, Any] = {}  # replaced whole, never mutated: the worker reads it
        label = backend.label
        columns = [
            Column(tr("Case no."), lambda r: r["case_no"], sort="case_no", key_field="case_no"),
            Column(tr("Full name"), lambda r: r["full_name"], sort="name", key_field="sort_key"),
            Column(tr("Date of birth"), lambda r: format_date(r["birth_date"])),
            Column(tr("Target group"), lambda r: _groups(backend, r["target_groups"])),
            Column(tr("Process"), lambda r: label("process_type", r["process_type"])),
            Column(tr("Step"), lambda r: label("case_step", r["step"])),
            Column(tr("Status"), lambda r: label("case_status", r["status"])),
            Column(tr("Opened on"), lambda r: format_date(r["opened_on"]), sort="opened_on", key_field="opened_on"),
            Column(tr("Case manager"), lambda r: r["assignee_name"] or ""),
        ]
        super().__init__(
            backend, tr("Beneficiaries and cases"), columns,
            list_op=ops.list_cases, count_op=ops.count_cases, extra=lambda: {"filters": self.filters},
            empty_text=tr("No cases yet. Press “Add” to record the intake of a person in difficulty."),
            search_hint=tr("Search by name, case no., citizen ID or phone (diacritics optional)…"),
        )
        # "2026-K7QX-00042": the case number carries the laptop's tag, so its column is wider than a date
        for column, width in enumerate((130, 200, 95, 230, 220, 150, 120, 100)):
            self.table.setColumnWidth(column, width)
        from PySide6.QtWidgets import QPushButton

        self.page_button = QPushButton(tr("Case page"))
        self.page_button.clicked.connect(self._open_page)
        self.toolbar.addWidget(self.page_button)
        self.import_button = QPushButton(tr("Import Excel…"))
        self.import_button.setToolTip(tr("Bring in a beneficiary list the commune keeps: each new person gets a case"))
        self.import_button.clicked.connect(self._import)
        self.toolbar.addWidget(self.import_button)
        self.page_button.setEnabled(False)
        self.page_button.setToolTip(tr("Select a row of the list first"))
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._page_button_state())
        from desktop.ui.pages.case_filters import CaseFilterBar

        self.filter_widget = CaseFilterBar(backend, self._filters_changed)
        self.filter_bar.addWidget(self.filter_widget)

    def _page_button_state(self) -> None:
        has = self.current_id() is not None
        self.page_button.setEnabled(has)
        self.page_button.setToolTip(tr("Open the case's page: its steps, forms, notes and timeline (Enter)") if has
                                    else tr("Select a row of the list first"))

    def open_current(self) -> None:
        """Enter or a double-click opens the case's page, where its work is done."""
        self._open_page()

    def _filters_changed(self, filters: dict[str, Any]) -> None:
        self.filters = filters
        self.model.reload()

    def has_query(self) -> bool:
        """A search or any filter."""
        return super().has_query() or bool(self.filters)

    def _import(self) -> None:
        from pathlib import Path

        from PySide6.QtWidgets import QFileDialog

        from desktop.ui.dialogs.list_import import EXCEL_FILTER, ListImportDialog

        path, _ = QFileDialog.getOpenFileName(self, tr("Choose the beneficiary list"), "",
                                              tr("Spreadsheets ({patterns})", patterns=EXCEL_FILTER))
        if path:
            ListImportDialog(self.backend, Path(path), "cases", self).open()

    def _open_page(self) -> None:
        from desktop.ui.dialogs.case_page import CasePage

        record_id = self.current_id()
        if record_id:
            CasePage(self.backend, record_id, self).open()

    def _open_dialog(self, title: str, values: dict[str, Any] | None) -> None:
        def build(loaded: tuple[list[dict[str, Any]], dict[str, Any]]) -> None:
            workers, defaults = loaded
            choices = {"assigned_worker_id": [(w["id"], w["full_name"]) for w in workers]}
            person = RecordForm(self.backend, beneficiary_fields())
            case = RecordForm(self.backend, case_fields(), choices)
            if values is None:
                case.set_values(defaults)
            else:
                person.set_values(values["beneficiary"])
                case.set_values(values)
            from desktop.ui.dialogs.card_reader import CardReaderBar

            self.card_bar = CardReaderBar(self.backend, person, on_existing=self._open_existing)
            self._dialog = RecordDialog(title, [("person", person), ("case", case)], self._save, self,
                                        header=self.card_bar)
            self._dialog.open()

        self.backend.call(ops.case_form_choices, on_done=build)

    def _open_existing(self, person: dict[str, Any]) -> None:
        """The card's person is here already: her newest case opens instead of a second person."""
        from desktop.ui.dialogs.case_page import CasePage

        self._dialog.reject()
        CasePage(self.backend, person["cases"][0]["id"], self).open()

    def open_add(self) -> None:
        self._editing = None
        self._open_dialog(tr("New case (intake)"), None)

    def open_edit(self, record_id: str) -> None:
        def show(values: dict[str, Any]) -> None:
            self._editing = record_id
            self._open_dialog(tr("Case {case_no}", case_no=values["case_no"]), values)
        self.backend.call(ops.get_case, case_id=record_id, on_done=show)

    def _save(self, values: dict[str, dict[str, Any]], done: Any, failed: Any) -> None:
        if self._editing is None:  # intake: is she here already?
            self.backend.call(ops.likely_existing, person=values["person"], on_error=failed,
                              on_done=lambda found: self._intake_or_existing(found, values, done, failed))
            return
        self._write(values, done, failed)

    def _intake_or_existing(self, found: list[dict[str, Any]], values: dict[str, dict[str, Any]], done: Any,
                            failed: Any) -> None:
        """Offer the person already here before making a second one."""
        if not found:
            self._write(values, done, failed)
            return
        from PySide6.QtWidgets import QMessageBox

        label = self.backend.label
        lines = []
        for person in found[:5]:
            why = tr("same citizen ID") if person["why"] == "national_id" else tr("same name and date of birth")
            numbers = ", ".join(f"{c['case_no']} ({label('case_status', c['status'])})" for c in person["cases"])
            lines.append(f"• {person['full_name']}, {format_date(person['birth_date'])} — {why}"
                         + (f"; {tr('cases')}: {numbers}" if numbers else ""))
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(tr("This person may already be here"))
        box.setText(tr("A person already on the list looks like the one you are taking in:") + "\n\n"
                    + "\n".join(lines))
        box.setInformativeText(tr("Open the existing case rather than making a second person?"))
        existing = next((p for p in found if p["cases"]), None)
        open_button = box.addButton(tr("Open the existing case"), QMessageBox.ButtonRole.AcceptRole)
        open_button.setEnabled(existing is not None)
        new_button = box.addButton(tr("A different person: save as new"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(tr("Back to the form"), QMessageBox.ButtonRole.RejectRole)
        self.question = box  # kept for the tests, which answer it

        def answered(_result: int) -> None:
            if box.clickedButton() is open_button and existing is not None:
                self._dialog.reject()
                from desktop.ui.dialogs.case_page import CasePage

                CasePage(self.backend, existing["cases"][0]["id"], self).open()
            elif box.clickedButton() is new_button:
                self._write(values, done, failed)
            else:
                self._dialog.resume()

        box.finished.connect(answered)
        box.open()

    def _write(self, values: dict[str, dict[str, Any]], done: Any, failed: Any) -> None:
        person, case = values["person"], values["case"]
        if self._editing is None:
            # The new case opens on its page: the work goes on there, and a filtered list that does not show
            # it cannot make it look lost.
            saved = done

            def done(result: Any) -> None:
                saved(result)
                from desktop.ui.dialogs.case_page import CasePage

                CasePage(self.backend, result[0], self).open()
        self.save_record(lambda ctx: ops.open_case(ctx, person=person, case=case),
                         lambda ctx, record_id: ops.save_case(ctx, case_id=record_id, person=person, case=case),
                         done, failed)

    def delete_row(self, row: dict[str, Any]) -> None:
        self.delete_with_undo(ops.delete_case, ops.restore_case,
                              tr("Deleted case {case_no} ({name}).", case_no=row["case_no"], name=row["full_name"]),
                              case_id=row["id"])
