"""Cài đặt: this laptop's profile, the language, and a backup."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.backend import Backend
from desktop.ui.i18n import tr
from desktop.ui.operations import profile as ops
from desktop.ui.widgets.messages import show_error


class SettingsPage(QWidget):
    """Read-only profile facts, the interface language, and "Back up now"."""

    def __init__(self, backend: Backend) -> None:
        super().__init__()
        self.backend = backend
        title = QLabel(tr("Settings"))
        title.setObjectName("pageTitle")
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
        self.language.setCurrentIndex(0 if backend.language == "vi" else 1)
        self.language.currentIndexChanged.connect(self._language_changed)
        self.language.setMaximumWidth(260)
        self.form.addRow(tr("Language") + ":", self.language)
        self.backup_button = QPushButton(tr("Back up now"))
        self.backup_button.clicked.connect(self._backup)
        buttons = QHBoxLayout()
        buttons.addWidget(self.backup_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(self.form)
        layout.addSpacing(12)
        layout.addLayout(buttons)
        layout.addStretch(1)

    def activate(self) -> None:
        """Fetch the profile facts."""
        self.backend.call(ops.profile_info, on_done=self._show)

    def _show(self, info: dict[str, Any]) -> None:
        for key, label in self.labels.items():
            if key == "reference":
                versions = info["reference_versions"]
                label.setText(tr("administrative units of {units}; code lists of {codes}",
                                 units=versions.get("admin_units", "—"), codes=versions.get("code_lists", "—")))
            else:
                label.setText(str(info.get(key, "")))

    def _language_changed(self) -> None:
        self.backend.call(ops.save_language, language=self.language.currentData(),
                          on_done=lambda _r: QMessageBox.information(
                              self, tr("Language"), tr("The new language applies the next time CTXH Desk starts.")))

    def _backup(self) -> None:
        self.backend.long(
            ops.backup, tr("Backing up…"), self,
            on_done=lambda path: QMessageBox.information(self, tr("Backup"), tr("Backed up and checked: {path}",
                                                                                 path=str(path))),
            on_error=lambda error: show_error(self, error),
        )
