"""The commune's register of monthly social allowances and care support (ND 20/2021): the decisions, what each
pays in a month, the month's payment list and its increases and decreases, and the standard's changes the
officer sees before they apply.

Amounts are never stored: each month's is computed from the decision, the person's age and the standard in
force (desktop/core/domain/allowance_rules.py). A new standard in the reference data (the province's hub
publishes it, or a new version of the app brings it) waits until the officer has seen what it changes and
accepted it; until then the register pays the standards already accepted.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from desktop.core.context import AppContext
from desktop.core.domain import allowance_rules as rules
from desktop.core.domain.allowance_rules import DecisionRow, Payment, StandardRow
from desktop.core.errors import CtxhError
from desktop.core.models import AllowanceDecision, Beneficiary
from desktop.core.repositories import allowances as repo
from desktop.core.repositories import sync_store as store
from desktop.core.services.access import require_manager
from desktop.core.services.changes import Changed, Writing
from desktop.core.services.records import get_record, set_deleted, update_in, validate
from desktop.core.validation import Rule

ACCEPTED_KEY = "allowance:accepted_standards"
DECISION_RULES: dict[str, Rule] = {
    "beneficiary_id": Rule("ref", required=True),
    "clause": Rule("code", required=True, code_list="allowance_clause"),
    "sub_clause": Rule("text", max_len=4),
    "decision_no": Rule("text", required=True, max_len=40),
    "decision_date": Rule("date", required=True, not_future=True),
    "coefficient": Rule("number"),
    "children": Rule("int"),
    "start_month": Rule("date", required=True),
    "end_month": Rule("date", after="start_month"),
    "end_reason": Rule("code", code_list="allowance_end_reason"),
    "payee_name": Rule("text", max_len=120),
    "notes": Rule("text", max_len=2000),
}
# Flags of a register line, in the words the window and the lists use.
COEFFICIENT_DIFFERS = "COEFFICIENT_DIFFERS"  # the decision's coefficient is not the clause's
NO_COEFFICIENT = "NO_COEFFICIENT"  # an age-dependent clause with no birth date
HIGHEST_ONLY = "HIGHEST_ONLY"  # in force, but another group of the person pays (Art. 6.3)
ENDED = "ENDED"
NOT_STARTED = "NOT_STARTED"


def month_starts(values: dict[str, Any]) -> dict[str, Any]:
    """A decision's cleaned values with its months as first days, and no children count but on TCXH_04."""
    for name in ("start_month", "end_month"):
        if isinstance(values.get(name), dt.date):
            values[name] = rules.month_start(values[name])
    if values.get("clause") != rules.SINGLE_PARENT and "children" in values and values.get("clause"):
        values["children"] = None
    return values


def add_decision(ctx: AppContext, values: Mapping[str, Any]) -> tuple[str, Changed]:
    """Record a decision granting a person an allowance or care support."""
    require_manager(ctx)
    cleaned = month_starts(validate(ctx, DECISION_RULES, values))
    get_record(ctx, Beneficiary, cleaned["beneficiary_id"])
    if cleaned.get("end_month") and not cleaned.get("end_reason"):
        raise CtxhError("E_REQUIRED", field="end_reason")
    with Writing(ctx) as writer:
        record_id = writer.create(AllowanceDecision, cleaned)
    return record_id, writer.changed


def add_recipient(ctx: AppContext, person: Mapping[str, Any], decision: Mapping[str, Any]) -> tuple[str, Changed]:
    """Record a person who has no file here yet and her decision, in one transaction; returns the decision id.
    (A person on the allowance list needs no case.)"""
    from desktop.core.derived import person_keys
    from desktop.core.services.cases import BENEFICIARY_RULES
    from desktop.core.services.records import create_in, validate_together

    require_manager(ctx)
    rules_without_person = {k: v for k, v in DECISION_RULES.items() if k != "beneficiary_id"}
    person_clean, decision_clean = validate_together(
        ctx, [(BENEFICIARY_RULES, person, False), (rules_without_person, decision, False)])
    clause = str(decision_clean.get("clause") or "")
    if clause and not rules.is_care_support(clause) and clause not in person_clean.get("target_groups", "").split():
        person_clean["target_groups"] = " ".join(sorted({*person_clean.get("target_groups", "").split(), clause}))
    decision_clean = month_starts(decision_clean)
    if decision_clean.get("end_month") and not decision_clean.get("end_reason"):
        raise CtxhError("E_REQUIRED", field="end_reason")
    with Writing(ctx) as writer:
        person_id = create_in(writer, Beneficiary, person_clean, person_keys)
        record_id = writer.create(AllowanceDecision, {**decision_clean, "beneficiary_id": person_id})
    return record_id, writer.changed


