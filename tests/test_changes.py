"""Every service write produces exactly the expected change entries; a rolled-back write produces none."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from desktop.core.domain.case_rules import device_tag
from desktop.core.errors import ValidationError
from desktop.core.hlc import Version
from desktop.core.models import ChangeEntry, Device, Worker
from desktop.core.services import cases, roster, training
from desktop.core.services.changes import Writing
from tests.conftest import reopen

WORKER = {"full_name": "Nguyễn Thị Hồng Đào", "category": "CTV_CTXH", "national_id": "001190012345",
          "phone": "0912 345 678", "birth_date": "05/03/1990"}


def entries(ctx, after: int = 0) -> list[dict]:
    with ctx.db.reader() as session:
        rows = session.scalars(select(ChangeEntry).where(ChangeEntry.seq > after).order_by(ChangeEntry.seq))
        return [{"seq": r.seq, "entity": r.entity, "record_id": r.record_id, "partition": r.partition,
                 "author": r.author, **json.loads(r.payload)} for r in rows]


def last_seq(ctx) -> int:
    found = entries(ctx)
    return found[-1]["seq"] if found else 0


def test_create_writes_one_entry_with_every_synced_field(ctx) -> None:
    worker_id, changed = roster.create_worker(ctx, WORKER)
    [entry] = entries(ctx)
    assert entry["entity"] == "worker" and entry["record_id"] == worker_id
    assert entry["partition"] == "01:00004"
    assert set(entry["fields"]) == set(Worker.__synced_fields__) | {"deleted"}
    assert entry["fields"]["full_name"] == "Nguyễn Thị Hồng Đào"
    assert entry["fields"]["phone"] == "0912345678"
    assert entry["fields"]["birth_date"] == "1990-03-05"
    assert entry["fields"]["deleted"] is False
    assert "base" not in entry
    assert changed.ids == {"worker": [worker_id]}
    with ctx.db.reader() as session:
        row = session.get(Worker, worker_id)
        assert json.loads(row.field_versions) == {"*": entry["version"]}
        assert Version.parse(entry["version"]).device == ctx.device_id


def test_edit_writes_only_changed_fields_with_their_base(ctx) -> None:
    worker_id, _ = roster.create_worker(ctx, WORKER)
    [created] = entries(ctx)
    roster.update_worker(ctx, worker_id, {"phone": "0987654321", "full_name": "Nguyễn Thị Hồng Đào",
                                          "position": "Cộng tác viên"})
    [edit] = entries(ctx, created["seq"])
    assert edit["fields"] == {"phone": "0987654321", "position": "Cộng tác viên"}
    assert edit["base"] == {"phone": created["version"], "position": created["version"]}
    assert edit["version"] > created["version"]
    roster.update_worker(ctx, worker_id, {"phone": "0987654321"})  # nothing changes
    assert entries(ctx, edit["seq"]) == []
    with ctx.db.reader() as session:
        versions = json.loads(session.get(Worker, worker_id).field_versions)
    # Each edited field also remembers the version it replaced ("^field"), which tells the merge that an
    # edit arriving later is the parent of this value, not a rival.
    assert versions == {"*": created["version"], "phone": edit["version"], "position": edit["version"],
                        "^phone": created["version"], "^position": created["version"]}


def test_delete_and_restore_are_versioned_tombstones(ctx) -> None:
    worker_id, _ = roster.create_worker(ctx, WORKER)
    start = last_seq(ctx)
    roster.delete_worker(ctx, worker_id)
    roster.restore_worker(ctx, worker_id)
    deleted, restored = entries(ctx, start)
    assert deleted["fields"] == {"deleted": True} and restored["fields"] == {"deleted": False}
    assert restored["base"] == {"deleted": deleted["version"]}
    assert roster.get_worker(ctx, worker_id)["full_name"] == "Nguyễn Thị Hồng Đào"


def test_intake_writes_beneficiary_and_case_entries(ctx) -> None:
    case_id, _ = cases.open_case(ctx, {"full_name": "Đặng Văn Ánh", "birth_date": "01/02/2015",
                                       "target_groups": ["HCDB_A", "TCXH_01"]},
                                 {"process_type": "ND56_2017", "opened_on": "10/11/2026"})
    beneficiary, case, step = entries(ctx)
    assert (beneficiary["entity"], case["entity"], step["entity"]) == ("beneficiary", "case", "case_step")
    assert step["fields"]["case_id"] == case_id and step["fields"]["step_code"] == "TIEP_NHAN"
    assert step["fields"]["started_at"].startswith("2026-11-10")
    assert beneficiary["fields"]["target_groups"] == "HCDB_A TCXH_01"
    assert case["record_id"] == case_id and case["fields"]["beneficiary_id"] == beneficiary["record_id"]
    assert case["fields"]["case_no"] == f"2026-{device_tag(ctx.device_id)}-00001"


def test_rolled_back_write_leaves_no_record_and_no_entry(ctx) -> None:
    with pytest.raises(RuntimeError), Writing(ctx) as writer:
        writer.create(Worker, {"full_name": "Lê Văn Tạm", "category": "TNV", "status": "DANG_LAM",
                               "sort_key": "x", "search_text": "x"})
        raise RuntimeError("power cut before commit")
    assert entries(ctx) == []
    assert roster.count_workers(ctx) == 0


def test_invalid_input_writes_nothing_and_says_where(ctx) -> None:
    with pytest.raises(ValidationError) as info:
        roster.create_worker(ctx, {**WORKER, "national_id": "12345", "phone": "12", "birth_date": "31/02/1990",
                                   "category": "KHONG_CO"})
    fields = {(field, code) for field, code, _ in info.value.problems}
    assert fields == {("national_id", "E_CCCD"), ("phone", "E_PHONE"), ("birth_date", "E_DATE"),
                      ("category", "E_CODE")}
    assert entries(ctx) == []


def test_device_clock_is_saved_with_every_write(ctx) -> None:
    training.create_course(ctx, {"title": "Tập huấn quản lý trường hợp", "kind": "TAP_HUAN",
                                 "start_date": "01/10/2026"})
    [entry] = entries(ctx)
    with ctx.db.reader() as session:
        device = session.scalars(select(Device).where(Device.is_local.is_(True))).one()
    assert device.last_version == entry["version"]


def test_versions_keep_growing_after_restart_with_a_clock_set_back(ctx, monkeypatch) -> None:

    roster.create_worker(ctx, WORKER)
    first = entries(ctx)[-1]["version"]
    ctx.db.dispose()
    monkeypatch.setattr("time.time_ns", lambda: 1_420_070_400_000_000_000)  # 2015-01-01
    reopened = reopen(ctx.profile.root)
    roster.create_worker(reopened, {**WORKER, "national_id": "001190099999"})
    assert entries(reopened)[-1]["version"] > first
