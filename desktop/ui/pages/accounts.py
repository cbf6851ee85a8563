"""Cài đặt › Tài khoản: the accounts of this laptop (ADMIN), one's own passphrase, lock and sign out.

Who may do what is decided by the services; this panel only hides the buttons a role cannot use, and shows
the service's refusal if one is pressed anyway.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.backend import Backend
from desktop.ui.i18n import tr
from desktop.ui.operations import accounts as ops
from desktop.ui.widgets.messages import error_lines, show_error

ROLES = ("ADMIN", "OFFICER", "APPROVER", "COLLABORATOR", "VIEWER")


def role_label(role: str) -> str:
    """A role in the user's words."""
    return {"ADMIN": tr("Administrator"), "OFFICER": tr("Social-work officer"), "APPROVER": tr("Approver (chair)"),
            "COLLABORATOR": tr("Collaborator"), "VIEWER": tr("Viewer (read only)")}.get(role, role)


def _passphrase_field() -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    return field


class _FormDialog(QDialog):
    """A small form with a problem line; `submit` runs the operation and closes on success."""

    def __init__(self, title: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(460)
        self.form = QFormLayout()
        self.problem = QLabel()
        self.problem.setObjectName("formSummary")
        self.problem.setWordWrap(True)
        self.problem.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("Cancel"))
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)

    def _submit(self) -> None:
        raise NotImplementedError

    def failed(self, error: BaseException) -> None:
        self.problem.setText("\n".join(error_lines(error)))
        self.problem.show()
        self.buttons.setEnabled(True)

    def passphrases_match(self, first: QLineEdit, second: QLineEdit) -> bool:
        if first.text() != second.text():
            self.problem.setText(tr("The two passphrases typed do not match."))
            self.problem.show()
            return False
        return True


