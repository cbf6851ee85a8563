"""Moving a commune's Excel roster into CTXH Desk: the roster's headers, values and writing, on the
shared import machinery (services/excel_import.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from desktop.core.context import AppContext
from desktop.core.derived import person_keys
from desktop.core.excel.headers import HeaderMap
from desktop.core.models import Worker
from desktop.core.progress import NULL_PROGRESS, CancelToken, ProgressSink
from desktop.core.repositories import records as repo
from desktop.core.repositories.row_types import PersonKey
from desktop.core.services.access import require_manager
from desktop.core.services.changes import ChangeWriter
from desktop.core.services.excel_import import (
    ImportPlan,
    ImportReport,
    ImportSpec,
    RowProblem,
    annotate,
    apply_plan,
    plan_import,
)
from desktop.core.services.records import update_in
from desktop.core.services.roster import WORKER_RULES

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
    "education_level": ["trinh do", "trinh do chuyen mon", "trinh do dao tao", "chuyen mon", "bang cap",
                        "trinh do chuyen mon nghiep vu", "van bang"],
    "general_education": ["hoc van", "trinh do hoc van", "trinh do van hoa", "van hoa", "trinh do giao duc pho thong",
                          "giao duc pho thong", "gdpt", "trinh do pho thong"],
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
               "general_education": "general_education", "title_grade": "title_grade", "status": "worker_status"}
# "Trình độ" often holds the school level ("THPT", "12/12") as well as the professional one ("Đại học").
ALTERNATES = {"education_level": ("general_education", "general_education"),
              "general_education": ("education_level", "training_level")}
VALUE_ALIASES: dict[str, dict[str, str]] = {
    "gender": {"nam": "NAM", "nu": "NU", "m": "NAM", "f": "NU"},
    "worker_category": {"cong tac vien": "CTV_CTXH", "ctv": "CTV_CTXH", "ctv ctxh": "CTV_CTXH",
                        "cong tac vien ctxh": "CTV_CTXH", "chuyen trach": "CHUYEN_TRACH",
                        "kiem nhiem": "KHONG_CHUYEN_TRACH",
                        "khong chuyen trach": "KHONG_CHUYEN_TRACH", "tinh nguyen vien": "TNV", "tnv": "TNV",
                        "nhan vien ctxh": "NV_CTXH", "ctv bao ve tre em": "CTV_BVTE", "ctv bvte": "CTV_BVTE",
                        "can bo bao ve tre em": "BVTE_XA", "cong chuc van hoa xa hoi": "CHUYEN_TRACH"},
    "training_level": {"dh ctxh": "DAI_HOC", "dh cong tac xa hoi": "DAI_HOC", "cd ctxh": "CAO_DANG",
                       "tc ctxh": "TRUNG_CAP"},
    "worker_status": {"dang lam": "DANG_LAM", "dang cong tac": "DANG_LAM", "dang lam viec": "DANG_LAM",
                      "nghi": "DA_NGHI", "da nghi viec": "DA_NGHI", "tam nghi": "TAM_NGHI"},
    "title_grade": {"hang ii": "II", "hang iii": "III", "hang iv": "IV", "2": "II", "3": "III", "4": "IV"},
    "workplace_type": {},
}


RosterPlan = ImportPlan


def _existing(ctx: AppContext) -> list[PersonKey]:
    with ctx.db.reader() as session:
        return repo.people_keys(session, Worker)


def _write(writer: ChangeWriter, new_rows: list[dict[str, Any]], merges: list[tuple[str, dict[str, Any]]]) -> int:
    writer.create_many(Worker, [{**v, **person_keys(v)} for v in new_rows])
    for worker_id, values in merges:
        update_in(writer, Worker, worker_id, values, person_keys)
    return len(new_rows)


def roster_spec(default_category: str | None = None) -> ImportSpec:
    """The roster list: its headers, values and rules; `default_category` fills a missing category column."""
    def defaults(values: dict[str, Any], header: HeaderMap) -> None:
        # No category column, or one whose value no code fits (kept as written, to map): the wizard's default.
        if default_category and "category" not in values:
            values["category"] = default_category
        values.setdefault("status", "DANG_LAM")

    return ImportSpec(
        name_field="full_name", aliases=ALIASES, rules=WORKER_RULES, date_fields=frozenset(DATE_FIELDS),
        code_fields=CODE_FIELDS, multi_code_fields={}, value_aliases=VALUE_ALIASES,
        id_fields={"national_id": 12, "phone": 10}, unmatched_to_notes=frozenset({"workplace_type"}),
        defaults=defaults, existing=_existing, write=_write, alternates=ALTERNATES, kind="roster",
        rest_to={"education_level": "major"}, model=Worker,
    )


def plan_roster_import(
    ctx: AppContext, path: Path, sheet: str | None = None, mapping: dict[str, int] | None = None,
    default_category: str = "CTV_CTXH", progress: ProgressSink = NULL_PROGRESS, cancel: CancelToken | None = None,
    choices: dict[tuple[str, str], str | None] | None = None,
) -> ImportPlan:
    """Read a roster workbook and check every row; nothing is written.

    `mapping` (field -> 0-based column) replaces the found mapping, as the wizard's corrections do; `choices`
    are the mapping step's answers ((list, value) -> code, or None to keep the value as written).
    """
    plan = plan_import(ctx, roster_spec(default_category), path, sheet, mapping, progress, cancel, choices)
    plan.default_category = None if "category" in plan.header.columns else default_category
    plan.fallback_category = default_category  # also given where the category column's value fits no code
    return plan


def import_roster(
    ctx: AppContext, path: Path, sheet: str | None = None, on_duplicate: str = "skip",
    default_category: str = "CTV_CTXH", mapping: dict[str, int] | None = None, annotate_to: Path | None = None,
    progress: ProgressSink = NULL_PROGRESS, cancel: CancelToken | None = None,
    choices: dict[tuple[str, str], str | None] | None = None,
) -> ImportReport:
    """Import a roster workbook. Duplicates are merged (fill in and update) or skipped, as asked."""
    require_manager(ctx)
    plan = plan_roster_import(ctx, path, sheet, mapping, default_category, progress, cancel, choices)
    return apply_roster_plan(ctx, plan, on_duplicate, annotate_to, progress, cancel)


def apply_roster_plan(ctx: AppContext, plan: ImportPlan, on_duplicate: str = "skip",
                      annotate_to: Path | None = None, progress: ProgressSink = NULL_PROGRESS,
                      cancel: CancelToken | None = None) -> ImportReport:
    """Write a checked plan: new people in one transaction with the merges; then annotate rejections."""
    require_manager(ctx)
    spec = roster_spec(plan.fallback_category or plan.default_category)
    return apply_plan(ctx, spec, plan, on_duplicate, annotate_to, progress, cancel)


__all__ = ["ImportReport", "RosterPlan", "RowProblem", "annotate", "apply_roster_plan", "import_roster",
           "plan_roster_import", "roster_spec"]
