"""A training class list into CTXH Desk: the course (from the list's title block or the officer's details) and one
attendance for each attendee found on the roster, matched by citizen ID or by folded name and birth date, with
the certificate number and the result kept.

The roster importer's machinery (services/excel_import.py): the same preview, mapping step, annotated copy and
exit codes. An attendee who is not on the roster is reported by row and name, never added to it silently (a
class gathers people of several communes); one already recorded in the course is not recorded twice.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop.core.context import AppContext
from desktop.core.errors import CtxhError
from desktop.core.excel.headers import HeaderMap
from desktop.core.excel.values import cell_date
from desktop.core.models import TrainingAttendance, TrainingCourse, Worker
from desktop.core.progress import NULL_PROGRESS, CancelToken, ProgressSink
from desktop.core.repositories import records as repo
from desktop.core.repositories.row_types import PersonKey
from desktop.core.services.access import require_manager
from desktop.core.services.changes import ChangeWriter
from desktop.core.services.excel_import import ImportPlan, ImportReport, ImportSpec, apply_plan, plan_import
from desktop.core.services.records import validate
from desktop.core.services.training import ATTENDANCE_RULES, COURSE_RULES
from desktop.core.text import fold
from desktop.core.validation import Rule

ALIASES: dict[str, list[str]] = {
    "full_name": ["ho va ten", "ho ten", "ho va ten hoc vien", "ho ten hoc vien", "hoc vien", "ten hoc vien"],
    "birth_date": ["ngay sinh", "nam sinh", "ngay thang nam sinh", "ngay/thang/nam sinh"],
    "gender": ["gioi tinh", "gioi", "nam/nu"],
    "national_id": ["so cccd", "cccd", "so can cuoc", "so can cuoc cong dan", "so dinh danh", "so cmnd/cccd"],
    "workplace": ["don vi", "don vi cong tac", "noi cong tac", "co quan", "xa/phuong", "xa phuong"],
    "certificate_no": ["so chung chi", "so chung nhan", "so giay chung nhan", "chung chi so", "so hieu chung chi",
                       "so vao so"],
    "completed": ["ket qua", "xep loai", "hoan thanh", "danh gia"],
    "notes": ["ghi chu"],
}
RULES = {
    "full_name": Rule("text", required=True, max_len=120), "birth_date": Rule("date", not_future=True),
    "gender": Rule("code", code_list="gender"), "national_id": Rule("cccd"), "workplace": Rule("text", max_len=200),
    "certificate_no": ATTENDANCE_RULES["certificate_no"], "completed": Rule("code", code_list="course_result"),
    "notes": Rule("text", max_len=4000),
}
RESULTS = {"hoan thanh": "DAT", "dat": "DAT", "gioi": "DAT", "kha": "DAT", "trung binh": "DAT", "x": "DAT",
           "co": "DAT", "xuat sac": "DAT", "khong dat": "KHONG_DAT", "chua dat": "KHONG_DAT",
           "khong hoan thanh": "KHONG_DAT", "vang": "KHONG_DAT", "bo hoc": "KHONG_DAT"}
_DATES = re.compile(r"(\d{1,2}/\d{1,2}/\d{4})")


@dataclass
class CourseDetails:
    """The course a class list records: given by the officer, or read from the list's title block."""

    title: str | None = None
    kind: str | None = None
    start_date: dt.date | None = None
    end_date: dt.date | None = None
    hours: int | None = None
    organiser: str | None = None
    level: str | None = None
    location: str | None = None

    def missing(self) -> list[str]:
        """The details a course must have and this one lacks."""
        return [name for name in ("title", "kind", "start_date") if getattr(self, name) is None]


def course_from_title(lines: list[str]) -> CourseDetails:
    """What a class list's title block says: "DANH SÁCH HỌC VIÊN LỚP TẬP HUẤN NGHIỆP VỤ CTXH", "Thời gian: từ
    ngày 10/11/2026 đến ngày 12/11/2026", "Địa điểm: Hội trường UBND xã", "Đơn vị tổ chức: Sở Y tế"."""
    found = CourseDetails()
    for line in lines:
        folded = fold(line)
        if found.title is None and re.search(r"\b(lop|khoa)\b", folded):
            found.title = re.sub(r"(?i)^danh sách (học viên|người tham gia|đại biểu)\s*(tham dự\s*)?", "",
                                 line.strip()).strip(" :") or line.strip()
            found.kind = ("BOI_DUONG" if "boi duong" in folded else "DAO_TAO" if "dao tao" in folded
                          else "TAP_HUAN")
        if found.start_date is None and ("thoi gian" in folded or "ngay" in folded) and _DATES.search(line):
            days = [cell_date(d) for d in _DATES.findall(line) if _safe_date(d)]
            if days:
                found.start_date, found.end_date = days[0], (days[1] if len(days) > 1 else None)
        if found.location is None and folded.startswith("dia diem"):
            found.location = line.split(":", 1)[-1].strip() or None
        if found.organiser is None and folded.startswith(("don vi to chuc", "co quan to chuc", "to chuc boi")):
            found.organiser = line.split(":", 1)[-1].strip() or None
    return found


