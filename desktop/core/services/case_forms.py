"""Filling a case's forms (Mẫu 01–06 of its process, home visits, service records) and reading them back.

Answers are checked against the form's definition (forms/definitions) and stored with its code and
version; a form filled under an older version is read under the newest one, nothing dropped.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from desktop.core.context import AppContext
from desktop.core.errors import CtxhError, NotFoundError, ValidationError
from desktop.core.models import FormAnswer
from desktop.core.repositories import records as repo
from desktop.core.repositories.workflow import refresh_last_contact
from desktop.core.services.access import visible_case
from desktop.core.services.changes import Changed, Writing
from desktop.core.services.records import codebook
from forms.library import definitions
from forms.schema import FormDefinition, check_answers, read_answers

# Forms any case may hold, at any step, as often as needed.
ANY_STEP_FORMS = ("HOME_VISIT", "SERVICE_RECORD")
# A home visit is a contact: it keeps "no contact for a month" honest.
CONTACT_FORMS = {"HOME_VISIT"}


def forms(root: Path | None = None) -> dict[str, FormDefinition]:
    """The form definitions by code: those shipped with the app, with the province's snapshot installed in
    the profile at `root` laid over them (forms.library)."""
    return definitions(root).forms


def form_definition(code: str, root: Path | None = None) -> FormDefinition:
    """One form's newest definition; E_FORM_UNKNOWN if the app has none of that code."""
    form = forms(root).get(code)
    if form is None:
        raise CtxhError("E_FORM_UNKNOWN", form=code)
    return form


def _case(ctx: AppContext, session: Any, case_id: str) -> dict[str, Any]:
    return visible_case(ctx, session, case_id)


def _step_of_form(process_type: str, form_code: str, root: Path | None) -> str | None:
    from desktop.core.services.workflow import processes

    process = processes(root).get(process_type)
    if process is None:
        return None
    return next((s.code for s in process.steps if form_code in s.forms), None)


def case_forms(ctx: AppContext, case_id: str) -> list[dict[str, Any]]:
    """The forms of a case, in the order of its process (then the any-step forms), each with the ones
    filled so far: [{"form", "title", "step_code", "filled": [{"id", "filled_on", "form_version"}…]}]."""
    from desktop.core.services.workflow import processes

    with ctx.db.reader() as session:
        case = _case(ctx, session, case_id)
        filled = [r for r in repo.rows_where(session, FormAnswer, case_id=case_id) if not r["deleted"]]
    process = processes(ctx.profile.root).get(case["process_type"])
    planned: list[tuple[str, str | None]] = [
        (code, step.code) for step in (process.steps if process else ()) for code in step.forms
    ] + [(code, None) for code in ANY_STEP_FORMS]
    result = []
    for code, step_code in planned:
        form = forms(ctx.profile.root).get(code)
        if form is None:
            continue
        mine = sorted((r for r in filled if r["form_code"] == code), key=lambda r: (r["filled_on"], r["id"]))
        result.append({"form": code, "title": form.title, "step_code": step_code, "filled": [
            {"id": r["id"], "filled_on": r["filled_on"], "form_version": r["form_version"]} for r in mine]})
    return result


BIRTH_DATE_FIELD = "ngay_sinh"


def _form_date(form: FormDefinition, cleaned: Mapping[str, Any]) -> dt.date:
    """The date a form bears: its first date answered (a visit's, a review's), unless that lies ahead
    (a plan's start); otherwise today. A birth date is the person's, never the form's (Mẫu 01 asks for it and
    has no date of its own: it was printed as dated the day she was born)."""
    today = dt.date.today()
    for field in form.fields():
        if field.type == "date" and cleaned.get(field.code) and not field.code.startswith(BIRTH_DATE_FIELD):
            day = dt.date.fromisoformat(cleaned[field.code])
            return day if day <= today else today
    return today


