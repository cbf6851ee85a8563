"""A roster member's page, their allowances, and the roster indicators."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from typing import Any

from desktop.core.context import AppContext
from desktop.core.domain.roster_rules import RosterIndicators, Target, is_trained, roster_indicators
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
    completed = sum(1 for t in training if t["completed"])
    from desktop.core.services.access import without_contacts
    from desktop.core.services.audit import record

    record(ctx, "view_person", f"worker:{worker_id}")
    return {
        "worker": without_contacts(ctx, [worker])[0], "training": training, "allowances": allowances, "cases": cases,
        "history": history,
        "trained": is_trained(worker, completed), "base_salary": base.value if base else None,
    }


def indicators(ctx: AppContext, on: dt.date | None = None) -> RosterIndicators:
    """The roster indicators of this commune on a date (default today), against the programme targets."""
    with ctx.db.reader() as session:
        return indicators_in(session, ctx.province_code, on or dt.date.today())


def indicators_in(session: Any, province_code: str, on: dt.date, partition: str | None = None) -> RosterIndicators:
    """The roster indicators of the records in a session (one commune's, given `partition`, at a hub)."""
    workers = repo.live_rows(session, Worker, "id", "category", "status", "start_date", "end_date",
                             "sw_qualification", partition=partition)
    completed = repo.completed_course_counts(session)
    allowances: dict[str, list[dict[str, Any]]] = {}
    for a in repo.live_rows(session, WorkerAllowance, "worker_id", "amount", "effective_from", "effective_to",
                            partition=partition):
        allowances.setdefault(a["worker_id"], []).append(a)
    base = ref_repo.rate_in_force(session, "BASE_SALARY", on, province_code)
    collaborator_rows = ref_repo.targets_for(session, "COLLABORATORS_PER_COMMUNE", province_code)
    trained_rows = ref_repo.targets_for(session, "TRAINED_SHARE", province_code)
    # Collaborators: the national 1–2 norm and any provincial plan both apply. Trained share: a
    # provincial plan replaces the national target.
    provincial_trained = [r for r in trained_rows if r.province_code == province_code]
    return roster_indicators(workers, completed, allowances, on, base.value if base else None,
                             _targets(collaborator_rows), _targets(provincial_trained or trained_rows))


def _targets(rows: list[Any]) -> list[Target]:
    return [Target(r.plan, r.year, r.minimum, r.maximum, r.note) for r in rows]
