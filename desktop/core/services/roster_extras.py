"""A roster member's page, their allowances, and the roster indicators."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from typing import Any

from desktop.core.context import AppContext
from desktop.core.domain.report_rules import CourseRow, trained_on
from desktop.core.models import Worker, WorkerAllowance
from desktop.core.repositories import records as repo
from desktop.core.repositories import reference as ref_repo
from desktop.core.services.access import require_manager
from desktop.core.services.changes import Changed
from desktop.core.services.records import create_record, get_record, set_deleted, update_record
from desktop.core.validation import Rule

ALLOWANCE_RULES: dict[str, Rule] = {
    "worker_id": Rule("ref", required=True),
    "amount": Rule("int", required=True),
    "effective_from": Rule("date", required=True),
    "effective_to": Rule("date", after="effective_from"),
    "decision_no": Rule("text", max_len=60),
    "notes": Rule("text", max_len=1000),
}


def add_allowance(ctx: AppContext, values: Mapping[str, Any]) -> tuple[str, Changed]:
    """Record a monthly allowance (VND) of a roster member from a date."""
    require_manager(ctx)
    get_record(ctx, Worker, str(values.get("worker_id")))
    return create_record(ctx, WorkerAllowance, ALLOWANCE_RULES, values)


def update_allowance(ctx: AppContext, allowance_id: str, values: Mapping[str, Any]) -> Changed:
    """Edit an allowance (not whose it is)."""
    require_manager(ctx)
    rules = {k: v for k, v in ALLOWANCE_RULES.items() if k != "worker_id"}
    return update_record(ctx, WorkerAllowance, allowance_id, rules, values)


def delete_allowance(ctx: AppContext, allowance_id: str) -> Changed:
    """Tombstone an allowance."""
    require_manager(ctx)
    return set_deleted(ctx, WorkerAllowance, allowance_id, True)


def worker_page(ctx: AppContext, worker_id: str, on: dt.date | None = None) -> dict[str, Any]:
    """Everything the person's page shows: details, training, allowances, cases, change history."""
    on = on or dt.date.today()
    worker = get_record(ctx, Worker, worker_id)
    with ctx.db.reader() as session:
        training = repo.attendance_history(session, worker_id)
        allowances = [a for a in repo.rows_where(session, WorkerAllowance, worker_id=worker_id) if not a["deleted"]]
        allowances.sort(key=lambda a: a["effective_from"], reverse=True)
        cases = repo.cases_assigned_to(session, worker_id)
        history = repo.change_history(session, [worker_id, *(a["id"] for a in allowances)])
        base = ref_repo.rate_in_force(session, "BASE_SALARY", on, ctx.province_code)
    for entry in history:
        payload = json.loads(entry.pop("payload"))
        entry["fields"] = payload["fields"]
        entry["created"] = "base" not in payload
    courses = [CourseRow(t["course_id"], t["kind"], t["start_date"], t["end_date"]) for t in training if t["completed"]]
    from desktop.core.services.access import without_contacts
    from desktop.core.services.audit import record

    record(ctx, "view_person", f"worker:{worker_id}")
    return {
        "worker": without_contacts(ctx, [worker])[0], "training": training, "allowances": allowances, "cases": cases,
        "history": history,
        "trained": trained_on(_row_of(worker), courses, on), "base_salary": base.value if base else None,
    }


def indicators(ctx: AppContext, on: dt.date | None = None) -> Any:
    """The roster page's figures on a date (default today): collaborators, the trained share, the allowances
    against the base salary, each with what it is measured against (services/reports.py)."""
    from desktop.core.services.reports import roster_strip

    return roster_strip(ctx, on)


def _row_of(worker: Mapping[str, Any]) -> Any:
    from desktop.core.domain.report_rules import WorkerRow

    return WorkerRow(worker["id"], worker["category"], worker["status"], worker.get("start_date"),
                     worker.get("end_date"), None, worker.get("sw_qualification"), worker.get("workplace_type"))