def _safe_date(text: str) -> bool:
    try:
        cell_date(text)
    except ValueError:
        return False
    return True


@dataclass
class _Recorded:
    course_id: str | None = None
    not_on_roster: list[dict[str, Any]] = field(default_factory=list)
    already: int = 0


def _existing(ctx: AppContext) -> list[PersonKey]:
    with ctx.db.reader() as session:
        return repo.people_keys(session, Worker)


def _spec(course: CourseDetails, recorded: _Recorded, course_id: str | None) -> ImportSpec:
    def defaults(values: dict[str, Any], header: HeaderMap) -> None:
        return None

    def write(writer: ChangeWriter, new_rows: list[dict[str, Any]], merges: list[tuple[str, dict[str, Any]]]) -> int:
        recorded.not_on_roster += [{"row": v.get("_row"), "full_name": v.get("full_name")} for v in new_rows]
        if not merges:
            return 0
        if recorded.course_id is None:
            recorded.course_id = course_id or writer.create(TrainingCourse, validate(writer.ctx, COURSE_RULES, {
                k: v for k, v in vars(course).items() if v is not None}))
        done = repo.course_attendees(writer.session, recorded.course_id)
        rows = []
        for worker_id, values in merges:
            if worker_id in done:
                recorded.already += 1
                continue
            done.add(worker_id)
            rows.append(validate(writer.ctx, ATTENDANCE_RULES, {
                "course_id": recorded.course_id, "worker_id": worker_id,
                "certificate_no": values.get("certificate_no"), "completed": values.get("completed") != "KHONG_DAT"}))
        writer.create_many(TrainingAttendance, rows)
        return len(rows)

    return ImportSpec(
        name_field="full_name", aliases=ALIASES, rules=RULES, date_fields=frozenset({"birth_date"}),
        code_fields={"gender": "gender", "completed": "course_result"}, multi_code_fields={},
        value_aliases={"gender": {"nam": "NAM", "nu": "NU"}, "course_result": RESULTS},
        id_fields={"national_id": 12}, unmatched_to_notes=frozenset(), defaults=defaults, existing=_existing,
        write=write, kind="training", row_numbers=True, repeats_skipped=True,
    )


def plan_training_import(ctx: AppContext, path: Path, sheet: str | None = None, mapping: dict[str, int] | None = None,
                         progress: ProgressSink = NULL_PROGRESS, cancel: CancelToken | None = None,
                         choices: dict[tuple[str, str], str | None] | None = None) -> ImportPlan:
    """Read a class list and match its attendees to the roster; nothing is written. An attendee on the roster
    shows as a "duplicate" of that person (the record the attendance goes to)."""
    return plan_import(ctx, _spec(CourseDetails(), _Recorded(), None), path, sheet, mapping, progress, cancel,
                       choices)


@dataclass
class TrainingReport:
    """What a class-list import did: the course, the attendances, who is not on the roster."""

    report: ImportReport
    course_id: str | None
    course: CourseDetails
    not_on_roster: list[dict[str, Any]]
    already: int

    def as_json(self) -> dict[str, Any]:
        """The JSON the command line prints."""
        return {**self.report.as_json(), "course_id": self.course_id,
                "course": {k: (v.isoformat() if isinstance(v, dt.date) else v) for k, v in vars(self.course).items()},
                "attendances": self.report.imported, "not_on_roster": self.not_on_roster,
                "already_recorded": self.already}


def apply_training_plan(ctx: AppContext, plan: ImportPlan, course: CourseDetails | None = None,
                        course_id: str | None = None, annotate_to: Path | None = None,
                        progress: ProgressSink = NULL_PROGRESS, cancel: CancelToken | None = None) -> TrainingReport:
    """Record the class: the course (`course_id` of one already here, or `course` filled in from the title
    block) and the attendances of the attendees on the roster."""
    require_manager(ctx)
    details = course_from_title(plan.title_lines)
    for name, value in vars(course or CourseDetails()).items():
        if value is not None:
            setattr(details, name, value)
    if course_id is None and details.missing():
        raise CtxhError("E_TRAINING_COURSE", missing=", ".join(details.missing()))
    recorded = _Recorded(course_id=course_id)
    report = apply_plan(ctx, _spec(details, recorded, course_id), plan, "merge", annotate_to, progress, cancel)
    report.merged = 0  # the matched attendees are recorded, not merged into the roster
    return TrainingReport(report, recorded.course_id, details, recorded.not_on_roster, recorded.already)


def import_training(ctx: AppContext, path: Path, course: CourseDetails | None = None, course_id: str | None = None,
                    sheet: str | None = None, annotate_to: Path | None = None,
                    choices: dict[tuple[str, str], str | None] | None = None) -> TrainingReport:
    """Import a class list (see the module docstring)."""
    require_manager(ctx)
    plan = plan_training_import(ctx, path, sheet, choices=choices)
    return apply_training_plan(ctx, plan, course, course_id, annotate_to)