def update_decision(ctx: AppContext, decision_id: str, values: Mapping[str, Any]) -> Changed:
    """Edit a decision (not whom it names)."""
    require_manager(ctx)
    get_record(ctx, AllowanceDecision, decision_id)
    edit_rules = {k: v for k, v in DECISION_RULES.items() if k != "beneficiary_id"}
    cleaned = month_starts(validate(ctx, edit_rules, values, partial=True))
    with Writing(ctx) as writer:
        update_in(writer, AllowanceDecision, decision_id, cleaned, None)
    return writer.changed


def end_decision(ctx: AppContext, decision_id: str, last_month: dt.date, reason: str,
                 notes: str | None = None) -> Changed:
    """End a decision: `last_month` is the last month paid; the reason is one of allowance_end_reason."""
    decision = get_record(ctx, AllowanceDecision, decision_id)
    if rules.month_start(last_month) < decision["start_month"]:
        raise CtxhError("E_DATE_ORDER", field="end_month", other="start_month")
    values: dict[str, Any] = {"end_month": last_month, "end_reason": reason}
    if notes:
        values["notes"] = "\n".join(filter(None, [decision.get("notes"), notes]))
    return update_decision(ctx, decision_id, values)


def delete_decision(ctx: AppContext, decision_id: str) -> Changed:
    """Tombstone a decision entered by mistake (a decision that ended is ended, not deleted)."""
    require_manager(ctx)
    return set_deleted(ctx, AllowanceDecision, decision_id, True)


def decisions_of(ctx: AppContext, person_id: str) -> list[dict[str, Any]]:
    """A person's decisions, newest first."""
    _may_read(ctx)
    with ctx.db.reader() as session:
        rows = repo.decisions_of_person(session, person_id)
    return sorted(rows, key=lambda r: (r["start_month"], r["decision_date"], r["id"]), reverse=True)


# --- the standard -----------------------------------------------------------------------------------------

def _key(row: StandardRow) -> list[Any]:
    return [row.value, row.effective_from.isoformat(), row.province_code]


def standards_held(ctx: AppContext) -> tuple[list[StandardRow], list[StandardRow]]:
    """(accepted, waiting) values of the standard for this province. The first time the register is read,
    what the reference data holds then is accepted (nothing has been paid from it yet)."""
    with ctx.db.session() as session:
        held = [r for r in repo.standard_rows(session) if r.province_code in (None, ctx.province_code)]
        accepted = store.get_state(session, ACCEPTED_KEY)
        if accepted is None:
            accepted = [_key(r) for r in held]
            store.set_state(session, ACCEPTED_KEY, accepted)
    return ([r for r in held if _key(r) in accepted], [r for r in held if _key(r) not in accepted])


def accept_standards(ctx: AppContext) -> int:
    """Accept every waiting value of the standard: from now on the register pays it. Returns how many."""
    require_manager(ctx)
    accepted, waiting = standards_held(ctx)
    with ctx.db.session() as session:
        store.set_state(session, ACCEPTED_KEY, [_key(r) for r in (*accepted, *waiting)])
    from desktop.core.services.audit import record

    record(ctx, "update", "allowance:standards", accepted=[_key(r) for r in waiting])
    return len(waiting)


# --- the register ------------------------------------------------------------------------------------------

@dataclass
class RegisterLine:
    """One decision as the register shows it in a month."""

    decision: dict[str, Any]
    person: dict[str, Any]
    coefficient: float  # what it pays with this month (0: cannot be told, or not in force)
    clause_coefficient: float | None  # what the clause gives this month
    amount: int
    flags: list[str] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        """The line for `ctxh allowance list --json`."""
        d = self.decision
        return {"id": d["id"], "person_id": d["beneficiary_id"], "full_name": self.person.get("full_name"),
                "birth_date": _iso(self.person.get("birth_date")), "clause": d["clause"],
                "sub_clause": d["sub_clause"], "decision_no": d["decision_no"],
                "decision_date": _iso(d["decision_date"]), "start_month": _iso(d["start_month"])[:7],
                "end_month": (_iso(d["end_month"]) or "")[:7] or None, "end_reason": d["end_reason"],
                "coefficient": self.coefficient, "clause_coefficient": self.clause_coefficient,
                "amount": self.amount, "flags": self.flags, "care_support": rules.is_care_support(d["clause"])}


def _iso(value: Any) -> Any:
    return value.isoformat() if isinstance(value, dt.date) else value


