"""Cài đặt › Nhật ký (ADMIN): who signed in, viewed, printed, exported, imported, and whether the chain holds."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
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
from desktop.ui.widgets.messages import show_error


def action_labels() -> dict[str, str]:
    """What each audit action is called on screen."""
    return {
        "sign_in": tr("Signed in"), "sign_in_failed": tr("Wrong passphrase"), "locked_out": tr("Locked out"),
        "unlock": tr("Unlocked"), "lock": tr("Locked"), "lock_idle": tr("Locked (idle)"),
        "sign_out": tr("Signed out"), "view_case": tr("Viewed a case"),
        "view_person": tr("Viewed a person's page"), "print": tr("Printed a form"),
        "export": tr("Exported to Excel"), "import": tr("Imported a list"), "backup": tr("Backup"),
        "backup_auto": tr("Daily backup"),
        "restore": tr("Restore"), "recovery": tr("Recovery by the province"),
        "bundle_export": tr("Sent a bundle"), "bundle_import": tr("Received bundles"),
        "account_add": tr("Account added"), "account_deactivate": tr("Account deactivated"),
        "passphrase_reset": tr("Passphrase reset"), "passphrase_change": tr("Passphrase changed"),
    }


def subject_text(entry: dict[str, Any]) -> str:
    """What an entry is about, in the officer's words: a case by its number, an account, a file."""
    kind, _sep, value = str(entry.get("subject") or "").partition(":")
    detail = entry.get("detail") or {}
    if kind == "case":
        return tr("case {number}", number=detail.get("case_no") or value[:8])
    if kind == "worker":
        return tr("roster member {id}", id=value[:8])
    if kind == "user":
        return tr("account {user}", user=value)
    if kind in ("file", "folder"):
        return value
    if kind == "form":
        return tr("form {code}", code=detail.get("form", value[:8]))
    if "failures" in detail:
        return tr("wrong try no. {n} in a row", n=detail["failures"])
    if "seconds" in detail:
        return tr("must wait {seconds} seconds", seconds=detail["seconds"])
    if detail:
        return ", ".join(f"{k}: {v}" for k, v in sorted(detail.items()))
    return value


class AuditPanel(QWidget):
    """The newest entries, filtered by what and who; the chain's state; export to Excel."""

    def __init__(self, backend: Backend) -> None:
        super().__init__()
        self.backend = backend
        self.labels = action_labels()
        self.action = QComboBox()
        self.action.addItem(tr("Everything"), None)
        for code, label in self.labels.items():
            self.action.addItem(label, code)
        self.user = QLineEdit()
        self.user.setPlaceholderText(tr("user name"))
        self.user.setMaximumWidth(180)
        refresh = QPushButton(tr("Show"))
        export = QPushButton(tr("Export to Excel…"))
        refresh.clicked.connect(self.activate)
        self.action.currentIndexChanged.connect(self.activate)
        self.user.returnPressed.connect(self.activate)
        export.clicked.connect(self._export)
        self.chain = QLabel()
        self.chain.setWordWrap(True)
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels([tr("No."), tr("When (UTC)"), tr("User"), tr("What"), tr("Record")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        filters = QHBoxLayout()
        filters.addWidget(QLabel(tr("What:")))
        filters.addWidget(self.action)
        filters.addWidget(QLabel(tr("Who:")))
        filters.addWidget(self.user)
        filters.addWidget(refresh)
        filters.addStretch(1)
        filters.addWidget(export)
        layout = QVBoxLayout(self)
        layout.addWidget(self.chain)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)

    def activate(self) -> None:
        """Load the entries for the filters."""
        self.backend.call(ops.audit_entries, on_done=self._show, on_error=lambda e: show_error(self, e),
                          action=self.action.currentData(), username=self.user.text().strip() or None)

    def _show(self, result: dict[str, Any]) -> None:
        broken = result["broken"]
        if broken is None:
            self.chain.setObjectName("")
            self.chain.setText(tr("The trail is intact: every entry is chained to the one before it."))
        else:
            self.chain.setObjectName("warningBanner")
            self.chain.setText(tr("The trail was tampered with: entry {seq} does not match ({why}).",
                                  seq=broken[0], why=broken[1]))
        self.chain.style().unpolish(self.chain)
        self.chain.style().polish(self.chain)
        entries = result["entries"]
        self.table.setRowCount(len(entries))
        for row, entry in enumerate(entries):
            values = (entry["seq"], entry["at"].replace("T", " ").rstrip("Z"), entry["username"],
                      self.labels.get(entry["action"], entry["action"]), subject_text(entry))
            for column, value in enumerate(values):
                self.table.setItem(row, column, QTableWidgetItem(str(value)))
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setStretchLastSection(True)

    def _export(self) -> None:
        from desktop.ui.widgets.messages import confirm_personal_data

        if not confirm_personal_data(self):
            return
        name, _filter = QFileDialog.getSaveFileName(self, tr("Export the audit trail"), "nhat-ky.xlsx",
                                                    "Excel (*.xlsx)")
        if not name:
            return
        self.backend.call(ops.export_audit, path=Path(name), on_error=lambda e: show_error(self, e),
                          on_done=lambda count: QMessageBox.information(
                              self, tr("Audit trail"), tr("{count} entries written to {path}. The file "
                                                          "contains personal data: keep it safe.",
                                                          count=count, path=name)))
