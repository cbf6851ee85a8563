"""Printing a form's HTML through Qt's own printing: to a printer, or to a PDF file, on A4."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QMarginsF
from PySide6.QtGui import QPageLayout, QPageSize, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QApplication, QWidget

from desktop.ui.i18n import tr

MARGINS_MM = QMarginsF(25, 20, 15, 20)  # a wider left margin, for the binding of the case file


def _printer() -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setPageMargins(MARGINS_MM, QPageLayout.Unit.Millimeter)
    return printer


def _document(html: str, printer: QPrinter) -> QTextDocument:
    document = QTextDocument()
    document.setHtml(html)
    # Lay the text out on the printable area itself: left to its default, QTextDocument lays a wide table out
    # on its own idea of a page and the printer clips its right edge. The page is given in the document's
    # pixels (the screen's logical dots per inch, which its point sizes are measured in), so 11 pt prints as
    # 11 pt.
    from PySide6.QtGui import QGuiApplication

    screen = QGuiApplication.primaryScreen()
    dpi = screen.logicalDotsPerInch() if screen is not None else 96.0
    document.setPageSize(printer.pageRect(QPrinter.Unit.Inch).size() * dpi)
    document.setDocumentMargin(0)
    return document


def save_pdf(html: str, path: Path) -> Path:
    """Lay `html` out on A4 pages and write them to `path` as PDF."""
    printer = _printer()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    _document(html, printer).print_(printer)
    return path


def save_pdf_headless(html: str, path: Path) -> Path:
    """save_pdf for the command line: an application object first when there is none (the offscreen platform
    unless a display was asked for). A QApplication, not a bare QGuiApplication: a process that later opens a
    window needs the one kind Qt allows."""
    import os

    if QApplication.instance() is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        _HEADLESS.append(QApplication([]))
    return save_pdf(html, path)


_HEADLESS: list[QApplication] = []  # kept alive for the process: Qt must not lose its application mid-run


def print_html(html: str, parent: QWidget | None = None) -> bool:
    """Ask which printer, then print; False if the officer cancelled."""
    printer = _printer()
    dialog = QPrintDialog(printer, parent)
    if dialog.exec() != QPrintDialog.DialogCode.Accepted:
        return False
    _document(html, printer).print_(printer)
    return True


def list_html(title: str, heading: str, headers: list[str], rows: list[list[str]], note: str = "") -> str:
    """A list as a printable A4 table: its title, what it shows (count, search), the columns, the rows."""
    from html import escape

    head = "".join(f"<th align='left'>{escape(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in row) + "</tr>" for row in rows)
    extra = f"<p><i>{escape(note)}</i></p>" if note else ""
    return ("<html><body style='font-family: \"Noto Sans\", sans-serif; font-size: 9pt;'>"
            f"<h2>{escape(title)}</h2><p>{escape(heading)}</p>{extra}"
            f"<table width='100%' border='1' cellspacing='0' cellpadding='3'><tr>{head}</tr>{body}</table>"
            "</body></html>")


_PREVIEWS: list[Any] = []  # open previews (a dialog without a parent would be collected at once)


def preview_html(html: str, parent: QWidget | None = None) -> Any:
    """Show `html` as it will print (A4, the printer's margins), with the printer chosen from the preview
    (a PDF printer too)."""
    from PySide6.QtPrintSupport import QPrintPreviewDialog

    printer = _printer()
    document = _document(html, printer)
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setWindowTitle(tr("Print preview"))
    dialog.paintRequested.connect(lambda target: document.print_(target))
    dialog.resize(980, 700)
    _PREVIEWS.append(dialog)
    dialog.finished.connect(lambda _r: _PREVIEWS.remove(dialog) if dialog in _PREVIEWS else None)
    dialog.open()
    return dialog
