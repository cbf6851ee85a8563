"""Cộng tác viên: the roster of social-work staff and collaborators."""

from __future__ import annotations

from typing import Any

from desktop.core.text import format_date
from desktop.ui.backend import Backend
from desktop.ui.dialogs.record_form import FieldSpec, RecordDialog, RecordForm
from desktop.ui.i18n import tr
from desktop.ui.item_models.paged import Column
from desktop.ui.operations import roster as ops
from desktop.ui.pages.list_page import ListPage


def worker_fields() -> list[FieldSpec]:
    """The inputs of a roster entry, by section."""
    person, work, quals = tr("Personal details"), tr("Work"), tr("Qualifications")
    return [
        FieldSpec("full_name", required=True, section=person),
        FieldSpec("gender", "code", "gender", section=person),
        FieldSpec("birth_date", "date", section=person),
        FieldSpec("national_id", section=person),
        FieldSpec("old_national_id", section=person),
        FieldSpec("id_issued_on", "date", section=person),
        FieldSpec("phone", section=person),
        FieldSpec("email", section=person),
        FieldSpec("address", section=person),
        FieldSpec("category", "code", "worker_category", required=True, section=work),
        FieldSpec("workplace_type", "code", "workplace_type", section=work),
        FieldSpec("position", section=work),
        FieldSpec("status", "code", "worker_status", required=True, section=work),
        FieldSpec("contract_no", section=work),
        FieldSpec("start_date", "date", section=work),
        FieldSpec("end_date", "date", section=work),
        FieldSpec("general_education", "code", "general_education", section=quals),
        FieldSpec("education_level", "code", "training_level", section=quals),
        FieldSpec("major", section=quals),
        FieldSpec("sw_qualification", "code", "training_level", section=quals),
        FieldSpec("title_grade", "code", "title_grade", section=quals),
        FieldSpec("title_code", section=quals),
        FieldSpec("practice_cert_no", section=quals),
        FieldSpec("practice_cert_expiry", "date", section=quals),
        FieldSpec("notes", "multiline", section=quals),
    ]


