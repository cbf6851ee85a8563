"""Cards from the window: this laptop's card shown and saved for the province, and a received card shown
with its fingerprint, to read aloud over the phone with whoever sent it, before it is trusted."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFileDialog, QLabel, QVBoxLayout, QWidget

from desktop.ui.backend import Backend
from desktop.ui.i18n import tr
from desktop.ui.operations import sync as ops
from desktop.ui.widgets.messages import error_lines


def fingerprint_label(fingerprint: str) -> QLabel:
    """The fingerprint large, in a fixed-width font, in two lines of four groups: easy to read out."""
    groups = fingerprint.split("-")
    label = QLabel("  ".join(groups[:4]) + "\n" + "  ".join(groups[4:]))
    font = QFont("monospace")
    font.setStyleHint(QFont.StyleHint.Monospace)
    font.setPointSize(16)
    label.setFont(font)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setObjectName("fingerprint")
    return label


def _kind(card: dict[str, Any]) -> str:
    return tr("the province (hub)") if card.get("kind") == "ctxh-hub-card" else tr("a laptop")


class CardDialog(QDialog):
    """A card and its fingerprint; with `confirm`, a button that does something with it (trust or save): the
    caller connects `buttons.accepted`, and accepts the dialog once it is done."""

    def __init__(self, title: str, intro: str, card: dict[str, Any], confirm: str | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(600)
        text = QLabel(intro)
        text.setWordWrap(True)
        who = QLabel(tr("{name} — {kind}, {partition}", name=card.get("name", ""), kind=_kind(card),
                        partition=card.get("partition", "")))
        who.setObjectName("cardCaption")
        self.problem = QLabel()
        self.problem.setObjectName("formSummary")
        self.problem.setWordWrap(True)
        self.problem.hide()
        buttons = QDialogButtonBox()
        if confirm:
            ok = buttons.addButton(confirm, QDialogButtonBox.ButtonRole.AcceptRole)
            ok.setObjectName("primaryButton")
            buttons.addButton(tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        else:
            buttons.addButton(tr("Close"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(who)
        layout.addWidget(QLabel(tr("Fingerprint:")))
        layout.addWidget(fingerprint_label(card.get("fingerprint", "")))
        layout.addWidget(self.problem)
        layout.addWidget(buttons)

    def show_problem(self, error: BaseException) -> None:
        """Keep the dialog open with what was refused."""
        self.problem.setText("\n".join(error_lines(error)))
        self.problem.show()


def show_this_laptop_card(backend: Backend, parent: QWidget, done: Any = None) -> None:
    """Show this laptop's card and save it where the officer chooses (a USB stick, a folder to e-mail from)."""
    def shown(card: dict[str, Any]) -> None:
        dialog = CardDialog(
            tr("This laptop's card"),
            tr("Send this card to the province (on a USB stick or by e-mail) so it can register this laptop. "
               "When the district calls, read them the fingerprint below: it must be the same on their screen."),
            card, tr("Save the card…"), parent)

        def save() -> None:
            name = f"the-may-{card['partition'].replace(':', '-')}.json"
            path, _ = QFileDialog.getSaveFileName(dialog, tr("Save this laptop's card"),
                                                  str(Path.home() / name), tr("Cards (*.json)"))
            if not path:
                return
            backend.call(ops.save_this_laptop_card, path=Path(path), on_error=dialog.show_problem,
                         on_done=lambda _c: (dialog.accept(), done and done(tr("Card saved: {path}", path=path))))

        dialog.buttons.accepted.connect(save)
        dialog.open()

    backend.call(ops.this_laptop_card, on_done=shown, on_error=lambda e: done and done("\n".join(error_lines(e))))


def trust_a_card(backend: Backend, parent: QWidget, done: Any = None) -> None:
    """Choose a received card, show its fingerprint to confirm over the phone, then trust it."""
    path_text, _ = QFileDialog.getOpenFileName(parent, tr("The card to trust"), "", tr("Cards (*.json)"))
    if not path_text:
        return
    path = Path(path_text)

    def checked(card: dict[str, Any]) -> None:
        dialog = CardDialog(
            tr("Trust a card"),
            tr("Call whoever sent this card and have them read their fingerprint. Trust it only if every group "
               "is the same: a card that arrived by e-mail or on a stick could have been swapped on the way."),
            card, tr("The fingerprints match: trust it"), parent)

        def trust() -> None:
            backend.call(ops.trust_card_file, path=path, on_error=dialog.show_problem,
                         on_done=lambda c: (dialog.accept(), done and done(
                             tr("Trusted: {name} ({fingerprint}).", name=c["name"], fingerprint=c["fingerprint"]))))

        dialog.buttons.accepted.connect(trust)
        dialog.open()

    backend.call(ops.check_card_file, path=path, on_done=checked,
                 on_error=lambda e: done and done("\n".join(error_lines(e))))
