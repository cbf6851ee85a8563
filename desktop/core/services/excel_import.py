"""Moving a commune's Excel list into CTXH Desk: read, map, check, find duplicates, import, report.

One machinery for every list (the roster, beneficiary lists): an ImportSpec says which headers name
which fields, how cells become values, the rules the values must meet, and how to write them.
Valid rows are imported in one transaction (never half a row); each rejected row is reported with its
row number, column and reason, and marked in an annotated copy of the file. An unusable file raises a
CtxhError (exit 2) before anything is written.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from openpyxl.utils import get_column_letter

from desktop.core.context import AppContext
from desktop.core.errors import CtxhError, ValidationError
from desktop.core.excel.headers import HeaderMap, find_header
from desktop.core.excel.reading import Formula, read_sheet
from desktop.core.excel.values import CodeMatcher, cell_date, cell_text, id_text
from desktop.core.files import replace_atomically
from desktop.core.messages import format_message
from desktop.core.progress import NULL_PROGRESS, CancelToken, ProgressSink
from desktop.core.repositories.row_types import PersonKey
from desktop.core.services.changes import ChangeWriter, Writing
from desktop.core.services.records import codebook, validate
from desktop.core.text import fold
from desktop.core.validation import Rules

ITEM_SEPARATORS = re.compile(r"[;\n+]+")


def split_codes(text: str, matcher: CodeMatcher) -> tuple[list[str], list[str]]:
    """The codes a cell names ("Trẻ khuyết tật; Hộ nghèo"), and the parts that name none.

    Parts are split at ";", "+" and line breaks; a part that names nothing as a whole is tried again
    split at commas, since some labels contain a comma and officers also list with commas."""
    codes: list[str] = []
    unknown: list[str] = []
    for part in (p.strip() for p in ITEM_SEPARATORS.split(text)):
        if not part:
            continue
        code = matcher(part)
        if code is not None:
            codes.append(code)
            continue
        for piece in (q.strip() for q in part.split(",") if q.strip()):
            found = matcher(piece)
            if found:
                codes.append(found)
            else:
                unknown.append(piece)
    return list(dict.fromkeys(codes)), unknown


@dataclass
class RowProblem:
    """One reason a row was rejected."""

    row: int
    column: str
    field: str
    reason: str


@dataclass
class ParsedRow:
    """A data row: its Excel row number and the values it gives, or its problems."""

    row: int
    values: dict[str, Any]
    problems: list[RowProblem] = field(default_factory=list)
    duplicate_of: str | None = None  # an existing record id, or "row N" for an earlier row of the file
    duplicate_why: str = ""


@dataclass(frozen=True)
class ImportSpec:
    """What one kind of list looks like and how it is written.

    `existing(ctx)` gives the records already there (id, full_name, national_id, birth_date) for the
    duplicate check; `write(writer, new_rows, merges)` creates and merges inside the import's one
    transaction and returns how many records it created.
    """

    name_field: str
    aliases: dict[str, list[str]]
    rules: Rules
    date_fields: frozenset[str]
    code_fields: dict[str, str]  # field -> code list
    multi_code_fields: dict[str, str]  # field -> code list; a cell may name several
    value_aliases: dict[str, dict[str, str]]
    id_fields: dict[str, int]  # field -> digits (leading zeros lost in numeric cells come back)
    unmatched_to_notes: frozenset[str]  # an unknown label here goes to the notes instead of failing
    defaults: Callable[[dict[str, Any], HeaderMap], None]  # fill what the file leaves out
    existing: Callable[[AppContext], list[PersonKey]]
    write: Callable[[ChangeWriter, list[dict[str, Any]], list[tuple[str, dict[str, Any]]]], int]


@dataclass
class ImportReport:
    """What an import did (the CLI prints it as JSON)."""

    sheet: str
    header_row: int
    columns: dict[str, str]
    imported: int = 0
    merged: int = 0
    skipped: int = 0
    rejected: list[RowProblem] = field(default_factory=list)
    duplicates: list[dict[str, Any]] = field(default_factory=list)
    annotated: str | None = None
    default_category: str | None = None
    changed: Any = None  # the Changed of the write, for the window to refresh from

    def as_json(self) -> dict[str, Any]:
        """The JSON the command line prints, plus the details a wizard shows."""
        return {
            "imported": self.imported, "merged": self.merged, "skipped": self.skipped,
            "rejected": [{"row": p.row, "column": p.column, "field": p.field, "reason": p.reason}
                         for p in self.rejected],
            "duplicates": self.duplicates, "sheet": self.sheet, "header_row": self.header_row,
            "columns": self.columns, "annotated": self.annotated, "default_category": self.default_category,
        }


@dataclass
class ImportPlan:
    """A read and checked file, before anything is written: what the wizard previews."""

    path: Path
    sheet: str
    header: HeaderMap
    rows: list[ParsedRow]
    default_category: str | None = None

    @property
    def column_labels(self) -> dict[str, str]:
        """field -> "C (Ngày sinh)" for every mapped column."""
        return {name: column_label(self.header, col) for name, col in self.header.columns.items()}


def column_label(header: HeaderMap, col: int | None) -> str:
    """"C (Ngày sinh)": a column's letter and its header as written."""
    if col is None:
        return ""
    return f"{get_column_letter(col + 1)} ({header.headers.get(col, '')})"


