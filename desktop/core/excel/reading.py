"""Reading one sheet of a checked workbook as plain rows of values (read-only, formulas not evaluated)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from desktop.core.errors import CtxhError
from desktop.core.excel.safety import check_workbook_file


class Formula(str):
    """The text of a formula cell: kept apart from text that merely starts with "=" (written as text)."""


def read_sheet(path: Path, sheet: str | None = None) -> tuple[str, list[tuple[Any, ...]]]:
    """(sheet name, rows) of the named sheet, or of the first visible one.

    Formula cells come back as Formula (their text), never as a computed value, so the caller can
    refuse them; hidden sheets are skipped when no sheet is named.
    """
    from openpyxl import load_workbook

    check_workbook_file(path)
    try:
        workbook = load_workbook(path, read_only=True, data_only=False, keep_links=False)
    except Exception as exc:  # openpyxl raises many kinds on a damaged file
        raise CtxhError("E_XLSX_BROKEN", file=path.name) from exc
    try:
        if sheet is not None:
            if sheet not in workbook.sheetnames:
                raise CtxhError("E_XLSX_SHEET", sheet=sheet)
            worksheet = workbook[sheet]
        else:
            visible = [ws for ws in workbook.worksheets if getattr(ws, "sheet_state", "visible") == "visible"]
            if not visible:
                raise CtxhError("E_XLSX_SHEET", sheet="")
            worksheet = visible[0]  # type: ignore[assignment]  # the stubs' worksheet union is narrower
        try:
            rows = [tuple(row) for row in worksheet.iter_rows(values_only=True)]
            if any(isinstance(v, str) and v.startswith("=") for row in rows for v in row):
                # Only typed cells tell a formula from text that starts with "=": read them, but only
                # for a sheet that has such text (values alone are several times faster to read).
                rows = [
                    tuple(Formula(c.value) if c.data_type == "f" else c.value for c in row)
                    for row in worksheet.iter_rows()
                ]
        except Exception as exc:
            raise CtxhError("E_XLSX_BROKEN", file=path.name) from exc
        return worksheet.title, rows
    finally:
        workbook.close()
