"""The import wizard for every list a commune keeps (the roster, beneficiary lists, training class lists): read and
check on the worker, preview, correct the columns, map the values the app could not place, import."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.core.messages import field_label
from desktop.core.text import fold, format_date
from desktop.ui.backend import Backend
from desktop.ui.i18n import tr
from desktop.ui.operations import lists as ops
from desktop.ui.widgets.code_choice import answer_of, code_choice
from desktop.ui.widgets.messages import error_lines

FIELDS = {
    "roster": ["full_name", "birth_date", "gender", "national_id", "phone", "email", "address", "category",
               "workplace_type", "position", "education_level", "general_education", "major", "sw_qualification",
               "title_grade", "title_code", "practice_cert_no", "practice_cert_expiry", "contract_no", "start_date",
               "end_date", "status", "notes"],
    "cases": ["full_name", "birth_date", "gender", "national_id", "phone", "address", "guardian_name",
              "target_groups", "process_type", "opened_on", "summary", "notes"],
    "training": ["full_name", "birth_date", "gender", "national_id", "workplace", "certificate_no", "completed",
                 "notes"],
    "allowances": ["full_name", "birth_date", "gender", "national_id", "address", "guardian_name", "clause",
                   "sub_clause", "coefficient", "monthly_amount", "children", "decision_no", "decision_date",
                   "start_month", "payee_name", "notes"],
}
COURSE_KINDS = ("TAP_HUAN", "BOI_DUONG", "DAO_TAO")


def _titles() -> dict[str, str]:
    return {"roster": tr("Import the roster from Excel"), "cases": tr("Import a beneficiary list from Excel"),
            "training": tr("Import a training class list from Excel"),
            "allowances": tr("Import the commune's allowance list from Excel")}


def _qdate(day: dt.date | None) -> QDate:
    return QDate(day.year, day.month, day.day) if day else QDate.currentDate()


class ListImportDialog(QDialog):
    """One dialog, three states: reading → preview (columns, values to map, duplicates) → result."""

    def __init__(self, backend: Backend, path: Path, kind: str = "roster", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.backend = backend
        self.path = path
        self.kind = kind
        self.plan: Any = None
        self.choices: dict[tuple[str, str], str | None] = {}
        self.written: dict[str, str] = {}
        self.setWindowTitle(_titles()[kind])
        self.resize(1120, 680)
        self.summary = QLabel(tr("Reading {file}…", file=path.name))
        self.summary.setWordWrap(True)
        self.tabs = QTabWidget()
        self.preview = self._table([tr("Row"), tr("Full name"), tr("Date of birth"), tr("Citizen ID"), tr("Result")])
        self.values = self._table([tr("Column"), tr("Written in the file"), tr("Rows"), tr("Could be"),
                                   tr("Place it in")])
        self.mapping = self._table([tr("Column in the file"), tr("Goes into")])
        self.conversions = self._table([tr("Row"), tr("Column"), tr("As typed (old encoding)"), tr("Reads as")])
        self.tabs.addTab(self.preview, tr("Preview"))
        self.tabs.addTab(self._with_button(self.values, tr("Apply these choices and check again"),
                                           self._apply_choices), tr("Values to map"))
        self.tabs.addTab(self._with_button(self.mapping, tr("Apply this mapping"), self._remap), tr("Columns"))
        self.tabs.addTab(self.conversions, tr("Converted text"))
        self.course = self._course_box() if kind == "training" else None
        self.skip = QRadioButton(tr("Skip people already here"))
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
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        if self.course is not None:
            layout.addWidget(self.course)
        layout.addWidget(self.tabs, 1)
        if kind not in ("training", "allowances"):  # (an allowance list's known people get the decision)
            duplicates = QHBoxLayout()
            duplicates.addWidget(QLabel(tr("People already here (same citizen ID, or same name and birth date):")))
            duplicates.addWidget(self.skip)
            duplicates.addWidget(self.merge)
            duplicates.addStretch(1)
            layout.addLayout(duplicates)
        layout.addWidget(self.buttons)
        self._plan(None)

    # --- building ---------------------------------------------------------------------------------------

    def _table(self, headers: list[str]) -> QTableWidget:
        table = QTableWidget(0, len(headers))
        table.setHorizontalHeaderLabels(headers)
        table.horizontalHeader().setStretchLastSection(True)
        table.verticalHeader().hide()
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        return table

    def _with_button(self, table: QTableWidget, text: str, action: Any) -> QWidget:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(table, 1)
        button = QPushButton(text)
        button.clicked.connect(action)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(button)
        column.addLayout(row)
        return box

    def _course_box(self) -> QGroupBox:
        box = QGroupBox(tr("The course"))
        form = QFormLayout(box)
        self.course_title = QLineEdit()
        self.course_kind = QComboBox()
        for code in COURSE_KINDS:
            self.course_kind.addItem(self.backend.label("course_kind", code), code)
        self.course_start = QDateEdit()
        self.course_end = QDateEdit()
        for edit in (self.course_start, self.course_end):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd/MM/yyyy")
        dates = QHBoxLayout()
        dates.addWidget(self.course_start)
        dates.addWidget(QLabel(tr("to")))
        dates.addWidget(self.course_end)
        dates.addStretch(1)
        form.addRow(tr("Title"), self.course_title)
        form.addRow(tr("Kind"), self.course_kind)
        form.addRow(tr("Dates"), dates)
        return box

    # --- reading ----------------------------------------------------------------------------------------

    def _plan(self, mapping: dict[str, int] | None) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
        self.backend.long(ops.plan_list_import, tr("Reading {file}…", file=self.path.name), self, kind=self.kind,
                          path=self.path, mapping=mapping, choices=dict(self.choices), on_done=self._show_plan,
                          on_error=self._failed)

    def _failed(self, error: BaseException) -> None:
        self.summary.setText("\n".join(error_lines(error)))
        self.summary.setObjectName("formSummary")
        self.summary.setStyleSheet("color: #b00020; font-weight: 600;")

    def _show_plan(self, plan: Any) -> None:
        self.plan = plan
        self.summary.setStyleSheet("")
        lines = [tr("Sheet “{sheet}”, header on row {row}.", sheet=plan.sheet, row=plan.header.header_row)]
        if plan.footer_row:
            lines[0] += " " + tr("The table ends at row {row} (signature block); nothing below it is read.",
                                 row=plan.footer_row)
        if self.kind == "training":
            lines.append(tr("{total} attendees: {found} on the roster will be recorded, {missing} not on the roster.",
                            total=plan.total, found=len(plan.duplicates), missing=plan.ready))
        else:
            lines.append(tr("{total} rows: {ok} new, {dup} already here.", total=plan.total, ok=plan.ready,
                            dup=len(plan.duplicates)))
        if plan.refused:
            lines[-1] += " " + tr("{bad} rows with problems will not be imported; a marked copy of the file will "
                                  "list why.", bad=len(plan.refused))
        if plan.after_footer:
            lines.append(tr("⚠ {n} rows below the signature block look like people's (from row {row}): they are "
                            "not read. If they belong to the list, move the signature block below them.",
                            n=len(plan.after_footer), row=plan.after_footer[0]))
        if plan.unplaced:
            lines.append(tr("{n} values could not be placed in a code list: those people go in with the text as "
                            "written; choose a code for each under “Values to map”.", n=len(plan.unplaced)))
        if plan.converted:
            lines.append(tr("{n} cells typed in TCVN3 or VNI were converted.", n=plan.converted))
        text = "\n".join(lines)
        self.summary.setText(text)
        self._fill_preview(plan)
        self._fill_values(plan)
        self._fill_columns(plan)
        self._fill_conversions(plan)
        self.tabs.setTabText(1, tr("Values to map ({n})", n=len(plan.unplaced)))
        self.tabs.setTabText(3, tr("Converted text ({n})", n=plan.converted))
        if self.course is not None:
            self.backend.call(ops.course_of_plan, plan=plan, on_done=self._fill_course)
        if plan.unplaced:
            self.tabs.setCurrentIndex(1)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(True)
        if getattr(self, "_import_after_check", False):
            self._import_after_check = False
            self._import()

    def _fill_course(self, course: Any) -> None:
        if course.title and not self.course_title.text():
            self.course_title.setText(course.title)
        if course.kind:
            self.course_kind.setCurrentIndex(max(self.course_kind.findData(course.kind), 0))
        self.course_start.setDate(_qdate(course.start_date))
        self.course_end.setDate(_qdate(course.end_date or course.start_date))

    def _fill_preview(self, plan: Any) -> None:
        rows = plan.rows
        self.preview.setRowCount(len(rows))
        for r, row in enumerate(rows):
            values = row.values
            if row.problems:
                result = "; ".join(p.reason for p in row.problems)
            elif row.duplicate_of:
                name = plan.duplicates[row.row][1]
                result = (tr("On the roster: {name} ({why})", name=name, why=row.duplicate_why)
                          if self.kind == "training" else
                          tr("Already here: {name} ({why}); the decision goes on her record", name=name,
                             why=row.duplicate_why) if self.kind == "allowances" else
                          tr("Already here: {name} ({why})", name=name, why=row.duplicate_why))
            elif row.as_written:
                result = tr("Ready; to map: {values}", values="; ".join(
                    f"{field_label(k)} «{v}»" for k, v in row.as_written.items()))
            else:
                result = tr("Ready") if self.kind != "training" else tr("Not on the roster: not recorded")
            birth = values.get("birth_date")
            for c, text in enumerate([str(row.row), str(values.get("full_name") or ""),
                                      format_date(birth) if hasattr(birth, "year") else str(birth or ""),
                                      str(values.get("national_id") or ""), result]):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.preview.setItem(r, c, item)
        self.preview.resizeColumnsToContents()

    def _fill_values(self, plan: Any) -> None:
        """The values to map first, then those placed by similarity (not word for word), for a look: each
        can be answered or changed, and the answer is remembered."""
        asked = sorted(plan.unplaced.values(), key=lambda u: (u.field, -u.rows, u.written))
        near = sorted(plan.near.values(), key=lambda u: (u.field, -u.rows, u.written))
        self.values.setRowCount(len(asked) + len(near))
        for r, (entry, placed) in enumerate([*((e, False) for e in asked), *((e, True) for e in near)]):
            labels = " / ".join(self.backend.label(entry.list_name, code) for code in entry.candidates[:3])
            could_be = tr("Placed: {codes} ({score}% alike)", codes=labels, score=round(entry.score)) if placed \
                else labels
            for c, text in enumerate([field_label(entry.field), entry.written, str(entry.rows), could_be]):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.values.setItem(r, c, item)
            self.values.item(r, 0).setData(256, (entry.list_name, fold(entry.written)))
            self.values.item(r, 1).setData(256, entry.written)
            combo = code_choice(self.backend, entry.list_name, entry.candidates, labels if placed else None)
            self.values.setCellWidget(r, 4, combo)
        self.values.resizeColumnsToContents()
        self.values.setColumnWidth(3, min(self.values.columnWidth(3), 420))
        self.values.setColumnWidth(4, 340)

    def _fill_columns(self, plan: Any) -> None:
        headers = plan.header.all_headers or plan.header.headers
        chosen = {col: name for name, col in plan.header.columns.items()}
        self.mapping.setRowCount(len(headers))
        for r, (col, text) in enumerate(sorted(headers.items())):
            item = QTableWidgetItem(text)
            item.setData(256, col)
            self.mapping.setItem(r, 0, item)
            combo = QComboBox()
            combo.addItem(tr("(do not import)"), None)
            for name in FIELDS[self.kind]:
                combo.addItem(field_label(name), name)
            combo.setCurrentIndex(max(combo.findData(chosen.get(col)), 0))
            self.mapping.setCellWidget(r, 1, combo)
        self.mapping.resizeColumnToContents(0)

    def _fill_conversions(self, plan: Any) -> None:
        self.conversions.setRowCount(len(plan.conversions))
        for r, (row, column, conversion) in enumerate(plan.conversions):
            encoding = "TCVN3" if conversion.encoding == "tcvn3" else "VNI"
            for c, text in enumerate([str(row), column, f"{conversion.before}  ({encoding})", conversion.after]):
                self.conversions.setItem(r, c, QTableWidgetItem(text))
        self.conversions.resizeColumnsToContents()

    # --- the officer's corrections ----------------------------------------------------------------------

    def _remap(self) -> None:
        mapping: dict[str, int] = {}
        for r in range(self.mapping.rowCount()):
            name = self.mapping.cellWidget(r, 1).currentData()
            if name:
                mapping[name] = self.mapping.item(r, 0).data(256)
        self._plan(mapping)

    def _collect_choices(self) -> None:
        for r in range(self.values.rowCount()):
            key = tuple(self.values.item(r, 0).data(256))
            answered, code = answer_of(self.values.cellWidget(r, 4))
            if not answered:
                continue
            self.choices[key] = code
            self.written[key[1]] = self.values.item(r, 1).data(256)

    def _apply_choices(self) -> None:
        self._collect_choices()
        self._plan(self.plan.mapping if self.plan is not None else None)

    def _current_mapping(self) -> dict[str, int] | None:
        return self.plan.mapping if self.plan is not None else None

    # --- importing --------------------------------------------------------------------------------------

    def _import(self) -> None:
        self._collect_choices()
        if any(key not in self.plan.choices for key in self.choices):
            # Answers given since the last check: check again with them, then import (one click).
            self._import_after_check = True
            self._plan(self._current_mapping())
            return
        action = "merge" if self.merge.isChecked() else "skip"
        self.buttons.setEnabled(False)
        course = None
        if self.course is not None:
            from desktop.core.services.training_import import CourseDetails

            start, end = self.course_start.date(), self.course_end.date()
            course = CourseDetails(title=self.course_title.text().strip() or None,
                                   kind=self.course_kind.currentData(),
                                   start_date=dt.date(start.year(), start.month(), start.day()),
                                   end_date=dt.date(end.year(), end.month(), end.day()))

        def done(result: Any) -> None:
            report = getattr(result, "report", result)
            self.backend.changed.emit(report.changed)
            if self.kind == "training":
                text = tr("Recorded {n} attendees in “{course}”; {missing} not on the roster; {bad} rows with "
                          "problems.", n=report.imported, course=result.course.title,
                          missing=len(result.not_on_roster), bad=len({p.row for p in report.rejected}))
            else:
                text = tr("Imported {imported}, merged {merged}, skipped {skipped}; {rejected} rows with problems.",
                          imported=report.imported, merged=report.merged, skipped=report.skipped,
                          rejected=len({p.row for p in report.rejected}))
            if self.kind == "allowances":
                text += "\n" + tr("{n} decisions written ({already} already in the register); {differ} figures "
                                  "differ from the clause and are kept as the list says: look at them in the "
                                  "register.", n=result.decisions, already=result.already,
                                  differ=len(result.differences))
            if report.as_written:
                text += "\n" + tr("{n} people have values still to map: they are listed under To do.",
                                  n=report.as_written)
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
            self.result_of_import = result

        def failed(error: BaseException) -> None:
            self.buttons.setEnabled(True)
            self._failed(error)

        self.backend.long(ops.apply_list_import, tr("Importing…"), self, kind=self.kind, plan=self.plan,
                          on_duplicate=action, choices=dict(self.choices), written=dict(self.written),
                          course=course, on_done=done, on_error=failed)


class RosterImportDialog(ListImportDialog):
    """The wizard for the roster (the roster page's "Import Excel…")."""

    def __init__(self, backend: Backend, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(backend, path, "roster", parent)


EXCEL_FILTER = "*.xlsx *.xls *.xlsb *.ods"
