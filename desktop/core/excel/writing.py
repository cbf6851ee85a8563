"""Writing tables to .xlsx the way officers expect: frozen header, filters, Vietnamese dates, sensible widths.

Text that begins with = + - @, a tab or a carriage return is written as text with a quote prefix,
so that Excel and LibreOffice never read it as a formula (threat 17); reading it back gives the string.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from desktop.core.files import replace_atomically

RISKY_FIRST = frozenset("=+-@\t\r")
DATE_FORMAT = "dd/mm/yyyy"


@dataclass(frozen=True)
class SheetSpec:
    """A sheet: its title, column headers with widths (in characters), and its rows."""

    title: str
    columns: Sequence[tuple[str, int]]
    rows: Iterable[Sequence[Any]]


def write_workbook(path: Path, sheets: Sequence[SheetSpec]) -> dict[str, int]:
    """Write the sheets (write-only mode, streamed) atomically; returns rows written per sheet. Nothing goes to
    the temp folder: openpyxl's worksheet files are written beside `path` (desktop/core/excel/scratch.py)."""
    from desktop.core.excel.scratch import worksheets_beside

    with worksheets_beside(path):
        return _write_workbook(path, sheets)


def _write_workbook(path: Path, sheets: Sequence[SheetSpec]) -> dict[str, int]:
    workbook = Workbook(write_only=True)
    written: dict[str, int] = {}
    header_font = Font(bold=True, color="FFFFFF")
    header_fill = PatternFill("solid", fgColor="0F4C5C")
    wrap = Alignment(wrap_text=True, vertical="center")
    for spec in sheets:
        sheet = workbook.create_sheet(spec.title[:31])
        for index, (_title, width) in enumerate(spec.columns, start=1):
            sheet.column_dimensions[get_column_letter(index)].width = width
        sheet.freeze_panes = "A2"
        header = []
        for title, _width in spec.columns:
            cell = WriteOnlyCell(sheet, value=title)
            cell.font, cell.fill, cell.alignment = header_font, header_fill, wrap
            header.append(cell)
        sheet.append(header)
        count = 0
        for row in spec.rows:
            sheet.append([_cell(sheet, value) for value in row])
            count += 1
        sheet.auto_filter.ref = f"A1:{get_column_letter(len(spec.columns))}{count + 1}"
        written[spec.title] = count
    replace_atomically(path, workbook.save)
    return written


def _cell(sheet: Any, value: Any) -> Any:
    kind = type(value)
    if kind is str:
        if ILLEGAL_CHARACTERS_RE.search(value):
            value = ILLEGAL_CHARACTERS_RE.sub("", value)  # NUL and other control characters XML cannot hold
        if value[:1] in RISKY_FIRST:
            cell = WriteOnlyCell(sheet, value=value)
            cell.data_type = "s"
            cell.quotePrefix = True
            return cell
        return value
    if kind is dt.datetime:
        value = value.date()
        kind = dt.date
    if kind is dt.date:
        cell = WriteOnlyCell(sheet, value=value)
        cell.number_format = DATE_FORMAT
        return cell
    return value


def set_text(cell: Any, value: str) -> None:
    """Put text in a cell of a normal (not write-only) workbook as text, never as a formula: control
    characters XML cannot hold are dropped and a risky first character gets the quote prefix."""
    value = ILLEGAL_CHARACTERS_RE.sub("", value)
    cell.value = value
    cell.data_type = "s"
    if value[:1] in RISKY_FIRST:
        cell.quotePrefix = True


def fit_a4_portrait(sheet: Any, print_area: str, left: float = 0.8, right: float = 0.5) -> None:
    """Lay a sheet out for printing on A4 portrait: the print area fitted to the page's width, as many pages
    down as it takes, margins in inches (a wider left one for the binding)."""
    from openpyxl.worksheet.page import PageMargins

    sheet.print_area = print_area
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.orientation = "portrait"
    sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.page_margins = PageMargins(left=left, right=right, top=0.6, bottom=0.6)
