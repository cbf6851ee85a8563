"""Collaborators see and edit only the cases assigned to them; the roster is kept by officers."""

from __future__ import annotations

import pytest

from desktop.core.errors import CtxhError, NotFoundError
from desktop.core.services import case_forms, cases, consent, roster, search, training
from desktop.core.services.auth import create_user, sign_in
from desktop.core.services.roster_extras import add_allowance
from tests.conftest import PASSPHRASE

COLLAB_PASS = "ctv-mat-khau-1"


@pytest.fixture
def setup(ctx):
    """Two collaborators on the roster, one with an account; cases of each and one unassigned."""
    mine, _ = roster.create_worker(ctx, {"full_name": "Lê Thị Hoa", "category": "CTV_CTXH"})
    other, _ = roster.create_worker(ctx, {"full_name": "Phan Văn Tâm", "category": "CTV_CTXH"})
    create_user(ctx, "hoa", COLLAB_PASS, "COLLABORATOR", mine)
    own, _ = cases.open_case(ctx, {"full_name": "Nguyễn Văn Bé"},
                             {"opened_on": "01/11/2026", "assigned_worker_id": mine})
    theirs, _ = cases.open_case(ctx, {"full_name": "Trần Thị Bé"}, {"opened_on": "01/11/2026",
                                                                    "assigned_worker_id": other})
    nobody, _ = cases.open_case(ctx, {"full_name": "Đỗ Văn Bé"}, {"opened_on": "01/11/2026"})
    sign_in(ctx, "hoa", COLLAB_PASS)
    return {"mine": mine, "other": other, "own": own, "theirs": theirs, "nobody": nobody}


def test_a_collaborator_lists_and_finds_only_their_cases(ctx, setup) -> None:
    assert [c["id"] for c in cases.list_cases(ctx)] == [setup["own"]]
    assert cases.count_cases(ctx) == 1 and cases.count_cases(ctx, "be") == 1
    found = search.search(ctx, "be")
    assert [c["id"] for c in found["cases"]] == [setup["own"]]
    assert [b["full_name"] for b in found["beneficiaries"]] == ["Nguyễn Văn Bé"]


def test_other_cases_do_not_exist_for_a_collaborator(ctx, setup) -> None:
    theirs = setup["theirs"]
    theirs_person = cases.get_case(_officer(ctx), theirs)["beneficiary_id"]
    sign_in(ctx, "hoa", COLLAB_PASS)
    attempts = [
        lambda: cases.get_case(ctx, theirs),
        lambda: cases.update_case(ctx, theirs, {"summary": "Đổi"}),
        lambda: cases.save_case(ctx, theirs, {"full_name": "Đổi Tên"}, {}),
        lambda: cases.delete_case(ctx, theirs),
        lambda: cases.add_service(ctx, {"case_id": theirs, "service_type": "TU_VAN", "delivered_on": "02/11/2026"}),
        lambda: cases.update_beneficiary(ctx, theirs_person, {"phone": "0912345678"}),
        lambda: cases.get_case(ctx, setup["nobody"]),
        lambda: case_forms.case_forms(ctx, theirs),
        lambda: case_forms.save_form(ctx, theirs, "HOME_VISIT", {"ngay": "02/11/2026"}),
        lambda: consent.consent_state(ctx, theirs),
        lambda: consent.add_consent(ctx, theirs, {"purpose": "QUAN_LY_TRUONG_HOP", "signer_role": "BAN_THAN",
                                                  "signer_name": "X", "given_on": "02/11/2026"}),
        lambda: consent.set_legal_basis(ctx, theirs, "DONG_Y"),
    ]
    for attempt in attempts:
        with pytest.raises(NotFoundError):
            attempt()
    officer = _officer(ctx)
    assert cases.get_case(officer, theirs)["step"] == "TIEP_NHAN"
    assert cases.get_case(officer, theirs)["beneficiary"]["full_name"] == "Trần Thị Bé"


def test_a_collaborator_works_on_their_own_cases_and_cannot_hand_them_over(ctx, setup) -> None:
    cases.add_service(ctx, {"case_id": setup["own"], "service_type": "THAM_HO_GIA_DINH", "delivered_on": "02/11/2026"})
    cases.update_case(ctx, setup["own"], {"summary": "Đã thăm nhà", "assigned_worker_id": setup["other"]})
    case = cases.get_case(ctx, setup["own"])
    assert case["summary"] == "Đã thăm nhà" and case["assigned_worker_id"] == setup["mine"]
    assert len(case["services"]) == 1
    new_id, _ = cases.open_case(ctx, {"full_name": "Vũ Thị Mới"}, {"opened_on": "03/11/2026"})
    assert cases.get_case(ctx, new_id)["assigned_worker_id"] == setup["mine"]


def test_a_collaborator_cannot_change_the_roster_or_accounts(ctx, setup) -> None:
    attempts = [
        lambda: roster.create_worker(ctx, {"full_name": "Người Mới", "category": "TNV"}),
        lambda: roster.update_worker(ctx, setup["mine"], {"phone": "0912345678"}),
        lambda: roster.delete_worker(ctx, setup["other"]),
        lambda: training.create_course(ctx, {"title": "Lớp", "kind": "TAP_HUAN", "start_date": "01/11/2026"}),
        lambda: add_allowance(ctx, {"worker_id": setup["mine"], "amount": 9_000_000, "effective_from": "01/11/2026"}),
        lambda: create_user(ctx, "ke_gian", "mat-khau-123", "OFFICER"),
    ]
    for attempt in attempts:
        with pytest.raises(CtxhError) as info:
            attempt()
        assert info.value.code == "E_FORBIDDEN"


def test_accounts_are_checked(ctx) -> None:
    worker, _ = roster.create_worker(ctx, {"full_name": "Lê Thị Hoa", "category": "CTV_CTXH"})
    for args, code in ((("hoa", COLLAB_PASS, "COLLABORATOR"), "E_WORKER_REQUIRED"),
                       (("hoa", COLLAB_PASS, "BOSS"), "E_ROLE"),
                       (("canbo", COLLAB_PASS, "OFFICER"), "E_USERNAME_TAKEN"),
                       (("hoa", "ngan", "COLLABORATOR", worker), "E_PASSPHRASE_SHORT")):
        with pytest.raises(CtxhError) as info:
            create_user(ctx, *args)
        assert info.value.code == code


def _officer(ctx):
    sign_in(ctx, "canbo", PASSPHRASE)
    return ctx


def test_a_collaborator_cannot_read_the_allowance_register(ctx, setup) -> None:
    import datetime as dt

    from desktop.core.services import allowances

    for call in (lambda: allowances.register(ctx, dt.date(2026, 11, 1)),
                 lambda: allowances.payment_list(ctx, dt.date(2026, 11, 1)), lambda: allowances.standard_changes(ctx)):
        with pytest.raises(CtxhError) as error:
            call()
        assert error.value.code == "E_FORBIDDEN"
