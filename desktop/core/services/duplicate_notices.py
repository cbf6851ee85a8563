"""The province's word on a person two communes both hold, as a commune receives it: in its to-do list until
the officer marks it handled (after ending the decision, when the other commune keeps her)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from desktop.core.context import AppContext
from desktop.core.models import DuplicateNotice
from desktop.core.repositories import allowances as repo
from desktop.core.services.access import require_manager
from desktop.core.services.changes import Changed
from desktop.core.services.records import get_record, update_record
from desktop.core.validation import Rule

NOTICE_RULES: dict[str, Rule] = {
    "pair_key": Rule("text", required=True, max_len=36),
    "person_id": Rule("ref", required=True),
    "other_partition": Rule("text", required=True, max_len=8),
    "decision": Rule("code", required=True, code_list="duplicate_decision"),
    "keeper": Rule("text", max_len=8),
    "decided_on": Rule("date", required=True),
    "evidence": Rule("text", max_len=2000),
    "handled_on": Rule("date"),
    "notes": Rule("text", max_len=2000),
}


def open_notices(ctx: AppContext) -> list[dict[str, Any]]:
    """The notices not handled yet, each with the person's name here and what the commune is asked to do:
    END (the other commune keeps her: end the decision here), KEEP, or NOTHING (different people)."""
    from desktop.core.models import Beneficiary

    with ctx.db.reader() as session:
        notices = repo.open_notices(session)
        people = repo.people_of(session, {n["person_id"] for n in notices})
    out = []
    for notice in notices:
        person = people.get(notice["person_id"], {})
        if notice["decision"] == "SAME":
            action = "KEEP" if notice["keeper"] == notice["partition"] else "END"
        else:
            action = "NOTHING"
        out.append({**notice, "full_name": person.get("full_name", "?"), "birth_date": person.get("birth_date"),
                    "action": action, "person_table": Beneficiary.__tablename__})
    return out


def mark_handled(ctx: AppContext, notice_id: str, notes: str | None = None, on: dt.date | None = None) -> Changed:
    """Mark a notice handled: it leaves the to-do list (and the hub sees it was)."""
    require_manager(ctx)
    get_record(ctx, DuplicateNotice, notice_id)
    values: dict[str, Any] = {"handled_on": on or dt.date.today()}
    if notes:
        values["notes"] = notes
    return update_record(ctx, DuplicateNotice, notice_id, NOTICE_RULES, values)
