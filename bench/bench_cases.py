"""The officer's day on a 100,000-case profile: the to-do list and opening a case with 200 services,
each beside the bare SQL that fetches the same rows."""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path
from typing import Any

from bench.common import Result, median, ms, open_bench, raw_connect
from desktop.core.services import cases
from desktop.core.services import workflow as wf

REPEATS = 7
NOW = dt.datetime(2026, 11, 2, 9, 0)


def _time(fn) -> float:  # type: ignore[no-untyped-def]
    samples = []
    for _ in range(REPEATS):
        began = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - began)
    return median(samples)


def run(profile: Path) -> list[Result]:
    """Time todo() and get_case() against raw sqlite3 running the equivalent queries."""
    ctx = open_bench(profile)
    raw = raw_connect(profile)
    since = (NOW.date() - dt.timedelta(days=30)).isoformat()
    now = NOW.isoformat(sep=" ")
    horizon = (NOW + dt.timedelta(days=5)).isoformat(sep=" ")
    due = ("FROM case_steps s JOIN cases c ON c.id = s.case_id JOIN beneficiaries b ON b.id = c.beneficiary_id "
           "WHERE s.deleted = 0 AND s.completed_at IS NULL AND s.due_at IS NOT NULL AND s.due_at >= ? "
           "AND s.due_at < ? AND c.deleted = 0 AND c.status != 'DA_DONG'")
    approvals = ("FROM case_steps s JOIN cases c ON c.id = s.case_id JOIN beneficiaries b ON b.id = c.beneficiary_id "
                 "WHERE s.deleted = 0 AND s.decided_at IS NULL AND s.approval_requested_at IS NOT NULL "
                 "AND s.completed_at IS NULL AND c.deleted = 0 AND c.status != 'DA_DONG'")

    def bare_todo() -> None:
        for low, high in (("", now), (now, horizon)):
            raw.execute(f"SELECT s.id, s.step_code, s.due_at, c.id, c.case_no, b.full_name {due} "
                        "ORDER BY s.due_at LIMIT 200", (low, high)).fetchall()
            raw.execute(f"SELECT count(*) FROM (SELECT 1 {due} LIMIT 1001)", (low, high)).fetchone()
        raw.execute(f"SELECT s.id, c.id, c.case_no, b.full_name {approvals} ORDER BY s.approval_requested_at "
                    "LIMIT 200").fetchall()
        raw.execute(f"SELECT count(*) FROM (SELECT 1 {approvals} LIMIT 1001)").fetchone()
        raw.execute(
            "SELECT c.id, c.case_no, b.full_name, c.last_contact_on FROM cases c "
            "JOIN beneficiaries b ON b.id = c.beneficiary_id WHERE c.deleted = 0 AND c.status != 'DA_DONG' "
            "AND c.last_contact_on < ? ORDER BY c.last_contact_on, c.id LIMIT 200", (since,)).fetchall()
        raw.execute("SELECT count(*) FROM (SELECT 1 FROM cases WHERE deleted = 0 AND status != 'DA_DONG' "
                    "AND last_contact_on < ? LIMIT 1001)", (since,)).fetchone()

    todo = wf.todo(ctx, NOW)
    ours_todo = _time(lambda: wf.todo(ctx, NOW))
    bare_todo_s = _time(bare_todo)

    busy = raw.execute("SELECT id FROM cases WHERE deleted = 0 LIMIT 1").fetchone()[0]
    # Give one case 200 services (a long follow-up), through the services.
    have = raw.execute("SELECT count(*) FROM service_records WHERE case_id = ?", (busy,)).fetchone()[0]
    for i in range(200 - have):
        cases.add_service(ctx, {"case_id": busy, "service_type": "THAM_VAN",
                                "delivered_on": (dt.date(2026, 10, 31) - dt.timedelta(days=i)).strftime("%d/%m/%Y")})

    def bare_case() -> None:
        raw.execute("SELECT * FROM cases WHERE id = ?", (busy,)).fetchone()
        raw.execute("SELECT b.* FROM beneficiaries b JOIN cases c ON c.beneficiary_id = b.id WHERE c.id = ?",
                    (busy,)).fetchone()
        raw.execute("SELECT * FROM service_records WHERE case_id = ? AND deleted = 0 ORDER BY delivered_on DESC, "
                    "id DESC", (busy,)).fetchall()
        raw.execute("SELECT * FROM case_steps WHERE case_id = ? AND deleted = 0 ORDER BY started_at, id",
                    (busy,)).fetchall()

    ours_case = _time(lambda: (cases.get_case(ctx, busy), wf.case_steps(ctx, busy)))
    bare_case_s = _time(bare_case)
    ours_form, bare_form = _save_form(ctx, raw, busy)
    ours_filter, bare_filter, filtered = _filtered_list(ctx, raw, now)
    section = "The officer's day (100,000 cases)"
    def total(n: int) -> str:
        return "over 1,000" if n > 1000 else f"{n:,}"

    sizes = (f"{total(todo['overdue_total'])} overdue, {total(todo['upcoming_total'])} coming, "
             f"{total(todo['approvals_total'])} approvals, {total(todo['no_contact_total'])} without contact; "
             "the first 200 of each listed")
    return [
        Result(section, f"to-do list ({sizes})", ms(ours_todo), ms(bare_todo_s), f"{ours_todo / bare_todo_s:.2f}×",
               "≤ 200 ms", ours_todo <= 0.200),
        Result(section, "open a case with 200 services (case, person, services, steps)", ms(ours_case),
               ms(bare_case_s), f"{ours_case / bare_case_s:.2f}×", "(information)", None),
        Result(section, "save a form (Mẫu 04 plan: check, store with version, outbox entry, one commit)",
               ms(ours_form), ms(bare_form), f"{ours_form / bare_form:.2f}×", "≤ 50 ms", ours_form <= 0.050),
        Result(section, f"case list filtered to overdue ND 56 cases, first page ({filtered} rows) and count",
               ms(ours_filter), ms(bare_filter), f"{ours_filter / bare_filter:.2f}×", "≤ 200 ms",
               ours_filter <= 0.200),
    ]


