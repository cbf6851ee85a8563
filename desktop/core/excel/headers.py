"""Finding the header row of a sheet and mapping its Vietnamese headers to fields.

Commune sheets have title rows above the table ("DANH SÁCH CỘNG TÁC VIÊN…"), merged header cells,
headers with or without diacritics, and sometimes a second header row splitting "Năm sinh" into
"Nam" and "Nữ" (the year written under the person's gender).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from desktop.core.text import fold

SCAN_ROWS = 30


@dataclass
class HeaderMap:
    """Where the table starts and which column holds which field (0-based column indexes)."""

    header_row: int  # 1-based Excel row of the (last) header row
    columns: dict[str, int] = field(default_factory=dict)
    headers: dict[int, str] = field(default_factory=dict)  # column index -> header text as written
    gender_split: dict[int, str] = field(default_factory=dict)  # column -> NAM/NU for "Năm sinh: Nam | Nữ"
    all_headers: dict[int, str] = field(default_factory=dict)  # every non-empty cell of the header row

    def column_of(self, name: str) -> int | None:
        """The column index of a field, if mapped."""
        return self.columns.get(name)


def _key(text: Any) -> str:
    return re.sub(r"[^a-z0-9/ ]+", " ", fold(str(text or ""))).strip()


def match_header(text: Any, aliases: Mapping[str, Sequence[str]]) -> str | None:
    """The field a header names: an exact alias first, then the longest alias it starts with."""
    key = re.sub(r"\s+", " ", _key(text))
    if not key:
        return None
    best: tuple[int, str] | None = None
    for name, names in aliases.items():
        for alias in names:
            if key == alias:
                return name
            # Prefix matches only for multi-word aliases: "ten" must not claim "Tên đơn vị".
            if " " in alias and key.startswith(alias + " ") and (best is None or len(alias) > best[0]):
                best = (len(alias), name)
    return best[1] if best else None


def _named(row: Sequence[Any], aliases: Mapping[str, Sequence[str]]) -> tuple[dict[str, int], dict[int, str]]:
    columns: dict[str, int] = {}
    headers: dict[int, str] = {}
    for col, value in enumerate(row):
        name = match_header(value, aliases)
        if name and name not in columns:
            columns[name] = col
            headers[col] = str(value).strip()
    return columns, headers


def _merged_rows(top: Sequence[Any], below: Sequence[Any]) -> list[Any] | None:
    """A two-row header read as one: each column's sub-header, or the group header above it where the
    sub-header cell is empty (merged). None when the row below is not a header row (it holds numbers/dates)."""
    if any(v not in (None, "") and not isinstance(v, str) for v in below):
        return None
    width = max(len(top), len(below))
    cells = []
    for col in range(width):
        sub = below[col] if col < len(below) else None
        cells.append(sub if sub not in (None, "") else (top[col] if col < len(top) else None))
    return cells


def find_header(rows: Sequence[Sequence[Any]], aliases: Mapping[str, Sequence[str]], required: str) -> HeaderMap | None:
    """Pick the row (among the first rows) that names the most known fields, including `required`. A two-row
    header (a merged group header such as "Thông tin cá nhân" above "Họ và tên | Ngày sinh…") is read as one
    when its second row names more fields with the first."""
    best: tuple[int, int, dict[str, int], dict[int, str], Sequence[Any]] | None = None
    for index, row in enumerate(rows[:SCAN_ROWS]):
        tries: list[tuple[int, Sequence[Any]]] = [(index + 1, row)]
        if index + 1 < len(rows):
            merged = _merged_rows(row, rows[index + 1])
            if merged is not None:
                tries.append((index + 2, merged))
        for header_row, cells in tries:
            columns, headers = _named(cells, aliases)
            if required in columns and len(columns) >= 2 and (best is None or len(columns) > len(best[2])):
                best = (header_row, len(columns), columns, headers, cells)
    if best is None:
        return None
    header_row, _n, columns, headers, cells = best
    header = HeaderMap(header_row=header_row, columns=columns, headers=headers,
                       all_headers={col: str(v).strip() for col, v in enumerate(cells) if v not in (None, "")})
    _gender_subheader(rows, header)
    return header


def _gender_subheader(rows: Sequence[Sequence[Any]], header: HeaderMap) -> None:
    """Recognise a second header row "Nam | Nữ" under a birth column (the year is written under one)."""
    birth = header.columns.get("birth_date")
    if birth is None or header.header_row >= len(rows):
        return
    below = rows[header.header_row]  # the row after the header (0-based index == 1-based header_row)
    marks = {col: _key(v) for col, v in enumerate(below) if v not in (None, "")}
    # Only a sub-header row: the "Nam | Nữ" cells sit under the birth column and the blank (merged) cell
    # beside it, and nothing else is written on it. A first data row with "Nam" under "Giới tính" is data.
    genders = {col: ("NAM" if key == "nam" else "NU") for col, key in marks.items() if key in ("nam", "nu")
               and (col == birth or (col == birth + 1 and col not in header.all_headers))}
    if genders and len(marks) == len(genders) and (birth in genders or (birth + 1) in genders):
        header.gender_split = {col: g for col, g in genders.items() if col in (birth, birth + 1)}
        header.header_row += 1
        header.headers.update({col: f"{header.headers.get(birth, '')} ({rows[header.header_row - 1][col]})"
                               for col in header.gender_split})
