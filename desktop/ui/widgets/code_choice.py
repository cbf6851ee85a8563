"""The picker for a value a list import could not place: choose later, a code (the closest ones starred), or keep
the text as written. Used by the import wizard's mapping step and by Việc cần làm."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtWidgets import QComboBox

from desktop.ui.i18n import tr


class Labels(Protocol):
    """What the picker needs of the backend: a code's label and a list's (code, label) pairs."""

    def label(self, list_name: str, code: str | None) -> str: ...

    def items(self, list_name: str) -> list[tuple[str, str]]: ...

UNANSWERED = "__unanswered__"
KEEP_AS_WRITTEN = "__keep__"


def code_choice(backend: Labels, list_name: str, candidates: tuple[str, ...] | list[str],
                placed: str | None = None) -> QComboBox:
    """A combo over `list_name`'s codes. Its first item means "no answer": "choose later", or, for a value
    already placed by similarity, `placed` (its codes' labels) with the candidates left in their list place."""
    combo = QComboBox()
    if placed is not None:
        combo.addItem("✓ " + placed, UNANSWERED)
    else:
        combo.addItem(tr("— choose later (kept as written) —"), UNANSWERED)
        for code in candidates:
            combo.addItem("★ " + backend.label(list_name, code), code)
    if candidates:
        combo.insertSeparator(combo.count())
    for code, label in backend.items(list_name):
        if placed is not None or code not in candidates:
            combo.addItem(label, code)
    combo.insertSeparator(combo.count())
    combo.addItem(tr("Keep as written (do not ask again)"), KEEP_AS_WRITTEN)
    combo.setToolTip(tr("★ the closest codes to what the file says") if candidates and placed is None else "")
    return combo


def answer_of(combo: QComboBox) -> tuple[bool, str | None]:
    """(answered?, code or None for "keep as written")."""
    choice = combo.currentData()
    if choice == UNANSWERED:
        return False, None
    return True, None if choice == KEEP_AS_WRITTEN else choice