PLAN = {"muc_tieu": "Trẻ được đi học trở lại và an toàn tại gia đình", "can_thiep_khan_cap": False,
        "hoat_dong": "Thăm gia đình hằng tuần\nKết nối trường học\nTư vấn tâm lý 4 buổi",
        "dich_vu": ["TU_VAN", "KET_NOI"], "tu_ngay": "01/11/2026", "den_ngay": "31/01/2027",
        "nguon_luc": "Ngân sách xã, Hội Phụ nữ", "co_so_cung_cap": "Trung tâm CTXH tỉnh",
        "rui_ro": "Gia đình chuyển đi"}


def _save_form(ctx, raw: Any, case_id: str) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    """Our save_form beside a bare sqlite3 transaction writing the same record and outbox entry."""
    import json
    import uuid

    from desktop.core.services import case_forms

    case_forms.save_form(ctx, case_id, "TT02_M04", PLAN)  # warm: definitions read, statements prepared
    ours = _time(lambda: case_forms.save_form(ctx, case_id, "TT02_M04", PLAN))
    # The baseline writes into an empty database of the same schema, never into the shared profile.
    import shutil

    from bench.common import WORK
    from desktop.core.services.setup import SetupRequest, initialise_profile

    shutil.rmtree(WORK / "form-baseline", ignore_errors=True)
    empty = initialise_profile(WORK / "form-baseline", SetupRequest("01", "00004", "Máy", "demo", "bench-passphrase"))
    empty.db.dispose()
    raw = raw_connect(empty.profile.root)
    raw.execute("PRAGMA journal_mode=WAL")
    raw.execute("PRAGMA synchronous=FULL")
    answers = json.dumps({**PLAN, "tu_ngay": "2026-11-01", "den_ngay": "2027-01-31"}, ensure_ascii=False)

    def bare() -> None:
        record_id = str(uuid.uuid4())
        with raw:
            raw.execute(
                "INSERT INTO form_answers (id, partition, deleted, field_versions, updated_by, updated_device, "
                "created_at, updated_at, case_id, step_code, form_code, form_version, answers, filled_on) "
                "VALUES (?, '01:00004', 0, '{}', 'bench', 'bench', ?, ?, ?, 'KE_HOACH', 'TT02_M04', 1, ?, ?)",
                (record_id, NOW, NOW, case_id, answers, "2026-11-01"))
            raw.execute("INSERT INTO change_log (device_id, entity, record_id, partition, payload, author, created_at) "
                        "VALUES ('bench', 'form_answer', ?, '01:00004', ?, 'bench', ?)", (record_id, answers, NOW))

    return ours, _time(bare)


def _filtered_list(ctx, raw: Any, now: str) -> tuple[float, float, int]:  # type: ignore[no-untyped-def]
    """The case list with two filters, through the services, beside the bare SQL of the same page."""
    filters = {"process_type": "ND56_2017", "overdue": True}
    rows = cases.list_cases(ctx, filters=filters, limit=200)
    ours = _time(lambda: (cases.list_cases(ctx, filters=filters, limit=200),
                          cases.count_cases(ctx, cap=1000, filters=filters)))
    where = ("FROM cases c WHERE c.deleted = 0 AND c.process_type = 'ND56_2017' AND c.status != 'DA_DONG' "
             "AND EXISTS "
             "(SELECT 1 FROM case_steps s WHERE s.case_id = c.id AND s.deleted = 0 AND ((s.completed_at IS NULL "
             "AND s.due_at < ?) OR (s.approval_requested_at IS NOT NULL AND s.decided_at IS NULL "
             "AND s.approval_due_at < ?)))")

    def bare() -> None:
        ids = [r[0] for r in raw.execute(f"SELECT c.id {where} ORDER BY c.sort_key, c.id LIMIT 200", (now, now))]
        marks = ",".join("?" * len(ids))
        raw.execute(f"SELECT c.*, b.full_name FROM cases c JOIN beneficiaries b ON b.id = c.beneficiary_id "
                    f"WHERE c.id IN ({marks})", ids).fetchall()
        raw.execute(f"SELECT count(*) FROM (SELECT 1 {where} LIMIT 1001)", (now, now)).fetchone()

    return ours, _time(bare), len(rows)