class AddAccountDialog(_FormDialog):
    """A new account: user name, role, the collaborator it belongs to (by name), its first passphrase."""

    def __init__(self, backend: Backend, choices: list[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(tr("Add an account"), parent)
        self.backend = backend
        self.username = QLineEdit()
        self.display_name = QLineEdit()
        self.role = QComboBox()
        for role in ROLES:
            self.role.addItem(role_label(role), role)
        self.role.setCurrentIndex(ROLES.index("COLLABORATOR"))
        self.worker = QComboBox()
        self.worker.addItem(tr("— nobody —"), None)
        for name, worker_id in choices:
            self.worker.addItem(name, worker_id)
        self.passphrase, self.passphrase2 = _passphrase_field(), _passphrase_field()
        self.form.addRow(tr("User name"), self.username)
        self.form.addRow(tr("Full name"), self.display_name)
        self.form.addRow(tr("Role"), self.role)
        self.form.addRow(tr("Roster member"), self.worker)
        self.form.addRow(tr("Passphrase"), self.passphrase)
        self.form.addRow(tr("Passphrase again"), self.passphrase2)
        hint = QLabel(tr("At least 10 characters, or four words. A collaborator sees only the cases assigned "
                         "to them."))
        hint.setWordWrap(True)
        self.layout().insertWidget(1, hint)

    def _submit(self) -> None:
        if not self.passphrases_match(self.passphrase, self.passphrase2):
            return
        self.buttons.setEnabled(False)
        self.backend.call(ops.add_user, on_done=lambda _id: self.accept(), on_error=self.failed,
                          username=self.username.text(), passphrase=self.passphrase.text(),
                          role=self.role.currentData(), worker_id=self.worker.currentData(),
                          display_name=self.display_name.text())


class PassphraseDialog(_FormDialog):
    """A new passphrase: one's own (the old one asked first) or, for an administrator, another account's."""

    def __init__(self, backend: Backend, username: str | None, parent: QWidget | None = None) -> None:
        super().__init__(tr("Change my passphrase") if username is None else
                         tr("New passphrase for {user}", user=username), parent)
        self.backend, self.username = backend, username
        self.old = _passphrase_field()
        if username is None:
            self.form.addRow(tr("Current passphrase"), self.old)
        self.new, self.new2 = _passphrase_field(), _passphrase_field()
        self.form.addRow(tr("New passphrase"), self.new)
        self.form.addRow(tr("New passphrase again"), self.new2)

    def _submit(self) -> None:
        if not self.passphrases_match(self.new, self.new2):
            return
        self.buttons.setEnabled(False)
        if self.username is None:
            self.backend.call(ops.change_own, on_done=lambda _r: self.accept(), on_error=self.failed,
                              old=self.old.text(), new=self.new.text())
        else:
            self.backend.call(ops.reset, on_done=lambda _r: self.accept(), on_error=self.failed,
                              username=self.username, passphrase=self.new.text())


class RecoverDialog(_FormDialog):
    """At the hub: a laptop's profile folder (brought on a stick, or the laptop's disk), the province's recovery
    sheet, the account and its new passphrase (T30)."""

    def __init__(self, backend: Backend, parent: QWidget | None = None) -> None:
        super().__init__(tr("Recover a laptop's profile"), parent)
        self.backend = backend
        self.folder, self.sheet = QLineEdit(), QLineEdit()
        pick_folder, pick_sheet = QPushButton(tr("Choose…")), QPushButton(tr("Choose…"))
        pick_folder.clicked.connect(lambda: self._pick(self.folder, folder=True))
        pick_sheet.clicked.connect(lambda: self._pick(self.sheet, folder=False))
        for field, button, caption in ((self.folder, pick_folder, tr("Laptop's profile folder")),
                                       (self.sheet, pick_sheet, tr("Recovery sheet"))):
            row = QHBoxLayout()
            row.addWidget(field, 1)
            row.addWidget(button)
            self.form.addRow(caption, row)
        self.username = QLineEdit()
        self.new, self.new2 = _passphrase_field(), _passphrase_field()
        self.form.addRow(tr("User name"), self.username)
        self.form.addRow(tr("New passphrase"), self.new)
        self.form.addRow(tr("New passphrase again"), self.new2)
        note = QLabel(tr("The recovery sheet opens the laptop's key; the account gets the new passphrase. The "
                         "laptop's data and history stay as they are, and the recovery is noted in its audit "
                         "trail."))
        note.setWordWrap(True)
        self.layout().insertWidget(1, note)

    def _pick(self, field: QLineEdit, folder: bool) -> None:
        from PySide6.QtWidgets import QFileDialog

        chosen = QFileDialog.getExistingDirectory(self, tr("Laptop's profile folder")) if folder else \
            QFileDialog.getOpenFileName(self, tr("Recovery sheet"))[0]
        if chosen:
            field.setText(chosen)

    def _submit(self) -> None:
        from pathlib import Path

        if not self.passphrases_match(self.new, self.new2):
            return
        self.buttons.setEnabled(False)

        def done(_result: Any) -> None:
            QMessageBox.information(self, tr("Recover a laptop's profile"), tr(
                "Recovered: {user} signs in on that laptop with the new passphrase.", user=self.username.text()))
            self.accept()

        self.backend.call(ops.recover_profile, on_done=done, on_error=self.failed,
                          folder=Path(self.folder.text()), sheet=Path(self.sheet.text()),
                          username=self.username.text(), passphrase=self.new.text())


class AccountsPanel(QWidget):
    """The account list and its actions; "Lock now" and "Sign out" for everyone."""

    lock_requested = Signal(str)  # "lock" | "sign_out"

    def __init__(self, backend: Backend) -> None:
        super().__init__()
        self.backend = backend
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels([tr("User name"), tr("Full name"), tr("Role"), tr("State")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.add_button = QPushButton(tr("Add an account…"))
        self.reset_button = QPushButton(tr("Set a new passphrase…"))
        self.deactivate_button = QPushButton(tr("Deactivate"))
        self.own_button = QPushButton(tr("Change my passphrase…"))
        self.lock_button = QPushButton(tr("Lock now"))
        self.sign_out_button = QPushButton(tr("Sign out"))
        self.add_button.clicked.connect(self._add)
        self.reset_button.clicked.connect(self._reset)
        self.deactivate_button.clicked.connect(self._deactivate)
        self.own_button.clicked.connect(lambda: PassphraseDialog(self.backend, None, self).exec())
        self.lock_button.clicked.connect(lambda: self.lock_requested.emit("lock"))
        self.sign_out_button.clicked.connect(lambda: self.lock_requested.emit("sign_out"))
        admin = QHBoxLayout()
        for button in (self.add_button, self.reset_button, self.deactivate_button):
            admin.addWidget(button)
        admin.addStretch(1)
        own = QHBoxLayout()
        for button in (self.own_button, self.lock_button, self.sign_out_button):
            own.addWidget(button)
        own.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(self.table, 1)
        layout.addLayout(admin)
        layout.addSpacing(8)
        layout.addLayout(own)

    def activate(self) -> None:
        """Load the accounts (an administrator's view); others see only their own actions."""
        is_admin = self.backend.ctx is not None and self.backend.ctx.actor.role == "ADMIN"
        for widget in (self.table, self.add_button, self.reset_button, self.deactivate_button):
            widget.setVisible(is_admin)
        if not is_admin:
            self.note.setText(tr("Accounts are managed by the administrator of this laptop."))
            return
        self.note.setText(tr("Each passphrase unlocks this laptop's encrypted data. A deactivated account can no "
                             "longer sign in; its history stays."))
        self.backend.call(ops.users, on_done=self._show, on_error=lambda e: show_error(self, e))

    def _show(self, users: list[dict[str, Any]]) -> None:
        self.users = users
        self.table.setRowCount(len(users))
        for row, user in enumerate(users):
            for column, value in enumerate((user["username"], user["display_name"], role_label(str(user["role"])),
                                            tr("active") if user["active"] else tr("deactivated"))):
                self.table.setItem(row, column, QTableWidgetItem(str(value)))
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setStretchLastSection(True)

    def _selected(self) -> str | None:
        row = self.table.currentRow()
        return str(self.users[row]["username"]) if 0 <= row < len(getattr(self, "users", [])) else None

    def _add(self) -> None:
        def ask(choices: list[tuple[str, str]]) -> None:
            if AddAccountDialog(self.backend, choices, self).exec():
                self.activate()

        self.backend.call(ops.roster_choices, on_done=ask, on_error=lambda e: show_error(self, e))

    def _reset(self) -> None:
        name = self._selected()
        if name and PassphraseDialog(self.backend, name, self).exec():
            QMessageBox.information(self, tr("Accounts"), tr("{user} has a new passphrase.", user=name))

    def _deactivate(self) -> None:
        name = self._selected()
        if not name:
            return
        if QMessageBox.question(self, tr("Deactivate"), tr(
                "Deactivate the account {user}? It will no longer be able to sign in.", user=name)) \
                != QMessageBox.StandardButton.Yes:
            return
        self.backend.call(ops.deactivate, on_done=lambda _r: self.activate(), on_error=lambda e: show_error(self, e),
                          username=name)
