"""A commune's own allowance list into the register: each row a person and her decision (clause, coefficient,
decision number and date, the month she is paid from).

The lists' machinery (services/excel_import.py): the same preview, mapping step, annotated copy and exit codes.
The clause is matched against the decree's wording and the ways lists write it ("Khoản 5a Điều 5", "NKT ĐBN",
"Trẻ mồ côi cả cha và mẹ"). A person already here (same CCCD, or same name and birth date) gets the decision
on her record — her details are only filled in where empty — and a decision she already holds (same clause
from the same month) is not written twice. A person written on two rows (two groups) is one person with two
decisions.

The list's coefficient and amount are checked against the clause, never silently changed: a coefficient that
differs from the clause's is kept on the decision (the register flags it); an amount that is not the
coefficient times any standard in force since the start month is reported by row, and written into the
decision's notes.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop.core.context import AppContext
from desktop.core.derived import person_keys
from desktop.core.domain import allowance_rules as rules
from desktop.core.excel.headers import HeaderMap
from desktop.core.models import AllowanceDecision, Beneficiary
from desktop.core.progress import NULL_PROGRESS, CancelToken, ProgressSink
from desktop.core.repositories import allowances as allowance_repo
from desktop.core.repositories import records as repo
from desktop.core.repositories.row_types import PersonKey
from desktop.core.services.access import require_manager
from desktop.core.services.allowances import DECISION_RULES, month_starts
from desktop.core.services.cases import BENEFICIARY_RULES
from desktop.core.services.changes import ChangeWriter
from desktop.core.services.excel_import import ImportPlan, ImportReport, ImportSpec, apply_plan, plan_import
from desktop.core.validation import Rule

ALIASES: dict[str, list[str]] = {
    "full_name": ["ho va ten", "ho ten", "ho va ten doi tuong", "ho ten doi tuong", "ten doi tuong",
                  "ho ten nguoi huong", "ho va ten nguoi huong", "ten"],
    "birth_date": ["ngay sinh", "nam sinh", "ngay thang nam sinh", "ngay/thang/nam sinh", "sinh ngay"],
    "gender": ["gioi tinh", "gioi", "nam/nu", "gt"],
    "national_id": ["so cccd", "cccd", "so can cuoc", "so can cuoc cong dan", "so dinh danh", "so dinh danh ca nhan",
                    "so cmnd/cccd", "cmnd/cccd", "ma dinh danh"],
    "address": ["dia chi", "noi o", "thon/xom", "thon, xom", "thon/to dan pho", "noi cu tru", "dia chi thuong tru",
                "thuong tru", "thon", "to dan pho"],
    "guardian_name": ["nguoi giam ho", "nguoi cham soc", "nguoi nuoi duong", "nguoi dai dien"],
    "clause": ["dien huong", "dien huong tro cap", "doi tuong huong", "dien doi tuong", "nhom doi tuong",
               "loai doi tuong", "phan loai doi tuong", "dien tro cap", "thuoc dien", "can cu huong",
               "khoan, dieu", "khoan dieu", "dieu khoan", "theo khoan", "dien", "doi tuong"],
    "sub_clause": ["diem", "tieu muc"],
    "coefficient": ["he so", "he so tro cap", "he so huong", "muc he so"],
    "monthly_amount": ["muc tro cap", "so tien", "muc huong", "thanh tien", "so tien huong", "muc tro cap hang thang",
               "tro cap hang thang", "muc tro cap (dong)", "so tien (dong)", "so tien duoc huong"],
    "decision_no": ["so quyet dinh", "so qd", "quyet dinh so", "qd so", "quyet dinh", "so qd huong"],
    "decision_date": ["ngay quyet dinh", "ngay qd", "ngay ky quyet dinh", "ngay ky"],
    "start_month": ["huong tu thang", "thoi diem huong", "ngay huong", "thang bat dau huong", "tu thang",
                    "thoi gian huong", "huong tu ngay", "thang huong"],
    "children": ["so con", "so con dang nuoi"],
    "payee_name": ["nguoi nhan", "nguoi nhan thay", "nguoi nhan ho tro"],
    "notes": ["ghi chu"],
}
PERSON_FIELDS = ("full_name", "birth_date", "gender", "national_id", "address", "guardian_name")
DECISION_FIELDS = tuple(k for k in DECISION_RULES if k != "beneficiary_id")
RULES = {**{k: BENEFICIARY_RULES[k] for k in PERSON_FIELDS},
         **{k: v for k, v in DECISION_RULES.items() if k != "beneficiary_id"},
         "monthly_amount": Rule("int"), "notes": Rule("text", max_len=2000)}
UNNUMBERED = "Không ghi trong danh sách"
_DATE_IN_TEXT = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})")
_SUB = re.compile(r"(?:điểm|diem)\s+([a-lđ])\b", re.IGNORECASE)
# "THÁNG 11 NĂM 2026", "tháng 11/2026": the month a payment list is for
_TITLE_MONTH = re.compile(r"th[aá]ng\s*(\d{1,2})\s*(?:/|-|\.|n[aă]m)\s*(\d{4})", re.IGNORECASE)


@dataclass
class AllowanceImportReport:
    """An allowance import: the lists' report, with the decisions written and the rows whose figures differ
    from the clause."""

    report: ImportReport
    decisions: int = 0
    already: int = 0  # decisions the register already held
    differences: list[dict[str, Any]] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        """The JSON `ctxh allowance import` prints."""
        return {**self.report.as_json(), "decisions": self.decisions, "already_held": self.already,
                "differences": self.differences}

    @property
    def rejected(self) -> list[Any]:
        """The refused rows (what the exit code follows)."""
        return self.report.rejected


def list_month(title_lines: list[str]) -> dt.date | None:
    """The month a list's title block names ("DANH SÁCH CHI TRẢ … THÁNG 11 NĂM 2026"), if any."""
    for line in title_lines:
        for found in _TITLE_MONTH.finditer(line):
            month, year = int(found[1]), int(found[2])
            if 1 <= month <= 12 and 1990 <= year <= 2100:
                return dt.date(year, month, 1)
    return None


