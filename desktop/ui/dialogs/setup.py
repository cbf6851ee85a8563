"""First-run setup: commune, this laptop's name, and the first officer account."""

from __future__ import annotations

import platform
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.backend import Backend
from desktop.ui.i18n import tr
from desktop.ui.widgets.common import FilterList
from desktop.ui.widgets.messages import error_lines


class SetupDialog(QDialog):
    """Creates the profile on the database worker; on success backend.ctx is set and signed in."""

    def __init__(self, backend: Backend, data_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.backend = backend
        self.data_dir = data_dir
        self.setWindowTitle(tr("Set up CTXH Desk"))
        self.resize(820, 620)
        self._units: list[dict[str, Any]] = []
        intro = QLabel(tr("Welcome. Choose the commune this laptop works for, name the laptop, and create the "
                          "first officer account. Data stays on this laptop."))
        intro.setWordWrap(True)
        self.provinces = FilterList(tr("Type to find a province (e.g. ha noi)"))
        self.communes = FilterList(tr("Type to find a commune or ward"))
        self.provinces.selected.connect(self._province_chosen)
        lists = QGridLayout()
        lists.addWidget(QLabel(tr("Province / city")), 0, 0)
        lists.addWidget(QLabel(tr("Commune / ward")), 0, 1)
        lists.addWidget(self.provinces, 1, 0)
        lists.addWidget(self.communes, 1, 1)
        self.device_name = QLineEdit(platform.node() or "")
        self.username = QLineEdit()
        self.username.setPlaceholderText(tr("e.g. nguyenvana"))
        self.display_name = QLineEdit()
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase2 = QLineEdit()
        self.passphrase2.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout()
        form.addRow(tr("Laptop name"), self.device_name)
        form.addRow(tr("User name"), self.username)
        form.addRow(tr("Full name"), self.display_name)
        form.addRow(tr("Passphrase (10+ characters, or four words)"), self.passphrase)
        form.addRow(tr("Repeat passphrase"), self.passphrase2)
        self.problem = QLabel()
        self.problem.setObjectName("formSummary")
        self.problem.setWordWrap(True)
        self.problem.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("Create profile"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("Cancel"))
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(lists, 1)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        backend.runner.submit(_read_units, self._units_loaded)

    def _units_loaded(self, provinces: list[dict[str, Any]]) -> None:
        self._units = provinces
        self.provinces.set_items([(p["code"], p["name"]) for p in provinces])

    def _province_chosen(self, code: str) -> None:
        province = next((p for p in self._units if p["code"] == code), None)
        self.communes.set_items([(c[0], f"{c[1]}") for c in (province or {}).get("communes", [])])

    def _fail(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.show()
        self.buttons.setEnabled(True)

    def _submit(self) -> None:
        province, commune = self.provinces.current_code(), self.communes.current_code()
        if not province or not commune:
            self._fail(tr("Choose the province and the commune."))
            return
        if self.passphrase.text() != self.passphrase2.text():
            self._fail(tr("The two passphrases differ."))
            return
        self.buttons.setEnabled(False)
        values = dict(province_code=province, commune_code=commune, device_name=self.device_name.text(),
                      username=self.username.text(), passphrase=self.passphrase.text(),
                      display_name=self.display_name.text())
        data_dir = self.data_dir

        def create() -> Any:
            from desktop.ui.operations.profile import set_up

            return set_up(data_dir, values=values)

        self.backend.runner.submit(create, self._created, lambda error: self._fail("\n".join(error_lines(error))))

    def _created(self, opened: tuple[Any, Any]) -> None:
        self.backend.opened(*opened)
        self.accept()


def _read_units() -> list[dict[str, Any]]:
    from desktop.ui.operations.profile import admin_units

    return admin_units()["provinces"]
