"""Whether values that come from outside this program — the fields of another device's change — can be stored
as they are: each of the type and size of its column, the columns a new record cannot lack present, and each
within the field rules the services apply to an officer's input (lengths, dates, CCCD, phone, codes).

A merge writes what it receives straight into the tables (no service in between), so this is the one gate a
validly signed but malformed line meets before the database (T34): a date that is not ISO, a number that is
text, a string past its column, a missing case number of a new case each refuse the bundle, never reach SQL.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Boolean, Date, DateTime, Integer, String, Table, Text

from desktop.core.validation import CodeCheck, Rule, is_cccd, normalise_phone

MAX_TEXT = 200_000  # characters of one Text field (a bundle line is at most 4 MB)
INT_RANGE = (-(2 ** 63), 2 ** 63 - 1)
# A code as the code lists write them (checked even when no code lists are at hand).
_CODE = re.compile(r"[A-Za-z0-9_.:/-]{1,40}")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True)
class _Column:
    """What the checks need of a column, read once per table (a hub checks half a million lines)."""

    kind: str  # bool | int | datetime | date | string | text
    nullable: bool
    length: int | None


_COLUMNS: dict[str, dict[str, _Column]] = {}
_NEEDED: dict[tuple[str, tuple[str, ...]], tuple[tuple[str, bool], ...]] = {}


def _columns(table: Table) -> dict[str, _Column]:
    found = _COLUMNS.get(table.name)
    if found is None:
        found = {}
        for column in table.columns:
            kind = column.type
            code = "bool" if isinstance(kind, Boolean) else "int" if isinstance(kind, Integer) else \
                "datetime" if isinstance(kind, DateTime) else "date" if isinstance(kind, Date) else \
                "text" if isinstance(kind, Text) else "string"
            length = kind.length if isinstance(kind, String) and not isinstance(kind, Text) else None
            found[column.name] = _Column(code, bool(column.nullable) and not column.primary_key, length)
        _COLUMNS[table.name] = found
    return found


def _problem(column: _Column, value: Any, rule: Rule | None, known_code: CodeCheck | None) -> str | None:
    """Why `value` (as JSON gives it) cannot be stored in `column`, or None if it can; with `known_code`
    (list, code) → bool, a code field's codes must be in the receiver's lists (retired codes included: a list
    never forgets a code, so records made under an older list still arrive)."""
    if value is None:
        return None if column.nullable else "may not be empty"
    kind = column.kind
    if kind == "bool":
        return None if isinstance(value, bool) else "is not true or false"
    if kind == "int":
        if not isinstance(value, int) or isinstance(value, bool) or not INT_RANGE[0] <= value <= INT_RANGE[1]:
            return "is not a whole number"
        if rule is not None and rule.kind == "int" and value < 0:
            return "is negative"
        return None
    if not isinstance(value, str):
        return "is not text"
    if kind == "datetime":
        return None if _is_iso_datetime(value) else "is not an ISO date and time"
    if kind == "date":
        return None if _is_iso_date(value) else "is not an ISO date"
    if column.length is not None and len(value) > column.length:
        return f"is longer than {column.length} characters"
    if kind == "text" and len(value) > MAX_TEXT:
        return f"is longer than {MAX_TEXT} characters"
    return _rule_problem(rule, value, known_code) if rule is not None else None


def _rule_problem(rule: Rule, value: str, known_code: CodeCheck | None) -> str | None:
    if value == "":
        return "may not be empty" if rule.required else None
    if rule.max_len is not None and len(value) > rule.max_len:
        return f"is longer than {rule.max_len} characters"
    if rule.kind == "code" and not _CODE.fullmatch(value):
        return "is not a code"
    if rule.kind == "codes" and not all(_CODE.fullmatch(code) for code in value.split()):
        return "is not a list of codes"
    if rule.kind in ("code", "codes") and known_code is not None and rule.code_list:
        unknown = [code for code in value.split() if not known_code(rule.code_list, code)]
        if unknown:
            return (f"holds {unknown[0]!r}, not in this device's list {rule.code_list} (if the province added it, "
                    "import its newest bundle first)")
    if rule.kind == "cccd" and not is_cccd(value):
        return "is not a 12-digit CCCD number"
    if rule.kind == "phone" and normalise_phone(value) is None:
        return "is not a phone number"
    return None


def _is_iso_date(value: str) -> bool:
    if not _ISO_DATE.fullmatch(value):
        return False
    try:
        return dt.date.fromisoformat(value).year >= 1900
    except ValueError:
        return False


def _is_iso_datetime(value: str) -> bool:
    try:
        return dt.datetime.fromisoformat(value).year >= 1900 and len(value) <= 40
    except ValueError:
        return False


def record_problems(table: Table, synced: tuple[str, ...], fields: Mapping[str, Any], *, create: bool,
                    rules: Mapping[str, Rule] | None = None, json_fields: tuple[str, ...] = (),
                    known_code: CodeCheck | None = None) -> list[str]:
    """Every reason these fields cannot be stored as (a new, if `create`) record of `table`: each value by
    its column and the services' rule, a create's NOT NULL columns present,
    and the JSON-object columns (`json_fields`) holding a JSON object."""
    checks = _checks(table, rules if rules is not None else _NO_RULES)
    problems = []
    for name, value in fields.items():
        check = checks.get(name)
        problem = check(value, known_code) if check is not None else _deleted_problem(name, value)
        if problem is None and name in json_fields and value is not None and not _is_json_object(value):
            problem = "is not a JSON object"
        if problem is not None:
            problems.append(f"{name} {problem}")
    if create:
        # Only what the table cannot hold without: a field a newer schema made required is empty in a
        # create from an older laptop, and that is how its records arrive (merge.py) — unless the column
        # has a default, which an absent field takes.
        for name, has_default in _needed(table, synced):
            if fields.get(name) is None and (name in fields or not has_default):
                problems.append(f"{name} is missing from a new record")
    return problems


Check = Callable[[Any, CodeCheck | None], str | None]
_NO_RULES: Mapping[str, Rule] = {}
_CHECKS: dict[tuple[str, int], tuple[Mapping[str, Rule], dict[str, Check]]] = {}


def _deleted_problem(name: str, value: Any) -> str | None:
    if name == "deleted":
        return None if isinstance(value, bool) else "is not true or false"
    return "is not a field of this record"


def _checks(table: Table, rules: Mapping[str, Rule]) -> dict[str, Check]:
    """One check per column, made once per table and rule set. The common values — empty, or a short text
    within every limit — are decided in a line or two; anything else goes through _problem."""
    key = (table.name, id(rules))
    found = _CHECKS.get(key)
    if found is None or found[0] is not rules:  # the rule set itself is kept: its id is never reused
        found = (rules, {name: _check_for(column, rules.get(name)) for name, column in _columns(table).items()})
        _CHECKS[key] = found
    return found[1]


def _check_for(column: _Column, rule: Rule | None) -> Check:
    """The check of one column: each kind's valid values are passed at once; what fails (rare) is explained by
    _problem, the one place the reasons are written."""
    nullable, kind = column.nullable, column.kind
    rule_kind = rule.kind if rule is not None else ""
    limit = min(x for x in (column.length, rule.max_len if rule else None, MAX_TEXT) if x is not None)
    required = rule is not None and rule.required
    code_list = rule.code_list if rule is not None else None

    def explain(value: Any, known_code: CodeCheck | None) -> str | None:
        return _problem(column, value, rule, known_code)

    if kind == "bool":
        def check(value: Any, known_code: CodeCheck | None) -> str | None:
            return None if type(value) is bool or (value is None and nullable) else explain(value, known_code)
    elif kind == "int":
        low = 0 if rule_kind == "int" else INT_RANGE[0]

        def check(value: Any, known_code: CodeCheck | None) -> str | None:
            if (type(value) is int and low <= value <= INT_RANGE[1]) or (value is None and nullable):
                return None
            return explain(value, known_code)
    elif kind == "date":
        def check(value: Any, known_code: CodeCheck | None) -> str | None:
            if (type(value) is str and _is_iso_date(value)) or (value is None and nullable):
                return None
            return explain(value, known_code)
    elif rule_kind == "code":
        def check(value: Any, known_code: CodeCheck | None) -> str | None:
            if value is None and nullable:
                return None
            if type(value) is str and len(value) <= limit and _CODE.fullmatch(value) and (
                    known_code is None or code_list is None or known_code(code_list, value)):
                return None
            return explain(value, known_code)
    elif kind in ("string", "text") and rule_kind in ("", "text", "ref"):
        def check(value: Any, known_code: CodeCheck | None) -> str | None:
            if value is None and nullable:
                return None
            if type(value) is str and len(value) <= limit and (value or not required):
                return None
            return explain(value, known_code)
    else:
        check = explain
    return check


def _needed(table: Table, synced: tuple[str, ...]) -> tuple[tuple[str, bool], ...]:
    """The synced columns that cannot be empty, each with whether it has a default an absent field takes."""
    key = (table.name, synced)
    found = _NEEDED.get(key)
    if found is None:
        columns = _columns(table)
        found = tuple((name, absent_value(table, name) is not None) for name in synced if not columns[name].nullable)
        _NEEDED[key] = found
    return found


_ABSENT: dict[tuple[str, str], Any] = {}


def absent_value(table: Table, name: str) -> Any:
    """What a create that lacks field `name` stores: the column's scalar default, else None."""
    key = (table.name, name)
    if key not in _ABSENT:
        default = table.c[name].default
        _ABSENT[key] = getattr(default, "arg", None) if default is not None and getattr(
            default, "is_scalar", False) else None
    return _ABSENT[key]


def _is_json_object(value: str) -> bool:
    try:
        return isinstance(json.loads(value), dict)
    except ValueError:
        return False
