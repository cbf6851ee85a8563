"""What a printed paper says, field by field, so that its QR can vouch for it (issue 18).

A subject is the paper's identity (a filled form's record, or a report's commune, kind and period) and its
printed fields in the order they are printed: (key, label, text) with the text exactly as on paper (labels
for codes, dd/mm/yyyy dates). Printing seals the subject; verifying builds the subject again from the record
as it is now and compares. Both sides use these functions, so a paper and its check cannot drift apart.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from desktop.core.context import AppContext
from desktop.core.errors import NotFoundError

KIND_FORM, KIND_REPORT = "form", "report"
PrintedField = tuple[str, str, str]  # (key, label, text)


@dataclass(frozen=True)
class PrintSubject:
    """A printed paper's identity and fields."""

    kind: str  # form | report
    form_code: str  # the Mẫu's code (TT02_M02…) or the report's kind (tt02, p112…)
    record: str  # a filled form's id; a report's "period kind|first day|last day"
    version: int  # a form's last change (Unix seconds); 0 for a report
    partition: str  # the commune's partition ("01:00004")
    printed_on: dt.date
    lang: str
    fields: tuple[PrintedField, ...]


def _label(pair: tuple[str, str], lang: str) -> str:
    return pair[0] if lang == "vi" else pair[1]


def form_fields(form: Any, layout: dict[str, Any], header: dict[str, Any], lang: str,
                code_label: Callable[[str, str], str]) -> tuple[PrintedField, ...]:
    """A filled form's printed fields: the header (commune, case, person and birth date, date filled), then
    every answer shown, then those kept from an older version of the form — as forms.printing prints them."""
    from forms.printing import WORDS, value_text

    words = WORDS["en" if lang == "en" else "vi"]
    born = header.get("birth_date")
    unit, filled, born_label = (("Đơn vị", "Ngày ghi", "Ngày sinh của đối tượng") if lang != "en"
                                else ("Unit", "Filled on", "Person's date of birth"))
    out: list[PrintedField] = [
        ("commune", unit, str(header.get("commune", ""))),
        ("case_no", words["case"], str(header.get("case_no", ""))),
        ("person", words["person"], str(header.get("person", ""))),
        ("birth_date", born_label, born.strftime("%d/%m/%Y") if born else ""),
        ("filled_on", filled, header["filled_on"].strftime("%d/%m/%Y") if header.get("filled_on") else ""),
    ]
    answers = layout["answers"]
    for section in form.sections:
        for field in section.fields:
            if field.show_when is not None and not field.show_when.holds(answers):
                continue
            out.append((field.code, _label(field.label, lang),
                        value_text(field, answers.get(field.code), lang, code_label)))
    out.extend((f"retired:{k}", k, str(v)) for k, v in (layout.get("retired") or {}).items())
    return tuple(out)


def commune_name(ctx: AppContext, partition: str) -> str:
    """The commune's name as a paper heads it ("Phường Ba Đình"), from its partition "01:00004"."""
    from desktop.core.repositories.reference import admin_unit

    code = partition.rpartition(":")[2]
    with ctx.db.reader() as session:
        unit = admin_unit(session, code)
    return unit.name if unit else code


def form_subject(ctx: AppContext, answer_id: str, lang: str, printed_on: dt.date | None = None) -> PrintSubject:
    """The subject of a filled form printed now (or as it would print today, for a check)."""
    from desktop.core.services.case_forms import form_definition, get_form_answer
    from desktop.core.services.records import codebook

    answer = get_form_answer(ctx, answer_id)
    header = {"commune": commune_name(ctx, answer["partition"]), "case_no": answer["case_no"],
              "person": answer["person"], "birth_date": answer["birth_date"], "filled_on": answer["filled_on"]}
    form = form_definition(answer["form_code"], ctx.profile.root)
    updated = answer["updated_at"]
    version = int(updated.replace(tzinfo=dt.UTC).timestamp()) if isinstance(updated, dt.datetime) else 0
    return PrintSubject(KIND_FORM, answer["form_code"], answer_id, version, answer["partition"],
                        printed_on or dt.date.today(), lang,
                        form_fields(form, answer["layout"], header, lang, codebook(ctx).label))


def report_record(report: Any) -> str:
    """A report's record in its seal: its period's kind and days."""
    return f"{report.period.kind}|{report.period.start.isoformat()}|{report.period.end.isoformat()}"


def report_period(record: str) -> Any:
    """The period of a report's record (report_record's inverse); ValueError when it is not one."""
    from desktop.core.domain.periods import Period

    kind, start, end = record.split("|")
    return Period(kind, dt.date.fromisoformat(start), dt.date.fromisoformat(end), "")


def report_subject(ctx: AppContext, report: Any, lang: str, partition: str | None = None) -> PrintSubject:
    """The subject of a report as printed to PDF (small counts hidden, as the paper leaves the commune)."""
    from desktop.core.services.records import codebook
    from desktop.core.services.report_documents import report_rows

    rows = report_rows(report, codebook(ctx), lang, outgoing=True)
    fields = tuple((row.key or row.number, row.label, f"{row.value} | {row.previous} | {row.target}")
                   for row in rows if row.level)
    return PrintSubject(KIND_REPORT, report.kind, report_record(report), 0, partition or ctx.partition,
                        report.made_on, lang, fields)


def current_form_subject(ctx: AppContext, answer_id: str, lang: str) -> PrintSubject | None:
    """The form as it would print now, or None when there is no such live record here."""
    try:
        return form_subject(ctx, answer_id, lang)
    except NotFoundError:
        return None


def paper_title(ctx: AppContext, kind: str, code: str, lang: str) -> str:
    """What a verdict calls the paper: the form's or report's title with its code ("Mẫu số 01: Phiếu thu thập
    thông tin đối tượng (TT02_M01)"), or the bare code of one this profile does not know."""
    from desktop.core.errors import CtxhError

    try:
        if kind == KIND_FORM:
            from desktop.core.services.case_forms import form_definition

            return f"{_label(form_definition(code, ctx.profile.root).title, lang)} ({code})"
        from desktop.core.services.report_documents import LAYOUTS

        return f"{_label(LAYOUTS[code][0], lang)} ({code})"
    except (CtxhError, KeyError):
        return code
