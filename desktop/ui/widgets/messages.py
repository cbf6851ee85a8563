"""Showing core errors to the officer, in Vietnamese, by their code."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from desktop.core.errors import CtxhError
from desktop.core.messages import describe_error
from desktop.ui.i18n import tr


def error_lines(error: BaseException) -> list[str]:
    """The lines that explain an error; unexpected errors get a generic sentence."""
    if isinstance(error, CtxhError):
        return describe_error(error)
    # Never the error's own text: a database error's message holds the SQL parameters (names, CCCD).
    from desktop.core.fault_log import record_fault

    incident = record_fault(error, None, "window")
    return [tr("Something went wrong inside the program; nothing more was changed. It was logged as incident "
               "{incident} (the log holds no personal data).", incident=incident)]


def show_error(parent: QWidget | None, error: BaseException) -> None:
    """A modal message box with the error's explanation."""
    QMessageBox.warning(parent, tr("CTXH Desk"), "\n".join(error_lines(error)))


def confirm_personal_data(parent: QWidget | None) -> bool:
    """Before a file leaves the encrypted profile in clear (an Excel list, a PDF, a report): say that it holds
    personal data, and go on only if the officer agrees."""
    answer = QMessageBox.question(parent, tr("A file in clear"), tr(
        "The file will hold personal data without encryption (names, birth dates, circumstances). Save it only "
        "where it is safe, give it only to whom the law allows, and delete it when it is no longer needed. "
        "Go on?"))
    return answer == QMessageBox.StandardButton.Yes
