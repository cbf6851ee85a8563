"""Reading one sheet of a checked workbook as rows of values, with python-calamine (.xlsx, .xlsb, .xls, .ods).

calamine reads what the file stores: a formula cell gives the value Excel last computed and shows (T27:
values only; nothing is evaluated, no link followed). Rows are handed out one at a time and never kept here,
so a caller that streams holds one row; calamine itself keeps the sheet's cells in its own compact form while
the sheet is read (python-calamine has no lazy reader: its issue 42).
"""

from __future__ import annotations

import re
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop.core.errors import CtxhError
from desktop.core.excel.legacy_text import LEGACY_FONTS, TCVN3, VNI, encoding_of_font
from desktop.core.excel.safety import check_workbook_file

_FONT_NAME = re.compile(rb'(?:<(?:\w+:)?(?:name|rFont)\s+val="|style:font-name="|style:name=")([^"]{1,64})"')


@dataclass(frozen=True)
class SheetSource:
    """A sheet to read: the file, the sheet's name, the kind of file and the legacy font the workbook uses."""

    path: Path
    name: str
    kind: str
    legacy_font: str | None = None  # TCVN3 or VNI when the workbook's fonts are .VnTime, VNI-Times…

    def rows(self) -> Iterator[tuple[Any, ...]]:
        """The sheet's rows from the first, each a tuple of values (None for an empty cell). Each call reads
        the file again, so a plan and its import stream the same rows."""
        workbook = _open(self.path)
        try:
            try:
                sheet = workbook.get_sheet_by_name(self.name)
                start = sheet.start
                # calamine's rows count from the sheet's first row, its columns from the first used one.
                lead = (None,) * (start[1] if start else 0)
                merged = _merged_down(sheet)
                for number, row in enumerate(sheet.iter_rows()):
                    # Empty cells come as "": None instead. Numbers and dates are left as calamine gives them
                    # (cell_text and cell_date read floats, dates and datetimes alike).
                    cells = lead + tuple([None if v == "" else v for v in row])
                    yield merged.fill(number, cells) if merged is not None else cells
            except CtxhError:
                raise
            except Exception as exc:  # calamine raises its own kinds on a damaged sheet
                raise CtxhError("E_XLSX_BROKEN", file=self.path.name) from exc
        finally:
            workbook.close()


@dataclass
class _Merged:
    """Cells merged down several rows ("Thôn 1" beside three people), so every row of a merge reads its value:
    the merges' first rows and columns, the rows below them, and the values met so far."""

    tops: dict[int, list[int]] = field(default_factory=dict)  # first row -> its merged columns
    below: dict[int, list[tuple[int, int]]] = field(default_factory=dict)  # row -> [(column, first row)]
    values: dict[tuple[int, int], Any] = field(default_factory=dict)

    def fill(self, number: int, cells: tuple[Any, ...]) -> tuple[Any, ...]:
        """Row `number` (0-based) with the merges above it filled in."""
        for col in self.tops.get(number, ()):
            self.values[(number, col)] = cells[col] if col < len(cells) else None
        if number not in self.below:
            return cells
        filled = list(cells)
        for col, top in self.below[number]:
            filled.extend([None] * (col + 1 - len(filled)))
            if filled[col] is None:
                filled[col] = self.values.get((top, col))
        return tuple(filled)


def _merged_down(sheet: Any) -> _Merged | None:
    merged = _Merged()
    for (top, left), (bottom, _right) in getattr(sheet, "merged_cell_ranges", None) or []:
        if bottom > top:
            merged.tops.setdefault(top, []).append(left)
            for row in range(top + 1, bottom + 1):
                merged.below.setdefault(row, []).append((left, top))
    return merged if merged.below else None


def _open(path: Path) -> Any:
    from python_calamine import CalamineWorkbook, PasswordError

    try:
        return CalamineWorkbook.from_path(str(path))
    except PasswordError:
        raise CtxhError("E_XLSX_PASSWORD", file=path.name) from None
    except Exception as exc:
        raise CtxhError("E_XLSX_BROKEN", file=path.name) from exc


def open_sheet(path: Path, sheet: str | None = None) -> SheetSource:
    """The named sheet, or the first visible one, of a workbook that passed the safety checks (and that a child
    process opened first: desktop/core/excel/probe.py)."""
    from desktop.core.excel.probe import check_layout

    kind = check_workbook_file(path)
    check_layout(path)
    workbook = _open(path)
    try:
        metadata = workbook.sheets_metadata
    except Exception as exc:
        raise CtxhError("E_XLSX_BROKEN", file=path.name) from exc
    finally:
        workbook.close()
    names = [m.name for m in metadata]
    if sheet is not None:
        if sheet not in names:
            raise CtxhError("E_XLSX_SHEET", sheet=sheet)
        name = sheet
    else:
        visible = [m.name for m in metadata if str(m.visible).endswith("Visible")
                   and str(getattr(m, "typ", "WorkSheet")).endswith("WorkSheet")]
        if not visible:
            raise CtxhError("E_XLSX_SHEET", sheet="")
        name = visible[0]
    return SheetSource(path, name, kind, _legacy_font(path, kind))


def _legacy_font(path: Path, kind: str) -> str | None:
    """TCVN3 or VNI if the workbook names such a font (in its styles, or in the .xls font records)."""
    names: list[str] = []
    try:
        if kind == "xls":
            data = path.read_bytes()
            for encoding, (ascii_mark, text_mark) in LEGACY_FONTS.items():
                if ascii_mark in data or text_mark.encode("utf-16-le") in data:
                    return encoding
            return None
        with zipfile.ZipFile(path) as zf:
            for member in ("xl/styles.xml", "styles.xml", "content.xml"):
                if member in zf.namelist():
                    with zf.open(member) as handle:
                        head = handle.read(256 * 1024)  # font declarations come first
                    names += [m.decode("utf-8", "replace") for m in _FONT_NAME.findall(head)]
    except (OSError, zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError):
        # A damaged member (a download cut short): no font to tell; the sheet's own reading says what is wrong.
        return None
    found = {encoding_of_font(name) for name in names} - {None}
    if TCVN3 in found:
        return TCVN3
    return VNI if VNI in found else None
