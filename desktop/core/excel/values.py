"""Turning cell values into field values: dates in every form communes use, and labels into codes."""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Mapping, Sequence
from typing import Any

from desktop.core.text import clean, fold
from desktop.core.validation import parse_date

EXCEL_EPOCH = dt.date(1899, 12, 30)


def cell_date(value: Any) -> dt.date:
    """A date from a cell: an Excel date, a serial number, 'dd/mm/yyyy' text, or a year alone (→ 1 January).

    Raises ValueError for anything else (two-digit years included: 1/2/95 is ambiguous).
    """
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, bool):
        raise ValueError("not a date")
    if isinstance(value, int | float):
        if isinstance(value, float) and not math.isfinite(value):
            raise ValueError("not a date")  # a reader may round a huge number to infinity
        number = int(value)
        if number != value:
            raise ValueError("not a date")
        if 1900 <= number <= 2100:
            return dt.date(number, 1, 1)
        if 1 <= number < 80000:  # an Excel serial date shown as a number
            return EXCEL_EPOCH + dt.timedelta(days=number)
        raise ValueError("not a date")
    text = clean(str(value))
    if re.fullmatch(r"\d{4}", text) and 1900 <= int(text) <= 2100:
        return dt.date(int(text), 1, 1)
    match = re.fullmatch(r"(\d{1,2})[/.\-](\d{4})", text)  # month and year only
    if match:
        return dt.date(int(match[2]), int(match[1]), 1)
    return parse_date(text)


def cell_text(value: Any) -> str:
    """A cell as text: numbers without a trailing .0 (phone and ID columns are often numeric)."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime | dt.date):
        return value.strftime("%d/%m/%Y")
    return clean(str(value))


def id_text(value: Any, width: int) -> str:
    """An identifier typed into a numeric cell loses its leading zeros; put them back (CCCD: 12 digits)."""
    text = cell_text(value).replace(" ", "")
    if text.isdigit() and len(text) < width and isinstance(value, int | float):
        return text.zfill(width)
    return text


class CodeMatcher:
    """Names → codes for one code list: labels, codes and aliases folded once, answers cached."""

    def __init__(self, items: Sequence[tuple[str, str]], aliases: Mapping[str, str] | None = None) -> None:
        self._exact: dict[str, str] = {}
        for code, label in items:
            self._exact.setdefault(fold(code), code)
            self._exact.setdefault(fold(label), code)
        self._exact.update(aliases or {})
        self._labels = [(fold(label), code) for code, label in items]
        self._cache: dict[str, str | None] = {}

    def __call__(self, text: Any) -> str | None:
        """The code the text names: exactly, or as the one label it starts (or is started by)."""
        key = fold(cell_text(text))
        if not key:
            return None
        if key not in self._cache:
            found = self._exact.get(key)
            if found is None:
                starts = [code for label, code in self._labels if label.startswith(key) or key.startswith(label)]
                found = starts[0] if len(starts) == 1 else None
            self._cache[key] = found
        return self._cache[key]
