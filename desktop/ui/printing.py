"""Printing a form's HTML through Qt's own printing: to a printer, or to a PDF file, on A4."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMarginsF
from PySide6.QtGui import QPageLayout, QPageSize, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QApplication, QWidget

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
