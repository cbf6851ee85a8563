"""Record forms as data: a declarative format, its validator, and the checking of answers.

A form (forms/definitions/*.json) has a code, a version, bilingual titles, and sections of fields.
A field has a type (text, multiline, date, number, choice, multichoice, boolean), a bilingual label,
optional help, `required`, choices (inline, or a code list by name), and an optional `show_when`
condition on another field. Answers are stored with the form's code and version; an answer given
under an older version stays readable under a newer one, and answers to fields that were removed
are kept, never dropped.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop.dates import parse_date
from desktop.paths import app_root
from forms.loading import load_folder, pair

FORMS_DIR = app_root() / "forms" / "definitions"
FIELD_TYPES = ("text", "multiline", "date", "number", "choice", "multichoice", "boolean")


class FormDefinitionError(ValueError):
    """A form file breaks the format; the message names the file and the place."""


@dataclass(frozen=True)
class Condition:
    """Show a field only when another field equals a value (or is one of several)."""

    field: str
    values: tuple[Any, ...]

    def holds(self, answers: Mapping[str, Any]) -> bool:
        """True when the condition is met by `answers`."""
        value = answers.get(self.field)
        if isinstance(value, list):
            return any(v in self.values for v in value)
        return value in self.values


@dataclass(frozen=True)
class Field:
    """One question of a form."""

    code: str
    type: str
    label: tuple[str, str]
    required: bool
    choices: tuple[tuple[str, str, str], ...]  # inline (code, vi, en)
    code_list: str | None
    show_when: Condition | None
    help: tuple[str, str] | None
    max_length: int | None


@dataclass(frozen=True)
class Section:
    """A titled group of fields."""

    code: str
    title: tuple[str, str]
    fields: tuple[Field, ...]


# Who signs a printed form unless its definition says otherwise.
DEFAULT_SIGNATURES: tuple[tuple[str, str], ...] = (
    ("Đối tượng hoặc người đại diện", "The person or their representative"),
    ("Người lập phiếu", "Prepared by"),
)


@dataclass(frozen=True)
class FormDefinition:
    """A form: code, version, titles and sections."""

    code: str
    version: int
    title: tuple[str, str]
    basis: str
    sections: tuple[Section, ...]
    signatures: tuple[tuple[str, str], ...] = DEFAULT_SIGNATURES

    def fields(self) -> list[Field]:
        """Every field, in order."""
        return [f for s in self.sections for f in s.fields]

    def field(self, code: str) -> Field | None:
        """The field called `code`, if the form has it."""
        return next((f for f in self.fields() if f.code == code), None)


def _pair(value: Any, where: str) -> tuple[str, str]:
    return pair(value, where, FormDefinitionError)


def _field(raw: Any, where: str, earlier: set[str]) -> Field:
    if not isinstance(raw, dict) or not isinstance(raw.get("code"), str) or not raw["code"]:
        raise FormDefinitionError(f"{where}: a field needs a 'code'")
    kind = raw.get("type")
    if kind not in FIELD_TYPES:
        raise FormDefinitionError(f"{where} '{raw['code']}': type must be one of {', '.join(FIELD_TYPES)}")
    choices: tuple[tuple[str, str, str], ...] = ()
    code_list = None
    if kind in ("choice", "multichoice"):
        spec = raw.get("choices")
        if isinstance(spec, dict) and isinstance(spec.get("list"), str):
            code_list = spec["list"]
        elif isinstance(spec, list) and spec:
            choices = tuple((c[0], *_pair(c[1:], f"{where} '{raw['code']}' choice")) for c in spec)
        else:
            raise FormDefinitionError(f"{where} '{raw['code']}': a choice needs 'choices' (a list or a code list)")
    condition = None
    if "show_when" in raw:
        cond = raw["show_when"]
        if not isinstance(cond, dict) or cond.get("field") not in earlier:
            raise FormDefinitionError(f"{where} '{raw['code']}': 'show_when' must name an earlier field")
        values = cond.get("in", [cond.get("equals")])
        condition = Condition(cond["field"], tuple(values))
    return Field(raw["code"], kind, _pair(raw.get("label"), f"{where} '{raw['code']}' label"),
                 bool(raw.get("required", False)), choices, code_list, condition,
                 _pair(raw["help"], f"{where} '{raw['code']}' help") if "help" in raw else None,
                 raw.get("max_length"))


def parse_form(data: Any, source: str) -> FormDefinition:
    """Check and build a FormDefinition from parsed JSON; raises FormDefinitionError naming the place."""
    if not isinstance(data, dict):
        raise FormDefinitionError(f"{source}: not an object")
    for key in ("code", "version", "title", "sections"):
        if key not in data:
            raise FormDefinitionError(f"{source}: '{key}' is missing")
    if not isinstance(data["version"], int) or data["version"] < 1:
        raise FormDefinitionError(f"{source}: 'version' must be a positive integer")
    seen: set[str] = set()
    sections = []
    for index, raw in enumerate(data["sections"]):
        where = f"{source} section {index + 1}"
        fields = []
        for field_raw in raw.get("fields", []):
            field = _field(field_raw, where, seen)
            if field.code in seen:
                raise FormDefinitionError(f"{where}: field '{field.code}' appears twice")
            seen.add(field.code)
            fields.append(field)
        sections.append(Section(raw.get("code", f"s{index + 1}"), _pair(raw.get("title"), f"{where} title"),
                                tuple(fields)))
    if not seen:
        raise FormDefinitionError(f"{source}: a form needs at least one field")
    signatures = tuple(_pair(p, f"{source} signature") for p in data["signatures"]) if "signatures" in data \
        else DEFAULT_SIGNATURES
    return FormDefinition(data["code"], data["version"], _pair(data["title"], f"{source} title"),
                          data.get("basis", ""), tuple(sections), signatures)


def load_forms(folder: Path = FORMS_DIR) -> dict[str, FormDefinition]:
    """Every form definition in `folder`, by code."""
    return load_folder(folder, parse_form, lambda f: f.code, FormDefinitionError)


Problem = tuple[str, str, dict[str, Any]]


def check_answers(form: FormDefinition, answers: Mapping[str, Any],
                  known_code: Callable[[str, str], bool]) -> tuple[dict[str, Any], list[Problem]]:
    """Clean answers against a form: types, choices, required fields that are shown.

    Returns (answers to store, problems as (field, code, params)). Answers to hidden fields are not
    stored; answers naming no field of this form are kept as they are (nothing typed is lost).
    """
    cleaned: dict[str, Any] = {k: v for k, v in answers.items() if form.field(k) is None}
    problems: list[Problem] = []
    for field in form.fields():
        if field.show_when is not None and not field.show_when.holds({**answers, **cleaned}):
            continue
        value = answers.get(field.code)
        label = {"label": field.label}  # messages show the form's own label, in the user's language
        if value in (None, "", []):
            if field.required:
                problems.append((field.code, "E_REQUIRED", label))
            continue
        try:
            cleaned[field.code] = _clean_value(field, value, known_code, parse_date)
        except ValueError as exc:
            problems.append((field.code, str(exc), {**label, "value": str(value), "max": field.max_length}))
    return cleaned, problems


def _clean_value(field: Field, value: Any, known_code: Callable[[str, str], bool], parse_date: Any) -> Any:
    def known(code: str) -> bool:
        if field.code_list:
            return known_code(field.code_list, code)
        return code in {c[0] for c in field.choices}

    if field.type in ("text", "multiline"):
        text = str(value).strip()
        if field.max_length and len(text) > field.max_length:
            raise ValueError("E_TOO_LONG")
        return text
    if field.type == "date":
        try:
            return parse_date(value).isoformat()
        except ValueError:
            raise ValueError("E_DATE") from None
    if field.type == "number":
        try:
            number = float(str(value).replace(",", "."))
        except ValueError:
            raise ValueError("E_NUMBER") from None
        return int(number) if number.is_integer() else number
    if field.type == "boolean":
        return bool(value)
    if field.type == "choice":
        if not known(str(value)):
            raise ValueError("E_CODE")
        return str(value)
    codes = [str(v) for v in (value if isinstance(value, list) else [value])]
    if not all(known(c) for c in codes):
        raise ValueError("E_CODE")
    return codes


def read_answers(form: FormDefinition, answers: Mapping[str, Any], answered_version: int) -> dict[str, Any]:
    """Answers given under any version, laid out by the current form: its fields in order, then the
    answers to fields this version no longer has (under "retired"), so an old form stays readable."""
    current = {f.code: answers.get(f.code) for f in form.fields()}
    retired = {k: v for k, v in answers.items() if form.field(k) is None}
    return {"form": form.code, "version": form.version, "answered_version": answered_version,
            "answers": current, "retired": retired}


__all__ = ["FormDefinition", "FormDefinitionError", "check_answers", "load_forms", "parse_form", "read_answers"]
