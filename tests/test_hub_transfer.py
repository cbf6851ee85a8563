"""A case transferred between communes: Ba Đình closes it because the person moved to Ngọc Hà; the hub opens
it there with its history; Ngọc Hà's laptop receives it, works on it, and every replica converges."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from desktop.core.errors import CtxhError
from desktop.core.services import case_forms, cases, workflow
from sync.hub import inbox, outbox
from sync.hub.status import hub_status
from tests.sync_helpers import digest, export, import_


def _deliver(hub, laptops, folder: Path) -> None:
    for path in outbox.export_all(hub, folder):
        for ctx in laptops:
            import_(ctx, path)


def _send(ctx, hub, folder: Path) -> dict:
    folder.mkdir(parents=True)
    for path in export(ctx, folder.parent / f"{folder.name}-out"):
        shutil.copy(path, folder / path.name)
    return inbox.import_folder(hub, folder).as_json()


def test_a_case_moves_to_another_commune_through_the_hub(province, tmp_path: Path) -> None:
    hub, a1, a2, b1 = province
    case_id, _ = cases.open_case(a1, {"full_name": "Lò Thị Mai", "birth_date": "02/03/2015", "gender": "NU"},
                                 {"opened_on": "02/11/2026"})
    cases.add_service(a1, {"case_id": case_id, "service_type": "TU_VAN", "delivered_on": "05/11/2026"})
    case_forms.save_form(a1, case_id, "HOME_VISIT", {"ngay": "06/11/2026", "gap_doi_tuong": True})
    with pytest.raises(CtxhError) as same:
        workflow.transfer_case(a1, case_id, "00004")
    assert same.value.code == "E_TRANSFER_SAME"
    workflow.transfer_case(a1, case_id, "00008", notes="Gia đình chuyển về phường Ngọc Hà")
    moved = cases.get_case(a1, case_id)
    assert (moved["status"], moved["closure_reason"], moved["transfer_to"]) == ("DA_DONG", "CHUYEN_DI", "01:00008")

    result = _send(a1, hub, tmp_path / "in1")
    assert len(result["transferred"]) == 1
    _deliver(hub, [a1, a2, b1], tmp_path / "back1")

    [received] = cases.list_cases(b1)
    copy = cases.get_case(b1, received["id"])
    assert copy["transferred_from"] == "01:00004" and copy["status"] == "DANG_XU_LY"
    assert copy["case_no"].startswith("00004/") and copy["assigned_worker_id"] is None
    assert copy["beneficiary"]["full_name"] == "Lò Thị Mai" and copy["beneficiary"]["commune_code"] == "00008"
    assert [s["service_type"] for s in copy["services"]] == ["TU_VAN"]
    assert [f["filled"] != [] for f in case_forms.case_forms(b1, received["id"]) if f["form"] == "HOME_VISIT"] \
        == [True]
    # Ngọc Hà carries on with the case: its step is open again.
    workflow.advance(b1, received["id"], notes="Đã tiếp nhận tại Ngọc Hà")
    assert cases.get_case(b1, received["id"])["step"] != "TIEP_NHAN"

    result = _send(b1, hub, tmp_path / "in2")
    assert result["transferred"] == [] and result["totals"]["refused"] == 0
    _deliver(hub, [a1, a2, b1], tmp_path / "back2")
    communes = hub_status(hub)["communes"]
    assert digest(b1) == communes[b1.partition]["digest"]
    assert digest(a1) == digest(a2) == communes[a1.partition]["digest"]
    assert all(c["id"] != received["id"] for c in cases.list_cases(a1))

    # Importing the same folders again changes nothing and opens no second copy.
    before = (digest(b1), communes[b1.partition]["digest"])
    again = inbox.import_folder(hub, tmp_path / "in1").as_json()
    assert again["transferred"] == [] and again["totals"]["applied"] == 0
    _deliver(hub, [b1], tmp_path / "back3")
    assert (digest(b1), hub_status(hub)["communes"][b1.partition]["digest"]) == before
    assert len(cases.list_cases(b1)) == 1


def test_a_transfer_joins_the_person_the_receiving_commune_already_holds(province, tmp_path: Path) -> None:
    """Ngọc Hà already has Lò Thị Mai (the same CCCD): her case from Ba Đình joins that record; no second
    person is made, and every replica converges."""
    from desktop.core.services.status import status

    hub, a1, a2, b1 = province
    cccd = "001315012345"
    mine, _ = cases.open_case(b1, {"full_name": "Lò Thị Mai", "birth_date": "02/03/2015", "gender": "NU",
                                   "national_id": cccd}, {"opened_on": "01/10/2026"})
    existing = cases.get_case(b1, mine)["beneficiary_id"]
    _send(b1, hub, tmp_path / "b-in")
    case_id, _ = cases.open_case(a1, {"full_name": "Lò Thị Mai", "birth_date": "02/03/2015", "gender": "NU",
                                      "national_id": cccd}, {"opened_on": "02/11/2026"})
    cases.add_service(a1, {"case_id": case_id, "service_type": "TU_VAN", "delivered_on": "05/11/2026"})
    workflow.transfer_case(a1, case_id, "00008")
    assert len(_send(a1, hub, tmp_path / "a-in")["transferred"]) == 1
    _deliver(hub, [a1, a2, b1], tmp_path / "back")
    received = [c for c in cases.list_cases(b1) if c["id"] != mine]
    assert len(received) == 1
    copy = cases.get_case(b1, received[0]["id"])
    assert copy["beneficiary_id"] == existing and [s["service_type"] for s in copy["services"]] == ["TU_VAN"]
    assert status(b1)["counts"]["beneficiary"] == 1  # linked, not duplicated
    assert digest(b1) == hub_status(hub)["communes"][b1.partition]["digest"]
