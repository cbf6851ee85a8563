"""Cases and the services delivered as a workbook for the district, in Vietnamese.

Only the cases this user may see are written (a collaborator exports their own). The case sheet's
headers are ones the case importer reads, so an exported list can be imported on another profile.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from desktop.core.context import AppContext
from desktop.core.excel.writing import SheetSpec, write_workbook
from desktop.core.models import Beneficiary, Case, ServiceRecord, Worker
from desktop.core.repositories import records as repo
from desktop.core.services.access import is_collaborator
from desktop.core.services.records import codebook

CASE_COLUMNS = [
    ("STT", 6), ("Mã hồ sơ", 12), ("Họ và tên", 26), ("Giới tính", 9), ("Ngày sinh", 12), ("Số CCCD", 15),
    ("Điện thoại", 13), ("Địa chỉ", 28), ("Người giám hộ", 22), ("Nhóm đối tượng", 40), ("Quy trình", 30),
    ("Bước", 24), ("Trạng thái", 14), ("Ngày tiếp nhận", 12), ("Ngày kết thúc", 12), ("Lý do kết thúc", 24),
    ("Người phụ trách", 22), ("Chuyển tuyến đến", 24), ("Liên hệ gần nhất", 12), ("Tóm tắt", 40),
]
SERVICE_COLUMNS = [
    ("Mã hồ sơ", 12), ("Họ và tên", 26), ("Ngày thực hiện", 12), ("Loại dịch vụ", 28), ("Người thực hiện", 22),
    ("Thời lượng (phút)", 10), ("Ghi chú", 40),
]


def export_cases(ctx: AppContext, path: Path) -> dict[str, int]:
    """Write the live cases this user may see (by case number) and their live services to `path`."""
    from desktop.core.services.access import require

    require(ctx, "export")
    label = codebook(ctx).label
    with ctx.db.reader() as session:
        cases = sorted(repo.live_rows(session, Case), key=lambda c: (c["case_no"], c["id"]))
        if is_collaborator(ctx):
            cases = [c for c in cases if c["assigned_worker_id"] == ctx.actor.worker_id]
        people = {p["id"]: p for p in repo.live_rows(session, Beneficiary)}
        workers = {w["id"]: w["full_name"] for w in repo.live_rows(session, Worker, "id", "full_name")}
        visible = {c["id"] for c in cases}
        services = sorted((s for s in repo.live_rows(session, ServiceRecord) if s["case_id"] in visible),
                          key=lambda s: (s["delivered_on"], s["id"]))
    by_id = {c["id"]: c for c in cases}

    def case_rows() -> Iterator[list[Any]]:
        for number, c in enumerate(cases, start=1):
            p = people.get(c["beneficiary_id"], {})
            groups = "; ".join(label("target_group", g) for g in (p.get("target_groups") or "").split())
            yield [number, c["case_no"], p.get("full_name"), label("gender", p.get("gender")), p.get("birth_date"),
                   p.get("national_id"), p.get("phone"), p.get("address"), p.get("guardian_name"), groups,
                   label("process_type", c["process_type"]), label("case_step", c["step"]),
                   label("case_status", c["status"]), c["opened_on"], c["closed_on"],
                   label("closure_reason", c["closure_reason"]), workers.get(c["assigned_worker_id"] or "", ""),
                   c["referred_to"], c["last_contact_on"], c["summary"]]

    def service_rows() -> Iterator[list[Any]]:
        for s in services:
            case = by_id[s["case_id"]]
            person = people.get(case["beneficiary_id"], {})
            yield [case["case_no"], person.get("full_name"), s["delivered_on"],
                   label("service_type", s["service_type"]), workers.get(s["worker_id"] or "", ""),
                   s["duration_minutes"], s["notes"]]

    written = write_workbook(path, [SheetSpec("Hồ sơ", CASE_COLUMNS, case_rows()),
                                    SheetSpec("Dịch vụ đã cung cấp", SERVICE_COLUMNS, service_rows())])
    from desktop.core.services.audit import record

    record(ctx, "export", f"file:{path.name}", kind="cases", rows=written["Hồ sơ"])
    return {"cases": written["Hồ sơ"], "services": written["Dịch vụ đã cung cấp"]}
