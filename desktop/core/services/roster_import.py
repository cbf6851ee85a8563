"""Moving a commune's Excel roster into CTXH Desk: read, map, check, find duplicates, import, report.

Valid rows are imported in one transaction (never half a row); each rejected row is reported with its
row number, column and reason, and marked in an annotated copy of the file. An unusable file raises a
CtxhError (exit 2) before anything is written.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from openpyxl.utils import get_column_letter

from desktop.core.context import AppContext
from desktop.core.derived import person_keys
from desktop.core.errors import CtxhError, ValidationError
from desktop.core.excel.headers import HeaderMap, find_header
from desktop.core.excel.reading import Formula, read_sheet
from desktop.core.excel.values import CodeMatcher, cell_date, cell_text, id_text
from desktop.core.files import replace_atomically
from desktop.core.messages import format_message
from desktop.core.models import Worker
from desktop.core.progress import NULL_PROGRESS, CancelToken, ProgressSink
from desktop.core.repositories import records as repo
from desktop.core.services.access import require_manager
from desktop.core.services.changes import Writing
from desktop.core.services.records import codebook, update_in, validate
from desktop.core.services.roster import WORKER_RULES
from desktop.core.text import fold

ALIASES: dict[str, list[str]] = {
    "full_name": ["ho va ten", "ho ten", "ho va ten cong tac vien", "ho ten cong tac vien", "ten cong tac vien",
                  "ho va ten can bo", "ho ten can bo", "ten"],
    "birth_date": ["ngay sinh", "nam sinh", "ngay thang nam sinh", "ngay/thang/nam sinh", "sinh ngay"],
    "gender": ["gioi tinh", "gioi", "nam/nu", "gt"],
    "national_id": ["so cccd", "cccd", "so can cuoc", "so can cuoc cong dan", "can cuoc cong dan",
                    "so cmnd/cccd", "cmnd/cccd", "so dinh danh", "so dinh danh ca nhan", "so cmnd", "cmnd"],
    "phone": ["so dien thoai", "dien thoai", "sdt", "dt", "so dt", "dien thoai lien he"],
    "email": ["email", "e mail", "thu dien tu"],
    "address": ["dia chi", "noi o", "noi o hien nay", "dia chi thuong tru", "thuong tru", "cho o hien nay",
                "noi cu tru"],
    "category": ["loai nhan luc", "loai", "phan loai", "loai can bo", "doi tuong"],
    "position": ["chuc danh", "chuc vu", "vi tri", "vi tri viec lam", "chuc danh/chuc vu"],
    "workplace_type": ["noi lam viec", "don vi", "don vi cong tac", "co quan", "noi cong tac"],
    "education_level": ["trinh do", "trinh do chuyen mon", "trinh do dao tao", "hoc van", "trinh do hoc van"],
    "major": ["chuyen nganh", "nganh", "chuyen nganh dao tao", "nganh dao tao"],
    "sw_qualification": ["trinh do ctxh", "chung chi ctxh", "chuyen mon ctxh", "trinh do cong tac xa hoi",
                         "da qua dao tao ctxh", "boi duong ctxh", "nghiep vu ctxh"],
    "title_grade": ["hang chuc danh", "hang"],
    "title_code": ["ma chuc danh", "ma ngach", "ma so chuc danh"],
    "practice_cert_no": ["so giay chung nhan hanh nghe", "giay chung nhan hanh nghe", "chung chi hanh nghe"],
    "practice_cert_expiry": ["han giay chung nhan", "han giay chung nhan hanh nghe", "ngay het han"],
    "contract_no": ["so hop dong", "hop dong so", "so hd"],
    "start_date": ["ngay bat dau", "ngay vao lam", "ngay ky hop dong", "thoi gian bat dau", "ngay tuyen dung"],
    "end_date": ["ngay ket thuc", "ngay nghi viec", "ngay het hop dong"],
    "status": ["trang thai", "tinh trang"],
    "notes": ["ghi chu"],
}
DATE_FIELDS = {"birth_date", "practice_cert_expiry", "start_date", "end_date"}
CODE_FIELDS = {"gender": "gender", "category": "worker_category", "workplace_type": "workplace_type",
               "education_level": "training_level", "sw_qualification": "training_level",
               "title_grade": "title_grade", "status": "worker_status"}
VALUE_ALIASES: dict[str, dict[str, str]] = {
    "gender": {"nam": "NAM", "nu": "NU", "m": "NAM", "f": "NU"},
    "worker_category": {"cong tac vien": "CTV_CTXH", "ctv": "CTV_CTXH", "ctv ctxh": "CTV_CTXH",
                        "cong tac vien ctxh": "CTV_CTXH", "chuyen trach": "CHUYEN_TRACH",
                        "kiem nhiem": "KHONG_CHUYEN_TRACH",
                        "khong chuyen trach": "KHONG_CHUYEN_TRACH", "tinh nguyen vien": "TNV", "tnv": "TNV",
                        "nhan vien ctxh": "NV_CTXH", "ctv bao ve tre em": "CTV_BVTE", "ctv bvte": "CTV_BVTE",
                        "can bo bao ve tre em": "BVTE_XA", "cong chuc van hoa xa hoi": "CHUYEN_TRACH"},
    "training_level": {"dh": "DAI_HOC", "cu nhan": "DAI_HOC", "ky su": "DAI_HOC", "cd": "CAO_DANG",
                       "tc": "TRUNG_CAP", "ths": "THAC_SI", "thac sy": "THAC_SI", "ts": "TIEN_SI", "sc": "SO_CAP",
                       "chua qua dao tao": "CHUA_DAO_TAO", "chua dao tao": "CHUA_DAO_TAO", "khong": "CHUA_DAO_TAO",
                       "12/12": "CHUA_DAO_TAO", "tap huan": "TAP_HUAN_NGAN_HAN",
                       "chung chi ctxh": "CC_NGHIEP_VU_CTXH", "co chung chi": "CC_NGHIEP_VU_CTXH"},
    "worker_status": {"dang lam": "DANG_LAM", "dang cong tac": "DANG_LAM", "dang lam viec": "DANG_LAM",
                      "nghi": "DA_NGHI", "da nghi viec": "DA_NGHI", "tam nghi": "TAM_NGHI"},
    "title_grade": {"hang ii": "II", "hang iii": "III", "hang iv": "IV", "2": "II", "3": "III", "4": "IV"},
    "workplace_type": {},
}


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
    duplicate_of: str | None = None  # an existing worker id, or "row N" for an earlier row of the file
    duplicate_why: str = ""


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
        """The JSON form issue 3 specifies, plus the details a wizard shows."""
        return {
            "imported": self.imported, "merged": self.merged, "skipped": self.skipped,
            "rejected": [{"row": p.row, "column": p.column, "field": p.field, "reason": p.reason}
                         for p in self.rejected],
            "duplicates": self.duplicates, "sheet": self.sheet, "header_row": self.header_row,
            "columns": self.columns, "annotated": self.annotated, "default_category": self.default_category,
        }


@dataclass
class RosterPlan:
    """A read and checked file, before anything is written: what the wizard previews."""

    path: Path
    sheet: str
    header: HeaderMap
    rows: list[ParsedRow]
    default_category: str | None

    @property
    def column_labels(self) -> dict[str, str]:
        """field -> "C (Ngày sinh)" for every mapped column."""
        return {name: _column_label(self.header, col) for name, col in self.header.columns.items()}


def _column_label(header: HeaderMap, col: int | None) -> str:
    if col is None:
        return ""
    return f"{get_column_letter(col + 1)} ({header.headers.get(col, '')})"


def plan_roster_import(
    ctx: AppContext, path: Path, sheet: str | None = None, mapping: dict[str, int] | None = None,
    default_category: str = "CTV_CTXH", progress: ProgressSink = NULL_PROGRESS, cancel: CancelToken | None = None,
) -> RosterPlan:
    """Read a roster workbook and check every row; nothing is written.

    `mapping` (field -> 0-based column) replaces the found mapping, as the wizard's corrections do.
    """
    sheet_name, rows = read_sheet(path, sheet)
    header = find_header(rows, ALIASES, "full_name")
    if header is None:
        raise CtxhError("E_XLSX_NO_HEADER", sheet=sheet_name)
    if mapping is not None:
        header.columns = dict(mapping)
        for name, col in mapping.items():
            header.headers.setdefault(col, str(rows[header.header_row - 1][col] or name)
                                      if col < len(rows[header.header_row - 1]) else name)
    book = codebook(ctx)
    matchers = {name: CodeMatcher(book.items(list_name), VALUE_ALIASES.get(list_name))
                for name, list_name in CODE_FIELDS.items()}
    use_default = None if "category" in header.columns else default_category
    parsed: list[ParsedRow] = []
    data = rows[header.header_row:]
    for offset, row in enumerate(data):
        if cancel is not None and offset % 500 == 0:
            cancel.check()
        number = header.header_row + offset + 1
        if _is_blank_or_footer(row, header):
            continue
        parsed.append(_parse_row(ctx, number, row, header, matchers, use_default))
        if offset % 1000 == 0:
            progress.report(offset, len(data), "rows")
    _mark_duplicates(ctx, parsed)
    return RosterPlan(path, sheet_name, header, parsed, use_default)


FOOTER_STARTS = ("tong", "cong:", "cong ", "nguoi lap", "xac nhan", "ky ten", "thu truong", "chu tich",
                 "truong phong", "can bo lap", "ngay ")


def _is_blank_or_footer(row: Sequence[Any], header: HeaderMap) -> bool:
    values = [v for v in row if v not in (None, "")]
    if not values:
        return True
    name_col = header.columns["full_name"]
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


def _parse_row(ctx: AppContext, number: int, row: Sequence[Any], header: HeaderMap,
               matchers: dict[str, CodeMatcher], default_category: str | None) -> ParsedRow:
    values: dict[str, Any] = {}
    problems: list[RowProblem] = []
    notes_extra: list[str] = []

    def cell(col: int | None) -> Any:
        return row[col] if col is not None and col < len(row) else None

    for name, col in header.columns.items():
        raw = cell(col)
        if raw in (None, "") or (name == "birth_date" and header.gender_split):
            continue
        if isinstance(raw, Formula):
            problems.append(RowProblem(number, _column_label(header, col), name,
                                       format_message("E_FORMULA", {"field": name})))
            continue
        if name in DATE_FIELDS:
            try:
                values[name] = cell_date(raw)
            except ValueError:
                problems.append(RowProblem(number, _column_label(header, col), name,
                                           format_message("E_DATE", {"field": name, "value": cell_text(raw)})))
        elif name in CODE_FIELDS:
            code = matchers[name](raw)
            if code is None and name == "workplace_type":
                notes_extra.append(f"{header.headers.get(col, 'Nơi làm việc')}: {cell_text(raw)}")
            elif code is None:
                problems.append(RowProblem(number, _column_label(header, col), name,
                                           format_message("E_CODE", {"field": name, "value": cell_text(raw)})))
            else:
                values[name] = code
        elif name == "national_id":
            values[name] = id_text(raw, 12)
        elif name == "phone":
            values[name] = id_text(raw, 10)
        else:
            values[name] = cell_text(raw)
    for col, gender in header.gender_split.items():  # "Năm sinh" split into Nam | Nữ columns
        raw = cell(col)
        if isinstance(raw, Formula):
            problems.append(RowProblem(number, _column_label(header, col), "birth_date",
                                       format_message("E_FORMULA", {"field": "birth_date"})))
        elif raw not in (None, ""):
            try:
                values["birth_date"] = cell_date(raw)
                values.setdefault("gender", gender)
            except ValueError:
                problems.append(RowProblem(number, _column_label(header, col), "birth_date",
                                           format_message("E_DATE", {"field": "birth_date", "value": cell_text(raw)})))
    if default_category and "category" not in values:
        values["category"] = default_category
    values.setdefault("status", "DANG_LAM")
    if notes_extra:
        values["notes"] = "; ".join(filter(None, [values.get("notes"), *notes_extra]))
    try:
        cleaned = validate(ctx, WORKER_RULES, values)
    except ValidationError as error:
        problems.extend(
            RowProblem(number, _column_label(header, header.columns.get(f)), f,
                       format_message(code, {"field": f, **params}))
            for f, code, params in error.problems
        )
        cleaned = {}
    return ParsedRow(number, cleaned if not problems else values, problems)


def _identity(values: dict[str, Any]) -> list[tuple[str, Any]]:
    keys: list[tuple[str, Any]] = []
    if values.get("national_id"):
        keys.append(("cccd", values["national_id"]))
    if values.get("full_name") and values.get("birth_date"):
        keys.append(("name", (fold(values["full_name"]), values["birth_date"])))
    return keys


def _mark_duplicates(ctx: AppContext, rows: list[ParsedRow]) -> None:
    with ctx.db.reader() as session:
        existing = repo.live_rows(session, Worker, "id", "full_name", "national_id", "birth_date")
    known: dict[tuple[str, Any], tuple[str, str]] = {}
    for w in existing:
        for key in _identity(w):
            known.setdefault(key, (w["id"], w["full_name"]))
    for row in rows:
        if row.problems:
            continue
        for kind, value in _identity(row.values):
            match = known.get((kind, value))
            if match:
                row.duplicate_of = match[0]
                row.duplicate_why = "cùng số CCCD" if kind == "cccd" else "cùng họ tên và ngày sinh"
                row.values.setdefault("_dup_name", match[1])
                break
        if row.duplicate_of is None:
            for key in _identity(row.values):
                known.setdefault(key, (f"row {row.row}", row.values["full_name"]))


def import_roster(
    ctx: AppContext, path: Path, sheet: str | None = None, on_duplicate: str = "skip",
    default_category: str = "CTV_CTXH", mapping: dict[str, int] | None = None, annotate_to: Path | None = None,
    progress: ProgressSink = NULL_PROGRESS, cancel: CancelToken | None = None,
) -> ImportReport:
    """Import a roster workbook. Duplicates are merged (fill in and update) or skipped, as asked."""
    require_manager(ctx)
    if on_duplicate not in ("merge", "skip"):
        raise CtxhError("E_ARGS", detail="--duplicates merge|skip")
    plan = plan_roster_import(ctx, path, sheet, mapping, default_category, progress, cancel)
    return apply_roster_plan(ctx, plan, on_duplicate, annotate_to)


def apply_roster_plan(ctx: AppContext, plan: RosterPlan, on_duplicate: str = "skip",
                      annotate_to: Path | None = None) -> ImportReport:
    """Write a checked plan: new people in one transaction with the merges; then annotate rejections."""
    require_manager(ctx)
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
            target.update({k: v for k, v in values.items() if v not in (None, "")})
            report.merged += 1
        else:
            merges.append((row.duplicate_of, values))
            report.merged += 1
    with Writing(ctx) as writer:
        writer.create_many(Worker, [{**v, **person_keys(v)} for v in new_rows.values()])
        for worker_id, values in merges:
            update_in(writer, Worker, worker_id, {k: v for k, v in values.items() if v not in (None, "")},
                      person_keys)
    report.imported = len(new_rows)
    report.changed = writer.changed
    if report.rejected:
        report.annotated = str(annotate(plan, report.rejected, annotate_to))
    return report


def annotate(plan: RosterPlan, problems: list[RowProblem], target: Path | None = None) -> Path:
    """Save a copy of the workbook with each rejected row's reasons in a new column, and bad cells in red."""
    from openpyxl import load_workbook
    from openpyxl.styles import Font, PatternFill

    target = target or plan.path.with_name(f"{plan.path.stem} (lỗi nhập){plan.path.suffix}")
    workbook = load_workbook(plan.path)
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
    return replace_atomically(target, workbook.save)