@dataclass
class Register:
    """The register in one month: every decision, what it pays, and the standard."""

    month: dt.date
    standard: int | None
    lines: list[RegisterLine]
    waiting_standards: list[StandardRow]

    @property
    def allowance_total(self) -> int:
        """The month's monthly-allowance total."""
        return sum(line.amount for line in self.lines if not rules.is_care_support(line.decision["clause"]))

    @property
    def care_total(self) -> int:
        """The month's care-support total."""
        return sum(line.amount for line in self.lines if rules.is_care_support(line.decision["clause"]))

    def as_json(self) -> dict[str, Any]:
        """The register for `ctxh allowance list --json`."""
        return {"month": self.month.isoformat()[:7], "standard": self.standard,
                "allowance_total": self.allowance_total, "care_total": self.care_total,
                "paid_people": len({line.person["id"] for line in self.lines if line.amount}),
                "waiting_standards": [{"value": s.value, "from": s.effective_from.isoformat(),
                                       "province": s.province_code} for s in self.waiting_standards],
                "decisions": [line.as_json() for line in self.lines]}


@dataclass
class _Data:
    decisions: dict[str, list[DecisionRow]]
    full: dict[str, dict[str, Any]]
    people: dict[str, dict[str, Any]]


def _read(ctx: AppContext) -> _Data:
    with ctx.db.reader() as session:
        rows = repo.decision_rows(session)
        by_person: dict[str, list[DecisionRow]] = defaultdict(list)
        for row in rows:
            by_person[row.beneficiary_id].append(row)
        people = repo.people_of(session, set(by_person))
        from desktop.core.repositories.records import live_rows

        full = {r["id"]: r for r in live_rows(session, AllowanceDecision)}
    return _Data(by_person, full, people)


def _payments(data: _Data, month: dt.date, standard: int | None) -> dict[str, list[Payment]]:
    if standard is None:
        return {}
    return {person_id: rules.month_payments(decisions, data.people.get(person_id, {}).get("birth_date"), month,
                                            standard)
            for person_id, decisions in data.decisions.items()}


def _may_read(ctx: AppContext) -> None:
    """The register names everyone the commune pays: not a collaborator's to read (they see their own cases)."""
    from desktop.core.services.access import is_collaborator

    if is_collaborator(ctx):
        raise CtxhError("E_FORBIDDEN", user=ctx.actor.username, role=ctx.actor.role, action="allowances")


def register(ctx: AppContext, month: dt.date, include_ended: bool = True) -> Register:
    """Every decision of the commune and what it pays in `month`, flagged where it needs a look; people by
    name. Decisions not in force that month are listed too (unless `include_ended` is False)."""
    _may_read(ctx)
    accepted, waiting = standards_held(ctx)
    return _register(ctx, _read(ctx), accepted, waiting, month, include_ended)


def _register(ctx: AppContext, data: _Data, accepted: list[StandardRow], waiting: list[StandardRow],
              month: dt.date, include_ended: bool) -> Register:
    month = rules.month_start(month)
    standard = rules.standard_in(accepted, month, ctx.province_code)
    paid = {p.decision_id: p for payments in _payments(data, month, standard).values() for p in payments}
    lines = []
    for person_id, decisions in data.decisions.items():
        person = data.people.get(person_id, {"id": person_id, "full_name": "?"})
        for decision in decisions:
            line = _line(data.full[decision.id], decision, person, month, paid.get(decision.id))
            if include_ended or line.amount or not (ENDED in line.flags or NOT_STARTED in line.flags):
                lines.append(line)
    from desktop.core.text import fold

    lines.sort(key=lambda ln: (fold(str(ln.person.get("full_name") or "")), ln.person["id"],
                               ln.decision["start_month"], ln.decision["id"]))
    return Register(month, standard, lines, waiting)


def _line(full: dict[str, Any], decision: DecisionRow, person: dict[str, Any], month: dt.date,
          payment: Payment | None) -> RegisterLine:
    by_clause = rules.clause_coefficient(decision.clause, person.get("birth_date"), month, decision.children)
    flags = []
    if decision.coefficient is not None and by_clause is not None and abs(decision.coefficient - by_clause) > 1e-9:
        flags.append(COEFFICIENT_DIFFERS)
    if decision.coefficient is None and by_clause is None:
        flags.append(NO_COEFFICIENT)
    if payment is None:
        flags.append(NOT_STARTED if month < decision.start_month else ENDED)
        return RegisterLine(full, person, 0.0, by_clause, 0, flags)
    if not payment.paid and payment.coefficient:
        flags.append(HIGHEST_ONLY)
    return RegisterLine(full, person, payment.coefficient, by_clause, payment.amount, flags)


# --- the month's lists ---------------------------------------------------------------------------------------

@dataclass
class ChangeLine:
    """A person whose payment starts, stops or changes between last month and this one (danh sách tăng, giảm)."""

    person: dict[str, Any]
    kind: str  # TANG | GIAM | DIEU_CHINH
    care_support: bool
    before: int
    after: int
    reason: str