def plan_import(
    ctx: AppContext, spec: ImportSpec, path: Path, sheet: str | None = None, mapping: dict[str, int] | None = None,
    progress: ProgressSink = NULL_PROGRESS, cancel: CancelToken | None = None,
) -> ImportPlan:
    """Read a workbook and check every row against `spec`; nothing is written.

    `mapping` (field -> 0-based column) replaces the found mapping, as the wizard's corrections do.
    """
    sheet_name, rows = read_sheet(path, sheet)
    header = find_header(rows, spec.aliases, spec.name_field)
    if header is None:
        raise CtxhError("E_XLSX_NO_HEADER", sheet=sheet_name)
    if mapping is not None:
        header.columns = dict(mapping)
        for name, col in mapping.items():
            header.headers.setdefault(col, str(rows[header.header_row - 1][col] or name)
                                      if col < len(rows[header.header_row - 1]) else name)
    book = codebook(ctx)
    matchers = {name: CodeMatcher(book.items(list_name), spec.value_aliases.get(list_name))
                for name, list_name in {**spec.code_fields, **spec.multi_code_fields}.items()}
    parsed: list[ParsedRow] = []
    data = rows[header.header_row:]
    for offset, row in enumerate(data):
        if cancel is not None and offset % 500 == 0:
            cancel.check()
        number = header.header_row + offset + 1
        if _is_blank_or_footer(row, header, spec.name_field):
            continue
        parsed.append(_parse_row(ctx, spec, number, row, header, matchers))
        if offset % 1000 == 0:
            progress.report(offset, len(data), "rows")
    _mark_duplicates(spec.existing(ctx), parsed, spec.name_field)
    return ImportPlan(path, sheet_name, header, parsed)


FOOTER_STARTS = ("tong", "cong:", "cong ", "nguoi lap", "xac nhan", "ky ten", "thu truong", "chu tich",
                 "truong phong", "can bo lap", "ngay ")


def _is_blank_or_footer(row: Sequence[Any], header: HeaderMap, name_field: str) -> bool:
    values = [v for v in row if v not in (None, "")]
    if not values:
        return True
    name_col = header.columns[name_field]
    name = fold(cell_text(row[name_col])) if name_col < len(row) else ""
    if name.startswith(FOOTER_STARTS):
        return True
    # Signature lines under the table ("Người lập biểu", "Ba Đình, ngày … tháng … năm …") stand alone.
    if not name and len(values) <= 2 and any(
        fold(cell_text(v)).startswith(FOOTER_STARTS) or " ngay " in f" {fold(cell_text(v))} " for v in values
    ):
        return True
    # The "(1) (2) (3)…" column-number row printed under many official headers.
    return all(isinstance(v, int | float) or str(v).strip().strip("()").isdigit() for v in values)


