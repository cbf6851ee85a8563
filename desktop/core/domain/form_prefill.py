"""What a new form of a case starts with: what the app already knows of the person, the case and its
approvals, so the officer does not type a name, a birth date or a decision number twice. Pure: the
caller passes the records; only fields the form has, and only values its choices accept, are given."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from typing import Any

from forms.schema import FormDefinition

# Fields of the shipped forms that hold a date of the form itself (the day it is filled by default).
_TODAY_FIELDS = ("ngay", "ngay_lap", "ngay_danh_gia", "ngay_ra_soat", "ngay_hop", "ngay_xac_dinh")


def age_on(born: dt.date, day: dt.date) -> int:
    """Whole years of age on `day`."""
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


def known_values(case: Mapping[str, Any], person: Mapping[str, Any], decision: Mapping[str, Any] | None,
                 referral: Mapping[str, Any] | None, today: dt.date) -> dict[str, Any]:
    """Every value the app can give a form field, by the field codes the forms use."""
    groups = (person.get("target_groups") or "").split()
    values: dict[str, Any] = {
        "ho_ten": person.get("full_name"), "ho_ten_tre": person.get("full_name"),
        "ngay_sinh": person.get("birth_date"), "gioi_tinh": person.get("gender"), "noi_o": person.get("address"),
        "nhom_doi_tuong": groups or None, "nguoi_giam_ho": person.get("guardian_name"),
        "co_nguoi_giam_ho": True if person.get("guardian_name") else None,
        "thoi_diem": case.get("opened_on"), "nguy_hiem_nghiem_trong": case.get("serious_danger"),
        "ly_do_ket_thuc": case.get("closure_reason"),
        **{code: today for code in _TODAY_FIELDS},
    }
    if person.get("birth_date"):
        values["tuoi"] = age_on(person["birth_date"], today)
    if decision:
        values.update(so_quyet_dinh=decision.get("decision_no"), ngay_quyet_dinh=decision.get("decision_date"),
                      nguoi_ky=decision.get("approver_name"))
    if referral:
        values["co_so_tiep_nhan"] = referral.get("facility_name")
    return {k: v for k, v in values.items() if v not in (None, "", [])}


def prefill(form: FormDefinition, known: Mapping[str, Any], known_code: Callable[[str, str], bool]) -> dict[str, Any]:
    """The form's fields that `known` can fill, with values its types and choices accept."""
    out: dict[str, Any] = {}
    for field in form.fields():
        if field.code not in known:
            continue
        value = known[field.code]
        if field.type in ("choice", "multichoice"):
            def accepted(code: Any, f: Any = field) -> bool:
                if f.code_list:
                    return known_code(f.code_list, str(code))
                return str(code) in {c[0] for c in f.choices}

            codes = value if isinstance(value, list) else [value]
            codes = [c for c in codes if accepted(c)]
            if not codes:
                continue
            value = codes if field.type == "multichoice" else codes[0]
        elif field.type == "date" and isinstance(value, dt.date):
            value = value.isoformat()
        elif field.type == "boolean" and not isinstance(value, bool):
            continue
        elif field.type == "number" and not isinstance(value, int | float):
            continue
        elif field.type in ("text", "multiline"):
            value = str(value)
        out[field.code] = value
    return out