@dataclass
class PaymentList:
    """A month's payment list (danh sách chi trả) and its increases and decreases, for the district."""

    month: dt.date
    standard: int | None
    allowance: list[RegisterLine]
    care: list[RegisterLine]
    changes: list[ChangeLine]
    unit: str = ""
    province: str = ""

    @property
    def allowance_total(self) -> int:
        """The monthly allowance paid this month."""
        return sum(line.amount for line in self.allowance)

    @property
    def care_total(self) -> int:
        """The care support paid this month."""
        return sum(line.amount for line in self.care)


def payment_list(ctx: AppContext, month: dt.date) -> PaymentList:
    """The month's payment list: every decision that pays, by person's name, allowance and care support apart,
    with the month's increases and decreases against the month before."""
    from desktop.core.services.records import codebook
    from desktop.core.services.status import profile_info

    _may_read(ctx)
    month = rules.month_start(month)
    accepted, waiting = standards_held(ctx)
    data = _read(ctx)
    now = _register(ctx, data, accepted, waiting, month, False)
    previous = _register(ctx, data, accepted, waiting, rules.add_months(month, -1), False)
    paying = [line for line in now.lines if line.amount]
    info = profile_info(ctx)
    return PaymentList(
        month, now.standard,
        [ln for ln in paying if not rules.is_care_support(ln.decision["clause"])],
        [ln for ln in paying if rules.is_care_support(ln.decision["clause"])],
        _changes(now, previous, codebook(ctx).label), unit=info["commune"], province=info["province"])


def _changes(now: Register, before: Register, label: Any) -> list[ChangeLine]:
    def totals(reg: Register) -> dict[tuple[str, bool], tuple[int, list[RegisterLine]]]:
        out: dict[tuple[str, bool], tuple[int, list[RegisterLine]]] = {}
        for line in reg.lines:
            key = (line.person["id"], rules.is_care_support(line.decision["clause"]))
            total, lines = out.get(key, (0, []))
            out[key] = (total + line.amount, [*lines, line])
        return out

    after_totals, before_totals = totals(now), totals(before)
    changes = []
    for key in sorted(set(after_totals) | set(before_totals)):
        after, after_lines = after_totals.get(key, (0, []))
        prior, prior_lines = before_totals.get(key, (0, []))
        if after == prior:
            continue
        person = (after_lines or prior_lines)[0].person
        if prior == 0:
            kind = "TANG"
            new = [ln.decision for ln in after_lines if ln.amount and ln.decision["start_month"] == now.month]
            reason = "; ".join(f"QĐ số {d['decision_no']} ngày {d['decision_date']:%d/%m/%Y}" for d in new) or \
                "Hưởng lại"
        elif after == 0:
            kind = "GIAM"
            ended = [ln.decision for ln in prior_lines if ln.decision["end_month"] == before.month]
            reason = "; ".join(label("allowance_end_reason", d["end_reason"]) for d in ended if d["end_reason"]) \
                or "Không còn đủ căn cứ chi trả"
        else:
            kind = "DIEU_CHINH"
            if now.standard != before.standard:
                reason = f"Mức chuẩn {before.standard:,} → {now.standard:,} đồng".replace(",", ".")
            else:
                reason = "Thay đổi hệ số (tuổi, quyết định mới)"
        changes.append(ChangeLine(person, kind, key[1], prior, after, reason))
    from desktop.core.text import fold

    changes.sort(key=lambda c: ("TANG GIAM DIEU_CHINH".split().index(c.kind), fold(str(c.person["full_name"]))))
    return changes


def standard_changes(ctx: AppContext, months: int = 12) -> list[dict[str, Any]]:
    """What accepting the waiting standards would change: per decision, from the first month a waiting value
    applies (up to `months` months from then), the amount paid now and the amount after. Empty when nothing
    waits."""
    _may_read(ctx)
    accepted, waiting = standards_held(ctx)
    if not waiting:
        return []
    first = rules.month_start(min(r.effective_from for r in waiting))
    data = _read(ctx)
    out = []
    for offset in range(months):
        month = rules.add_months(first, offset)
        old = rules.standard_in(accepted, month, ctx.province_code)
        new = rules.standard_in([*accepted, *waiting], month, ctx.province_code)
        if old == new:
            continue
        before = _payments(data, month, old)
        after = _payments(data, month, new)
        for person_id, payments in after.items():
            old_by_id = {p.decision_id: p.amount for p in before.get(person_id, [])}
            for payment in payments:
                if payment.amount != old_by_id.get(payment.decision_id, 0):
                    out.append({"month": month.isoformat()[:7], "person_id": person_id,
                                "full_name": data.people.get(person_id, {}).get("full_name"),
                                "decision_id": payment.decision_id, "clause": payment.clause,
                                "coefficient": payment.coefficient, "standard_before": old, "standard_after": new,
                                "before": old_by_id.get(payment.decision_id, 0), "after": payment.amount})
    return out
