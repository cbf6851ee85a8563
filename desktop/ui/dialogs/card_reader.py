""""Đọc từ thẻ": a dialog's person fields filled from a photo of the citizen's card (issue 18).

The photo is the one an officer has: taken on a phone and sent over chat (opened from the folder it landed
in), or copied from the chat window (pasted). It is read on the worker; the picture is never kept. A field
the officer left empty is filled; one already typed differently is shown beside the card's value and changed
only if the officer ticks it. The card's number is checked against its own birth date and sex, and the people
already here with that number are named, with a way to open them instead of making a second one.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.messages import field_label, format_message
from desktop.core.text import format_date
from desktop.ui.backend import Backend
from desktop.ui.dialogs.record_form import RecordForm
from desktop.ui.i18n import tr
from desktop.ui.widgets.messages import error_lines

PICTURES = "*.jpg *.jpeg *.png *.webp *.bmp *.gif *.tif *.tiff"
# Where a photo sent over chat lands on a commune's laptop: Zalo PC's folder first, then the usual ones.
LIKELY_FOLDERS = ("Documents/Zalo Received Files", "Downloads", "Pictures", "")
_last_folder: list[Path] = []  # the folder the last photo was opened from, for the next one (this session)
OpenExisting = Callable[[dict[str, Any]], None]


def _same(a: str, b: str) -> bool:
    def norm(text: str) -> str:
        return " ".join(unicodedata.normalize("NFC", text).split()).casefold()

    return norm(a) == norm(b)


def start_folder() -> str:
    """The folder the open dialog starts in."""
    if _last_folder and _last_folder[0].is_dir():
        return str(_last_folder[0])
    home = Path.home()
    return str(next((home / f for f in LIKELY_FOLDERS if (home / f).is_dir()), home))


def clipboard_png() -> bytes | None:
    """The picture on the clipboard as PNG bytes (a photo copied in a chat window), or None."""
    mime = QGuiApplication.clipboard().mimeData()
    if mime is None or not mime.hasImage():
        return None
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    QGuiApplication.clipboard().image().save(buffer, "PNG")
    return bytes(data.data())


class DifferencesDialog(QDialog):
    """The fields where what was typed differs from the card: each with a tick to take the card's value."""

    def __init__(self, rows: list[tuple[str, str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("The card says otherwise"))
        self.resize(780, 180 + 34 * len(rows))
        intro = QLabel(tr("These fields were already filled in and the card says something else. Tick the ones to "
                          "take from the card; the others stay as typed."))
        intro.setWordWrap(True)
        self.table = QTableWidget(len(rows), 3)
        self.table.setHorizontalHeaderLabels([tr("Field"), tr("As typed"), tr("On the card")])
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setColumnWidth(0, 170)
        self.table.setColumnWidth(1, 250)
        for i, (label, typed, card) in enumerate(rows):
            first = QTableWidgetItem(label)
            first.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            first.setCheckState(Qt.CheckState.Checked)
            self.table.setItem(i, 0, first)
            for column, text in ((1, typed), (2, card)):
                item = QTableWidgetItem(text)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled)
                item.setToolTip(text)
                self.table.setItem(i, column, item)
        buttons = QDialogButtonBox()
        take = buttons.addButton(tr("Take the ticked values from the card"), QDialogButtonBox.ButtonRole.AcceptRole)
        take.setObjectName("primaryButton")
        buttons.addButton(tr("Keep everything as typed"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)

    def ticked(self) -> list[int]:
        """The rows whose card value is to be taken."""
        return [i for i in range(self.table.rowCount())
                if self.table.item(i, 0).checkState() == Qt.CheckState.Checked]


class CardReaderBar(QWidget):
    """The "Đọc từ thẻ" button over a dialog's person fields, and what it found."""

    def __init__(self, backend: Backend, form: RecordForm, on_existing: OpenExisting | None = None,
                 existing_kind: str = "beneficiaries", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.backend = backend
        self.form = form
        self.on_existing = on_existing
        self.existing_kind = existing_kind
        # One click to the file dialog (the usual path: a phone photo sent over chat); pasting beside it.
        self.button = QPushButton(tr("Read from the card…"))
        self.button.setToolTip(tr("Fill the person's details from the QR code of their chip CCCD or căn cước: "
                                  "open the photo taken on a phone"))
        self.button.clicked.connect(self.open_photo)
        self.paste_button = QPushButton(tr("Paste the picture (Ctrl+Shift+V)"))
        self.paste_button.setToolTip(tr("A picture of the card copied in the chat window (right-click, Copy)"))
        self.paste_button.clicked.connect(self.paste)
        QShortcut(QKeySequence("Ctrl+Shift+V"), self, activated=self.paste)
        hint = QLabel(tr("The side with the QR code; the photo is not kept."))
        hint.setObjectName("hint")
        self.notice = QLabel()
        self.notice.setWordWrap(True)
        self.notice.setTextFormat(Qt.TextFormat.PlainText)
        self.notice.hide()
        self.warning = QLabel()
        self.warning.setObjectName("fieldError")
        self.warning.setWordWrap(True)
        self.warning.hide()
        self.open_button = QPushButton()
        self.open_button.hide()
        self.open_button.clicked.connect(self._open_existing)
        self._existing: dict[str, Any] | None = None
        self.differences: DifferencesDialog | None = None  # kept for the tests, which answer it
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.button)
        row.addWidget(self.paste_button)
        row.addWidget(hint, 1)
        found = QHBoxLayout()
        found.setContentsMargins(0, 0, 0, 0)
        found.addWidget(self.notice, 1)
        found.addWidget(self.open_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 4)
        layout.addLayout(row)
        layout.addLayout(found)
        layout.addWidget(self.warning)

    def open_photo(self) -> None:
        """Ask for the photo, then read it."""
        from PySide6.QtWidgets import QFileDialog

        path, _ = QFileDialog.getOpenFileName(self, tr("Choose a photo of the card"), start_folder(),
                                              tr("Pictures ({patterns})", patterns=PICTURES))
        if path:
            _last_folder[:] = [Path(path).parent]
            self.read(path=Path(path))

    def paste(self) -> None:
        """Read the picture on the clipboard (copied from a chat window), or the picture file copied there."""
        picture = clipboard_png()
        mime = QGuiApplication.clipboard().mimeData()
        if picture is not None:
            self.read(data=picture, name=tr("the pasted picture"))
        elif mime is not None and mime.hasUrls() and mime.urls()[0].isLocalFile():
            self.read(path=Path(mime.urls()[0].toLocalFile()))
        else:
            self._say("", tr("There is no picture on the clipboard. Copy the photo in the chat window first "
                             "(right-click, Copy), or open the photo's file."))

    def read(self, path: Path | None = None, data: bytes | None = None, name: str = "") -> None:
        """Read the card on the worker and fill the form with it."""
        from desktop.ui.operations.cards import read_card_picture

        self.button.setEnabled(False)
        self.paste_button.setEnabled(False)
        self._say(tr("Reading the card…"), "")
        self.open_button.hide()
        self.backend.call(read_card_picture, path=path, data=data, name=name, on_done=self._apply,
                          on_error=self._failed)

    def _failed(self, error: BaseException) -> None:
        self.button.setEnabled(True)
        self.paste_button.setEnabled(True)
        self._say("", "\n".join(error_lines(error)))

    def _say(self, notice: str, warning: str) -> None:
        self.notice.setText(notice)
        self.notice.setVisible(bool(notice))
        self.warning.setText(warning)
        self.warning.setVisible(bool(warning))

    def _shown(self, name: str, value: Any) -> str:
        if name == "gender":
            return self.backend.label("gender", value)
        return format_date(value) if isinstance(value, dt.date) else str(value)

    def _apply(self, data: dict[str, Any]) -> None:
        self.button.setEnabled(True)
        self.paste_button.setEnabled(True)
        values: dict[str, Any] = {}
        for name, value in data["fields"].items():
            if name in ("birth_date", "id_issued_on"):
                value = dt.date.fromisoformat(value)
            if self.form.has_field(name):
                values[name] = value
        filled, differ = [], []
        for name, value in values.items():
            typed, card = self.form.value_text(name).strip(), self._shown(name, value)
            if not typed:
                self.form.set_value(name, value)
                filled.append(name)
            elif not _same(typed, card):
                differ.append((name, typed, card))
        if not differ:
            self._finish(data, filled, [], [])
            return
        dialog = DifferencesDialog([(field_label(n), typed, card) for n, typed, card in differ], self)
        self.differences = dialog
        self._say(tr("Read the card: {n} field(s) typed before differ from it.", n=len(differ)), "")

        def answered(result: int) -> None:
            taken = []
            if result == QDialog.DialogCode.Accepted:
                for i in dialog.ticked():
                    name = differ[i][0]
                    self.form.set_value(name, values[name])
                    taken.append(name)
            self.differences = None
            self._finish(data, filled, [n for n, _t, _c in differ], taken)

        dialog.finished.connect(answered)
        dialog.open()

    def _finish(self, data: dict[str, Any], filled: list[str], differ: list[str], taken: list[str]) -> None:
        lines = [tr("Filled {n} field(s) from the card: {fields}.", n=len(filled) + len(taken),
                    fields=", ".join(field_label(n) for n in [*filled, *taken]) or "—")]
        kept = [n for n in differ if n not in taken]
        if kept:
            lines.append(tr("Kept as typed: {fields}.", fields=", ".join(field_label(n) for n in kept)))
        problems = [format_message(p["code"], p["params"]) for p in data["problems"]]
        if problems:
            problems.insert(0, tr("Check the card: its number disagrees with what it says."))
        self._offer(data.get("existing") or {}, lines)
        self._say("\n".join(lines), "\n".join(problems))

    def _offer(self, existing: dict[str, list[dict[str, Any]]], lines: list[str]) -> None:
        people = existing.get(self.existing_kind) or []
        self._existing = people[0] if people else None
        if not people:
            return
        person = people[0]
        if self.existing_kind == "workers":
            lines.append(tr("{name} is already on the roster with this number.", name=person["full_name"]))
            self.open_button.setText(tr("Open their entry"))
        else:
            numbers = ", ".join(c["case_no"] for c in person.get("cases", []))
            lines.append(tr("{name} is already here with this number", name=person["full_name"])
                         + (f" ({tr('cases')}: {numbers})." if numbers else "."))
            self.open_button.setText(tr("Open the existing case"))
        self.open_button.setVisible(self.on_existing is not None and (
            self.existing_kind == "workers" or bool(person.get("cases"))))

    def _open_existing(self) -> None:
        if self._existing is not None and self.on_existing is not None:
            self.on_existing(self._existing)
