"""Cài đặt: this laptop's profile, language, lock time, backups and restore; the accounts; the audit trail."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.backend import Backend
from desktop.ui.i18n import tr
from desktop.ui.operations import accounts as account_ops
from desktop.ui.operations import profile as ops
from desktop.ui.widgets.messages import show_error


class SettingsPage(QWidget):
    """Three tabs: the profile (facts, language, lock time, backups), the accounts, the audit trail (ADMIN)."""

    lock_requested = Signal(str)

    def __init__(self, backend: Backend) -> None:
        super().__init__()
        self.backend = backend
        title = QLabel(tr("Settings"))
        title.setObjectName("pageTitle")
        from desktop.ui.pages.accounts import AccountsPanel
        from desktop.ui.pages.audit import AuditPanel

        self.tabs = QTabWidget()
        self.tabs.addTab(self._profile_tab(), tr("This laptop"))
        self.accounts = AccountsPanel(backend)
        self.accounts.lock_requested.connect(self.lock_requested)
        self.tabs.addTab(self.accounts, tr("Accounts"))
        self.audit = AuditPanel(backend)
        self.tabs.addTab(self.audit, tr("Audit trail"))
        from desktop.ui.pages.value_mappings import RememberedAnswersPanel

        self.answers = RememberedAnswersPanel(backend)
        self.tabs.addTab(self.answers, tr("Remembered answers"))
        self.tabs.currentChanged.connect(self._tab_changed)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.tabs, 1)

    def _profile_tab(self) -> QWidget:
        tab = QWidget()
        self.form = QFormLayout()
        self.labels: dict[str, QLabel] = {}
        for key, caption in (("commune", tr("Commune")), ("province", tr("Province")),
                             ("device_name", tr("This laptop")), ("user", tr("Signed in as")),
                             ("data_dir", tr("Data folder")), ("schema", tr("Database version")),
                             ("reference", tr("Reference data"))):
            label = QLabel("…")
            label.setWordWrap(True)
            self.labels[key] = label
            self.form.addRow(caption + ":", label)
        self.language = QComboBox()
        self.language.addItem("Tiếng Việt", "vi")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(0 if self.backend.language == "vi" else 1)
        self.language.currentIndexChanged.connect(self._language_changed)
        self.language.setMaximumWidth(260)
        self.form.addRow(tr("Language") + ":", self.language)
        from desktop.ui.text_size import TEXT_SIZES

        self.text_size = QComboBox()
        for percent, caption in zip(TEXT_SIZES, (tr("Normal"), tr("Larger"), tr("Largest")), strict=True):
            self.text_size.addItem(f"{caption} ({percent}%)", percent)
        self.text_size.setMaximumWidth(260)
        self.text_size.setToolTip(tr("Larger letters everywhere in the window, from the next start"))
        self.text_size.activated.connect(self._text_size_changed)
        self.form.addRow(tr("Text size") + ":", self.text_size)
        from desktop.version import VERSION

        self.form.addRow(tr("Version") + ":", QLabel(f"CTXH Desk {VERSION}"))
        self.idle = QSpinBox()
        self.idle.setRange(0, 240)
        self.idle.setSuffix(" " + tr("minutes"))
        self.idle.setSpecialValueText(tr("never"))
        self.idle.setMaximumWidth(160)
        self.idle.editingFinished.connect(self._idle_changed)
        self.form.addRow(tr("Lock after no use for") + ":", self.idle)
        self.backup_button = QPushButton(tr("Back up now"))
        self.backup_button.clicked.connect(self._backup)
        self.backup_to_button = QPushButton(tr("Back up to a folder or USB stick…"))
        self.backup_to_button.clicked.connect(self._backup_to)
        self.restore_button = QPushButton(tr("Restore from a backup…"))
        self.restore_button.clicked.connect(self._restore)
        buttons = QHBoxLayout()
        for button in (self.backup_button, self.backup_to_button, self.restore_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        note = QLabel(tr("Backups are encrypted with this laptop's key: only this laptop, or the province with "
                         "its recovery sheet, can open them."))
        note.setWordWrap(True)
        layout = QVBoxLayout(tab)
        layout.addLayout(self.form)
        layout.addSpacing(12)
        layout.addLayout(buttons)
        layout.addWidget(note)
        layout.addStretch(1)
        return tab

    def activate(self) -> None:
        """Fetch the profile facts; show the tabs this role may use."""
        role = self.backend.ctx.actor.role if self.backend.ctx is not None else ""
        self.tabs.setTabVisible(2, role == "ADMIN")
        self.restore_button.setVisible(role == "ADMIN")
        self.idle.setEnabled(role == "ADMIN")
        can_backup = role in ("ADMIN", "OFFICER")
        self.backup_button.setVisible(can_backup)
        self.backup_to_button.setVisible(can_backup)
        self.backend.call(ops.profile_info, on_done=self._show)
        self.backend.call(ops.text_size, on_done=lambda p: self.text_size.setCurrentIndex(
            max(0, self.text_size.findData(p))))
        self.backend.call(account_ops.idle_minutes, on_done=self.idle.setValue)
        self._tab_changed(self.tabs.currentIndex())

    def _tab_changed(self, index: int) -> None:
        if index == 1:
            self.accounts.activate()
        elif index == 2:
            self.audit.activate()
        elif index == 3:
            self.answers.activate()

    def _show(self, info: dict[str, Any]) -> None:
        for key, label in self.labels.items():
            if key == "reference":
                versions = info["reference_versions"]
                label.setText(tr("administrative units of {units}; code lists of {codes}",
                                 units=versions.get("admin_units", "—"), codes=versions.get("code_lists", "—")))
            elif key == "schema":
                # "0014_case_work" is the migration's name: the officer reads its number.
                revision = str(info.get(key) or "")
                number = revision.split("_", 1)[0].lstrip("0") or "0"
                label.setText(tr("no. {n}", n=number) if revision[:1].isdigit() else revision)
            else:
                label.setText(str(info.get(key, "")))

    def _language_changed(self) -> None:
        self.backend.call(ops.save_language, language=self.language.currentData(),
                          on_done=lambda _r: QMessageBox.information(
                              self, tr("Language"), tr("The new language applies the next time CTXH Desk starts.")))

    def _text_size_changed(self, _index: int) -> None:
        self.backend.call(ops.save_text_size, percent=self.text_size.currentData(),
                          on_done=lambda _r: QMessageBox.information(
                              self, tr("Text size"), tr("The new text size applies the next time CTXH Desk starts.")))

    def _idle_changed(self) -> None:
        self.backend.call(account_ops.save_idle_minutes, minutes=self.idle.value(),
                          on_error=lambda e: show_error(self, e))

    def _backup(self) -> None:
        self.backend.long(
            ops.backup, tr("Backing up…"), self,
            on_done=lambda path: QMessageBox.information(self, tr("Backup"), tr("Backed up and checked: {path}",
                                                                                 path=str(path))),
            on_error=lambda error: show_error(self, error),
        )

    def _backup_to(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, tr("Back up to a folder or USB stick"))
        if not folder:
            return
        self.backend.call(account_ops.backup_to, folder=Path(folder), on_error=lambda e: show_error(self, e),
                          on_done=lambda path: QMessageBox.information(
                              self, tr("Backup"), tr("Backed up, encrypted and checked: {path}", path=str(path))))

    def _restore(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(self, tr("Restore from a backup"), "",
                                                    tr("Backups") + " (*.sqlite3)")
        if not name or QMessageBox.question(self, tr("Restore"), tr(
                "Replace this laptop's data with the backup {path}? The data now is kept as a backup first. "
                "CTXH Desk closes afterwards; open it again and sign in.", path=name)) \
                != QMessageBox.StandardButton.Yes:
            return

        def done(_result: Any) -> None:
            QMessageBox.information(self, tr("Restore"), tr("Restored. CTXH Desk will now close; open it again."))
            QApplication.quit()

        self.backend.call(account_ops.restore, path=Path(name), on_done=done, on_error=lambda e: show_error(self, e))
