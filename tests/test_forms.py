"""Forms as data: definitions validate, answers are checked, old answers stay readable."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from desktop.core.services.records import codebook
from forms.schema import FORMS_DIR, FormDefinitionError, check_answers, load_forms, parse_form, read_answers


def test_shipped_forms_load(ctx) -> None:
    forms = load_forms()
    expected = {f"{law}_M0{n}" for law in ("TT02", "ND56") for n in range(1, 7)} | {"SERVICE_RECORD", "HOME_VISIT"}
    assert expected <= set(forms)
    # Every form a process names exists, and every code list a form names is one this profile has.
    from forms.processes import load_processes

    named = {code for p in load_processes().values() for s in p.steps for code in s.forms}
    assert named <= set(forms)
    for form in forms.values():
        for field in form.fields():
            if field.code_list:
                assert codebook(ctx).items(field.code_list), (form.code, field.code)
    intake = forms["ND56_M01"]
    assert intake.title[0].startswith("Mẫu số 01") and intake.field("nguy_hiem_nghiem_trong").type == "boolean"


def test_answers_are_checked_with_conditions_and_code_lists(ctx) -> None:
    forms, known = load_forms(), codebook(ctx).known
    m01 = forms["TT02_M01"]
    answers = {"ho_ten": "  Nguyễn Văn Bé ", "ngay_sinh": "01/02/2016", "gioi_tinh": "NAM",
               "nhom_doi_tuong": ["HCDB_A", "TCXH_01"], "tinh_trang_suc_khoe": "TOT", "benh_ghi_ro": "ẩn",
               "co_nguoi_giam_ho": True}
    cleaned, problems = check_answers(m01, answers, known)
    assert [p[:2] for p in problems] == [("nguoi_giam_ho", "E_REQUIRED")]  # shown (has a guardian) and required
    assert cleaned["ngay_sinh"] == "2016-02-01" and cleaned["ho_ten"] == "Nguyễn Văn Bé"
    assert "benh_ghi_ro" not in cleaned  # hidden: health is good
    _cleaned, problems = check_answers(m01, {"ho_ten": "A", "gioi_tinh": "X", "ngay_sinh": "31/02/2016",
                                             "nhom_doi_tuong": ["HCDB_Z"]}, known)
    assert {(f, c) for f, c, _ in problems} == {("gioi_tinh", "E_CODE"), ("ngay_sinh", "E_DATE"),
                                               ("nhom_doi_tuong", "E_CODE")}
    risk = forms["ND56_M02"]
    _cleaned, problems = check_answers(risk, {"muc_do_nguy_co": "NGHIEM_TRONG", "ngay_danh_gia": "20/11/2026"}, known)
    assert problems == [("bien_phap_khan_cap", "E_REQUIRED", {"label": risk.field("bien_phap_khan_cap").label})]
    _cleaned, problems = check_answers(risk, {"muc_do_nguy_co": "THAP", "ngay_danh_gia": "20/11/2026"}, known)
    assert problems == []


def test_an_old_answer_reads_under_a_newer_version(tmp_path: Path) -> None:
    data = json.loads((FORMS_DIR / "HOME_VISIT.json").read_text(encoding="utf-8"))
    v1 = parse_form(data, "HOME_VISIT.json")
    old_answers = {"ngay": "2026-03-01", "gap_doi_tuong": False, "ly_do_khong_gap": "Đi làm xa", "tinh_hinh": "Ổn"}
    data["version"] = 2
    fields = data["sections"][0]["fields"]
    data["sections"][0]["fields"] = [f for f in fields if f["code"] != "ly_do_khong_gap"] + [
        {"code": "nguoi_tiep", "type": "text", "label": ["Người tiếp", "Met by"]}]
    v2 = parse_form(data, "HOME_VISIT.json")
    shown = read_answers(v2, old_answers, v1.version)
    assert (shown["version"], shown["answered_version"]) == (2, 1)
    assert list(shown["answers"]) == ["ngay", "gap_doi_tuong", "tinh_hinh", "can_ho_tro_them", "nguoi_tiep"]
    assert shown["answers"]["tinh_hinh"] == "Ổn" and shown["answers"]["nguoi_tiep"] is None
    assert shown["retired"] == {"ly_do_khong_gap": "Đi làm xa"}  # nothing typed is lost


@pytest.mark.parametrize("broken,message", [
    ({"code": "X", "version": 1, "title": ["a", "b"], "sections": []}, "at least one field"),
    ({"code": "X", "version": 1, "title": ["a", "b"], "sections": [{"title": ["a", "b"], "fields": [
        {"code": "f", "type": "colour", "label": ["a", "b"]}]}]}, "type must be one of"),
    ({"code": "X", "version": 1, "title": ["a", "b"], "sections": [{"title": ["a", "b"], "fields": [
        {"code": "f", "type": "choice", "label": ["a", "b"]}]}]}, "needs 'choices'"),
    ({"code": "X", "version": 1, "title": ["a", "b"], "sections": [{"title": ["a", "b"], "fields": [
        {"code": "f", "type": "text", "label": ["a", "b"], "show_when": {"field": "g", "equals": 1}}]}]},
     "earlier field"),
    ({"code": "X", "version": 1, "title": ["a", "b"], "sections": [{"title": ["a", "b"], "fields": [
        {"code": "f", "type": "text", "label": ["a"]}]}]}, "label"),
])
def test_a_bad_form_is_refused_with_the_place(broken: dict, message: str) -> None:
    with pytest.raises(FormDefinitionError, match=message.replace("(", r"\(").replace(")", r"\)")):
        parse_form(broken, "x.json")


def test_the_demo_fills_every_form_validly(ctx) -> None:
    from desktop.core.services.demo import sample_answers

    book = codebook(ctx)
    for form in load_forms().values():
        answers = sample_answers(form, dt.date(2026, 11, 2), lambda name: book.items(name)[0][0])
        _cleaned, problems = check_answers(form, answers, book.known)
        assert problems == [], form.code
