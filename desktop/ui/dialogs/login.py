"""Signing in: the passphrase unlocks the profile's key (Argon2id, about half a second) on the worker."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from desktop.ui.backend import Backend
from desktop.ui.i18n import tr
from desktop.ui.widgets.messages import error_lines


class LoginDialog(QDialog):
    """User name and passphrase; the check (Argon2id) runs on the database worker."""

    def __init__(self, backend: Backend, open_profile: Callable[[str, str], Any], username: str = "",
                 parent: QWidget | None = None, locked: bool = False) -> None:
        super().__init__(parent)
        self.backend = backend
        self._open_profile = open_profile
        self.setWindowTitle(tr("Locked — CTXH Desk") if locked else tr("Sign in — CTXH Desk"))
        self.setMinimumWidth(420)
        heading = QLabel(tr("CTXH Desk is locked") if locked else tr("CTXH Desk"))
        heading.setObjectName("pageTitle")
        explain = QLabel(tr("The data on this laptop is encrypted. Your passphrase unlocks it.") if not locked else
                         tr("Locked after a pause, to protect the records. Type your passphrase to go on; "
                            "nothing you were doing is lost."))
        explain.setWordWrap(True)
        self.username = QLineEdit(username)
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout()
        form.addRow(tr("User name"), self.username)
        form.addRow(tr("Passphrase"), self.passphrase)
        self.problem = QLabel()
        self.problem.setObjectName("formSummary")
        self.problem.setWordWrap(True)
        self.problem.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("Sign in"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("Quit"))
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(explain)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        (self.passphrase if username else self.username).setFocus()

    def _submit(self) -> None:
        self.buttons.setEnabled(False)
        self.problem.hide()
        username, passphrase = self.username.text(), self.passphrase.text()

        self.backend.runner.submit(lambda: self._open_profile(username, passphrase), self._signed_in, self._failed)

    def _signed_in(self, _ctx: Any) -> None:
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.problem.setText("\n".join(error_lines(error)))
        self.problem.show()
        self.buttons.setEnabled(True)
        self.passphrase.selectAll()
        self.passphrase.setFocus()
