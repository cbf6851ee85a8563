"""Case numbers are unique in a commune whatever the number of laptops, and older numbers stay findable."""

from __future__ import annotations

from pathlib import Path

from desktop.core.domain.case_rules import counter_of, device_tag
from desktop.core.models import Case
from desktop.core.repositories import rows
from desktop.core.services import cases, workflow
from tests.conftest import make_profile


def test_two_laptops_of_one_commune_never_hand_out_the_same_number(tmp_path: Path) -> None:
    laptops = [make_profile(tmp_path / name) for name in ("a", "b", "c")]
    numbers = []
    for ctx in laptops:
        for n in range(3):
            case_id, _ = cases.open_case(ctx, {"full_name": f"Người {n}"}, {"opened_on": "02/11/2026"})
            numbers.append(cases.get_case(ctx, case_id)["case_no"])
    assert len(set(numbers)) == len(numbers) == 9
    assert len({device_tag(ctx.device_id) for ctx in laptops}) == 3
    a = laptops[0]
    assert numbers[:3] == [f"2026-{device_tag(a.device_id)}-0000{n}" for n in (1, 2, 3)]
    assert [counter_of(n) for n in numbers[:3]] == [1, 2, 3]
    for ctx in laptops:
        ctx.db.dispose()


def test_a_number_from_before_the_laptop_tag_is_kept_and_found(ctx) -> None:
    case_id, _ = cases.open_case(ctx, {"full_name": "Lê Thị Xưa"}, {"opened_on": "02/11/2026"})
    with ctx.db.session() as session:  # a case numbered by an older version of the app
        rows.update_row(session, Case.__table__, case_id, {"case_no": "2026-00042"})
    assert cases.find_case(ctx, "2026-00042")["id"] == case_id
    assert counter_of("2026-00042") == 42
    newer, _ = cases.open_case(ctx, {"full_name": "Lê Văn Mới"}, {"opened_on": "03/11/2026"})
    assert cases.get_case(ctx, newer)["case_no"] == f"2026-{device_tag(ctx.device_id)}-00001"


def test_every_process_offered_can_be_followed_to_its_end(ctx) -> None:
    """A process type in the code list has a process definition (TT 01/2015 ships; TT 14/2020 is not offered
    until its steps are written), so no case opens that can never move on."""
    from desktop.core.services.records import codebook

    offered = [code for code, _label in codebook(ctx).items("process_type")]
    assert set(offered) <= set(workflow.processes(ctx.profile.root)), offered
    assert "TT01_2015" in offered and "TT14_2020" not in offered
    case_id, _ = cases.open_case(ctx, {"full_name": "Nguyễn Văn Khuyết"}, {"process_type": "TT01_2015",
                                                                           "opened_on": "02/11/2026"})
    workflow.advance(ctx, case_id)
    assert cases.get_case(ctx, case_id)["step"] == "KE_HOACH"