def _parse_row(ctx: AppContext, spec: ImportSpec, number: int, row: Sequence[Any], header: HeaderMap,
               matchers: dict[str, CodeMatcher]) -> ParsedRow:
    values: dict[str, Any] = {}
    problems: list[RowProblem] = []
    notes_extra: list[str] = []

    def cell(col: int | None) -> Any:
        return row[col] if col is not None and col < len(row) else None

    def problem(col: int | None, name: str, code: str, **params: Any) -> None:
        problems.append(RowProblem(number, column_label(header, col), name,
                                   format_message(code, {"field": name, **params})))

    for name, col in header.columns.items():
        raw = cell(col)
        if raw in (None, "") or (name == "birth_date" and header.gender_split):
            continue
        if isinstance(raw, Formula):
            problem(col, name, "E_FORMULA")
            continue
        if name in spec.date_fields:
            try:
                values[name] = cell_date(raw)
            except ValueError:
                problem(col, name, "E_DATE", value=cell_text(raw))
        elif name in spec.multi_code_fields:
            codes, unknown = split_codes(cell_text(raw), matchers[name])
            if unknown:
                problem(col, name, "E_CODE", value="; ".join(unknown))
            else:
                values[name] = codes
        elif name in spec.code_fields:
            code = matchers[name](raw)
            if code is None and name in spec.unmatched_to_notes:
                notes_extra.append(f"{header.headers.get(col, name)}: {cell_text(raw)}")
            elif code is None:
                problem(col, name, "E_CODE", value=cell_text(raw))
            else:
                values[name] = code
        elif name in spec.id_fields:
            values[name] = id_text(raw, spec.id_fields[name])
        else:
            values[name] = cell_text(raw)
    for col, gender in header.gender_split.items():  # "Năm sinh" split into Nam | Nữ columns
        raw = cell(col)
        if isinstance(raw, Formula):
            problem(col, "birth_date", "E_FORMULA")
        elif raw not in (None, ""):
            try:
                values["birth_date"] = cell_date(raw)
                values.setdefault("gender", gender)
            except ValueError:
                problem(col, "birth_date", "E_DATE", value=cell_text(raw))
    spec.defaults(values, header)
    if notes_extra:
        values["notes"] = "; ".join(filter(None, [values.get("notes"), *notes_extra]))
    try:
        cleaned = validate(ctx, spec.rules, values)
    except ValidationError as error:
        for name, code, params in error.problems:
            problem(header.columns.get(name), name, code, **params)
        cleaned = {}
    return ParsedRow(number, cleaned if not problems else values, problems)


def _identity(values: Mapping[str, Any], name_field: str) -> list[tuple[str, Any]]:
    keys: list[tuple[str, Any]] = []
    if values.get("national_id"):
        keys.append(("cccd", values["national_id"]))
    if values.get(name_field) and values.get("birth_date"):
        keys.append(("name", (fold(values[name_field]), values["birth_date"])))
    return keys


def _mark_duplicates(existing: list[PersonKey], rows: list[ParsedRow], name_field: str) -> None:
    known: dict[tuple[str, Any], tuple[str, str]] = {}
    for record in existing:
        for key in _identity(record, "full_name"):  # what is already here is keyed by its full name
            known.setdefault(key, (record["id"], record["full_name"]))
    for row in rows:
        if row.problems:
            continue
        for kind, value in _identity(row.values, name_field):
            match = known.get((kind, value))
            if match:
                row.duplicate_of = match[0]
                row.duplicate_why = "cùng số CCCD" if kind == "cccd" else "cùng họ tên và ngày sinh"
                row.values.setdefault("_dup_name", match[1])
                break
        if row.duplicate_of is None:
            for key in _identity(row.values, name_field):
                known.setdefault(key, (f"row {row.row}", row.values[name_field]))


