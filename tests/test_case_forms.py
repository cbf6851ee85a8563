"""Filled forms stored with their version, read back under newer ones; the consent register and legal basis."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from desktop.core.domain.consent_rules import missing_signers, required_signers
from desktop.core.errors import CtxhError, ValidationError
from desktop.core.messages import describe_error
from desktop.core.models import FormAnswer
from desktop.core.services import case_forms, cases, consent
from desktop.core.services import workflow as wf
from forms.library import content_hash, install_snapshot
from forms.schema import FORMS_DIR


def open_child(ctx, birth: str = "01/02/2016") -> str:
    case_id, _ = cases.open_case(ctx, {"full_name": "Nguyễn Văn Bé", "birth_date": birth},
                                 {"process_type": "ND56_2017", "opened_on": "02/11/2026", "serious_danger": True})
    return case_id


def test_a_case_lists_the_forms_of_its_process_in_order(ctx) -> None:
    case_id = open_child(ctx)
    listed = case_forms.case_forms(ctx, case_id)
    assert [f["form"] for f in listed] == ["ND56_M01", "ND56_M02", "ND56_M03", "ND56_M04", "ND56_M05", "ND56_M06",
                                          "HOME_VISIT", "SERVICE_RECORD"]
    assert listed[3]["step_code"] == "KE_HOACH" and listed[6]["step_code"] is None
    assert all(f["filled"] == [] for f in listed)


def test_a_form_is_checked_then_stored_with_its_version_and_step(ctx) -> None:
    case_id = open_child(ctx)
    with pytest.raises(ValidationError) as info:
        case_forms.save_form(ctx, case_id, "ND56_M02",
                             {"muc_do_nguy_co": "NGHIEM_TRONG", "ngay_danh_gia": "31/02/2026"})
    assert {p[0] for p in info.value.problems} == {"bien_phap_khan_cap", "ngay_danh_gia"}
    # The message names the form's own label, in Vietnamese.
    assert "«Biện pháp khẩn cấp đã áp dụng» là bắt buộc." in describe_error(info.value)
    with ctx.db.reader() as session:
        assert session.query(FormAnswer).count() == 0
    answer_id, changed = case_forms.save_form(ctx, case_id, "ND56_M02", {
        "muc_do_nguy_co": "NGHIEM_TRONG", "bien_phap_khan_cap": "Đưa trẻ đến nhà bà ngoại",
        "ngay_danh_gia": "02/11/2026"})
    assert changed.ids == {"form_answer": [answer_id]}
    stored = case_forms.get_form_answer(ctx, answer_id)
    assert (stored["form_code"], stored["form_version"], stored["step_code"]) == ("ND56_M02", 1, "DANH_GIA_BAN_DAU")
    assert json.loads(stored["answers"])["ngay_danh_gia"] == "2026-11-02"
    assert stored["layout"]["answers"]["bien_phap_khan_cap"] == "Đưa trẻ đến nhà bà ngoại"
    assert stored["case_no"] and stored["person"] == "Nguyễn Văn Bé"
    # Editing keeps one record; the change log carries the edit.
    case_forms.save_form(ctx, case_id, "ND56_M02", {"muc_do_nguy_co": "CAO", "ngay_danh_gia": "03/11/2026"},
                         answer_id)
    listed = {f["form"]: f for f in case_forms.case_forms(ctx, case_id)}
    assert [r["id"] for r in listed["ND56_M02"]["filled"]] == [answer_id]
    again = case_forms.get_form_answer(ctx, answer_id)
    assert "bien_phap_khan_cap" not in again["layout"]["answers"] or again["layout"]["answers"][
        "bien_phap_khan_cap"] is None
    with pytest.raises(CtxhError) as unknown:
        case_forms.save_form(ctx, case_id, "ND56_M99", {})
    assert unknown.value.code == "E_FORM_UNKNOWN"


def test_an_answer_stored_under_version_1_reads_under_version_2(ctx) -> None:
    case_id = open_child(ctx)
    answer_id, _ = case_forms.save_form(ctx, case_id, "ND56_M05", {
        "so_quyet_dinh": "12/QĐ-UBND", "ngay_quyet_dinh": "05/11/2026", "nguoi_ky": "Trần Văn Chủ",
        "noi_dung": "Phê duyệt kế hoạch"})
    newer = json.loads((FORMS_DIR / "ND56_M05.json").read_text(encoding="utf-8"))
    newer["version"] = 2
    fields = newer["sections"][0]["fields"]
    newer["sections"][0]["fields"] = [f for f in fields if f["code"] != "noi_dung"] + [
        {"code": "hieu_luc_tu", "type": "date", "label": ["Hiệu lực từ", "In force from"]}]
    # The province publishes version 2 in a snapshot; the profile lays it over the shipped version 1.
    files = {"forms/definitions/ND56_M05.json": newer}
    assert install_snapshot(ctx.profile.root, {"serial": 1, "files": {p: content_hash(d) for p, d in files.items()}},
                            files)
    assert case_forms.form_definition("ND56_M05", ctx.profile.root).version == 2
    assert case_forms.form_definition("ND56_M05").version == 1  # the shipped definitions stay as they are
    read = case_forms.get_form_answer(ctx, answer_id)
    assert read["layout"]["version"] == 2 and read["layout"]["answered_version"] == 1
    assert read["layout"]["answers"]["so_quyet_dinh"] == "12/QĐ-UBND"
    assert read["layout"]["answers"]["hieu_luc_tu"] is None
    assert read["layout"]["retired"] == {"noi_dung": "Phê duyệt kế hoạch"}


def test_a_home_visit_counts_as_contact_unless_the_person_was_not_met(ctx) -> None:
    case_id = open_child(ctx)
    case_forms.save_form(ctx, case_id, "HOME_VISIT", {"ngay": "10/11/2026", "gap_doi_tuong": False,
                                                      "ly_do_khong_gap": "Đi vắng"})
    assert cases.get_case(ctx, case_id)["last_contact_on"] == dt.date(2026, 11, 2)
    visit, _ = case_forms.save_form(ctx, case_id, "HOME_VISIT", {"ngay": "12/11/2026", "gap_doi_tuong": True})
    assert cases.get_case(ctx, case_id)["last_contact_on"] == dt.date(2026, 11, 12)
    case_forms.set_form_deleted(ctx, visit, True)
    assert cases.get_case(ctx, case_id)["last_contact_on"] == dt.date(2026, 11, 2)


@pytest.mark.parametrize(("birth", "on", "signers"), [
    (None, dt.date(2026, 11, 1), ("BAN_THAN",)),
    (dt.date(2020, 11, 2), dt.date(2026, 11, 1), ("NGUOI_DAI_DIEN",)),  # 5 years old
    (dt.date(2019, 11, 1), dt.date(2026, 11, 1), ("TRE_EM", "NGUOI_DAI_DIEN")),  # 7 on the day
    (dt.date(2010, 11, 2), dt.date(2026, 11, 1), ("TRE_EM", "NGUOI_DAI_DIEN")),  # 15, the day before 16
    (dt.date(2010, 11, 1), dt.date(2026, 11, 1), ("BAN_THAN",)),
])
def test_who_must_consent_follows_age(birth, on, signers) -> None:
    assert required_signers(birth, on) == signers


def test_a_withdrawn_consent_no_longer_counts_from_the_day_after() -> None:
    given = {"purpose": "CHIA_SE_CHUYEN_TUYEN", "signer_role": "BAN_THAN", "given_on": dt.date(2026, 1, 5),
             "withdrawn_on": dt.date(2026, 3, 1), "deleted": False}
    assert missing_signers("CHIA_SE_CHUYEN_TUYEN", None, [given], dt.date(2026, 2, 28)) == []
    assert missing_signers("CHIA_SE_CHUYEN_TUYEN", None, [given], dt.date(2026, 3, 1)) == ["BAN_THAN"]
    assert missing_signers("CHIA_SE_CHUYEN_TUYEN", None, [given], dt.date(2026, 1, 4)) == ["BAN_THAN"]


def test_the_consent_register_of_a_child_of_ten(ctx) -> None:
    case_id = open_child(ctx)  # born 1/2/2016: 10 years old in November 2026
    state = consent.consent_state(ctx, case_id, dt.date(2026, 11, 20))
    assert state["legal_basis"] == "NHIEM_VU_LUAT_DINH" and state["missing"] == {}
    assert state["signers"] == ["TRE_EM", "NGUOI_DAI_DIEN"]
    consent.set_legal_basis(ctx, case_id, "DONG_Y")
    state = consent.consent_state(ctx, case_id, dt.date(2026, 11, 20))
    assert state["missing"] == {"QUAN_LY_TRUONG_HOP": ["TRE_EM", "NGUOI_DAI_DIEN"]}
    with pytest.raises(ValidationError) as wrong:
        consent.add_consent(ctx, case_id, {"purpose": "QUAN_LY_TRUONG_HOP", "signer_role": "BAN_THAN",
                                           "signer_name": "Nguyễn Văn Bé", "given_on": "05/11/2026"})
    assert wrong.value.problems[0][:2] == ("signer_role", "E_CONSENT_SIGNER")
    assert "10 tuổi" in describe_error(wrong.value)[0]
    consent.add_consent(ctx, case_id, {"purpose": "QUAN_LY_TRUONG_HOP", "signer_role": "TRE_EM",
                                       "signer_name": "Nguyễn Văn Bé", "given_on": "05/11/2026"})
    mother, _ = consent.add_consent(ctx, case_id, {"purpose": "QUAN_LY_TRUONG_HOP", "signer_role": "NGUOI_DAI_DIEN",
                                                   "signer_name": "Lê Thị Mẹ", "given_on": "05/11/2026"})
    assert consent.consent_state(ctx, case_id, dt.date(2026, 11, 20))["missing"] == {}
    # A referral shares the file: that purpose needs its own consent.
    wf.refer_case(ctx, case_id, "Trung tâm CTXH tỉnh", "DA_GUI")
    assert consent.consent_state(ctx, case_id, dt.date(2026, 11, 20))["missing"] == {
        "CHIA_SE_CHUYEN_TUYEN": ["TRE_EM", "NGUOI_DAI_DIEN"]}
    consent.withdraw_consent(ctx, mother, dt.date(2026, 11, 15))
    state = consent.consent_state(ctx, case_id, dt.date(2026, 11, 20))
    assert state["missing"]["QUAN_LY_TRUONG_HOP"] == ["NGUOI_DAI_DIEN"]
    assert len(state["consents"]) == 2  # withdrawn, never erased
    with pytest.raises(CtxhError) as twice:
        consent.withdraw_consent(ctx, mother)
    assert twice.value.code == "E_CONSENT_WITHDRAWN"
    with pytest.raises(ValidationError):
        consent.set_legal_basis(ctx, case_id, "VI_THICH")


def test_a_filled_form_prints_with_its_labels_and_a_place_to_sign(ctx) -> None:
    case_id = open_child(ctx)
    answer_id, _ = case_forms.save_form(ctx, case_id, "ND56_M06", {
        "ket_qua": "Trẻ đã đi học lại\nGia đình ổn định", "tinh_trang_tre": "AN_TOAN", "de_xuat": "KET_THUC",
        "ly_do_ket_thuc": "DAT_MUC_TIEU", "ngay_ra_soat": "20/11/2026"})
    page = case_forms.printable_form(ctx, answer_id)
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in page and "MẪU SỐ 06" in page
    assert "Nguyễn Văn Bé (sinh ngày 01/02/2016)" in page
    assert "Trẻ đã đi học lại<br/>Gia đình ổn định" in page
    assert "An toàn" in page and "20/11/2026" not in page.split("ngày")[0]
    reason = case_forms.codebook(ctx).label("closure_reason", "DAT_MUC_TIEU")
    assert reason in page and "DAT_MUC_TIEU" not in page
    assert page.count("(Ký, ghi rõ họ tên)") == 2 and "ngày 20 tháng 11 năm 2026" in page
    # A field hidden by its condition does not print.
    answer_id, _ = case_forms.save_form(ctx, case_id, "ND56_M06", {
        "ket_qua": "Chưa xong", "tinh_trang_tre": "CON_NGUY_CO", "de_xuat": "KE_HOACH_MOI",
        "ngay_ra_soat": "21/11/2026"})
    assert "Lý do kết thúc" not in case_forms.printable_form(ctx, answer_id)
    english = case_forms.printable_form(ctx, answer_id, "en")
    assert "(Signature and full name)" in english and "Make a new plan" in english


def test_a_new_form_starts_with_what_the_app_knows_and_prints_the_letterhead_of_its_unit(ctx, tmp_path) -> None:
    import datetime as dt
    import re

    from desktop.core.services import cases, registers
    from desktop.core.services import workflow as wf

    case_id, _ = cases.open_case(ctx, {"full_name": "Lò Thị Mai", "birth_date": "05/03/1950", "gender": "NU",
                                       "address": "Tổ 5, Ba Đình", "guardian_name": "Lò Văn Sơn",
                                       "target_groups": ["TCXH_05C"]}, {"opened_on": "02/11/2026"})
    registers.add_referral(ctx, {"case_id": case_id, "facility_name": "Trung tâm CTXH tỉnh",
                                 "referred_on": dt.date(2026, 11, 3)})
    wf.advance(ctx, case_id, dt.datetime(2026, 11, 3, 9, 0))
    wf.request_approval(ctx, case_id, dt.datetime(2026, 11, 4, 9, 0))
    wf.decide(ctx, case_id, "APPROVED", dt.datetime(2026, 11, 5, 9, 0), decision_no="12/QĐ-UBND",
              approver_name="Nguyễn Văn Chủ")
    today = dt.date(2026, 11, 20)
    first = case_forms.form_prefill(ctx, case_id, "TT02_M01", today)
    assert first == {"ho_ten": "Lò Thị Mai", "ngay_sinh": "1950-03-05", "gioi_tinh": "NU", "noi_o": "Tổ 5, Ba Đình",
                     "nhom_doi_tuong": ["TCXH_05C"], "co_nguoi_giam_ho": True, "nguoi_giam_ho": "Lò Văn Sơn"}
    approval = case_forms.form_prefill(ctx, case_id, "ND56_M05", today)  # the plan's approval
    assert (approval["so_quyet_dinh"], approval["nguoi_ky"]) == ("12/QĐ-UBND", "Nguyễn Văn Chủ")
    # What the prefill gives, saved as is, is a valid form; printed, it says labels, never codes.
    answer_id, _ = case_forms.save_form(ctx, case_id, "TT02_M01", first)
    page = case_forms.printable_form(ctx, answer_id)
    assert re.findall(r"\b[A-Z]+_[A-Z0-9_]+\b", re.sub(r"<[^>]+>", " ", page).replace("TT02_M01", "")) == []
    assert "Người từ 80 tuổi" in page or case_forms.codebook(ctx).label("target_group", "TCXH_05C") in page
    # The letterhead of a phường (ND 30/2020): the body over the unit, and the motto; dated at its place.
    assert "ỦY BAN NHÂN DÂN<br/><b>PHƯỜNG BA ĐÌNH</b>" in page and "UBND XÃ" not in page.upper()
    approved_id, _ = case_forms.save_form(ctx, case_id, "ND56_M05", {**approval, "noi_dung": "Kế hoạch trợ giúp"})
    approved = case_forms.printable_form(ctx, approved_id)
    assert "CHỦ TỊCH ỦY BAN NHÂN DÂN PHƯỜNG" in approved and "12/QĐ-UBND" in approved
    assert ">Ba Đình, ngày" in page.replace("<i>", ">")


def test_unit_kinds_and_the_wording_of_a_commune_said_of_a_ward() -> None:
    from forms.printing import for_unit, split_unit

    assert split_unit("Phường Ba Đình") == ("Phường", "Ba Đình")
    assert split_unit("Đặc khu Phú Quốc") == ("Đặc khu", "Phú Quốc")
    assert split_unit("Xã Xuân Lộc") == ("Xã", "Xuân Lộc")
    assert for_unit("Chủ tịch UBND xã phê duyệt", "Phường") == "Chủ tịch UBND phường phê duyệt"
    assert for_unit("Chủ tịch UBND xã phê duyệt", "Xã") == "Chủ tịch UBND xã phê duyệt"
    assert for_unit("Cán bộ xã hội", "Phường") == "Cán bộ xã hội"  # "xã hội" is a word of its own