def group_of(clause: str) -> str:
    """The target group a clause of the allowance puts a person in (care support names none)."""
    return "" if rules.is_care_support(clause) else clause


def _defaults(values: dict[str, Any], header: HeaderMap, listed: dt.date | None = None) -> None:
    number = values.get("decision_no")
    if isinstance(number, str) and "decision_date" not in values:
        found = _DATE_IN_TEXT.search(number)  # "125/QĐ-UBND ngày 12/3/2025"
        if found:
            try:
                values["decision_date"] = dt.date(int(found[3]), int(found[2]), int(found[1]))
                values["decision_no"] = number[:found.start()].replace("ngày", "").strip(" ,;-") or number
            except ValueError:
                pass
    if "sub_clause" not in values and isinstance(values.get("notes"), str):
        match = _SUB.search(values["notes"])
        if match:
            values["sub_clause"] = match[1].lower()
    if "start_month" not in values and isinstance(values.get("decision_date"), dt.date):
        values["start_month"] = values["decision_date"]  # paid from the month the chair signs (ND 20 Art. 8)
    if "start_month" not in values and listed is not None:
        # A payment list names no decision: she is paid in the list's month, which the register starts from.
        values["start_month"] = listed
    if "decision_date" not in values and isinstance(values.get("start_month"), dt.date):
        values["decision_date"] = min(values["start_month"], dt.date.today())
    values.setdefault("decision_no", UNNUMBERED)


def _existing(ctx: AppContext) -> list[PersonKey]:
    with ctx.db.reader() as session:
        return repo.people_keys(session, Beneficiary)


@dataclass
class _Writes:
    result: AllowanceImportReport
    standards: list[rules.StandardRow]
    province: str
    held: dict[str, set[tuple[str, dt.date]]] = field(default_factory=dict)
    listed: dt.date | None = None  # the month the list's title names


def _check(writes: _Writes, values: dict[str, Any], birth: dt.date | None) -> dict[str, Any]:
    """The decision's values from a row, the list's coefficient kept only where it differs from the clause's,
    and a difference of amount reported."""
    decision = month_starts({k: values.get(k) for k in DECISION_FIELDS if values.get(k) is not None})
    today = rules.month_start(dt.date.today())
    month = max(decision["start_month"], min(today, decision.get("end_month") or today))
    by_clause = rules.clause_coefficient(decision["clause"], birth, month, decision.get("children"))
    written = decision.get("coefficient")
    row = values.get("_row")
    if written is not None and by_clause is not None and abs(written - by_clause) < 1e-9:
        decision["coefficient"] = None  # the clause's: it follows her age from now on
    elif written is not None and by_clause is not None:
        writes.result.differences.append({"row": row, "field": "coefficient", "written": written,
                                          "by_clause": by_clause, "full_name": values.get("full_name")})
    coefficient = written if written is not None else by_clause
    amount = values.get("monthly_amount")
    if amount and coefficient:
        possible = {rules.amount(s, coefficient) for s in _standards_since(writes, decision["start_month"])}
        if amount not in possible:
            expected = rules.amount(rules.standard_in(writes.standards, month, writes.province) or 0, coefficient)
            writes.result.differences.append({"row": row, "field": "amount", "written": amount,
                                              "by_clause": expected, "full_name": values.get("full_name")})
            note = f"Số tiền trong danh sách: {amount:,} đ (theo hệ số: {expected:,} đ)".replace(",", ".")
            decision["notes"] = "; ".join(filter(None, [decision.get("notes"), note]))
    return decision


def _standards_since(writes: _Writes, start: dt.date) -> set[int]:
    today = rules.month_start(dt.date.today())
    values = {rules.standard_in(writes.standards, start, writes.province)}
    values |= {s.value for s in writes.standards if start <= s.effective_from <= today + dt.timedelta(days=31)
               and s.province_code in (None, writes.province)}
    return {v for v in values if v}


