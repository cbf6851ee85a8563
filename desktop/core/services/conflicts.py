"""Conflicts found by the sync merge: two edits of one field that did not see each other, or an edit and a
delete. An officer sees both values and chooses (or types a combination); the choice is an ordinary change,
so it travels to every replica and supersedes both."""

from __future__ import annotations

import json
from typing import Any

from desktop.core.context import AppContext
from desktop.core.errors import CtxhError, NotFoundError
from desktop.core.models import MODEL_BY_ENTITY
from desktop.core.models.base import utcnow
from desktop.core.repositories import records as repo
from desktop.core.repositories import sync_store as store
from desktop.core.services.access import require_manager
from desktop.core.services.changes import Changed, Writing
from desktop.core.services.records import validate


def list_conflicts(ctx: AppContext) -> list[dict[str, Any]]:
    """Open conflicts with both values decoded and the record's current value."""
    with ctx.db.reader() as session:
        rows = store.open_conflicts(session)
        for row in rows:
            row["kept_value"] = json.loads(row["kept_value"]) if row["kept_value"] else None
            row["other_value"] = json.loads(row["other_value"]) if row["other_value"] else None
            record = repo.get_row(session, MODEL_BY_ENTITY[row["entity"]], row["record_id"]) or {}
            row["label"] = record.get("full_name") or record.get("title") or row["record_id"]
            if record.get("case_no"):  # a case is known by its number and its person
                person = repo.get_row(session, MODEL_BY_ENTITY["beneficiary"], record["beneficiary_id"]) or {}
                row["label"] = f"{record['case_no']} — {person.get('full_name', '')}"
    return rows


def count_conflicts(ctx: AppContext) -> int:
    """How many conflicts wait."""
    with ctx.db.reader() as session:
        return store.count_open_conflicts(session)


def resolve_conflict(ctx: AppContext, conflict_id: int, choice: str, value: Any = None) -> Changed:
    """Settle a conflict: "kept" confirms the value in force, "other" takes the other one, "value" writes
    `value` (a combination). For an edit racing a delete, "kept" keeps the record deleted and "other"
    restores it with the edit. The result is written as a new change, checked like any edit."""
    require_manager(ctx)
    if choice not in ("kept", "other", "value"):
        raise CtxhError("E_ARGS", detail="kept|other|value")
    # Everything is read and checked before the write opens: validation reads the code lists, and a read
    # cannot start inside the write's transaction (one connection per thread).
    with ctx.db.reader() as session:
        found = _open_conflict(session, conflict_id)
    model = MODEL_BY_ENTITY[found["entity"]]
    name = found["field"]
    if name == "deleted":
        values = {"deleted": choice != "other"}
    else:
        chosen = {"kept": json.loads(found["kept_value"]), "other": json.loads(found["other_value"]),
                  "value": value}[choice]
        values = {name: chosen}
        rules = _rules_of(found["entity"])
        if name in rules:
            values = validate(ctx, {name: rules[name]}, values, partial=True)
    with Writing(ctx) as writer:
        _open_conflict(writer.session, conflict_id)  # still open: not settled by someone else meanwhile
        if repo.get_row(writer.session, model, found["record_id"]) is None:
            raise NotFoundError(found["entity"], found["record_id"])
        # Written even when equal to the value in force: a newer version settles the field on every replica.
        writer.update(model, found["record_id"], values, force=True)
        store.resolve_conflict(writer.session, conflict_id, ctx.actor.username, utcnow())
    return writer.changed


def _open_conflict(session: Any, conflict_id: int) -> dict[str, Any]:
    found = store.conflict(session, conflict_id)
    if found is None or found["resolved_at"] is not None:
        raise NotFoundError("conflict", str(conflict_id))
    return found


def _rules_of(entity: str) -> dict[str, Any]:
    from desktop.core.services import cases, roster

    return {"worker": roster.WORKER_RULES, "beneficiary": cases.BENEFICIARY_RULES, "case": cases.CASE_RULES,
            "service_record": cases.SERVICE_RULES}.get(entity, {})
