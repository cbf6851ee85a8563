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
        FieldSpec("phone", section=section),
        FieldSpec("guardian_name", section=section),
        FieldSpec("address", section=section),
        FieldSpec("target_groups", "codes", "target_group", section=section),
    ]


def case_fields() -> list[FieldSpec]:
    """The inputs about the case."""
    section = tr("The case")
    return [
        FieldSpec("process_type", "code", "process_type", required=True, section=section),
        FieldSpec("step", "code", "case_step", required=True, section=section),
        FieldSpec("status", "code", "case_status", required=True, section=section),
        FieldSpec("opened_on", "date", required=True, section=section),
        FieldSpec("assigned_worker_id", "choice", section=section),
        FieldSpec("closed_on", "date", section=section),
        FieldSpec("closure_reason", "code", "closure_reason", section=section),
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
        self.table.selectionModel().selectionChanged.connect(
            lambda *_: self.page_button.setEnabled(self.current_id() is not None))
        from desktop.ui.pages.case_filters import CaseFilterBar

        self.filter_widget = CaseFilterBar(backend, self._filters_changed)
        self.filter_bar.addWidget(self.filter_widget)

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
            RecordDialog(title, [("person", person), ("case", case)], self._save, self).open()

        self.backend.call(ops.case_form_choices, on_done=build)

    def open_add(self) -> None:
        self._editing = None
        self._open_dialog(tr("New case (intake)"), None)

    def open_edit(self, record_id: str) -> None:
        def show(values: dict[str, Any]) -> None:
            self._editing = record_id
            self._open_dialog(tr("Case {case_no}", case_no=values["case_no"]), values)
        self.backend.call(ops.get_case, case_id=record_id, on_done=show)

    def _save(self, values: dict[str, dict[str, Any]], done: Any, failed: Any) -> None:
        person, case = values["person"], values["case"]
        self.save_record(lambda ctx: ops.open_case(ctx, person=person, case=case),
                         lambda ctx, record_id: ops.save_case(ctx, case_id=record_id, person=person, case=case),
                         done, failed)

    def delete_row(self, row: dict[str, Any]) -> None:
        self.delete_with_undo(ops.delete_case, ops.restore_case,
                              tr("Deleted case {case_no} ({name}).", case_no=row["case_no"], name=row["full_name"]),
                              case_id=row["id"])
