"""Refuse hostile or unusable workbooks before openpyxl parses them (threats 13 and 16).

Only .xlsx; no macros (vbaProject.bin), no external links, no oversized or high-ratio members.
openpyxl parses XML through defusedxml when it is installed (it is a dependency), and it never
evaluates formulas; formula cells are reported, not computed.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from desktop.core.errors import CtxhError

MAX_UNCOMPRESSED = 300 * 1024 * 1024
MAX_RATIO = 200
MAX_MEMBERS = 10_000


def check_workbook_file(path: Path) -> None:
    """Raise a CtxhError (exit 2) unless `path` is a plain, sane .xlsx file."""
    suffix = path.suffix.lower()
    if suffix in (".xlsm", ".xltm", ".xlsb"):
        raise CtxhError("E_XLSX_MACRO", file=path.name)
    if suffix != ".xlsx":
        raise CtxhError("E_XLSX_TYPE", file=path.name)
    if not path.is_file():
        raise CtxhError("E_FILE_MISSING", file=str(path))
    try:
        with zipfile.ZipFile(path) as zf:
            members = zf.infolist()
            if len(members) > MAX_MEMBERS:
                raise CtxhError("E_XLSX_TOO_BIG", file=path.name)
            total = 0
            for member in members:
                name = member.filename.lower()
                if name.endswith("vbaproject.bin"):
                    raise CtxhError("E_XLSX_MACRO", file=path.name)
                if name.startswith("xl/externallinks/"):
                    raise CtxhError("E_XLSX_EXTERNAL", file=path.name)
                total += member.file_size
                if member.compress_size and member.file_size / member.compress_size > MAX_RATIO:
                    raise CtxhError("E_XLSX_TOO_BIG", file=path.name)
            if total > MAX_UNCOMPRESSED:
                raise CtxhError("E_XLSX_TOO_BIG", file=path.name)
            if "xl/workbook.xml" not in {m.filename for m in members}:
                raise CtxhError("E_XLSX_BROKEN", file=path.name)
    except (zipfile.BadZipFile, OSError, EOFError):
        raise CtxhError("E_XLSX_BROKEN", file=path.name) from None
