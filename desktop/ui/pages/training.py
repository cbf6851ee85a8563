"""Tập huấn: training courses held for the roster."""

from __future__ import annotations

from typing import Any

from desktop.core.text import format_date
from desktop.ui.backend import Backend
from desktop.ui.dialogs.record_form import FieldSpec, RecordDialog, RecordForm
from desktop.ui.i18n import tr
from desktop.ui.item_models.paged import Column
from desktop.ui.operations import training as ops
from desktop.ui.pages.list_page import ListPage


def course_fields() -> list[FieldSpec]:
    """The inputs of a course."""
    return [
        FieldSpec("title", required=True), FieldSpec("kind", "code", "course_kind", required=True),
        FieldSpec("level", "code", "training_level"), FieldSpec("organiser"),
        FieldSpec("start_date", "date", required=True), FieldSpec("end_date", "date"),
        FieldSpec("hours"), FieldSpec("location"), FieldSpec("notes", "multiline"),
    ]


class TrainingPage(ListPage):
    """Courses, newest first, with how many roster members attended."""

    entities = ("training_course", "training_attendance")

    def __init__(self, backend: Backend) -> None:
        label = backend.label
        columns = [
            Column(tr("Course"), lambda r: r["title"]),
            Column(tr("Kind"), lambda r: label("course_kind", r["kind"])),
            Column(tr("Level"), lambda r: label("training_level", r["level"])),
            Column(tr("Organiser"), lambda r: r["organiser"] or ""),
            Column(tr("From"), lambda r: format_date(r["start_date"]), sort="start_date", key_field="start_date"),
            Column(tr("To"), lambda r: format_date(r["end_date"])),
            Column(tr("Hours"), lambda r: str(r["hours"] or ""), align_right=True),
            Column(tr("Attendees"), lambda r: str(r["attendees"]), align_right=True),
        ]
        super().__init__(
            backend, tr("Training"), columns,
            list_op=ops.list_courses, count_op=ops.count_courses,
            empty_text=tr("No training courses recorded yet. Press “Add” to record a course."),
            search_hint=tr("Search courses…"), default_sort=("start_date", True),
        )
        for column, width in enumerate((320, 120, 200, 180, 90, 90, 60)):
            self.table.setColumnWidth(column, width)
        from PySide6.QtWidgets import QLabel, QPushButton

        self.totals = QLabel()
        self.totals.setObjectName("note")
        self.layout().insertWidget(2, self.totals)
        self.attendees_button = QPushButton(tr("Attendees…"))
        self.attendees_button.clicked.connect(self._attendees)
        self.toolbar.addWidget(self.attendees_button)
        self.import_button = QPushButton(tr("Import class list…"))
        self.import_button.setToolTip(tr("A course's list of attendees: each one found on the roster is recorded"))
        self.import_button.clicked.connect(self._import)
        self.toolbar.addWidget(self.import_button)
        self.attendees_button.setEnabled(False)
        self.table.selectionModel().selectionChanged.connect(
            lambda *_: self.attendees_button.setEnabled(self.current_id() is not None))

    def activate(self) -> None:
        """Load the list the first time; the totals every time."""
        super().activate()
        self._refresh_totals()

    def _refresh_totals(self) -> None:
        self.backend.call(ops.totals, on_done=lambda t: self.totals.setText(tr(
            "{courses} courses held, {attendances} person-attendances, {people} different people trained.",
            courses=t["courses"], attendances=t["attendances"], people=t["people"])))

    def _on_changed(self, changed: Any) -> None:
        super()._on_changed(changed)
        if self._loaded and set(getattr(changed, "ids", {})) & set(self.entities):
            self._refresh_totals()

    def _import(self) -> None:
        from pathlib import Path

        from PySide6.QtWidgets import QFileDialog

        from desktop.ui.dialogs.list_import import EXCEL_FILTER, ListImportDialog

        path, _ = QFileDialog.getOpenFileName(self, tr("Choose the class list"), "",
                                              tr("Spreadsheets ({patterns})", patterns=EXCEL_FILTER))
        if path:
            ListImportDialog(self.backend, Path(path), "training", self).open()

    def _attendees(self) -> None:
        from desktop.ui.dialogs.attendance import AttendanceDialog

        row = self.current_row()
        if row:
            AttendanceDialog(self.backend, row["id"], row["title"], self).open()

    def open_add(self) -> None:
        self._editing = None
        form = RecordForm(self.backend, course_fields())
        form.set_values({"kind": "TAP_HUAN"})
        RecordDialog(tr("Add a training course"), [("course", form)], self._save, self).open()

    def open_edit(self, record_id: str) -> None:
        row = next((self.model.row_data(i) for i in range(self.model.rowCount())
                    if self.model.row_id(i) == record_id), None)
        if row is None:
            return
        self._editing = record_id
        form = RecordForm(self.backend, course_fields())
        form.set_values({**row, "hours": str(row["hours"] or "")})
        RecordDialog(tr("Edit training course"), [("course", form)], self._save, self).open()

    def _save(self, values: dict[str, dict[str, Any]], done: Any, failed: Any) -> None:
        course = values["course"]
        self.save_record(lambda ctx: ops.create_course(ctx, values=course),
                         lambda ctx, record_id: ops.update_course(ctx, course_id=record_id, values=course),
                         done, failed)

    def delete_row(self, row: dict[str, Any]) -> None:
        self.delete_with_undo(ops.delete_course, ops.restore_course,
                              tr("Deleted course “{title}”.", title=row["title"]), course_id=row["id"])