def save_form(ctx: AppContext, case_id: str, form_code: str, answers: Mapping[str, Any],
              answer_id: str | None = None, filled_on: dt.date | None = None) -> tuple[str, Changed]:
    """Check and store a filled form (a new one, or an edit of `answer_id`); returns its id.

    Every problem is reported at once as a ValidationError naming the form's own fields.
    """
    form = form_definition(form_code, ctx.profile.root)
    cleaned, problems = check_answers(form, answers, codebook(ctx).known)
    if problems:
        raise ValidationError(problems)
    filled_on = filled_on or _form_date(form, cleaned)
    with Writing(ctx) as writer:
        case = _case(ctx, writer.session, case_id)
        values = {"answers": json.dumps(cleaned, ensure_ascii=False, sort_keys=True),
                  "form_version": form.version, "filled_on": filled_on}
        if answer_id is None:
            answer_id = writer.create(FormAnswer, {
                **values, "case_id": case_id, "form_code": form_code,
                "step_code": _step_of_form(case["process_type"], form_code, ctx.profile.root),
                "filled_by_worker_id": ctx.actor.worker_id})
        else:
            current = repo.get_row(writer.session, FormAnswer, answer_id)
            if current is None or current["deleted"] or current["case_id"] != case_id:
                raise NotFoundError("form_answer", answer_id)
            writer.update(FormAnswer, answer_id, values)
        if form_code in CONTACT_FORMS:
            refresh_last_contact(writer.session, case_id)
    return answer_id, writer.changed


def form_prefill(ctx: AppContext, case_id: str, form_code: str, today: dt.date | None = None) -> dict[str, Any]:
    """What a new form of this case starts with: the person's name, birth date, sex, address, groups and
    guardian, the case's intake date, its latest approval's number, date and signer, its latest referral,
    and today for the form's own date — only fields the form has, only values its choices accept."""
    from desktop.core.domain.form_prefill import known_values, prefill
    from desktop.core.models import Beneficiary, Referral
    from desktop.core.repositories.workflow import steps_of_case
    from desktop.core.services.records import codebook

    book = codebook(ctx)
    with ctx.db.reader() as session:
        case = _case(ctx, session, case_id)
        person = repo.get_row(session, Beneficiary, case["beneficiary_id"]) or {}
        decided = [s for s in steps_of_case(session, case_id) if s["decision"] == "APPROVED"]
        referrals = sorted((r for r in repo.rows_where(session, Referral, case_id=case_id) if not r["deleted"]),
                           key=lambda r: r["referred_on"])
    known = known_values(case, person, decided[-1] if decided else None, referrals[-1] if referrals else None,
                         today or dt.date.today())
    return prefill(form_definition(form_code, ctx.profile.root), known, book.known)


def get_form_answer(ctx: AppContext, answer_id: str) -> dict[str, Any]:
    """A filled form laid out by the newest definition of its form (see forms.schema.read_answers),
    with its record's columns and the case's number and person, for showing and printing."""
    with ctx.db.reader() as session:
        row = repo.get_row(session, FormAnswer, answer_id)
        if row is None or row["deleted"]:
            raise NotFoundError("form_answer", answer_id)
        case = _case(ctx, session, row["case_id"])
        from desktop.core.models import Beneficiary

        person = repo.get_row(session, Beneficiary, case["beneficiary_id"]) or {}
    form = form_definition(row["form_code"], ctx.profile.root)
    layout = read_answers(form, json.loads(row["answers"]), row["form_version"])
    return {**row, "layout": layout, "case_no": case["case_no"], "person": person.get("full_name", ""),
            "birth_date": person.get("birth_date"), "address": person.get("address")}


def set_form_deleted(ctx: AppContext, answer_id: str, deleted: bool) -> Changed:
    """Tombstone a filled form (deleted=True) or restore it (the undo)."""
    with Writing(ctx) as writer:
        row = repo.get_row(writer.session, FormAnswer, answer_id)
        if row is None:
            raise NotFoundError("form_answer", answer_id)
        _case(ctx, writer.session, row["case_id"])
        writer.set_deleted(FormAnswer, answer_id, deleted)
        if row["form_code"] in CONTACT_FORMS:
            refresh_last_contact(writer.session, row["case_id"])
    return writer.changed


def printable_form(ctx: AppContext, answer_id: str, lang: str = "vi", seal: str = "") -> str:
    """A filled form as HTML laid out for printing and signing (forms.printing); `seal` is the HTML of the
    paper's check code (sync.print_seals.sealed_form_html makes it and signs it with the laptop's key)."""
    from desktop.core.services.access import require
    from desktop.core.services.audit import record
    from desktop.core.services.status import profile_info
    from forms.printing import form_html

    require(ctx, "export")
    answer = get_form_answer(ctx, answer_id)
    record(ctx, "print", f"form:{answer_id}", form=answer["form_code"])
    book = codebook(ctx)
    header = {"commune": profile_info(ctx)["commune"], "case_no": answer["case_no"], "person": answer["person"],
              "birth_date": answer["birth_date"], "filled_on": answer["filled_on"]}
    return form_html(form_definition(answer["form_code"], ctx.profile.root), answer["layout"], header, lang, book.label,
                     seal)
