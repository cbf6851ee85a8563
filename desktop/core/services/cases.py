"""Beneficiaries, their cases and the services delivered (intake to closure deepens in later work)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from desktop.core.context import AppContext
from desktop.core.derived import case_keys, person_keys
from desktop.core.domain.case_rules import (
    case_number,
    counter_of,
    device_tag,
    intake_defaults,
    number_prefix,
    workflow_field_changes,
)
from desktop.core.errors import CtxhError, NotFoundError, ValidationError
from desktop.core.models import Beneficiary, Case, ServiceRecord
from desktop.core.repositories import lists
from desktop.core.repositories import records as repo
from desktop.core.repositories import rows as row_sql
from desktop.core.repositories.row_types import CaseListRow
from desktop.core.repositories.workflow import refresh_last_contact
from desktop.core.services.access import case_scope, is_collaborator, visible_case
from desktop.core.services.changes import Changed, ChangeWriter, Writing
from desktop.core.services.records import create_in, get_record, set_deleted, update_in, validate, validate_together
from desktop.core.validation import Rule
from desktop.dates import parse_date

BENEFICIARY_RULES: dict[str, Rule] = {
    "full_name": Rule("text", required=True, max_len=120),
    "gender": Rule("code", code_list="gender"),
    "birth_date": Rule("date", not_future=True),
    "national_id": Rule("cccd"),
    "old_national_id": Rule("cmnd"),
    "id_issued_on": Rule("date", not_future=True),
    "father_name": Rule("text", max_len=120),
    "mother_name": Rule("text", max_len=120),
    "phone": Rule("phone"),
    "address": Rule("text", max_len=300),
    "commune_code": Rule("text", max_len=5),
    "guardian_name": Rule("text", max_len=120),
    "target_groups": Rule("codes", code_list="target_group"),
    "notes": Rule("text", max_len=4000),
    "as_written": Rule("text", max_len=2000),  # {"field": "text"}: values an import could not place yet
}
CASE_RULES: dict[str, Rule] = {
    "process_type": Rule("code", required=True, code_list="process_type"),
    "step": Rule("code", required=True, code_list="case_step"),
    "status": Rule("code", required=True, code_list="case_status"),
    "opened_on": Rule("date", required=True, not_future=True),
    "closed_on": Rule("date", after="opened_on"),
    "closure_reason": Rule("code", code_list="closure_reason"),
    "assigned_worker_id": Rule("ref"),
    "summary": Rule("text", max_len=4000),
    "serious_danger": Rule("bool"),
    "legal_basis": Rule("code", code_list="legal_basis"),
}
SERVICE_RULES: dict[str, Rule] = {
    "case_id": Rule("ref", required=True),
    "service_type": Rule("code", required=True, code_list="service_type"),
    "delivered_on": Rule("date", required=True, not_future=True),
    "worker_id": Rule("ref"),
    "duration_minutes": Rule("int"),
    "notes": Rule("text", max_len=4000),
}


class CaseNumbers:
    """Case numbers for one transaction, intake and import alike: the year, this laptop's tag, and its own
    counter of that year ("2026-K7QX-00042"). Each laptop counts only its own numbers, so two laptops of one
    commune never hand out the same one; numbers from before the tag ("2026-00042") stay as they are."""

    def __init__(self, writer: ChangeWriter) -> None:
        self.session = writer.session
        self.tag = device_tag(writer.ctx.device_id)
        self.last: dict[int, int] = {}

    def next(self, year: int) -> str:
        """The next number of `year`."""
        if year not in self.last:
            self.last[year] = counter_of(repo.last_case_no(self.session, number_prefix(year, self.tag)))
        self.last[year] += 1
        return case_number(year, self.tag, self.last[year])


def _check_process(ctx: AppContext, process_type: str) -> None:
    from desktop.core.services.workflow import processes

    if process_type not in processes(ctx.profile.root):  # a case that could never move on is not opened
        raise CtxhError("E_PROCESS_UNKNOWN", process=process_type)


def open_case(
    ctx: AppContext, person: Mapping[str, Any], case: Mapping[str, Any]
) -> tuple[str, Changed]:
    """Intake: record the beneficiary and open a case for them, in one transaction."""
    case_values = {**intake_defaults(dt.date.today()), **case}
    if is_collaborator(ctx):  # a collaborator's intake is their own case
        case_values["assigned_worker_id"] = ctx.actor.worker_id
    person_clean, case_clean = validate_together(
        ctx, [(BENEFICIARY_RULES, person, False), (CASE_RULES, case_values, False)]
    )
    _check_process(ctx, case_clean["process_type"])
    with Writing(ctx) as writer:
        beneficiary_id = create_in(writer, Beneficiary, person_clean, person_keys)
        case_no = CaseNumbers(writer).next(case_clean["opened_on"].year)
        case_values = {**case_clean, "case_no": case_no, "beneficiary_id": beneficiary_id,
                       **case_keys(case_no, person_clean), "last_contact_on": case_clean["opened_on"]}
        case_id = writer.create(Case, case_values)
        from desktop.core.services.workflow import start_first_step

        opened = case_values["opened_on"]
        at = dt.datetime.now().replace(microsecond=0) if opened == dt.date.today() else dt.datetime.combine(
            opened, dt.time(8, 0))
        start_first_step(ctx, writer, {**case_values, "id": case_id}, at)
    return case_id, writer.changed


def likely_existing(ctx: AppContext, person: Mapping[str, Any]) -> list[dict[str, Any]]:
    """People already here who are likely the one being taken in: the same CCCD or old CMND, or the same name (folded:
    diacritics and spacing aside) and birth date. Each with its cases, so intake can open one instead of
    making a second person. A collaborator hears only of people in their own cases."""
    from desktop.core.services.card_reading import card_numbers
    from desktop.core.text import fold

    numbers = card_numbers(person)
    try:
        born = parse_date(person["birth_date"]) if person.get("birth_date") else None
    except ValueError:
        born = None
    name = fold(" ".join(str(person.get("full_name") or "").split()))
    with ctx.db.reader() as session:
        found = repo.people_like(session, numbers, born)
    likely = []
    for candidate in found:
        same_id = bool({candidate["national_id"], candidate["old_national_id"]} & set(numbers))
        same_name = bool(name) and born is not None and candidate["birth_date"] == born and fold(
            candidate["full_name"]) == name
        if not (same_id or same_name):
            continue
        if is_collaborator(ctx):
            candidate["cases"] = [c for c in candidate["cases"] if c["assigned_worker_id"] == ctx.actor.worker_id]
            if not candidate["cases"]:
                continue
        likely.append({**candidate, "why": "national_id" if same_id else "name_birth_date"})
    return likely


def update_case(ctx: AppContext, case_id: str, values: Mapping[str, Any]) -> Changed:
    """Edit the given fields of a case."""
    cleaned = validate(ctx, CASE_RULES, values, partial=True)
    if is_collaborator(ctx):
        cleaned.pop("assigned_worker_id", None)  # only an officer hands a case to someone else
    with Writing(ctx) as writer:
        _refuse_workflow_fields(visible_case(ctx, writer.session, case_id), cleaned)
        update_in(writer, Case, case_id, cleaned, None)
    return writer.changed


def _refuse_workflow_fields(current: Mapping[str, Any], cleaned: Mapping[str, Any]) -> None:
    """The step, status and closure change through the workflow only (its checks, its dated record)."""
    changed = workflow_field_changes(current, cleaned)
    if changed:
        raise ValidationError([(f, "E_WORKFLOW_FIELD", {}) for f in changed])


def update_beneficiary(ctx: AppContext, beneficiary_id: str, values: Mapping[str, Any]) -> Changed:
    """Edit a beneficiary; the search and sort keys of their cases follow."""
    cleaned = validate(ctx, BENEFICIARY_RULES, values, partial=True)
    with Writing(ctx) as writer:
        cases = [c for c in repo.rows_where(writer.session, Case, beneficiary_id=beneficiary_id) if not c["deleted"]]
        if is_collaborator(ctx) and not any(c["assigned_worker_id"] == ctx.actor.worker_id for c in cases):
            raise NotFoundError("beneficiary", beneficiary_id)
        _update_beneficiary_in(writer, beneficiary_id, cleaned)
    return writer.changed


def save_case(ctx: AppContext, case_id: str, person: Mapping[str, Any], case: Mapping[str, Any]) -> Changed:
    """Edit a case and its beneficiary together, in one transaction."""
    person_clean, case_clean = validate_together(
        ctx, [(BENEFICIARY_RULES, person, True), (CASE_RULES, case, True)]
    )
    if is_collaborator(ctx):
        case_clean.pop("assigned_worker_id", None)
    with Writing(ctx) as writer:
        current = visible_case(ctx, writer.session, case_id)
        _refuse_workflow_fields(current, case_clean)
        _update_beneficiary_in(writer, current["beneficiary_id"], person_clean)
        update_in(writer, Case, case_id, case_clean, None)
    return writer.changed


def _update_beneficiary_in(writer: ChangeWriter, beneficiary_id: str, cleaned: Mapping[str, Any]) -> None:
    update_in(writer, Beneficiary, beneficiary_id, cleaned, person_keys)
    person = repo.get_row(writer.session, Beneficiary, beneficiary_id) or {}
    for case in repo.rows_where(writer.session, Case, beneficiary_id=beneficiary_id):
        keys = case_keys(case["case_no"], person)
        if keys["search_text"] != case["search_text"] or keys["sort_key"] != case["sort_key"]:
            row_sql.update_row(writer.session, Case.__table__, case["id"], keys)  # local columns: not a change
            writer.changed.add(Case.__entity__, case["id"], ())


def delete_case(ctx: AppContext, case_id: str) -> Changed:
    """Tombstone a case (restore_case undoes it); the beneficiary stays."""
    with ctx.db.reader() as session:
        visible_case(ctx, session, case_id)
    return set_deleted(ctx, Case, case_id, True)


def restore_case(ctx: AppContext, case_id: str) -> Changed:
    """Undo delete_case."""
    with ctx.db.reader() as session:
        case = repo.get_row(session, Case, case_id)
    if case is None or (is_collaborator(ctx) and case["assigned_worker_id"] != ctx.actor.worker_id):
        raise NotFoundError("case", case_id)
    return set_deleted(ctx, Case, case_id, False)


def add_service(ctx: AppContext, values: Mapping[str, Any]) -> tuple[str, Changed]:
    """Record a service delivered in a case."""
    cleaned = validate(ctx, SERVICE_RULES, values)
    with Writing(ctx) as writer:
        visible_case(ctx, writer.session, cleaned["case_id"])
        service_id = create_in(writer, ServiceRecord, cleaned, None)
        refresh_last_contact(writer.session, cleaned["case_id"])
    return service_id, writer.changed


def update_service(ctx: AppContext, service_id: str, values: Mapping[str, Any]) -> Changed:
    """Edit a service record (its case cannot change)."""
    cleaned = validate(ctx, {k: v for k, v in SERVICE_RULES.items() if k != "case_id"}, values, partial=True)
    with Writing(ctx) as writer:
        case = _service_case(ctx, writer.session, service_id)
        update_in(writer, ServiceRecord, service_id, cleaned, None)
        refresh_last_contact(writer.session, case["id"])
    return writer.changed


def _service_case(ctx: AppContext, session: Any, service_id: str) -> dict[str, Any]:
    service = repo.get_row(session, ServiceRecord, service_id)
    if service is None:
        raise NotFoundError("service_record", service_id)
    return visible_case(ctx, session, service["case_id"])


def delete_service(ctx: AppContext, service_id: str) -> Changed:
    """Tombstone a service record (restore_service undoes it)."""
    return _set_service_deleted(ctx, service_id, True)


def restore_service(ctx: AppContext, service_id: str) -> Changed:
    """Undo delete_service."""
    return _set_service_deleted(ctx, service_id, False)


def _set_service_deleted(ctx: AppContext, service_id: str, deleted: bool) -> Changed:
    with Writing(ctx) as writer:
        case = _service_case(ctx, writer.session, service_id)
        writer.set_deleted(ServiceRecord, service_id, deleted)
        refresh_last_contact(writer.session, case["id"])
    return writer.changed


def get_case(ctx: AppContext, case_id: str) -> dict[str, Any]:
    """A case with its beneficiary (under "beneficiary") and services (under "services")."""
    case = get_record(ctx, Case, case_id)
    if is_collaborator(ctx) and case["assigned_worker_id"] != ctx.actor.worker_id:
        raise NotFoundError("case", case_id)
    with ctx.db.reader() as session:
        case["beneficiary"] = repo.get_row(session, Beneficiary, case["beneficiary_id"])
        case["services"] = repo.services_of_case(session, case_id)
    from desktop.core.services.audit import record

    record(ctx, "view_case", f"case:{case_id}", case_no=case["case_no"])
    return case


def _case_where(ctx: AppContext, filters: Mapping[str, Any] | None) -> list[Any] | None:
    unknown = set(filters or {}) - set(lists.CASE_FILTERS)
    if unknown:
        raise CtxhError("E_ARGS", detail=", ".join(sorted(unknown)))
    now = dt.datetime.now().replace(microsecond=0)
    return [*case_scope(ctx), *lists.case_conditions(dict(filters or {}), now)] or None


def find_case(ctx: AppContext, reference: str) -> dict[str, Any]:
    """A case by its id or its number (2026-00012); NotFoundError if neither names one this user may see."""
    with ctx.db.reader() as session:
        numbered = [r["id"] for r in repo.rows_where(session, Case, case_no=reference.strip()) if not r["deleted"]]
    return get_case(ctx, numbered[0] if numbered else reference.strip())


def list_cases(ctx: AppContext, search: str = "", sort: str = "name", descending: bool = False,
               after: tuple[Any, str] | None = None, limit: int = 100,
               filters: Mapping[str, Any] | None = None) -> list[CaseListRow]:
    """A page of the case list (keyset paging: pass the last row's key as `after`), searched and filtered
    by status, step, process, target group, assignee ("-" for nobody) and overdue."""
    where = _case_where(ctx, filters)
    with ctx.db.reader() as session:
        return lists.case_page(session, search, sort, descending, after, limit, where)


def count_cases(ctx: AppContext, search: str = "", cap: int | None = None,
                filters: Mapping[str, Any] | None = None) -> int:
    """How many live cases match a search and filters (stopping at cap + 1 when a cap is given)."""
    where = _case_where(ctx, filters)
    with ctx.db.reader() as session:
        return lists.count(session, lists.CASES, search, where, cap=cap)


def saved_filters(ctx: AppContext) -> dict[str, dict[str, Any]]:
    """This user's saved case-list filters by name (kept in the profile's settings, not synced)."""
    return dict(ctx.profile.read_settings().get("case_filters", {}).get(ctx.actor.username, {}))


def save_filter(ctx: AppContext, name: str, filters: Mapping[str, Any]) -> dict[str, dict[str, Any]]:
    """Save (or replace) a named filter for this user; an empty `filters` deletes it. Returns them all."""
    name = " ".join(name.split())
    if not name or len(name) > 60:
        raise ValidationError([("name", "E_REQUIRED" if not name else "E_TOO_LONG", {"max": 60})])
    _case_where(ctx, filters)  # refuse unknown keys before saving them
    settings = ctx.profile.read_settings()
    mine = settings.setdefault("case_filters", {}).setdefault(ctx.actor.username, {})
    kept = {k: v for k, v in filters.items() if v not in (None, "", False)}
    if kept:
        mine[name] = kept
    else:
        mine.pop(name, None)
    ctx.profile.write_settings(settings)
    return dict(mine)
