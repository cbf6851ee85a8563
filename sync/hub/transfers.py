"""Cases transferred between communes. A laptop closes a case because the person moved and names the commune
they moved to (`transfer_to`); the hub, which holds both communes, opens the case there: a copy of the person,
the case and its history (steps, services, forms, consents) in the receiving commune's partition, written as
the hub's own changes. `hub export` relays those changes to the receiving commune's laptops like any others,
so the hub and every laptop of that commune reach the same digest.

The copies get ids derived from the originals (uuid5), so carrying out the same transfer twice writes nothing
new, and never touch the sending commune's records. A person the receiving commune already holds (the same
CCCD) is not copied: the case and its history join her record there.
"""

from __future__ import annotations

import uuid
from typing import Any

from desktop.core.context import AppContext
from desktop.core.derived import case_keys, person_keys
from desktop.core.domain.case_rules import IN_PROGRESS
from desktop.core.models import Beneficiary, Case, CaseStep, Consent, FormAnswer, ServiceRecord, Synced
from desktop.core.models.base import table_of
from desktop.core.repositories import hub as hub_repo
from desktop.core.repositories import records as records_repo
from desktop.core.repositories import sync_store as store
from desktop.core.services.changes import Writing
from sync.digests import forget_digests

NAMESPACE = uuid.UUID("6f1d8a3e-2b4c-4e59-9a51-0c7e3d2f8b10")
# What travels with a case; the workers of the sending commune do not (the receiving one assigns its own).
HISTORY: tuple[type[Synced], ...] = (CaseStep, ServiceRecord, FormAnswer, Consent)
WORKER_FIELDS = {"assigned_worker_id", "worker_id", "responsible_worker_id"}


def copy_id(original: str, target: str) -> str:
    """The id of a record's copy in the commune `target` (the same on every run and every hub)."""
    return str(uuid.uuid5(NAMESPACE, f"{target}/{original}"))


def pending_transfers(ctx: AppContext) -> list[dict[str, Any]]:
    """Cases closed as moved to another commune of this province whose copy the hub has not opened yet."""
    with ctx.db.reader() as session:
        rows = hub_repo.transferred_cases(session)
        done = set(store.states_with_prefix(session, "transfer:"))
    province = f"{ctx.province_code}:"
    return [r for r in rows if r["id"] not in done and r["transfer_to"].startswith(province)
            and r["transfer_to"] != r["partition"]]


def _synced(model: type[Synced], row: dict[str, Any], target: str, ids: dict[str, str]) -> dict[str, Any]:
    """A record's synced fields for its copy: ids remapped, workers left out, in the receiving partition."""
    values = {name: row[name] for name in model.__synced_fields__}
    for name in WORKER_FIELDS & set(values):
        values[name] = None
    for name in ("case_id", "beneficiary_id"):
        if values.get(name) is not None:
            values[name] = ids.get(values[name], copy_id(values[name], target))
    return {**values, "id": copy_id(row["id"], target), "partition": target}


def carry_out(ctx: AppContext) -> list[str]:
    """Open every pending transfer in its receiving commune; returns the new case ids."""
    opened = []
    for case in pending_transfers(ctx):
        target = case["transfer_to"]
        with Writing(ctx) as writer:
            session = writer.session
            person = records_repo.get_row(session, Beneficiary, case["beneficiary_id"])
            assert person is not None  # a case's person is never removed, only tombstoned
            # The receiving commune may already know her (the same CCCD): her case joins that record, which
            # stays as that commune keeps it, instead of a second person being made.
            known = hub_repo.person_with_national_id(session, target, person["national_id"])
            ids = {case["id"]: copy_id(case["id"], target), person["id"]: known or copy_id(person["id"], target)}
            person_copy = _synced(Beneficiary, person, target, ids)
            person_copy["commune_code"] = target.split(":")[1]
            if known is None:
                writer.create_many(Beneficiary, [{**person_copy, **person_keys(person_copy)}])
            else:
                person_copy = records_repo.get_row(session, Beneficiary, known) or person_copy
            case_copy = _synced(Case, case, target, ids)
            # Open again where the person now lives, at the step it had reached, under the sending commune's
            # number (prefixed with its code, so it cannot take one of the receiving commune's numbers).
            case_copy.update(status=IN_PROGRESS, closed_on=None, closure_reason=None, transfer_to=None,
                             transferred_from=case["partition"],
                             case_no=f"{case['partition'].split(':')[1]}/{case['case_no']}"[:30])
            writer.create_many(Case, [{**case_copy, **case_keys(case_copy["case_no"], person_copy),
                                       "last_contact_on": case["last_contact_on"]}])
            for model in HISTORY:
                copies = [_synced(model, row, target, ids)
                          for row in hub_repo.live_rows_of_case(session, table_of(model), case["id"])]
                if model is CaseStep:
                    _reopen_last_step(copies, case)
                if copies:
                    writer.create_many(model, copies)
            store.set_state(session, f"transfer:{case['id']}", {"to": target, "case": ids[case["id"]]})
            forget_digests(session, [target])
        opened.append(ids[case["id"]])
    return opened


def _reopen_last_step(steps: list[dict[str, Any]], case: dict[str, Any]) -> None:
    """The step the sending commune closed when the person left is open again in the receiving commune."""
    current = [s for s in steps if s["step_code"] == case["step"]]
    if current:
        latest = max(current, key=lambda s: s["started_at"])
        latest["completed_at"] = None
