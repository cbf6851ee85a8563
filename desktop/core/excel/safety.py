"""Refuse hostile or unusable workbooks before a parser reads them (threats 13 and 16).

Excel 2007+ (.xlsx, .xlsb), Excel 97–2003 (.xls) and OpenDocument (.ods); never a macro-enabled type or a
file holding a macro project, never one that links to other files, never an oversized or high-ratio zip.
The readers take values only: no formula is evaluated, no link followed, no macro run.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from desktop.core.errors import CtxhError

MAX_UNCOMPRESSED = 300 * 1024 * 1024
MAX_RATIO = 200
MAX_MEMBERS = 10_000
MAX_XLS = 100 * 1024 * 1024  # Excel 97–2003 holds at most 65,536 rows a sheet
MACRO_SUFFIXES = (".xlsm", ".xltm", ".xlam", ".xla")
KINDS = {".xlsx": "xlsx", ".xlsb": "xlsb", ".xls": "xls", ".ods": "ods"}
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# A macro project inside an .xls: the storage names of its directory, written in UTF-16.
_XLS_MACRO_NAMES = tuple(name.encode("utf-16-le") for name in ("_VBA_PROJECT_CUR", "_VBA_PROJECT", "Macros"))


def workbook_kind(path: Path) -> str:
    """xlsx, xlsb, xls or ods, from the name; CtxhError for anything else (macro-enabled types included)."""
    suffix = path.suffix.lower()
    if suffix in MACRO_SUFFIXES:
        raise CtxhError("E_XLSX_MACRO", file=path.name)
    if suffix not in KINDS:
        raise CtxhError("E_XLSX_TYPE", file=path.name)
    return KINDS[suffix]


def check_workbook_file(path: Path) -> str:
    """Raise a CtxhError (exit 2) unless `path` is a plain, sane workbook; returns its kind."""
    kind = workbook_kind(path)
    if not path.is_file():
        raise CtxhError("E_FILE_MISSING", file=str(path))
    if kind == "xls":
        _check_xls(path)
    else:
        _check_zip(path, kind)
    return kind


def _check_xls(path: Path) -> None:
    if path.stat().st_size > MAX_XLS:
        raise CtxhError("E_XLSX_TOO_BIG", file=path.name)
    data = path.read_bytes()
    if not data.startswith(OLE_MAGIC):
        raise CtxhError("E_XLSX_BROKEN", file=path.name)
    if any(name in data for name in _XLS_MACRO_NAMES):
        raise CtxhError("E_XLSX_MACRO", file=path.name)


def _check_zip(path: Path, kind: str) -> None:
    try:
        with zipfile.ZipFile(path) as zf:
            members = zf.infolist()
            if len(members) > MAX_MEMBERS:
                raise CtxhError("E_XLSX_TOO_BIG", file=path.name)
            total = 0
            for member in members:
                name = member.filename.lower()
                if name.endswith("vbaproject.bin") or (kind == "ods" and name.startswith(("basic/", "scripts/"))):
                    raise CtxhError("E_XLSX_MACRO", file=path.name)
                if name.startswith("xl/externallinks/"):
                    raise CtxhError("E_XLSX_EXTERNAL", file=path.name)
                total += member.file_size
                if member.compress_size and member.file_size / member.compress_size > MAX_RATIO:
                    raise CtxhError("E_XLSX_TOO_BIG", file=path.name)
            if total > MAX_UNCOMPRESSED:
                raise CtxhError("E_XLSX_TOO_BIG", file=path.name)
            names = {m.filename for m in members}
            needed = {"xlsx": "xl/workbook.xml", "xlsb": "xl/workbook.bin", "ods": "content.xml"}[kind]
            if needed not in names:
                raise CtxhError("E_XLSX_BROKEN", file=path.name)
    except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError):  # NotImplementedError: a damaged version
        raise CtxhError("E_XLSX_BROKEN", file=path.name) from None