def _spec(writes: _Writes) -> ImportSpec:
    def write(writer: ChangeWriter, new_rows: list[dict[str, Any]], merges: list[tuple[str, dict[str, Any]]]) -> int:
        people = [{**{k: row[k] for k in (*PERSON_FIELDS, "id") if row.get(k) is not None},
                   "target_groups": group_of(row["clause"])} for row in new_rows]
        ids = writer.create_many(Beneficiary, [{**p, **person_keys(p)} for p in people])
        decisions = []
        for person_id, row in zip(ids, new_rows, strict=True):
            decisions.append(_decision(writes, person_id, row, row.get("birth_date")))
        for person_id, row in merges:
            current = repo.get_row(writer.session, Beneficiary, person_id) or {}
            empty = {k: row[k] for k in PERSON_FIELDS if row.get(k) is not None and current.get(k) in (None, "")}
            groups = set((current.get("target_groups") or "").split())
            if group_of(row["clause"]) and group_of(row["clause"]) not in groups:
                empty["target_groups"] = " ".join(sorted(groups | {group_of(row["clause"])}))
            if empty:
                from desktop.core.services.cases import _update_beneficiary_in

                _update_beneficiary_in(writer, person_id, empty)
            if person_id not in writes.held:
                writes.held[person_id] = {(d["clause"], d["start_month"]) for d in
                                          allowance_repo.decisions_of_person(writer.session, person_id)}
            decisions.append(_decision(writes, person_id, row, current.get("birth_date") or row.get("birth_date")))
        fresh = [d for d in decisions if d is not None]
        writer.create_many(AllowanceDecision, fresh)
        writes.result.decisions += len(fresh)
        return len(new_rows)

    def title(lines: list[str]) -> None:
        writes.listed = list_month(lines)

    return ImportSpec(
        name_field="full_name", aliases=ALIASES, rules=RULES, on_title=title,
        date_fields=frozenset({"birth_date", "decision_date", "start_month", "end_month"}),
        code_fields={"gender": "gender", "clause": "allowance_clause", "end_reason": "allowance_end_reason"},
        multi_code_fields={}, value_aliases={"gender": {"nam": "NAM", "nu": "NU", "m": "NAM", "f": "NU"}},
        id_fields={"national_id": 12}, unmatched_to_notes=frozenset(),
        defaults=lambda values, header: _defaults(values, header, writes.listed), existing=_existing,
        write=write, kind="allowances", row_numbers=True, model=Beneficiary,
    )


def _decision(writes: _Writes, person_id: str, row: dict[str, Any], birth: dt.date | None) -> dict[str, Any] | None:
    decision = _check(writes, row, birth)
    key = (decision["clause"], decision["start_month"])
    held = writes.held.setdefault(person_id, set())
    if key in held:
        writes.result.already += 1
        return None
    held.add(key)
    return {**decision, "beneficiary_id": person_id}


def _writes(ctx: AppContext) -> _Writes:
    from desktop.core.services.allowances import standards_held

    accepted, _waiting = standards_held(ctx)
    return _Writes(AllowanceImportReport(ImportReport("", 0, {})), accepted, ctx.province_code)


def plan_allowance_import(ctx: AppContext, path: Path, sheet: str | None = None, mapping: dict[str, int] | None = None,
                          progress: ProgressSink = NULL_PROGRESS, cancel: CancelToken | None = None,
                          choices: dict[tuple[str, str], str | None] | None = None) -> ImportPlan:
    """Read an allowance list and check every row; nothing is written."""
    return plan_import(ctx, _spec(_writes(ctx)), path, sheet, mapping, progress, cancel, choices)


def apply_allowance_plan(ctx: AppContext, plan: ImportPlan, annotate_to: Path | None = None,
                         progress: ProgressSink = NULL_PROGRESS, cancel: CancelToken | None = None
                         ) -> AllowanceImportReport:
    """Write a checked allowance-list plan (see import_allowances)."""
    require_manager(ctx)
    writes = _writes(ctx)
    writes.result.report = apply_plan(ctx, _spec(writes), plan, "merge", annotate_to, progress, cancel)
    return writes.result


def import_allowances(ctx: AppContext, path: Path, sheet: str | None = None, annotate_to: Path | None = None,
                      progress: ProgressSink = NULL_PROGRESS, cancel: CancelToken | None = None,
                      mapping: dict[str, int] | None = None,
                      choices: dict[tuple[str, str], str | None] | None = None) -> AllowanceImportReport:
    """Import an allowance list: a person (or the one already here) and her decision for each row."""
    require_manager(ctx)
    plan = plan_allowance_import(ctx, path, sheet, mapping, progress, cancel, choices)
    return apply_allowance_plan(ctx, plan, annotate_to, progress, cancel)
