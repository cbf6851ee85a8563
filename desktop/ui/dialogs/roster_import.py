"""The Excel import wizard: read and check on the worker, preview, correct the mapping, import."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.messages import field_label
from desktop.core.text import format_date
from desktop.ui.backend import Backend
from desktop.ui.i18n import tr
from desktop.ui.operations import roster as ops
from desktop.ui.widgets.messages import error_lines

IMPORTABLE = ["full_name", "birth_date", "gender", "national_id", "phone", "email", "address", "category",
              "workplace_type", "position", "education_level", "major", "sw_qualification", "title_grade",
              "title_code", "practice_cert_no", "practice_cert_expiry", "contract_no", "start_date", "end_date",
              "status", "notes"]
PREVIEW_ROWS = 300


class RosterImportDialog(QDialog):
    """One dialog, three states: reading → preview (mapping, duplicates) → result."""

    def __init__(self, backend: Backend, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.backend = backend
        self.path = path
        self.plan: Any = None
        self.setWindowTitle(tr("Import the roster from Excel"))
        self.resize(1000, 680)
        self.summary = QLabel(tr("Reading {file}…", file=path.name))
        self.summary.setWordWrap(True)
        self.mapping = QTableWidget(0, 2)
        self.mapping.setHorizontalHeaderLabels([tr("Column in the file"), tr("Goes into")])
        self.mapping.horizontalHeader().setStretchLastSection(True)
        self.mapping.verticalHeader().hide()
        self.remap = QPushButton(tr("Apply this mapping"))
        self.remap.clicked.connect(self._remap)
        self.preview = QTableWidget(0, 5)
        self.preview.setHorizontalHeaderLabels([tr("Row"), tr("Full name"), tr("Date of birth"), tr("Citizen ID"),
                                                tr("Result")])
        self.preview.horizontalHeader().setStretchLastSection(True)
        self.preview.verticalHeader().hide()
        self.preview.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.skip = QRadioButton(tr("Skip people already on the roster"))
        self.merge = QRadioButton(tr("Merge them: fill in and update their details"))
        self.skip.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.skip)
        group.addButton(self.merge)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("Import"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("Cancel"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
        self.buttons.accepted.connect(self._import)
        self.buttons.rejected.connect(self.reject)
        left = QVBoxLayout()
        left.addWidget(self.mapping, 1)
        left.addWidget(self.remap)
        body = QHBoxLayout()
        body.addLayout(left, 2)
        body.addWidget(self.preview, 3)
        duplicates = QHBoxLayout()
        duplicates.addWidget(QLabel(tr("People already on the roster (same citizen ID, or same name and birth date):")))
        duplicates.addWidget(self.skip)
        duplicates.addWidget(self.merge)
        duplicates.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addLayout(body, 1)
        layout.addLayout(duplicates)
        layout.addWidget(self.buttons)
        self._plan(None)

    def _plan(self, mapping: dict[str, int] | None) -> None:
        self.backend.long(ops.plan_roster_import, tr("Reading {file}…", file=self.path.name), self,
                          path=self.path, mapping=mapping, on_done=self._show_plan, on_error=self._failed)

    def _failed(self, error: BaseException) -> None:
        self.summary.setText("\n".join(error_lines(error)))
        self.summary.setObjectName("formSummary")
        self.summary.setStyleSheet("color: #b00020; font-weight: 600;")

    def _show_plan(self, plan: Any) -> None:
        self.plan = plan
        rows = plan.rows
        self.summary.setText(tr(
            "Sheet “{sheet}”, header on row {row}. {total} rows: {ok} ready, {dup} already on the roster, "
            "{bad} with problems (they will not be imported; a marked copy of the file will list why).",
            sheet=plan.sheet, row=plan.header.header_row, total=plan.total, ok=plan.ready,
            dup=len(plan.duplicates), bad=len(plan.refused)))
        headers = plan.header.all_headers or plan.header.headers
        chosen = {col: name for name, col in plan.header.columns.items()}
        self.mapping.setRowCount(len(headers))
        for r, (col, text) in enumerate(sorted(headers.items())):
            item = QTableWidgetItem(text)
            item.setData(256, col)
            self.mapping.setItem(r, 0, item)
            combo = QComboBox()
            combo.addItem(tr("(do not import)"), None)
            for name in IMPORTABLE:
                combo.addItem(field_label(name), name)
            combo.setCurrentIndex(max(combo.findData(chosen.get(col)), 0))
            self.mapping.setCellWidget(r, 1, combo)
        self.mapping.resizeColumnToContents(0)
        shown = rows[:PREVIEW_ROWS]
        self.preview.setRowCount(len(shown))
        for r, row in enumerate(shown):
            values = row.values
            if row.problems:
                result = "; ".join(p.reason for p in row.problems)
            elif row.duplicate_of:
                result = tr("Already on the roster: {name} ({why})", name=plan.duplicates[row.row][1],
                            why=row.duplicate_why)
            else:
                result = tr("Ready")
            birth = values.get("birth_date")
            for c, text in enumerate([str(row.row), str(values.get("full_name") or ""),
                                      format_date(birth) if hasattr(birth, "year") else str(birth or ""),
                                      str(values.get("national_id") or ""), result]):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.preview.setItem(r, c, item)
        self.preview.resizeColumnsToContents()
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(True)

    def _remap(self) -> None:
        mapping: dict[str, int] = {}
        for r in range(self.mapping.rowCount()):
            name = self.mapping.cellWidget(r, 1).currentData()
            if name:
                mapping[name] = self.mapping.item(r, 0).data(256)
        self._plan(mapping)

    def _import(self) -> None:
        action = "merge" if self.merge.isChecked() else "skip"
        self.buttons.setEnabled(False)

        def done(report: Any) -> None:
            self.backend.changed.emit(report.changed)
            text = tr("Imported {imported}, merged {merged}, skipped {skipped}; {rejected} rows with problems.",
                      imported=report.imported, merged=report.merged, skipped=report.skipped,
                      rejected=len({p.row for p in report.rejected}))
            if report.annotated:
                text += "\n" + tr("The rows with problems are marked in a copy of your file: {path}",
                                  path=report.annotated)
            self.summary.setText(text)
            self.buttons.clear()
            close = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
            close.setText(tr("Close"))
            self.buttons.rejected.connect(self.accept)
            self.buttons.setEnabled(True)
            self.report = report

        self.backend.long(ops.apply_roster_plan, tr("Importing…"), self, plan=self.plan, on_duplicate=action,
                          on_done=done, on_error=self._failed)

