"""The consent register and each case's legal basis of processing (domain.md §7).

Whoever sees a case may read and add to its register; a consent is never deleted, only withdrawn
(with its date), so the register shows what was in force on any day.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from desktop.core.context import AppContext
from desktop.core.domain.consent_rules import (
    CASE_WORK,
    age_on,
    consent_needed,
    missing_signers,
    required_signers,
    signer_fits_age,
)
from desktop.core.errors import CtxhError, NotFoundError, ValidationError
from desktop.core.models import Beneficiary, Case, Consent, Referral
from desktop.core.repositories import records as repo
from desktop.core.services.access import visible_case
from desktop.core.services.changes import Changed, Writing
from desktop.core.services.records import codebook, validate
from desktop.core.validation import Rule

CONSENT_RULES: dict[str, Rule] = {
    "purpose": Rule("code", required=True, code_list="consent_purpose"),
    "purpose_detail": Rule("text", max_len=300),
    "signer_role": Rule("code", required=True, code_list="consent_signer"),
    "signer_name": Rule("text", required=True, max_len=120),
    "given_on": Rule("date", required=True, not_future=True),
    "notes": Rule("text", max_len=4000),
}


def _case_and_person(ctx: AppContext, session: Any, case_id: str) -> tuple[dict[str, Any], dict[str, Any]]:
    case = visible_case(ctx, session, case_id)
    return case, repo.get_row(session, Beneficiary, case["beneficiary_id"]) or {}


def add_consent(ctx: AppContext, case_id: str, values: Mapping[str, Any]) -> tuple[str, Changed]:
    """Register a consent given for a case's beneficiary. A child signs only from 7 to 15, and a person
    for themself only from 16 (E_CONSENT_SIGNER, reported under the signer field)."""
    cleaned = validate(ctx, CONSENT_RULES, values)
    if cleaned["purpose"] == "KHAC" and not cleaned.get("purpose_detail"):
        raise ValidationError([("purpose_detail", "E_REQUIRED", {})])
    with Writing(ctx) as writer:
        case, person = _case_and_person(ctx, writer.session, case_id)
        if not signer_fits_age(cleaned["signer_role"], person.get("birth_date"), cleaned["given_on"]):
            age = age_on(person.get("birth_date"), cleaned["given_on"])
            raise ValidationError([("signer_role", "E_CONSENT_SIGNER", {
                "role": codebook(ctx).label("consent_signer", cleaned["signer_role"]),
                "age": "?" if age is None else age})])
        consent_id = writer.create(Consent, {**cleaned, "case_id": case_id, "beneficiary_id": case["beneficiary_id"]})
    return consent_id, writer.changed


def withdraw_consent(ctx: AppContext, consent_id: str, on: dt.date | None = None) -> Changed:
    """Record that a consent was withdrawn on `on` (today by default); it stays in the register."""
    on = on or dt.date.today()
    with Writing(ctx) as writer:
        row = repo.get_row(writer.session, Consent, consent_id)
        if row is None or row["deleted"] or row["case_id"] is None:
            raise NotFoundError("consent", consent_id)
        _case_and_person(ctx, writer.session, row["case_id"])
        if row["withdrawn_on"] is not None:
            raise CtxhError("E_CONSENT_WITHDRAWN", on=row["withdrawn_on"].strftime("%d/%m/%Y"))
        if on < row["given_on"]:
            raise ValidationError([("withdrawn_on", "E_DATE_ORDER", {"other": "given_on"})])
        writer.update(Consent, consent_id, {"withdrawn_on": on})
    return writer.changed


def set_legal_basis(ctx: AppContext, case_id: str, basis: str) -> Changed:
    """Record why the commune may process this case's data (a code of the legal_basis list)."""
    cleaned = validate(ctx, {"legal_basis": Rule("code", required=True, code_list="legal_basis")},
                       {"legal_basis": basis})
    with Writing(ctx) as writer:
        _case_and_person(ctx, writer.session, case_id)
        writer.update(Case, case_id, cleaned)
    return writer.changed


def consent_state(ctx: AppContext, case_id: str, on: dt.date | None = None) -> dict[str, Any]:
    """The case's legal basis, its register (newest first), and for each purpose that needs consent the
    signers still missing: {"legal_basis", "consents", "signers", "missing": {purpose: [roles]}}."""
    on = on or dt.date.today()
    with ctx.db.reader() as session:
        case, person = _case_and_person(ctx, session, case_id)
        consents = [c for c in repo.rows_where(session, Consent, beneficiary_id=case["beneficiary_id"])
                    if not c["deleted"]]
        referred = bool(case.get("referred_to")) or any(
            not r["deleted"] for r in repo.rows_where(session, Referral, case_id=case_id))
    consents.sort(key=lambda c: (c["given_on"], c["id"]), reverse=True)
    purposes = {c["purpose"] for c in consents} | {CASE_WORK}
    if referred:
        purposes.add("CHIA_SE_CHUYEN_TUYEN")  # sharing the file with the facility needs consent
    birth = person.get("birth_date")
    missing = {p: missing_signers(p, birth, consents, on) for p in sorted(purposes)
               if consent_needed(case.get("legal_basis"), p)}
    return {"legal_basis": case.get("legal_basis"), "consents": consents,
            "signers": list(required_signers(birth, on)), "missing": {p: m for p, m in missing.items() if m}}
