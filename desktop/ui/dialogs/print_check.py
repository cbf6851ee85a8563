""""Kiểm tra bản in": a photo or scan of a printed form or report, and what its check code proves (issue 18).

The verdict comes first, in words and colour (genuine and current; genuine but changed, with the fields that
differ; not genuine), then who printed it and when, then the record as it prints now, to lay beside the
paper: the check code vouches for the record, the officer's eyes for the paper matching it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.backend import Backend
from desktop.ui.dialogs.card_reader import PICTURES, clipboard_png, start_folder
from desktop.ui.i18n import tr
from desktop.ui.widgets.messages import error_lines
from desktop.ui.widgets.tables import read_only_table

COLOURS = {"current": "#1b5e20", "changed": "#8a5a00", "gone": "#8a5a00", "unchecked": "#1b5e20",
           "not_genuine": "#b71c1c", "revoked": "#b71c1c", "unknown_signer": "#8a5a00"}


class PrintCheckDialog(QDialog):
    """Open (or paste) a picture of a paper; the worker checks its seal; the verdict and the record show."""

    def __init__(self, backend: Backend, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.backend = backend
        self.setWindowTitle(tr("Check a printed paper"))
        self.resize(880, 600)
        intro = QLabel(tr("Photograph or scan the printed form or report, with the check code at the foot of the "
                          "page, then open the picture here. The code says whether the paper was printed by a "
                          "commune's laptop and whether the record still says the same."))
        intro.setWordWrap(True)
        self.open_button = QPushButton(tr("Open a photo or scan…"))
        self.open_button.setObjectName("primaryButton")
        self.open_button.clicked.connect(self.open_picture)
        paste = QPushButton(tr("Paste the picture"))
        paste.clicked.connect(self.paste)
        row = QHBoxLayout()
        row.addWidget(self.open_button)
        row.addWidget(paste)
        row.addStretch(1)
        self.verdict = QLabel()
        self.verdict.setWordWrap(True)
        self.verdict.setTextFormat(Qt.TextFormat.PlainText)
        self.verdict.setStyleSheet("font-size: 12pt; font-weight: bold;")
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.PlainText)
        self.record_title = QLabel(tr("The record as it prints now — lay it beside the paper:"))
        self.record_title.hide()
        self.table = read_only_table([tr("Field"), tr("Now")], [])
        self.table.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(tr("Close"))
        buttons.rejected.connect(self.reject)
        self.layout_ = QVBoxLayout(self)
        for widget in (intro,):
            self.layout_.addWidget(widget)
        self.layout_.addLayout(row)
        self.layout_.addWidget(self.verdict)
        self.layout_.addWidget(self.details)
        self.layout_.addWidget(self.record_title)
        self.layout_.addWidget(self.table, 1)
        self.layout_.addWidget(buttons)
        self.results: list[dict[str, Any]] | None = None

    def open_picture(self) -> None:
        """Ask for the picture, then check it."""
        path, _ = QFileDialog.getOpenFileName(self, tr("Choose the photo or scan of the paper"), start_folder(),
                                              tr("Pictures ({patterns})", patterns=PICTURES))
        if path:
            self.check(path=Path(path))

    def paste(self) -> None:
        """Check the picture on the clipboard."""
        data = clipboard_png()
        if data is None:
            self._show_error(tr("There is no picture on the clipboard."))
            return
        self.check(data=data, name=tr("the pasted picture"))

    def check(self, path: Path | None = None, data: bytes | None = None, name: str = "") -> None:
        """Check the picture's seals on the worker."""
        from desktop.ui.operations.cards import check_print

        self.open_button.setEnabled(False)
        self.verdict.setStyleSheet("font-size: 12pt;")
        self.verdict.setText(tr("Checking…"))
        self.details.clear()
        self.backend.call(check_print, path=path, data=data, name=name, on_done=self._show,
                          on_error=lambda error: self._show_error("\n".join(error_lines(error))))

    def _show_error(self, text: str) -> None:
        self.open_button.setEnabled(True)
        self.verdict.setStyleSheet("font-size: 12pt; color: #b71c1c;")
        self.verdict.setText(text)
        self.details.clear()
        self.table.hide()
        self.record_title.hide()

    def _show(self, results: list[dict[str, Any]]) -> None:
        self.open_button.setEnabled(True)
        self.results = results
        result = results[0]
        from sync.print_seals import verdict_lines

        head, details = verdict_lines(result)
        if len(results) > 1:
            details += "\n" + tr("{n} check codes were found in the picture; the first is shown.", n=len(results))
        self.verdict.setStyleSheet(f"font-size: 12pt; font-weight: bold; color: {COLOURS[result['verdict']]};")
        self.verdict.setText(head)
        self.details.setText(details.strip())
        rows = [[label, text] for label, text in result.get("fields", [])]
        table = read_only_table([tr("Field"), tr("Now")], rows)
        table.horizontalHeader().setStretchLastSection(True)
        table.setColumnWidth(0, 300)
        self.layout_.replaceWidget(self.table, table)
        self.table.deleteLater()
        self.table = table
        self.table.setVisible(bool(rows))
        self.record_title.setVisible(bool(rows))