def apply_plan(ctx: AppContext, spec: ImportSpec, plan: ImportPlan, on_duplicate: str = "skip",
               annotate_to: Path | None = None) -> ImportReport:
    """Write a checked plan: new records and merges in one transaction; then annotate the rejections."""
    if on_duplicate not in ("merge", "skip"):
        raise CtxhError("E_ARGS", detail="--duplicates merge|skip")
    report = ImportReport(plan.sheet, plan.header.header_row, plan.column_labels,
                          default_category=plan.default_category)
    new_rows: dict[str, dict[str, Any]] = {}  # "row N" -> values
    merges: list[tuple[str, dict[str, Any]]] = []
    for row in plan.rows:
        if row.problems:
            report.rejected.extend(row.problems)
            continue
        values = {k: v for k, v in row.values.items() if not k.startswith("_")}
        if row.duplicate_of is None:
            new_rows[f"row {row.row}"] = values
            continue
        report.duplicates.append({"row": row.row, "duplicate_of": row.values.get("_dup_name", ""),
                                  "why": row.duplicate_why, "action": on_duplicate})
        if on_duplicate == "skip":
            report.skipped += 1
        elif row.duplicate_of.startswith("row "):
            target = new_rows[row.duplicate_of]
            target.update({k: v for k, v in values.items() if v not in (None, "", [])})
            report.merged += 1
        else:
            merges.append((row.duplicate_of, {k: v for k, v in values.items() if v not in (None, "", [])}))
            report.merged += 1
    from desktop.core.services.audit import note

    with Writing(ctx) as writer:
        report.imported = spec.write(writer, list(new_rows.values()), merges)
        note(ctx, writer.session, "import", f"file:{plan.path.name}", imported=report.imported,
             merged=report.merged, rejected=len({p.row for p in report.rejected}))
    report.changed = writer.changed
    if report.rejected:
        report.annotated = str(annotate(plan, report.rejected, annotate_to))
    return report


def annotate(plan: ImportPlan, problems: list[RowProblem], target: Path | None = None) -> Path:
    """Save a copy of the workbook with each rejected row's reasons in a new column, and bad cells in red.
    The copy carries no formula out: every formula (and text Excel would read as one, such as a DDE call) is
    written back as the text it was, so what the import refused cannot run when the officer opens the copy."""
    from openpyxl import load_workbook
    from openpyxl.styles import Font, PatternFill

    from desktop.core.excel.scratch import worksheets_beside

    target = target or plan.path.with_name(f"{plan.path.stem} (lỗi nhập){plan.path.suffix}")
    workbook = load_workbook(plan.path)
    for each in workbook.worksheets:
        _defuse_formulas(each)
    sheet = workbook[plan.sheet]
    column = sheet.max_column + 1
    sheet.cell(plan.header.header_row, column, "Lỗi nhập (CTXH Desk)").font = Font(bold=True, color="B00020")
    red = PatternFill("solid", fgColor="F8D7DA")
    by_row: dict[int, list[RowProblem]] = {}
    for problem in problems:
        by_row.setdefault(problem.row, []).append(problem)
    for row, items in by_row.items():
        sheet.cell(row, column, "; ".join(p.reason for p in items)).font = Font(color="B00020")
        for p in items:
            col = plan.header.columns.get(p.field)
            if col is not None:
                sheet.cell(row, col + 1).fill = red
    for name in list(workbook.defined_names):  # a defined name can hold a formula too
        del workbook.defined_names[name]
    with worksheets_beside(target):
        return replace_atomically(target, workbook.save)


def _defuse_formulas(sheet: Any) -> None:
    """Turn every formula cell (and text starting with = + - @) into a plain text cell with a quote prefix."""
    from desktop.core.excel.writing import RISKY_FIRST

    for row in sheet.iter_rows():
        for cell in row:
            value = cell.value
            if cell.data_type == "f" or (isinstance(value, str) and value[:1] in RISKY_FIRST):
                text = value if isinstance(value, str) else str(getattr(value, "text", value))
                cell.value = text
                cell.data_type = "s"
                cell.quotePrefix = True
            elif cell.hyperlink is not None:
                cell.hyperlink = None
