"""The roster and its training history as a workbook for the district, in Vietnamese."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from desktop.core.context import AppContext
from desktop.core.domain.report_rules import AllowanceRow, CourseRow, WorkerRow, allowance_on, trained_on
from desktop.core.excel.writing import SheetSpec, write_workbook
from desktop.core.models import Worker, WorkerAllowance
from desktop.core.repositories import records as repo
from desktop.core.services.records import codebook

ROSTER_COLUMNS = [
    ("STT", 6), ("Họ và tên", 26), ("Giới tính", 9), ("Ngày sinh", 12), ("Số CCCD", 15), ("Điện thoại", 13),
    ("Thư điện tử", 22), ("Địa chỉ", 28), ("Loại nhân lực", 26), ("Nơi làm việc", 22), ("Chức vụ", 22),
    ("Học vấn", 12), ("Trình độ chuyên môn", 16), ("Chuyên ngành", 18), ("Trình độ CTXH", 22),
    ("Hạng chức danh", 14), ("Mã chức danh", 13),
    ("Số GCN hành nghề", 16), ("Hạn GCN hành nghề", 14), ("Số hợp đồng", 14), ("Ngày bắt đầu", 12),
    ("Ngày kết thúc", 12), ("Trạng thái", 14), ("Đã qua đào tạo CTXH", 12), ("Phụ cấp hiện hưởng (đồng/tháng)", 16),
    ("Ghi chú", 30),
]
TRAINING_COLUMNS = [
    ("Họ và tên", 26), ("Tên lớp", 40), ("Loại lớp", 16), ("Trình độ", 18), ("Đơn vị tổ chức", 24),
    ("Từ ngày", 12), ("Đến ngày", 12), ("Số giờ", 8), ("Số chứng chỉ", 14), ("Hoàn thành", 10),
]


def export_roster(ctx: AppContext, path: Path, on: dt.date | None = None) -> dict[str, int]:
    """Write the live roster (Vietnamese name order) and everyone's training history to `path`."""
    from desktop.core.services.access import require

    require(ctx, "export")
    on = on or dt.date.today()
    book = codebook(ctx)
    label = book.label
    with ctx.db.reader() as session:
        workers = sorted(repo.live_rows(session, Worker), key=lambda w: (w["sort_key"], w["id"]))
        allowances: dict[str, list[AllowanceRow]] = {}
        for a in repo.live_rows(session, WorkerAllowance, "worker_id", "amount", "effective_from", "effective_to"):
            allowances.setdefault(a["worker_id"], []).append(AllowanceRow(**a))
        history: dict[str, list[dict[str, Any]]] = {}
        for attendance in repo.attendance_history(session):
            history.setdefault(attendance["worker_id"], []).append(attendance)

    def roster_rows() -> Iterator[list[Any]]:
        for number, w in enumerate(workers, start=1):
            paid = allowance_on(allowances.get(w["id"], []), on)
            done = [CourseRow(t["course_id"], t["kind"], t["start_date"], t["end_date"])
                    for t in history.get(w["id"], []) if t["completed"]]
            trained = trained_on(WorkerRow(w["id"], w["category"], w["status"], w["start_date"], w["end_date"], None,
                                           w["sw_qualification"], w["workplace_type"]), done, on)
            yield [
                number, w["full_name"], label("gender", w["gender"]), w["birth_date"], w["national_id"], w["phone"],
                w["email"], w["address"], label("worker_category", w["category"]),
                label("workplace_type", w["workplace_type"]), w["position"],
                label("general_education", w["general_education"]), label("training_level", w["education_level"]),
                w["major"],
                label("training_level", w["sw_qualification"]), w["title_grade"], w["title_code"],
                w["practice_cert_no"], w["practice_cert_expiry"], w["contract_no"], w["start_date"], w["end_date"],
                label("worker_status", w["status"]), "Có" if trained else "Chưa",
                paid.amount if paid else None, w["notes"],
            ]

    def training_rows() -> Iterator[list[Any]]:
        for w in workers:
            for t in history.get(w["id"], []):
                yield [w["full_name"], t["title"], label("course_kind", t["kind"]), label("training_level", t["level"]),
                       t["organiser"], t["start_date"], t["end_date"], t["hours"], t["certificate_no"],
                       "Có" if t["completed"] else "Chưa"]

    written = write_workbook(path, [
        SheetSpec("Danh sách đội ngũ", ROSTER_COLUMNS, roster_rows()),
        SheetSpec("Lịch sử tập huấn", TRAINING_COLUMNS, training_rows()),
    ])
    from desktop.core.services.audit import record

    record(ctx, "export", f"file:{path.name}", kind="roster", rows=written["Danh sách đội ngũ"])
    return {"workers": written["Danh sách đội ngũ"], "attendances": written["Lịch sử tập huấn"]}
