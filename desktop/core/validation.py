"""Field rules and the cleaning of incoming values: NFC text, dates, codes, CCCD, phone numbers.

Every problem is collected (not just the first) so a dialog or an import row can show them all.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from desktop.core.errors import ValidationError
from desktop.core.text import clean
from desktop.dates import parse_date

__all__ = ["Rule", "Rules", "clean_values", "normalise_phone", "parse_date"]

_PHONE_NOISE = re.compile(r"[\s.\-()]")


@dataclass(frozen=True)
class Rule:
    """How one field is checked. kind: text, date, code, codes, int, number, bool, cccd, cmnd, phone, email, ref."""

    kind: str = "text"
    required: bool = False
    max_len: int | None = None
    code_list: str | None = None
    not_future: bool = False
    after: str | None = None  # a date field that must not be later than this one


Rules = Mapping[str, Rule]
CodeCheck = Callable[[str, str], bool]  # (list name, code) -> known?


def normalise_phone(value: str) -> str | None:
    """A Vietnamese phone number as digits starting with 0 (+84 folded in), or None if invalid."""
    digits = _PHONE_NOISE.sub("", value)
    if digits.startswith("+84"):
        digits = "0" + digits[3:]
    elif digits.startswith("84") and len(digits) == 11:
        digits = "0" + digits[2:]
    if re.fullmatch(r"0\d{9,10}", digits):
        return digits
    return None


def is_cccd(value: str) -> bool:
    """True for a citizen identity card number: exactly 12 digits."""
    return bool(re.fullmatch(r"\d{12}", value))


def clean_values(
    rules: Rules, values: Mapping[str, Any], known_code: CodeCheck, *, partial: bool = False,
    today: dt.date | None = None,
) -> dict[str, Any]:
    """Check and normalise `values` against `rules`; raise ValidationError listing every problem.

    With partial=True only the fields present are checked (an edit); otherwise missing required
    fields are problems too (a new record). Unknown keys are ignored.
    """
    today = today or dt.date.today()
    problems: list[tuple[str, str, dict[str, Any]]] = []
    out: dict[str, Any] = {}
    for name, rule in rules.items():
        if name not in values:
            if rule.required and not partial:
                problems.append((name, "E_REQUIRED", {}))
            elif rule.kind == "codes" and not partial:
                out[name] = ""  # a new record with no codes has an empty list, not an unknown one
            continue
        raw = values[name]
        try:
            out[name] = _clean_one(name, rule, raw, known_code, today, problems)
        except _Skip:
            continue
    for name, rule in rules.items():
        if rule.after and out.get(name) and out.get(rule.after) and out[name] < out[rule.after]:
            problems.append((name, "E_DATE_ORDER", {"other": rule.after}))
    if problems:
        raise ValidationError(problems)
    return out


class _Skip(Exception):
    pass


def _clean_one(
    name: str, rule: Rule, raw: Any, known_code: CodeCheck, today: dt.date,
    problems: list[tuple[str, str, dict[str, Any]]],
) -> Any:
    def fail(code: str, **params: Any) -> _Skip:
        problems.append((name, code, params))
        return _Skip()

    if isinstance(raw, str):
        raw = clean(raw)
    if raw is None or raw == "" or raw == []:
        if rule.required:
            raise fail("E_REQUIRED")
        return "" if rule.kind == "codes" else None
    if rule.kind == "text":
        text = str(raw)
        if rule.max_len and len(text) > rule.max_len:
            raise fail("E_TOO_LONG", max=rule.max_len)
        return text
    if rule.kind == "date":
        try:
            value = parse_date(raw)
        except ValueError:
            raise fail("E_DATE", value=str(raw)) from None
        if value.year < 1900:
            raise fail("E_DATE", value=str(raw))
        if rule.not_future and value > today:
            raise fail("E_DATE_FUTURE")
        return value
    if rule.kind == "code":
        code = str(raw)
        if rule.code_list and not known_code(rule.code_list, code):
            raise fail("E_CODE", value=code)
        return code
    if rule.kind == "codes":
        codes = raw.split() if isinstance(raw, str) else [str(c) for c in raw]
        for code in codes:
            if rule.code_list and not known_code(rule.code_list, code):
                raise fail("E_CODE", value=code)
        return " ".join(sorted(set(codes)))
    if rule.kind == "int":
        try:
            number = int(str(raw).replace(".", "").replace(",", "")) if not isinstance(raw, int) else raw
        except ValueError:
            raise fail("E_NUMBER", value=str(raw)) from None
        if number < 0:
            raise fail("E_NUMBER", value=str(raw))
        return number
    if rule.kind == "number":  # a coefficient: "1,5" as the lists write it, or 1.5
        try:
            decimal = float(str(raw).strip().replace(",", ".")) if not isinstance(raw, int | float) else float(raw)
        except ValueError:
            raise fail("E_NUMBER", value=str(raw)) from None
        if not 0 < decimal < 100:
            raise fail("E_NUMBER", value=str(raw))
        return round(decimal, 2)
    if rule.kind == "bool":
        return bool(raw)
    if rule.kind == "cccd":
        digits = re.sub(r"\s", "", str(raw))
        if not is_cccd(digits):
            raise fail("E_CCCD", value=str(raw))
        return digits
    if rule.kind == "cmnd":  # the old identity card: 9 digits, or the 12 of the last ones issued
        digits = re.sub(r"\s", "", str(raw))
        if not re.fullmatch(r"\d{9}|\d{12}", digits):
            raise fail("E_CMND", value=str(raw))
        return digits
    if rule.kind == "phone":
        phone = normalise_phone(str(raw))
        if phone is None:
            raise fail("E_PHONE", value=str(raw))
        return phone
    if rule.kind == "email":
        if not re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s]+", str(raw)):
            raise fail("E_EMAIL", value=str(raw))
        return str(raw).lower()
    if rule.kind == "ref":
        return str(raw)
    raise AssertionError(f"unknown rule kind {rule.kind}")
