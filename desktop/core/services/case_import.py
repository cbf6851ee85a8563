"""Beneficiary lists into cases: each row of a commune's list becomes a person and an open case.

The roster importer's machinery (services/excel_import.py): the same report, annotated copy and exit
codes. A person already here (same citizen ID, or same name and birth date) is skipped or merged, and
gets no second case.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from desktop.core.context import AppContext
from desktop.core.derived import case_keys, person_keys
from desktop.core.domain.case_rules import CHILD_PROTECTION, DEFAULT_PROCESS, intake_defaults
from desktop.core.excel.headers import HeaderMap
from desktop.core.models import Beneficiary, Case
from desktop.core.progress import NULL_PROGRESS, CancelToken, ProgressSink
from desktop.core.repositories import records as repo
from desktop.core.repositories.row_types import PersonKey
from desktop.core.services.access import require_manager
from desktop.core.services.cases import BENEFICIARY_RULES, CASE_RULES, CaseNumbers, _update_beneficiary_in
from desktop.core.services.changes import ChangeWriter
from desktop.core.services.excel_import import ImportPlan, ImportReport, ImportSpec, apply_plan, plan_import
from desktop.core.validation import Rule

ALIASES: dict[str, list[str]] = {
    "full_name": ["ho va ten", "ho ten", "ho va ten doi tuong", "ho ten doi tuong", "ten doi tuong",
                  "ho va ten tre", "ho va ten tre em", "ho ten tre em", "ho ten tre", "ten"],
    "birth_date": ["ngay sinh", "nam sinh", "ngay thang nam sinh", "ngay/thang/nam sinh", "sinh ngay"],
    "gender": ["gioi tinh", "gioi", "nam/nu", "gt"],
    "national_id": ["so cccd", "cccd", "so can cuoc", "so can cuoc cong dan", "so dinh danh",
                    "so dinh danh ca nhan", "so cmnd/cccd", "cmnd/cccd", "ma dinh danh"],
    "phone": ["so dien thoai", "dien thoai", "sdt", "dien thoai lien he"],
    "address": ["dia chi", "noi o", "noi o hien nay", "thon/xom", "thon, xom", "thon/to dan pho", "noi cu tru",
                "dia chi thuong tru", "thuong tru"],
    "guardian_name": ["nguoi giam ho", "ho ten nguoi giam ho", "nguoi cham soc", "nguoi nuoi duong",
                      "ho ten cha/me", "ho ten cha me", "cha/me hoac nguoi cham soc", "nguoi dai dien"],
    "target_groups": ["nhom doi tuong", "dien doi tuong", "doi tuong", "nhom", "hoan canh dac biet",
                      "thuoc nhom", "phan loai doi tuong", "loai doi tuong", "nhom hoan canh dac biet",
                      "dien hoan canh dac biet", "dien huong", "dien huong tro cap", "doi tuong huong",
                      "dien doi tuong huong", "dien tro cap", "thuoc dien", "dien chinh sach", "nhom tre"],
    "process_type": ["quy trinh", "loai ho so"],
    "opened_on": ["ngay tiep nhan", "ngay phat hien", "ngay lap ho so", "ngay mo ho so", "ngay quan ly"],
    "summary": ["tinh hinh", "tom tat", "hoan canh", "tinh trang", "mo ta hoan canh", "nhu cau"],
    "notes": ["ghi chu"],
}
VALUE_ALIASES: dict[str, dict[str, str]] = {
    "gender": {"nam": "NAM", "nu": "NU", "m": "NAM", "f": "NU"},
    "process_type": {"tt02": "TT02_2020", "tt 02": "TT02_2020", "nd56": "ND56_2017", "nd 56": "ND56_2017",
                     "bao ve tre em": "ND56_2017", "quan ly truong hop": "TT02_2020"},
}
PERSON_FIELDS = tuple(BENEFICIARY_RULES)
RULES = {**BENEFICIARY_RULES, "process_type": CASE_RULES["process_type"],
         "opened_on": Rule("date", required=True, not_future=True), "summary": CASE_RULES["summary"]}


def _defaults(values: dict[str, Any], header: HeaderMap) -> None:
    # A child in special circumstances is a child-protection case (ND 56/2017) unless the list says otherwise.
    if "process_type" not in values:
        groups = values.get("target_groups") or []
        values["process_type"] = CHILD_PROTECTION if any(g.startswith("HCDB_") for g in groups) else DEFAULT_PROCESS
    values.setdefault("opened_on", dt.date.today())


def _existing(ctx: AppContext) -> list[PersonKey]:
    with ctx.db.reader() as session:
        return repo.people_keys(session, Beneficiary)


def _write(writer: ChangeWriter, new_rows: list[dict[str, Any]], merges: list[tuple[str, dict[str, Any]]]) -> int:
    from desktop.core.services.workflow import processes

    people = [{k: v for k, v in row.items() if k in PERSON_FIELDS or k == "id"} for row in new_rows]
    ids = writer.create_many(Beneficiary, [{**p, **person_keys(p)} for p in people])
    for person in people:
        person.pop("id", None)
    numbers = CaseNumbers(writer)
    known = processes(writer.ctx.profile.root)
    case_rows = []
    for person_id, person, row in zip(ids, people, new_rows, strict=True):
        case_no = numbers.next(row["opened_on"].year)
        process = known.get(row["process_type"])
        case_rows.append({
            **intake_defaults(row["opened_on"], process.steps[0].code if process else "TIEP_NHAN"),
            "case_no": case_no, "beneficiary_id": person_id, "process_type": row["process_type"],
            "summary": row.get("summary"), "last_contact_on": row["opened_on"], **case_keys(case_no, person)})
    writer.create_many(Case, case_rows)
    for person_id, values in merges:
        _update_beneficiary_in(writer, person_id, {k: v for k, v in values.items() if k in PERSON_FIELDS})
    return len(new_rows)


CASE_LIST = ImportSpec(
    name_field="full_name", aliases=ALIASES, rules=RULES, date_fields=frozenset({"birth_date", "opened_on"}),
    code_fields={"gender": "gender", "process_type": "process_type"},
    multi_code_fields={"target_groups": "target_group"}, value_aliases=VALUE_ALIASES,
    id_fields={"national_id": 12, "phone": 10}, unmatched_to_notes=frozenset(), defaults=_defaults,
    existing=_existing, write=_write, kind="cases", model=Beneficiary,
)


def plan_case_import(ctx: AppContext, path: Path, sheet: str | None = None, mapping: dict[str, int] | None = None,
                     progress: ProgressSink = NULL_PROGRESS, cancel: CancelToken | None = None,
                     choices: dict[tuple[str, str], str | None] | None = None) -> ImportPlan:
    """Read a beneficiary list and check every row; nothing is written."""
    return plan_import(ctx, CASE_LIST, path, sheet, mapping, progress, cancel, choices)


def apply_case_plan(ctx: AppContext, plan: ImportPlan, on_duplicate: str = "skip", annotate_to: Path | None = None,
                    progress: ProgressSink = NULL_PROGRESS, cancel: CancelToken | None = None) -> ImportReport:
    """Write a checked beneficiary-list plan (see import_cases)."""
    require_manager(ctx)
    return apply_plan(ctx, CASE_LIST, plan, on_duplicate, annotate_to, progress, cancel)


def import_cases(ctx: AppContext, path: Path, sheet: str | None = None, on_duplicate: str = "skip",
                 annotate_to: Path | None = None, progress: ProgressSink = NULL_PROGRESS,
                 cancel: CancelToken | None = None, mapping: dict[str, int] | None = None,
                 choices: dict[tuple[str, str], str | None] | None = None) -> ImportReport:
    """Import a beneficiary list: a person and an open case for each new row; people already here are
    skipped or merged (their details filled in and updated), never given a second case."""
    require_manager(ctx)
    plan = plan_case_import(ctx, path, sheet, mapping, progress, cancel, choices)
    return apply_case_plan(ctx, plan, on_duplicate, annotate_to, progress, cancel)
