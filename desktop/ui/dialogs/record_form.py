"""A dialog that edits one record from a list of field specs, and shows each problem by its field."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from desktop.core.errors import ValidationError
from desktop.core.messages import field_label, format_message
from desktop.core.text import format_date
from desktop.ui.backend import Backend
from desktop.ui.i18n import tr
from desktop.ui.widgets.messages import error_lines

Choices = dict[str, list[tuple[str, str]]]
Save = Callable[[dict[str, dict[str, Any]], Callable[[Any], None], Callable[[BaseException], None]], None]


@dataclass(frozen=True)
class FieldSpec:
    """One input: kind is text, multiline, date, code, codes, choice or bool (options given at runtime).

    `label` and `help` replace the catalogue's label of `name` (forms bring their own)."""

    name: str
    kind: str = "text"
    code_list: str | None = None
    required: bool = False
    section: str = ""
    label: str | None = None
    help: str | None = None


class RecordForm(QWidget):
    """The inputs of a record, laid out in sections of two columns, with an error line under each."""

    def __init__(self, backend: Backend, fields: list[FieldSpec], choices: Choices | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._backend = backend
        self._fields = fields
        self._inputs: dict[str, QWidget] = {}
        self._errors: dict[str, QLabel] = {}
        self._labels: dict[str, QLabel] = {}
        layout = QVBoxLayout(self)
        sections: dict[str, QGridLayout] = {}
        counters: dict[str, int] = {}
        for spec in fields:
            grid = sections.get(spec.section)
            if grid is None:
                box = QGroupBox(spec.section) if spec.section else QWidget()
                grid = QGridLayout(box)
                grid.setColumnStretch(1, 1)
                grid.setColumnStretch(3, 1)
                layout.addWidget(box)
                sections[spec.section] = grid
                counters[spec.section] = 0
            widget = self._make_input(spec, (choices or {}).get(spec.name))
            label = QLabel((spec.label or field_label(spec.name)) + (" *" if spec.required else ""))
            label.setWordWrap(True)
            label.setBuddy(widget)
            if spec.help:
                label.setToolTip(spec.help)
                widget.setToolTip(spec.help)
            error = QLabel()
            error.setObjectName("fieldError")
            error.setWordWrap(True)
            error.hide()
            wide = spec.kind in ("multiline", "codes")
            n = counters[spec.section]
            row, col = (n // 2) * 2, (n % 2) * 2
            if wide and col:
                n += 1
                row, col = (n // 2) * 2, 0
            grid.addWidget(label, row, col, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(widget, row, col + 1, 1, 3 if wide else 1)
            grid.addWidget(error, row + 1, col + 1, 1, 3 if wide else 1)
            counters[spec.section] = n + (2 if wide else 1)
            self._inputs[spec.name] = widget
            self._errors[spec.name] = error
            self._labels[spec.name] = label
        layout.addStretch(1)

    def _make_input(self, spec: FieldSpec, options: list[tuple[str, str]] | None) -> QWidget:
        if spec.kind == "multiline":
            edit = QPlainTextEdit()
            edit.setFixedHeight(70)
            return edit
        if spec.kind in ("code", "choice"):
            combo = QComboBox()
            # Long labels (target groups, processes) must not widen the form past the screen.
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(18)
            if not spec.required:
                combo.addItem("—", None)
            items = options if spec.kind == "choice" or options is not None else self._backend.items(
                spec.code_list or "")
            for code, label in items or []:
                combo.addItem(label, code)
            return combo
        if spec.kind == "bool":
            return QCheckBox()
        if spec.kind == "codes":
            checks = QListWidget()
            checks.setFixedHeight(120)
            checks.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
            inline = options is not None
            for code, label in options if inline else self._backend.items(spec.code_list or ""):
                item = QListWidgetItem(label)  # the label as the law words it, never the internal code
                item.setData(Qt.ItemDataRole.UserRole, code)
                item.setToolTip(label)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Unchecked)
                checks.addItem(item)
            return checks
        edit = QLineEdit()
        if spec.kind == "date":
            edit.setPlaceholderText(tr("dd/mm/yyyy"))
            edit.setMaximumWidth(140)
        return edit

    def set_values(self, values: dict[str, Any]) -> None:
        """Fill the inputs from a record's values."""
        for spec in self._fields:
            self._set(self._inputs[spec.name], values.get(spec.name))

    def set_value(self, name: str, value: Any) -> None:
        """Fill one input, leaving the others as they are."""
        self._set(self._inputs[name], value)

    @staticmethod
    def _set(widget: QWidget, value: Any) -> None:
        if isinstance(widget, QPlainTextEdit):
            widget.setPlainText(value or "")
        elif isinstance(widget, QComboBox):
            index = widget.findData(value)
            widget.setCurrentIndex(max(index, 0))
        elif isinstance(widget, QCheckBox):
            widget.setChecked(bool(value))
        elif isinstance(widget, QListWidget):
            chosen = set(value if isinstance(value, list) else (value or "").split())
            for i in range(widget.count()):
                item = widget.item(i)
                checked = item.data(Qt.ItemDataRole.UserRole) in chosen
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        elif isinstance(widget, QLineEdit):
            widget.setText(format_date(value) if isinstance(value, dt.date) else (value or ""))

    def value_text(self, name: str) -> str:
        """What an input shows, as the officer reads it (a choice's label, a date as typed)."""
        widget = self._inputs[name]
        if isinstance(widget, QComboBox):
            return widget.currentText() if widget.currentData() is not None else ""
        if isinstance(widget, QPlainTextEdit):
            return widget.toPlainText()
        if isinstance(widget, QLineEdit):
            return widget.text()
        return ""

    def values(self) -> dict[str, Any]:
        """The raw values as typed; the service validates and normalises them."""
        out: dict[str, Any] = {}
        for spec in self._fields:
            widget = self._inputs[spec.name]
            if isinstance(widget, QPlainTextEdit):
                out[spec.name] = widget.toPlainText()
            elif isinstance(widget, QComboBox):
                out[spec.name] = widget.currentData()
            elif isinstance(widget, QCheckBox):
                out[spec.name] = widget.isChecked()
            elif isinstance(widget, QListWidget):
                out[spec.name] = [
                    widget.item(i).data(Qt.ItemDataRole.UserRole) for i in range(widget.count())
                    if widget.item(i).checkState() == Qt.CheckState.Checked
                ]
            elif isinstance(widget, QLineEdit):
                out[spec.name] = widget.text()
        return out

    def show_problems(self, error: ValidationError) -> bool:
        """Show each problem of this form's fields under its field; True if any was shown."""
        self.clear_problems()
        shown = False
        for name, code, params in error.problems:
            label = self._errors.get(name)
            if label is not None:
                label.setText(format_message(code, {"field": name, **params}))
                label.show()
                if not shown:
                    self._inputs[name].setFocus()
                shown = True
        return shown

    def set_field_visible(self, name: str, visible: bool) -> None:
        """Show or hide a field with its label (a form's "show when" conditions)."""
        for widget in (self._inputs[name], self._labels[name]):
            widget.setVisible(visible)
        if not visible:
            self._errors[name].hide()

    def changed_signals(self) -> list[Any]:
        """Every input's "value changed" signal, for dialogs that react to what is typed."""
        signals: list[Any] = []
        for widget in self._inputs.values():
            if isinstance(widget, QComboBox):
                signals.append(widget.currentIndexChanged)
            elif isinstance(widget, QCheckBox):
                signals.append(widget.toggled)
            elif isinstance(widget, QListWidget):
                signals.append(widget.itemChanged)
            elif isinstance(widget, QLineEdit):
                signals.append(widget.textChanged)
            elif isinstance(widget, QPlainTextEdit):
                signals.append(widget.textChanged)
        return signals

    def has_field(self, name: str) -> bool:
        """True if the form has an input for `name`."""
        return name in self._inputs

    def clear_problems(self) -> None:
        """Hide every error line."""
        for label in self._errors.values():
            label.hide()

    def input(self, name: str) -> QWidget:
        """The input widget of a field (tests type into it)."""
        return self._inputs[name]


class RecordDialog(QDialog):
    """OK saves through `save(values, on_done, on_error)`; problems stay in the dialog."""

    def __init__(self, title: str, forms: list[tuple[str, RecordForm]], save: Save,
                 parent: QWidget | None = None, header: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        screen = self.screen().availableGeometry() if self.screen() else None
        self.resize(min(1040, int(screen.width() * 0.92)) if screen else 1040,
                    min(720, int(screen.height() * 0.92)) if screen else 680)
        self._forms = forms
        self._save = save
        body = QWidget()
        inner = QVBoxLayout(body)
        for _key, form in forms:
            inner.addWidget(form)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(body)
        self.summary = QLabel()
        self.summary.setObjectName("formSummary")
        self.summary.setWordWrap(True)
        self.summary.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(tr("Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("Cancel"))
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setToolTip(tr("Save (Ctrl+S)"))
        from PySide6.QtGui import QKeySequence, QShortcut

        QShortcut(QKeySequence.StandardKey.Save, self,
                  activated=lambda: self._submit() if self.buttons.isEnabled() else None)
        layout = QVBoxLayout(self)
        if header is not None:
            layout.addWidget(header)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.buttons)
        self.result_value: Any = None

    def form(self, key: str) -> RecordForm:
        """The form stored under `key`."""
        return next(f for k, f in self._forms if k == key)

    def _submit(self) -> None:
        self.buttons.setEnabled(False)
        self.summary.hide()
        for _key, form in self._forms:
            form.clear_problems()
        self._save({key: form.values() for key, form in self._forms}, self._saved, self._failed)

    def resume(self) -> None:
        """Back to editing without a problem to show (the officer chose not to save yet)."""
        self.buttons.setEnabled(True)

    def _saved(self, result: Any) -> None:
        self.buttons.setEnabled(True)
        self.result_value = result
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.buttons.setEnabled(True)
        if isinstance(error, ValidationError):
            for _key, form in self._forms:
                form.show_problems(error)
            leftover = [
                format_message(code, {"field": name, **params}) for name, code, params in error.problems
                if not any(form.has_field(name) for _key, form in self._forms)
            ]
            count = len(error.problems)
            self.summary.setText(tr("Please correct {count} field(s) marked in red.", count=count)
                                 + ("\n" + "\n".join(leftover) if leftover else ""))
        else:
            self.summary.setText("\n".join(error_lines(error)))
        self.summary.show()