class RosterPage(ListPage):
    """The roster list with its add / edit dialog."""

    entities = ("worker",)

    def __init__(self, backend: Backend) -> None:
        label = backend.label
        columns = [
            Column(tr("Full name"), lambda r: r["full_name"], sort="name", key_field="sort_key"),
            Column(tr("Gender"), lambda r: label("gender", r["gender"])),
            Column(tr("Date of birth"), lambda r: format_date(r["birth_date"])),
            Column(tr("Category"), lambda r: label("worker_category", r["category"])),
            Column(tr("Position"), lambda r: r["position"] or ""),
            Column(tr("Education"), lambda r: label("training_level", r["education_level"])),
            Column(tr("Phone"), lambda r: r["phone"] or ""),
            Column(tr("Status"), lambda r: label("worker_status", r["status"])),
        ]
        super().__init__(
            backend, tr("Social-work staff and collaborators"), columns,
            list_op=ops.list_workers, count_op=ops.count_workers,
            empty_text=tr("The roster is empty. Press “Add” to enter the first staff member or collaborator."),
            search_hint=tr("Search by name, citizen ID or phone (diacritics optional)…"),
        )
        for column, width in enumerate((220, 70, 100, 230, 170, 110, 110)):
            self.table.setColumnWidth(column, width)
        from PySide6.QtWidgets import QPushButton

        from desktop.ui.widgets.indicators import IndicatorStrip

        self.indicators = IndicatorStrip()
        self.layout().insertWidget(2, self.indicators)
        self.person_button = QPushButton(tr("Personal page"))
        self.import_button = QPushButton(tr("Import Excel…"))
        self.export_button = QPushButton(tr("Export Excel…"))
        self.person_button.clicked.connect(self._open_person)
        self.import_button.clicked.connect(self._import)
        self.export_button.clicked.connect(self._export)
        bar = self.toolbar
        for button in (self.person_button, self.import_button, self.export_button):
            bar.addWidget(button)
        self.table.selectionModel().selectionChanged.connect(
            lambda *_: self.person_button.setEnabled(self.current_id() is not None))
        self.person_button.setEnabled(False)

    def activate(self) -> None:
        """Load the list the first time, and the indicators every time the page is shown."""
        super().activate()
        self._refresh_indicators()

    def _refresh_indicators(self) -> None:
        self.backend.call(ops.indicators, on_done=self.indicators.show)

    def _on_changed(self, changed: Any) -> None:
        super()._on_changed(changed)
        if self._loaded and set(getattr(changed, "ids", {})) & {"worker", "worker_allowance", "training_attendance",
                                                                "training_course"}:
            self._refresh_indicators()

    def open_current(self) -> None:
        """Enter or a double-click opens the person's page (allowances, training, history)."""
        self._open_person()

    def _open_person(self) -> None:
        from desktop.ui.dialogs.person import PersonDialog

        record_id = self.current_id()
        if record_id:
            PersonDialog(self.backend, record_id, self).open()

    def _import(self) -> None:
        from pathlib import Path

        from PySide6.QtWidgets import QFileDialog

        from desktop.ui.dialogs.list_import import EXCEL_FILTER, RosterImportDialog

        path, _ = QFileDialog.getOpenFileName(self, tr("Choose the roster workbook"), "",
                                              tr("Spreadsheets ({patterns})", patterns=EXCEL_FILTER))
        if path:
            RosterImportDialog(self.backend, Path(path), self).open()

    def _export(self) -> None:
        from pathlib import Path

        from PySide6.QtWidgets import QFileDialog, QMessageBox

        from desktop.ui.widgets.messages import confirm_personal_data, show_error

        if not confirm_personal_data(self):
            return
        path, _ = QFileDialog.getSaveFileName(self, tr("Save the roster as"), tr("roster.xlsx"),
                                              tr("Excel workbook (*.xlsx)"))
        if not path:
            return
        target = Path(path if path.lower().endswith(".xlsx") else path + ".xlsx")
        self.backend.long(
            ops.export_roster, tr("Exporting…"), self, target=target,
            on_done=lambda counts: QMessageBox.information(self, tr("Export"), tr(
                "Saved {workers} people and {attendances} training attendances to {path}",
                workers=counts["workers"], attendances=counts["attendances"], path=str(target))),
            on_error=lambda error: show_error(self, error))

    def _dialog(self, title: str) -> tuple[RecordDialog, RecordForm]:
        from desktop.ui.dialogs.card_reader import CardReaderBar

        form = RecordForm(self.backend, worker_fields())
        self.card_bar = CardReaderBar(self.backend, form, on_existing=self._open_existing, existing_kind="workers")
        self._open = RecordDialog(title, [("worker", form)], self._save, self, header=self.card_bar)
        return self._open, form

    def _open_existing(self, worker: dict[str, Any]) -> None:
        """The card's person is on the roster already: their entry opens instead of a second one."""
        self._open.reject()
        self.open_edit(worker["id"])

    def open_add(self) -> None:
        self._editing = None
        dialog, form = self._dialog(tr("Add to the roster"))
        form.set_values({"status": "DANG_LAM", "category": "CTV_CTXH", "workplace_type": "UBND_XA"})
        dialog.open()

    def open_edit(self, record_id: str) -> None:
        def show(values: dict[str, Any]) -> None:
            self._editing = record_id
            dialog, form = self._dialog(tr("Edit roster entry"))
            form.set_values(values)
            dialog.open()
        self.backend.call(ops.get_worker, worker_id=record_id, on_done=show)

    def _save(self, values: dict[str, dict[str, Any]], done: Any, failed: Any) -> None:
        worker = values["worker"]
        self.save_record(lambda ctx: ops.create_worker(ctx, values=worker),
                         lambda ctx, record_id: ops.update_worker(ctx, worker_id=record_id, values=worker),
                         done, failed)

    def delete_row(self, row: dict[str, Any]) -> None:
        self.delete_with_undo(ops.delete_worker, ops.restore_worker,
                              tr("Deleted “{name}” from the roster.", name=row["full_name"]), worker_id=row["id"])
