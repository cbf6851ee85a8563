"""The registers Program 112's P2 and P3 are measured from: the commune's facilities and service providers,
the referrals of a case to them (several per case, each with its dates and status), and baseline-year
figures entered by hand with their source."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from desktop.core.context import AppContext
from desktop.core.errors import CtxhError
from desktop.core.models import BaselineFigure, Facility, Referral
from desktop.core.repositories import records as repo
from desktop.core.services.access import require_manager, visible_case
from desktop.core.services.changes import Changed
from desktop.core.services.records import create_record, get_record, set_deleted, update_record
from desktop.core.validation import Rule

FACILITY_RULES: dict[str, Rule] = {
    "name": Rule("text", required=True, max_len=200),
    "facility_type": Rule("code", required=True, code_list="facility_type"),
    "in_master_plan": Rule("bool"),
    "offers_ctxh": Rule("bool"),
    "ctxh_since": Rule("date"),
    "closed_on": Rule("date"),
    "address": Rule("text", max_len=300),
    "phone": Rule("phone"),
    "notes": Rule("text", max_len=2000),
}
REFERRAL_RULES: dict[str, Rule] = {
    "case_id": Rule("ref", required=True),
    "facility_id": Rule("ref"),
    "facility_name": Rule("text", max_len=200),
    "service_type": Rule("code", code_list="service_type"),
    "referred_on": Rule("date", required=True, not_future=True),
    "status": Rule("code", required=True, code_list="referral_status"),
    "ended_on": Rule("date", after="referred_on"),
    "notes": Rule("text", max_len=2000),
}
BASELINE_RULES: dict[str, Rule] = {
    "indicator": Rule("code", required=True, code_list="baseline_indicator"),
    "year": Rule("int", required=True),
    "value": Rule("int", required=True),
    "source": Rule("text", required=True, max_len=300),
    "notes": Rule("text", max_len=2000),
}


def add_facility(ctx: AppContext, values: Mapping[str, Any]) -> tuple[str, Changed]:
    """Add a facility or service provider to the commune's register."""
    require_manager(ctx)
    return create_record(ctx, Facility, FACILITY_RULES, {"in_master_plan": False, "offers_ctxh": False, **values})


def update_facility(ctx: AppContext, facility_id: str, values: Mapping[str, Any]) -> Changed:
    """Edit a facility of the register."""
    require_manager(ctx)
    return update_record(ctx, Facility, facility_id, FACILITY_RULES, values)


def delete_facility(ctx: AppContext, facility_id: str) -> Changed:
    """Tombstone a facility (its referrals keep its name)."""
    require_manager(ctx)
    return set_deleted(ctx, Facility, facility_id, True)


def facilities(ctx: AppContext) -> list[dict[str, Any]]:
    """The register, by name."""
    with ctx.db.reader() as session:
        rows = repo.live_rows(session, Facility)
    return sorted(rows, key=lambda r: (r["name"].casefold(), r["id"]))


def add_referral(ctx: AppContext, values: Mapping[str, Any]) -> tuple[str, Changed]:
    """Refer a case to a facility of the register, or to one named as written."""
    case_id = str(values.get("case_id") or "")
    with ctx.db.reader() as session:
        visible_case(ctx, session, case_id)
    facility_id = values.get("facility_id") or None
    if facility_id is None and values.get("facility_name"):
        # A name typed as the register writes it is that facility (what P2 and the reports follow).
        written = " ".join(str(values["facility_name"]).split()).casefold()
        with ctx.db.reader() as session:
            facility_id = next((f["id"] for f in repo.live_rows(session, Facility, "id", "name")
                                if " ".join(f["name"].split()).casefold() == written), None)
    if facility_id is not None:
        facility = get_record(ctx, Facility, str(facility_id))
        values = {**values, "facility_name": values.get("facility_name") or facility["name"]}
    elif not str(values.get("facility_name") or "").strip():
        raise CtxhError("E_REQUIRED", field="facility_name")
    return create_record(ctx, Referral, REFERRAL_RULES, {"status": "DA_GUI", **values, "facility_id": facility_id})


def update_referral(ctx: AppContext, referral_id: str, values: Mapping[str, Any]) -> Changed:
    """Edit a referral: its status, when it ended, notes (not which case it belongs to)."""
    referral = get_record(ctx, Referral, referral_id)
    with ctx.db.reader() as session:
        visible_case(ctx, session, referral["case_id"])
    rules = {k: v for k, v in REFERRAL_RULES.items() if k != "case_id"}
    return update_record(ctx, Referral, referral_id, rules, values)


def referrals_of_case(ctx: AppContext, case_id: str) -> list[dict[str, Any]]:
    """A case's referrals, newest first."""
    with ctx.db.reader() as session:
        visible_case(ctx, session, case_id)
        rows = [r for r in repo.rows_where(session, Referral, case_id=case_id) if not r["deleted"]]
    return sorted(rows, key=lambda r: (r["referred_on"], r["id"]), reverse=True)


def add_baseline(ctx: AppContext, values: Mapping[str, Any]) -> tuple[str, Changed]:
    """Enter a baseline-year figure the records do not reach back to, with its source."""
    require_manager(ctx)
    return create_record(ctx, BaselineFigure, BASELINE_RULES, values)


def baselines(ctx: AppContext) -> list[dict[str, Any]]:
    """The baseline figures entered, by indicator and year."""
    with ctx.db.reader() as session:
        rows = repo.live_rows(session, BaselineFigure)
    return sorted(rows, key=lambda r: (r["indicator"], r["year"]))
