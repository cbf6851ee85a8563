"""Việc cần làm: what is overdue, what is coming, approvals waiting, and people not seen for a month."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.core.messages import field_label
from desktop.core.text import format_date
from desktop.ui.backend import Backend
from desktop.ui.dialogs.case_page import when
from desktop.ui.i18n import tr
from desktop.ui.operations import workflow as ops


def _short_titles() -> dict[str, str]:
    """The tabs' names, each with its count."""
    return {"overdue": tr("Overdue ({n})"), "upcoming": tr("Due soon ({n})"),
            "approvals": tr("Approvals ({n})"), "no_contact": tr("No contact ({n})"),
            "to_map": tr("Values to place ({n})"), "notices": tr("Province notices ({n})")}


def _total(n: int) -> str:
    return tr("more than {count}", count="1.000") if n > 1000 else f"{n:,}".replace(",", ".")


PAGE_SIZE = 100  # rows each list shows at first; "Show more" adds as many again


class TodoPage(QWidget):
    """Six lists, most urgent first, each on a tab that uses the page's whole height; Enter or a
    double-click opens the case; "Show more" pages through the rest."""

    KEYS = ("overdue", "upcoming", "approvals", "no_contact", "to_map", "notices")

    def __init__(self, backend: Backend) -> None:
        super().__init__()
        self.backend = backend
        self.limit = PAGE_SIZE
        title = QLabel(tr("To do"))
        title.setObjectName("pageTitle")
        refresh = QPushButton(tr("Refresh"))
        refresh.clicked.connect(self.activate)
        self.sections: dict[str, tuple[QLabel, QTableWidget]] = {}
        self.more_buttons: dict[str, QPushButton] = {}
        top = QHBoxLayout()
        top.addWidget(title)
        top.addStretch(1)
        top.addWidget(refresh)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        self.tabs = QTabWidget()
        layout.addWidget(self.tabs, 1)
        for key in self.KEYS:
            tab = QWidget()
            tab_layout = QVBoxLayout(tab)
            caption = QLabel()
            caption.setObjectName("cardCaption")
            table = QTableWidget(0, 4)
            table.verticalHeader().hide()
            table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
            table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
            table.horizontalHeader().setStretchLastSection(True)
            table.cellDoubleClicked.connect(lambda row, _col, key=key: self._open(key, row))
            for enter in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                QShortcut(QKeySequence(enter), table,
                          activated=lambda key=key, t=table: self._open(key, t.currentRow()))
            more = QPushButton(tr("Show more"))
            more.setToolTip(tr("The list shows the most urgent first; this adds the next ones"))
            more.clicked.connect(self._more)
            self.more_buttons[key] = more
            bottom = QHBoxLayout()
            bottom.addWidget(QLabel(tr("Double-click a row or press Enter to open it.")))
            bottom.addStretch(1)
            bottom.addWidget(more)
            tab_layout.addWidget(caption)
            tab_layout.addWidget(table, 1)
            tab_layout.addLayout(bottom)
            self.tabs.addTab(tab, "")
            self.sections[key] = (caption, table)
        self._data: dict[str, Any] = {}
        self._first_show = True
        backend.changed.connect(self._changed_elsewhere)  # bound: dropped with the page

    def _changed_elsewhere(self, _changed: object) -> None:
        """Something was written: refresh if the page is in view."""
        if self.isVisible():
            self.activate()

    def activate(self) -> None:
        """Fetch the lists on the database worker."""
        self.backend.call(ops.todo, limit=self.limit, on_done=self._show)

    def _more(self) -> None:
        self.limit += PAGE_SIZE
        self.activate()

    def _show(self, data: dict[str, Any]) -> None:
        self._data = data
        label = self.backend.label
        headings = {
            "overdue": (tr("Overdue ({n})"), [tr("Due"), tr("Case no."), tr("Full name"), tr("Step")]),
            "upcoming": (tr("Due in the next 3 working days ({n})"),
                         [tr("Due"), tr("Case no."), tr("Full name"), tr("Step")]),
            "approvals": (tr("Waiting for the chair's approval ({n})"),
                          [tr("Asked"), tr("Case no."), tr("Full name"), tr("Approve by")]),
            "no_contact": (tr("No contact for a month ({n})"),
                           [tr("Last contact"), tr("Case no."), tr("Full name"), tr("Opened on")]),
            "to_map": (tr("Values from imported lists still to place in a code list ({n})"),
                       [tr("List"), tr("Full name"), tr("Written in the file"), tr("What to do")]),
            "notices": (tr("The province found these people in another commune too ({n})"),
                        [tr("Decided on"), tr("Full name"), tr("Other commune"), tr("What to do")]),
        }
        for index, (key, (caption, table)) in enumerate(self.sections.items()):
            text, headers = headings[key]
            total = data[f"{key}_total"]
            caption.setText(text.replace("{n}", _total(total)))
            self.tabs.setTabText(index, _short_titles()[key].replace("{n}", _total(total)))
            rows = data[key]
            self.more_buttons[key].setVisible(len(rows) < total)
            table.setHorizontalHeaderLabels(headers)
            table.setRowCount(len(rows))
            for r, row in enumerate(rows):
                if key in ("overdue", "upcoming"):
                    cells = [when(row["due_at"]), row["case_no"], row["full_name"],
                             label("case_step", row["step_code"])]
                elif key == "approvals":
                    cells = [when(row["approval_requested_at"]), row["case_no"], row["full_name"],
                             when(row["approval_due_at"])]
                elif key == "to_map":
                    cells = _to_map_cells(row)
                elif key == "notices":
                    cells = _notice_cells(row)
                else:
                    cells = [format_date(row["last_contact_on"]), row["case_no"], row["full_name"],
                             format_date(row["opened_on"])]
                for c, value in enumerate(cells):
                    table.setItem(r, c, QTableWidgetItem(value))
            table.resizeColumnsToContents()
            self.tabs.setTabVisible(index, key != "notices" or bool(rows))
        if self._first_show:  # open on the most urgent list that has something in it
            self._first_show = False
            first = next((i for i, key in enumerate(self.KEYS) if data[key]), 0)
            self.tabs.setCurrentIndex(first)

    def _open(self, key: str, row: int) -> None:
        from desktop.ui.dialogs.case_page import CasePage

        if not 0 <= row < len(self._data.get(key, [])):
            return
        if key == "notices":
            self._handle_notice(self._data[key][row])
            return
        if key == "to_map":
            from desktop.ui.dialogs.place_values import PlaceValuesDialog

            entry = self._data[key][row]
            if entry.get("as_written"):
                dialog = PlaceValuesDialog(self.backend, entry, self)
                dialog.accepted.connect(self.activate)
                dialog.open()
            return
        CasePage(self.backend, self._data[key][row]["case_id"], self).open()

    def _handle_notice(self, notice: dict[str, Any]) -> None:
        from PySide6.QtWidgets import QMessageBox

        from desktop.ui.widgets.messages import show_error

        text = _notice_cells(notice)[3].split(" — ")[0]
        answer = QMessageBox.question(self, tr("The province's decision"), tr(
            "{name}: {what}.\nEvidence: {evidence}\n\nMark it done?", name=notice["full_name"], what=text,
            evidence=notice.get("evidence") or "—"))
        if answer == QMessageBox.StandardButton.Yes:
            self.backend.write(ops.mark_notice_handled, notice_id=notice["id"], on_done=lambda _c: self.activate(),
                               on_error=lambda e: show_error(self, e))


def _notice_cells(row: dict[str, Any]) -> list[str]:
    other = row["other_partition"].split(":")[-1]
    what = {"END": tr("The other commune keeps her: end her decision here, then mark it done"),
            "KEEP": tr("She stays on this commune's list: the other commune ends its decision"),
            "NOTHING": tr("Two different people: nothing to do")}[row["action"]]
    return [format_date(row["decided_on"]), f"{row['full_name']} ({format_date(row.get('birth_date'))})", other,
            what + " — " + tr("double-click when done")]


def _to_map_cells(row: dict[str, Any]) -> list[str]:
    import json

    written = json.loads(row["as_written"]) if row.get("as_written") else {}
    text = "; ".join(f"{field_label(k)}: {v}" for k, v in written.items())
    if "TCXH_06" in (row.get("target_groups") or "").split():
        text = "; ".join(filter(None, [text, tr(
            "Person with a disability (Art. 5 cl. 6): choose severe or extremely severe")]))
    kind = tr("Beneficiary") if row["kind"] == "beneficiary" else tr("Roster")
    what = (tr("Double-click to choose the codes") if written else
            tr("Open the person's case and choose the level under Target groups"))
    return [kind, row["full_name"], text, what]
