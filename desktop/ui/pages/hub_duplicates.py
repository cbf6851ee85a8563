"""The hub's review queue: people two communes of the province both hold, the double payments first. Each pair
side by side — both records' commune, name, birth date, CCCD, guardian, address, whether each pays her now —
with the evidence and its weight; the decision goes to both communes in their next bundles."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.text import format_date
from desktop.ui.backend import Backend
from desktop.ui.i18n import tr
from desktop.ui.operations import allowances as ops
from desktop.ui.widgets.messages import error_lines


def kind_texts() -> dict[str, str]:
    """How the queue names each kind of pair."""
    return {"cccd": tr("Same CCCD"), "name_birth": tr("Same name and birth date"), "probable": tr("Probable")}


class HubDuplicatesPage(QWidget):
    """The queue on the left, the chosen pair side by side on the right, the decision under it."""

    def __init__(self, backend: Backend) -> None:
        super().__init__()
        self.backend = backend
        title = QLabel(tr("People in two communes"))
        title.setObjectName("pageTitle")
        search = QPushButton(tr("Search the province"))
        search.clicked.connect(self._search)
        top = QHBoxLayout()
        top.addWidget(title)
        top.addStretch(1)
        top.addWidget(search)
        self.message = QLabel(tr("Search the province after importing the communes' bundles."))
        self.message.setWordWrap(True)
        self.message.setObjectName("note")
        self.queue = QTableWidget(0, 5)
        self.queue.setHorizontalHeaderLabels([tr("Paid twice"), tr("Kind of pair"), tr("Score"), tr("Full name"),
                                              tr("Communes")])
        self.queue.verticalHeader().hide()
        self.queue.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.queue.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.queue.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.queue.horizontalHeader().setStretchLastSection(True)
        self.queue.currentCellChanged.connect(lambda row, _c, _pr, _pc: self._show_pair(row))
        self.detail = QWidget()
        detail = QVBoxLayout(self.detail)
        self.sides = QGridLayout()
        self.evidence = QLabel()
        self.evidence.setWordWrap(True)
        self.evidence.setTextFormat(Qt.TextFormat.PlainText)
        decide = QVBoxLayout()
        self.keep_a = QPushButton()
        self.keep_b = QPushButton()
        different = QPushButton(tr("Different people"))
        self.keep_a.clicked.connect(lambda: self._decide("same", 0))
        self.keep_b.clicked.connect(lambda: self._decide("same", 1))
        different.clicked.connect(lambda: self._decide("different", None))
        for button in (self.keep_a, self.keep_b, different):
            decide.addWidget(button)
        self.decision_box = QGroupBox(tr("Decision"))
        self.decision_box.setLayout(decide)
        detail.addLayout(self.sides)
        detail.addWidget(QLabel(tr("Evidence (bits for and against)")))
        detail.addWidget(self.evidence)
        detail.addWidget(self.decision_box)
        detail.addStretch(1)
        split = QSplitter()
        split.addWidget(self.queue)
        split.addWidget(self.detail)
        split.setStretchFactor(0, 5)
        split.setStretchFactor(1, 4)
        self.queue.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.message)
        layout.addWidget(split, 1)
        self.pairs: list[dict[str, Any]] = []
        self.detail.setEnabled(False)

    def activate(self) -> None:
        """Nothing is searched on its own: the search reads the whole province (it is started by the button)."""

    def _search(self) -> None:
        self.backend.long(ops.find_duplicates, tr("Searching the province…"), self, on_done=self._show,
                          on_error=lambda e: self.message.setText("\n".join(error_lines(e))))

    def _show(self, pairs: list[dict[str, Any]]) -> None:
        self.pairs = pairs
        both = sum(1 for p in pairs if p["both_paid"])
        self.message.setText(tr("{n} pairs to decide; {both} people are paid an allowance by both communes.",
                                n=len(pairs), both=both))
        kinds = kind_texts()
        self.queue.setRowCount(len(pairs))
        for r, pair in enumerate(pairs):
            a, b = pair["records"]
            cells = [tr("Yes") if pair["both_paid"] else "", kinds[pair["kind"]], f"{pair['score']:.0f}",
                     f"{a['full_name']} / {b['full_name']}", f"{a['commune_name'] or a['commune']} — "
                     f"{b['commune_name'] or b['commune']}"]
            for c, text in enumerate(cells):
                self.queue.setItem(r, c, QTableWidgetItem(text))
        self.queue.resizeColumnsToContents()
        if pairs:
            self.queue.selectRow(0)
            self._show_pair(0)
        else:
            self.detail.setEnabled(False)

    def _show_pair(self, row: int) -> None:
        while self.sides.count():
            item = self.sides.takeAt(0)
            if item is not None and item.widget() is not None:
                item.widget().deleteLater()  # type: ignore[union-attr]
        if not 0 <= row < len(self.pairs):
            self.detail.setEnabled(False)
            return
        pair = self.pairs[row]
        labels = [tr("Commune"), tr("Full name"), tr("Date of birth"), tr("Gender"), tr("Citizen ID"),
                  tr("Guardian"), tr("Address"), tr("Allowance this month")]
        for r, text in enumerate(labels, start=1):
            self.sides.addWidget(QLabel(f"<b>{text}</b>"), r, 0)
        for column, record in enumerate(pair["records"], start=1):
            birth = record["birth_date"]
            values = [f"{record['commune_name']} ({record['commune']})", record["full_name"],
                      format_date(dt.date.fromisoformat(birth)) if birth else "—",
                      self.backend.label("gender", record["gender"]),
                      record["national_id"] or "—", record["guardian_name"] or "—", record["address"] or "—",
                      tr("Paid") if record["paid_now"] else tr("Not paid")]
            for r, value in enumerate(values, start=1):
                label = QLabel(str(value))
                label.setTextFormat(Qt.TextFormat.PlainText)
                label.setWordWrap(True)
                self.sides.addWidget(label, r, column)
        self.evidence.setText("\n".join(f"{e['weight']:+.1f}  {e['label']}" for e in pair["evidence"])
                              + "\n" + tr("Score: {score} (a probable match from 12.5)", score=pair["score"]))
        a, b = pair["records"]
        self.keep_a.setText(tr("Same person: {commune} keeps her", commune=a["commune_name"] or a["commune"]))
        self.keep_b.setText(tr("Same person: {commune} keeps her", commune=b["commune_name"] or b["commune"]))
        self.detail.setEnabled(True)

    def _decide(self, decision: str, keeper: int | None) -> None:
        row = self.queue.currentRow()
        if not 0 <= row < len(self.pairs):
            return
        pair = self.pairs[row]
        keep = pair["records"][keeper]["partition"] if keeper is not None else None

        def done(result: dict[str, Any]) -> None:
            del self.pairs[row]
            self.queue.removeRow(row)
            self.message.setText(tr("Decided. Both communes hear of it in the next bundles you write back."))
            self._show_pair(self.queue.currentRow())

        self.backend.call(ops.decide_pair, pair=pair["pair"], decision=decision, keeper=keep, on_done=done,
                          on_error=lambda e: self.message.setText("\n".join(error_lines(e))))
