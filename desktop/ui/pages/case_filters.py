"""The case list's filter bar: status, step, target group, case manager, overdue; and saved filters."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QInputDialog, QPushButton, QVBoxLayout, QWidget

from desktop.ui.backend import Backend
from desktop.ui.i18n import tr
from desktop.ui.operations import cases as ops
from desktop.ui.widgets.messages import show_error

UNASSIGNED = "-"  # the service's value for "no case manager yet"


def _combo(first: str, items: list[tuple[str, str]], width: int) -> QComboBox:
    combo = QComboBox()
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(len(first) + 1)  # "Mọi nhóm đối tượng" whole, not "Mọi nhóm đối tư"
    combo.setMaximumWidth(width)
    combo.addItem(first, None)
    for code, label in items:
        combo.addItem(label, code)
    # The list that drops down is as wide as its longest choice, however narrow the box.
    combo.view().setMinimumWidth(combo.view().sizeHintForColumn(0) + 24)
    return combo


class CaseFilterBar(QWidget):
    """Emits the filters as a dict (only what is set) through `changed` whenever one changes."""

    def __init__(self, backend: Backend, changed: Callable[[dict[str, Any]], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.backend, self._changed = backend, changed
        self._quiet = False
        self.status = _combo(tr("All statuses"), backend.items("case_status"), 170)
        self.step = _combo(tr("All steps"), backend.items("case_step"), 210)
        self.group = _combo(tr("All groups"), backend.items("target_group"), 240)
        self.assignee = _combo(tr("Any case manager"), [(UNASSIGNED, tr("Nobody yet"))], 200)
        self.overdue = QCheckBox(tr("Overdue"))
        self.saved = _combo(tr("Saved filters…"), [], 200)
        save = QPushButton(tr("Save filter"))
        forget = QPushButton(tr("Forget"))
        self.forget_button = forget
        # Two rows, so that a 1366-pixel laptop screen shows every filter's words whole.
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(4)
        layout = QHBoxLayout()
        for widget in (self.status, self.step, self.group, self.assignee, self.overdue):
            layout.addWidget(widget)
        layout.addStretch(1)
        saved_row = QHBoxLayout()
        saved_row.addStretch(1)
        for widget in (self.saved, save, forget):
            saved_row.addWidget(widget)
        outer.addLayout(layout)
        outer.addLayout(saved_row)
        for combo in (self.status, self.step, self.group, self.assignee):
            combo.currentIndexChanged.connect(self._emit)
        self.overdue.toggled.connect(self._emit)
        self.saved.activated.connect(self._apply_saved)
        save.clicked.connect(self._save)
        forget.clicked.connect(self._forget)
        self._saved: dict[str, dict[str, Any]] = {}
        backend.call(ops.filter_choices, on_done=self._loaded)

    def _loaded(self, loaded: tuple[list[dict[str, Any]], dict[str, dict[str, Any]]]) -> None:
        workers, saved = loaded
        for w in workers:
            self.assignee.addItem(w["full_name"], w["id"])
        self._show_saved(saved)

    def _show_saved(self, saved: dict[str, dict[str, Any]]) -> None:
        self._saved = saved
        self.saved.clear()
        self.saved.addItem(tr("Saved filters…"), None)
        for name in sorted(saved):
            self.saved.addItem(name, name)
        self.forget_button.setEnabled(bool(saved))
        self.forget_button.setToolTip(tr("Forget the saved filter chosen beside it") if saved
                                      else tr("No filter saved yet: set some filters, then “Save filter”"))

    def filters(self) -> dict[str, Any]:
        """What is set now."""
        chosen: dict[str, Any] = {name: combo.currentData() for name, combo in (
            ("status", self.status), ("step", self.step), ("group", self.group), ("assignee", self.assignee))
            if combo.currentData()}
        if self.overdue.isChecked():
            chosen["overdue"] = True
        return chosen

    def set_filters(self, filters: dict[str, Any]) -> None:
        """Show `filters` (a saved one) and apply them once."""
        self._quiet = True
        for name, combo in (("status", self.status), ("step", self.step), ("group", self.group),
                            ("assignee", self.assignee)):
            combo.setCurrentIndex(max(0, combo.findData(filters.get(name))))
        self.overdue.setChecked(bool(filters.get("overdue")))
        self._quiet = False
        self._emit()

    def _emit(self, *_args: Any) -> None:
        if not self._quiet:
            self._changed(self.filters())

    def _apply_saved(self, index: int) -> None:
        name = self.saved.itemData(index)
        if name in self._saved:
            self.set_filters(self._saved[name])

    def _save(self) -> None:
        name, ok = QInputDialog.getText(self, tr("Save filter"), tr("Name of this filter:"))
        if ok:
            self.backend.call(ops.save_filter, name=name, filters=self.filters(),
                              on_done=self._show_saved, on_error=lambda e: show_error(self, e))

    def _forget(self) -> None:
        name = self.saved.currentData()
        if name:
            self.backend.call(ops.save_filter, name=name, filters={},
                              on_done=self._show_saved, on_error=lambda e: show_error(self, e))
