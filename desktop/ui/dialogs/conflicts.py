"""Conflicts from sync: both values side by side with their authors; keep one, take the other, or write a
combination. Each choice is a change like any other, so it reaches every laptop and the province."""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.core.messages import field_label
from desktop.ui.backend import Backend
from desktop.ui.i18n import tr
from desktop.ui.operations import sync as ops
from desktop.ui.widgets.messages import error_lines
from desktop.ui.widgets.tables import read_only_table


def shown(field: str, value: Any) -> str:
    """A conflicting value as an officer reads it."""
    if field == "deleted" and value is True:
        return tr("deleted")
    if isinstance(value, dict):
        return "; ".join(f"{field_label(k)}: {v}" for k, v in value.items())
    return "" if value is None else str(value) if not isinstance(value, list) else json.dumps(value)


class ConflictsDialog(QDialog):
    """The open conflicts; the selected one is settled by a button."""

    def __init__(self, backend: Backend, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.backend = backend
        self.rows: list[dict[str, Any]] = []
        self.setWindowTitle(tr("Conflicts"))
        self.resize(980, 520)
        intro = QLabel(tr("Two people changed the same thing without seeing each other's change. The value in "
                          "force is the later one; choose which to keep, or write the right value."))
        intro.setWordWrap(True)
        self.holder = QVBoxLayout()
        self.table: QTableWidget = read_only_table([], [])
        self.holder.addWidget(self.table)
        self.keep = QPushButton(tr("Keep the value in force"))
        self.other = QPushButton(tr("Take the other value"))
        self.combined = QLineEdit()
        self.combined.setPlaceholderText(tr("or write the right value"))
        self.use = QPushButton(tr("Use this value"))
        self.keep.clicked.connect(lambda: self._resolve("kept"))
        self.other.clicked.connect(lambda: self._resolve("other"))
        self.use.clicked.connect(lambda: self._resolve("value", self.combined.text()))
        actions = QHBoxLayout()
        for widget in (self.keep, self.other, self.combined, self.use):
            actions.addWidget(widget)
        self.problem = QLabel()
        self.problem.setObjectName("formSummary")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(tr("Close"))
        buttons.rejected.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(self.holder, 1)
        layout.addLayout(actions)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.reload()

    def reload(self) -> None:
        """Fetch the open conflicts."""
        self.backend.call(ops.list_conflicts, on_done=self._show)

    def _show(self, rows: list[dict[str, Any]]) -> None:
        self.rows = rows
        table = read_only_table(
            [tr("Record"), tr("Field"), tr("Value in force"), tr("By"), tr("Other value"), tr("By")],
            [[r["label"], field_label(r["field"]) if r["field"] != "deleted" else tr("deleted or kept"),
              shown(r["field"], r["kept_value"]), r["kept_author"] or "", shown(r["field"], r["other_value"]),
              r["other_author"] or ""] for r in rows])
        table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        if rows:
            table.selectRow(0)
        self.holder.replaceWidget(self.table, table)
        self.table.deleteLater()
        self.table = table
        for button in (self.keep, self.other, self.use):
            button.setEnabled(bool(rows))

    def _resolve(self, choice: str, value: Any = None) -> None:
        row = self.table.currentRow()
        if not 0 <= row < len(self.rows):
            return
        self.problem.clear()
        self.backend.write(ops.resolve_conflict, conflict_id=self.rows[row]["id"], choice=choice, value=value,
                           on_done=lambda _c: self.reload(),
                           on_error=lambda e: self.problem.setText("\n".join(error_lines(e))))
