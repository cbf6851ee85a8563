"""The roster of social-work staff and collaborators."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from desktop.core.context import AppContext
from desktop.core.derived import person_keys
from desktop.core.models import Worker
from desktop.core.repositories import lists
from desktop.core.repositories.row_types import WorkerListRow
from desktop.core.services.access import require_manager
from desktop.core.services.changes import Changed
from desktop.core.services.records import create_record, get_record, set_deleted, update_record
from desktop.core.validation import Rule

WORKER_RULES: dict[str, Rule] = {
    "full_name": Rule("text", required=True, max_len=120),
    "gender": Rule("code", code_list="gender"),
    "birth_date": Rule("date", not_future=True),
    "national_id": Rule("cccd"),
    "old_national_id": Rule("cmnd"),
    "id_issued_on": Rule("date", not_future=True),
    "phone": Rule("phone"),
    "email": Rule("email"),
    "address": Rule("text", max_len=300),
    "category": Rule("code", required=True, code_list="worker_category"),
    "workplace_type": Rule("code", code_list="workplace_type"),
    "position": Rule("text", max_len=120),
    "education_level": Rule("code", code_list="training_level"),
    "major": Rule("text", max_len=120),
    "sw_qualification": Rule("code", code_list="training_level"),
    "title_grade": Rule("code", code_list="title_grade"),
    "title_code": Rule("text", max_len=20),
    "practice_cert_no": Rule("text", max_len=40),
    "practice_cert_expiry": Rule("date"),
    "contract_no": Rule("text", max_len=40),
    "start_date": Rule("date"),
    "end_date": Rule("date", after="start_date"),
    "status": Rule("code", required=True, code_list="worker_status"),
    "notes": Rule("text", max_len=4000),
    "general_education": Rule("code", code_list="general_education"),
    "as_written": Rule("text", max_len=2000),
}


def create_worker(ctx: AppContext, values: Mapping[str, Any]) -> tuple[str, Changed]:
    """Add a person to the roster (status defaults to active)."""
    require_manager(ctx)
    return create_record(ctx, Worker, WORKER_RULES, {"status": "DANG_LAM", **values}, person_keys)


def update_worker(ctx: AppContext, worker_id: str, values: Mapping[str, Any]) -> Changed:
    """Edit the given fields of a roster entry."""
    require_manager(ctx)
    return update_record(ctx, Worker, worker_id, WORKER_RULES, values, person_keys)


def delete_worker(ctx: AppContext, worker_id: str) -> Changed:
    """Remove a person from the roster (a tombstone: restore_worker undoes it)."""
    require_manager(ctx)
    return set_deleted(ctx, Worker, worker_id, True)


def restore_worker(ctx: AppContext, worker_id: str) -> Changed:
    """Undo delete_worker."""
    require_manager(ctx)
    return set_deleted(ctx, Worker, worker_id, False)


def get_worker(ctx: AppContext, worker_id: str) -> dict[str, Any]:
    """One roster entry (without CCCD and phone for a collaborator: not a person of their cases)."""
    from desktop.core.services.access import without_contacts

    return without_contacts(ctx, [get_record(ctx, Worker, worker_id)])[0]


def list_workers(ctx: AppContext, search: str = "", sort: str = "name", descending: bool = False,
                 after: tuple[Any, str] | None = None, limit: int = 100,
                 ids: Sequence[str] | None = None) -> list[WorkerListRow]:
    """A page of the roster (keyset paging: pass the last row's key as `after`); only `ids` when given (the
    people behind a report's figure)."""
    from desktop.core.services.access import without_contacts

    with ctx.db.reader() as session:
        return without_contacts(ctx, lists.worker_page(session, search, sort, descending, after, limit,
                                                       lists.worker_conditions(ids)))


def count_workers(ctx: AppContext, search: str = "", cap: int | None = None,
                  ids: Sequence[str] | None = None) -> int:
    """How many roster entries match a search (stopping at cap + 1 when a cap is given)."""
    with ctx.db.reader() as session:
        return lists.count(session, lists.WORKERS, search, lists.worker_conditions(ids), cap=cap)
