"""Báo cáo: choose a report and its period, see it as the district will (exact figures on this screen), save it
as Excel or PDF or print it; and keep the registers its figures need: the commune's facilities and service
providers (P2) and the baseline-year figures (P3)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.core.text import format_date
from desktop.ui.backend import Backend
from desktop.ui.dialogs.record_form import FieldSpec, RecordDialog, RecordForm
from desktop.ui.i18n import tr
from desktop.ui.operations import reports as ops
from desktop.ui.widgets.messages import error_lines
from desktop.ui.widgets.period_choice import PeriodChoice

KIND_PERIOD = {"tt02": "half", "p112": "year", "workforce": "year"}


def _kinds() -> list[tuple[str, str]]:
    return [(tr("Half-year and yearly report (TT 02/2020)"), "tt02"),
            (tr("Program 112 indicators (P1–P5)"), "p112"),
            (tr("Social-work workforce"), "workforce")]


def facility_fields() -> list[FieldSpec]:
    """The inputs of a facility of the register."""
    section = tr("Facility or service provider")
    return [
        FieldSpec("name", required=True, section=section),
        FieldSpec("facility_type", "code", "facility_type", required=True, section=section),
        FieldSpec("in_master_plan", "bool", section=section),
        FieldSpec("offers_ctxh", "bool", section=section),
        FieldSpec("ctxh_since", "date", section=section),
        FieldSpec("closed_on", "date", section=section),
        FieldSpec("address", section=section),
        FieldSpec("phone", section=section),
        FieldSpec("notes", "multiline", section=section),
    ]


def baseline_fields() -> list[FieldSpec]:
    """The inputs of a baseline-year figure."""
    section = tr("Baseline figure")
    return [
        FieldSpec("indicator", "code", "baseline_indicator", required=True, section=section),
        FieldSpec("year", required=True, section=section),
        FieldSpec("value", required=True, section=section),
        FieldSpec("source", required=True, section=section),
        FieldSpec("notes", "multiline", section=section),
    ]


def _file_name(report: Any, suffix: str) -> str:
    label = re.sub(r"[^0-9A-Za-z]+", "-", report.period.start.strftime("%Y%m%d") + "-" +
                   report.period.end.strftime("%Y%m%d"))
    return f"bao-cao-{report.kind}-{label}{suffix}"


class ReportsPage(QWidget):
    """The report preview and its registers."""

    records_requested = Signal(str, list, str)

    def __init__(self, backend: Backend) -> None:
        super().__init__()
        self.backend = backend
        self.report: Any = None
        self.rows: list[Any] = []
        title = QLabel(tr("Reports"))
        title.setObjectName("pageTitle")
        self.tabs = QTabWidget()
        self.tabs.addTab(self._report_tab(), tr("Report"))
        self.tabs.addTab(self._facilities_tab(), tr("Facilities and service providers"))
        self.tabs.addTab(self._baselines_tab(), tr("Baseline figures"))
        self.tabs.currentChanged.connect(lambda _i: self.activate())
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.tabs, 1)
        # A change elsewhere recomputes the figures only while they are on screen (the window activates a page
        # each time it is shown): on a large profile a report keeps the one database worker busy for seconds.
        backend.changed.connect(self._changed_elsewhere)  # bound: dropped with the page

    # --- the report ----------------------------------------------------------------------------------------

    def _report_tab(self) -> QWidget:
        tab = QWidget()
        self.kind = QComboBox()
        for label, kind in _kinds():
            self.kind.addItem(label, kind)
        self.choice = PeriodChoice(default="half")
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.choice.changed.connect(lambda _p: self.activate())
        self.excel_button = QPushButton(tr("Save as Excel…"))
        self.pdf_button = QPushButton(tr("Save as PDF…"))
        self.print_button = QPushButton(tr("Print…"))
        self.excel_button.clicked.connect(lambda: self._save(".xlsx"))
        self.pdf_button.clicked.connect(lambda: self._save(".pdf"))
        self.print_button.clicked.connect(self._print)
        self.check_button = QPushButton(tr("Check a printed paper…"))
        self.check_button.setToolTip(tr("Is a printed form or report genuine, and does it still match the record? "
                                        "Open a photo or scan of it"))
        self.check_button.clicked.connect(self.check_print)
        self.heading = QLabel()
        self.heading.setObjectName("cardCaption")
        self.heading.setWordWrap(True)
        self.message = QLabel()
        self.message.setObjectName("note")
        self.message.setWordWrap(True)
        self.table = QTableWidget(0, 7)
        self.table.setHorizontalHeaderLabels([tr("No."), tr("Figure"), tr("Unit"), tr("This period"),
                                              tr("Previous period"), tr("Target"), tr("Basis")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for column, width in ((0, 44), (2, 90), (3, 130), (4, 130), (5, 110), (6, 170)):
            self.table.setColumnWidth(column, width)
        self.table.doubleClicked.connect(lambda index: self._drill(index.row()))
        self.table.setToolTip(tr("Double-click a figure to see the records behind it"))
        top = QHBoxLayout()
        top.addWidget(QLabel(tr("Report:")))
        top.addWidget(self.kind)
        top.addStretch(1)
        for button in (self.excel_button, self.pdf_button, self.print_button, self.check_button):
            top.addWidget(button)
        layout = QVBoxLayout(tab)
        layout.addLayout(top)
        layout.addWidget(self.choice)
        layout.addWidget(self.heading)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        return tab

    def check_print(self) -> None:
        """The print check, against this laptop's records."""
        from desktop.ui.dialogs.print_check import PrintCheckDialog

        self.print_check = PrintCheckDialog(self.backend, self)
        self.print_check.open()

    def _kind_changed(self) -> None:
        wanted = KIND_PERIOD[self.kind.currentData()]
        box = self.choice.kind
        index = next((i for i in range(box.count()) if box.itemData(i)[0] == wanted), 0)
        if box.currentData()[0] in ("range",) or box.currentIndex() != index:
            box.setCurrentIndex(index)  # emits changed, which reloads
        else:
            self.activate()

    def _changed_elsewhere(self, _changed: object) -> None:
        """Something was written: refresh if the page is in view."""
        if self.isVisible():
            self.activate()

    def activate(self) -> None:
        """Load the tab in view."""
        tab = self.tabs.currentIndex()
        if tab == 1:
            self.backend.call(ops.facilities, on_done=self._show_facilities, on_error=self._failed)
        elif tab == 2:
            self.backend.call(ops.baselines, on_done=self._show_baselines, on_error=self._failed)
        else:
            for button in (self.excel_button, self.pdf_button, self.print_button):
                button.setEnabled(False)
                button.setToolTip(tr("The report is being computed."))
            self.backend.call(ops.report_rows, kind=self.kind.currentData(), period=self.choice.period(),
                              on_done=self._show_report, on_error=self._failed)

    def _failed(self, error: BaseException) -> None:
        self.message.setText("\n".join(error_lines(error)))

    def _show_report(self, loaded: tuple[Any, list[Any]]) -> None:
        self.report, self.rows = loaded
        report = self.report
        period = report.period
        self.heading.setText(tr("{unit} — {label}, from {start} to {end} (compared with {previous})",
                                unit=report.unit, label=period.label, start=period.start.strftime("%d/%m/%Y"),
                                end=period.end.strftime("%d/%m/%Y"),
                                previous=report.previous_period.label if report.previous_period else "—"))
        self.table.setRowCount(len(self.rows))
        bold = QFont(self.table.font())
        bold.setBold(True)
        for r, row in enumerate(self.rows):
            values = (row.number, ("    " if row.level == 2 else "") + row.label, row.unit, row.value,
                      row.previous, row.target, row.note)
            for c, value in enumerate(values):
                item = QTableWidgetItem(value)
                if row.level == 0:
                    item.setFont(bold)
                if c in (3, 4, 5):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if c == 3 and row.met is not None:
                    item.setToolTip(tr("meets the target") if row.met else tr("below the target"))
                    item.setText(("✓ " if row.met else "✗ ") + value)
                self.table.setItem(r, c, item)
            if row.level == 0:
                self.table.setSpan(r, 1, 1, 6)
        self.table.resizeRowsToContents()
        self.message.setText(tr("This screen shows exact figures. The Excel and PDF files, which leave the "
                                "commune, show counts of 1 to 4 people in hardship as “<5”."))
        for button in (self.excel_button, self.pdf_button, self.print_button):
            button.setEnabled(True)
            button.setToolTip("")

    def _drill(self, row_number: int) -> None:
        if self.report is None or not 0 <= row_number < len(self.rows):
            return
        row = self.rows[row_number]
        figure = self.report.figures.get(row.key)
        if figure is None or not figure.entity or not figure.ids:
            return
        caption = tr("{what} — {period}: {n} record(s)", what=row.label.strip(), period=self.report.period.label,
                     n=len(figure.ids))
        self.records_requested.emit(figure.entity, list(figure.ids), caption)

    def _save(self, suffix: str) -> None:
        from desktop.ui.widgets.messages import confirm_personal_data

        if self.report is None or not confirm_personal_data(self):
            return
        kinds = tr("Excel workbooks (*.xlsx)") if suffix == ".xlsx" else tr("PDF files (*.pdf)")
        path, _ = QFileDialog.getSaveFileName(self, tr("Save the report"),
                                              str(Path.home() / _file_name(self.report, suffix)), kinds)
        if not path:
            return
        if not path.lower().endswith(suffix):
            path += suffix
        self.backend.long(ops.save_report, tr("Writing the report…"), self, report=self.report, path=Path(path),
                          on_error=self._failed,
                          on_done=lambda _r: self.message.setText(tr("Saved to {path}.", path=path)))

    def _print(self) -> None:
        if self.report is None:
            return

        def print_it(html: str) -> None:
            from desktop.ui.printing import print_html

            print_html(html, self)

        self.backend.call(ops.report_html, report=self.report, on_done=print_it, on_error=self._failed)

    # --- the facilities register -----------------------------------------------------------------------

    def _facilities_tab(self) -> QWidget:
        tab = QWidget()
        note = QLabel(tr("Program 112's P2 counts the facilities in the province's master plan that offer "
                         "social-work services, of all those in the plan. A case's referrals can name them."))
        note.setObjectName("note")
        note.setWordWrap(True)
        self.facility_table = QTableWidget(0, 6)
        self.facility_table.setHorizontalHeaderLabels([tr("Facility name"), tr("Kind of facility"),
                                                       tr("In the master plan"),
                                                       tr("Offers CTXH services"), tr("Since"), tr("Closed on")])
        self.facility_table.verticalHeader().hide()
        self.facility_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.facility_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.facility_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.facility_table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column, width in ((1, 240), (2, 130), (3, 160), (4, 100), (5, 140)):
            self.facility_table.setColumnWidth(column, width)
        self.facility_table.doubleClicked.connect(lambda _i: self._edit_facility())
        self.facilities: list[dict[str, Any]] = []
        add, edit, remove = QPushButton(tr("Add")), QPushButton(tr("Edit")), QPushButton(tr("Delete"))
        add.setObjectName("primaryButton")
        add.clicked.connect(lambda: self._facility_dialog(None))
        edit.clicked.connect(self._edit_facility)
        remove.clicked.connect(self._delete_facility)
        self.facility_edit, self.facility_delete = edit, remove
        self.facility_table.itemSelectionChanged.connect(self._facility_buttons)
        bar = QHBoxLayout()
        for button in (add, edit, remove):
            bar.addWidget(button)
        bar.addStretch(1)
        layout = QVBoxLayout(tab)
        layout.addWidget(note)
        layout.addLayout(bar)
        layout.addWidget(self.facility_table, 1)
        self._facility_buttons()
        return tab

    def show_facilities(self) -> None:
        """Show the register (P2's records)."""
        self.tabs.setCurrentIndex(1)

    def _facility_buttons(self) -> None:
        chosen = self._chosen_facility() is not None
        self.facility_edit.setEnabled(chosen)
        self.facility_delete.setEnabled(chosen)
        reason = "" if chosen else tr("Choose a facility in the list first.")
        self.facility_edit.setToolTip(reason)
        self.facility_delete.setToolTip(reason)

    def _show_facilities(self, rows: list[dict[str, Any]]) -> None:
        self.facilities = rows
        label = self.backend.label
        self.facility_table.setRowCount(len(rows))
        for r, f in enumerate(rows):
            for c, value in enumerate((f["name"], label("facility_type", f["facility_type"]),
                                       tr("Yes") if f["in_master_plan"] else tr("No"),
                                       tr("Yes") if f["offers_ctxh"] else tr("No"), format_date(f["ctxh_since"]),
                                       format_date(f["closed_on"]))):
                self.facility_table.setItem(r, c, QTableWidgetItem(value))
        self._facility_buttons()

    def _chosen_facility(self) -> dict[str, Any] | None:
        row = self.facility_table.currentRow()
        model = self.facility_table.selectionModel()
        selected = model.hasSelection() if model is not None else False
        return self.facilities[row] if selected and 0 <= row < len(self.facilities) else None

    def _edit_facility(self) -> None:
        chosen = self._chosen_facility()
        if chosen is not None:
            self._facility_dialog(chosen)

    def _facility_dialog(self, facility: dict[str, Any] | None) -> None:
        form = RecordForm(self.backend, facility_fields())
        form.set_values(facility or {"facility_type": "CO_SO_Y_TE", "in_master_plan": True})
        facility_id = facility["id"] if facility else None

        def save(values: dict[str, dict[str, Any]], done: Any, failed: Any) -> None:
            self.backend.write(ops.save_facility, facility_id=facility_id, values=values["facility"], on_done=done,
                               on_error=failed)

        title = tr("Edit the facility") if facility else tr("Add a facility or service provider")
        RecordDialog(title, [("facility", form)], save, self).open()

    def _delete_facility(self) -> None:
        chosen = self._chosen_facility()
        if chosen is None:
            return
        answer = QMessageBox.question(self, tr("Delete"), tr("Remove “{name}” from the register? Referrals that "
                                                            "name it keep its name.", name=chosen["name"]))
        if answer == QMessageBox.StandardButton.Yes:
            self.backend.write(ops.delete_facility, facility_id=chosen["id"], on_error=self._failed)

    # --- baseline figures ------------------------------------------------------------------------------------

    def _baselines_tab(self) -> QWidget:
        tab = QWidget()
        note = QLabel(tr("P3 measures the people counselled or supported against a baseline year (2020 for the "
                         "2025 target). When the records here do not reach back to it, enter that year's figure "
                         "with its source, e.g. the commune's report of that year."))
        note.setObjectName("note")
        note.setWordWrap(True)
        self.baseline_table = QTableWidget(0, 4)
        self.baseline_table.setHorizontalHeaderLabels([tr("Indicator"), tr("Year"), tr("Figure"), tr("Source")])
        self.baseline_table.verticalHeader().hide()
        self.baseline_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.baseline_table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.baseline_table.setColumnWidth(0, 420)
        add = QPushButton(tr("Add"))
        add.setObjectName("primaryButton")
        add.clicked.connect(self._add_baseline)
        bar = QHBoxLayout()
        bar.addWidget(add)
        bar.addStretch(1)
        layout = QVBoxLayout(tab)
        layout.addWidget(note)
        layout.addLayout(bar)
        layout.addWidget(self.baseline_table, 1)
        return tab

    def _show_baselines(self, rows: list[dict[str, Any]]) -> None:
        self.baseline_table.setRowCount(len(rows))
        for r, b in enumerate(rows):
            for c, value in enumerate((self.backend.label("baseline_indicator", b["indicator"]), str(b["year"]),
                                       f"{b['value']:,}".replace(",", "."), b["source"])):
                self.baseline_table.setItem(r, c, QTableWidgetItem(value))

    def _add_baseline(self) -> None:
        form = RecordForm(self.backend, baseline_fields())
        form.set_values({"indicator": "PEOPLE_SUPPORTED", "year": "2020"})

        def save(values: dict[str, dict[str, Any]], done: Any, failed: Any) -> None:
            self.backend.write(ops.add_baseline, values=values["baseline"], on_done=done, on_error=failed)

        RecordDialog(tr("Add a baseline figure"), [("baseline", form)], save, self).open()
