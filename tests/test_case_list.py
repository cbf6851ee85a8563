"""The case list's filters (status, step, process, group, assignee, overdue) and saved filters."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop.core.errors import CtxhError, ValidationError
from desktop.core.services import cases, roster
from desktop.core.services import workflow as wf
from desktop.core.services.auth import create_user, sign_in
from tests.conftest import PASSPHRASE, reopen


@pytest.fixture
def people(ctx):
    hoa, _ = roster.create_worker(ctx, {"full_name": "Lê Thị Hoa", "category": "CTV_CTXH"})
    week_ago = dt.date.today() - dt.timedelta(days=7)
    made = {"hoa": hoa}
    for key, name, groups, process, worker in [
        ("child", "Nguyễn Văn Bé", ["HCDB_D"], "ND56_2017", hoa),
        ("hiv", "Trần Thị Bé", ["HCDB_DD"], "ND56_2017", None),
        ("elder", "Đỗ Văn Cụ", ["TCXH_05A"], "TT02_2020", hoa),
    ]:
        made[key], _ = cases.open_case(ctx, {"full_name": name, "target_groups": groups},
                                       {"process_type": process, "opened_on": week_ago.strftime("%d/%m/%Y"),
                                        "assigned_worker_id": worker, "serious_danger": True})
    # The child's emergency assessment was due 12 hours after intake, a week ago: overdue.
    wf.advance(ctx, made["child"], dt.datetime.combine(week_ago, dt.time(9, 0)))
    wf.advance(ctx, made["elder"], dt.datetime.combine(week_ago, dt.time(10, 0)))
    return made


def names(ctx, **filters) -> list[str]:
    rows = cases.list_cases(ctx, filters=filters)
    assert cases.count_cases(ctx, filters=filters) == len(rows)
    return [r["full_name"] for r in rows]


def test_each_filter_alone_and_together(ctx, people) -> None:
    assert names(ctx) == ["Trần Thị Bé", "Nguyễn Văn Bé", "Đỗ Văn Cụ"]  # by given name, then middle
    assert names(ctx, group="HCDB_D") == ["Nguyễn Văn Bé"]  # not HCDB_DD
    assert names(ctx, group="HCDB_DD") == ["Trần Thị Bé"]
    assert names(ctx, process_type="TT02_2020") == ["Đỗ Văn Cụ"]
    assert names(ctx, step="TIEP_NHAN") == ["Trần Thị Bé"]
    assert names(ctx, assignee=people["hoa"]) == ["Nguyễn Văn Bé", "Đỗ Văn Cụ"]
    assert names(ctx, assignee="-") == ["Trần Thị Bé"]
    assert names(ctx, overdue=True) == ["Nguyễn Văn Bé"]
    assert names(ctx, overdue=True, group="TCXH_05A") == []
    assert names(ctx, status="MOI") == ["Trần Thị Bé"]  # the others moved on
    assert names(ctx, status="MOI", assignee=people["hoa"]) == []
    assert [r["full_name"] for r in cases.list_cases(ctx, "be", filters={"assignee": "-"})] == ["Trần Thị Bé"]
    wf.close_case(ctx, people["child"], "MAT_LIEN_LAC")
    assert names(ctx, overdue=True) == []  # a closed case is late for nothing
    assert names(ctx, status="DA_DONG") == ["Nguyễn Văn Bé"]
    with pytest.raises(CtxhError):
        cases.list_cases(ctx, filters={"colour": "red"})


def test_a_collaborators_filters_stay_within_their_cases(ctx, people) -> None:
    create_user(ctx, "hoa", "ctv-mat-khau-1", "COLLABORATOR", people["hoa"])
    sign_in(ctx, "hoa", "ctv-mat-khau-1")
    assert names(ctx, assignee="-") == []
    assert names(ctx, process_type="ND56_2017") == ["Nguyễn Văn Bé"]
    sign_in(ctx, "canbo", PASSPHRASE)


def test_saved_filters_are_per_user_and_survive_a_restart(ctx, people, tmp_path) -> None:

    sign_in(ctx, "canbo", PASSPHRASE)
    cases.save_filter(ctx, "  Trẻ em quá hạn ", {"process_type": "ND56_2017", "overdue": True, "group": ""})
    cases.save_filter(ctx, "Người cao tuổi", {"group": "TCXH_05A"})
    assert cases.saved_filters(ctx) == {"Trẻ em quá hạn": {"process_type": "ND56_2017", "overdue": True},
                                        "Người cao tuổi": {"group": "TCXH_05A"}}
    cases.save_filter(ctx, "Người cao tuổi", {})
    create_user(ctx, "canbo2", PASSPHRASE, "OFFICER")
    root = ctx.profile.root
    ctx.db.dispose()
    again = reopen(root, "canbo2")
    assert cases.saved_filters(again) == {}  # another user's filters are not shown
    sign_in(again, "canbo", PASSPHRASE)
    saved = cases.saved_filters(again)
    assert list(saved) == ["Trẻ em quá hạn"]
    assert [r["full_name"] for r in cases.list_cases(again, filters=saved["Trẻ em quá hạn"])] == ["Nguyễn Văn Bé"]
    with pytest.raises(ValidationError):
        cases.save_filter(again, "   ", {"overdue": True})
    with pytest.raises(CtxhError):
        cases.save_filter(again, "Lạ", {"colour": "red"})
    again.db.dispose()
