"""T32–T34 at the hub, on SQLite and PostgreSQL: a holder of a laptop's key writes validly signed bundles that
try to change another commune's records, carry malformed values, break their device's chain, or trip a defect
of ours. Each is refused with its own code, the hub's tables, digests and the other laptops' streams stay as
they were, and the rest of the folder is imported."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest

from desktop.core.services import cases
from sync.hub import inbox, outbox
from sync.hub.profile import card
from sync.hub.status import hub_status
from sync.importing import import_file
from sync.status import sync_warnings
from tests.sync_helpers import export, forged, import_, outbox_lines


def _held(hub) -> dict[str, Any]:
    """What a refusal must leave as it was: every commune's digest and waiting count."""
    return {p: (c["digest"], c["waiting"], c["gaps"]) for p, c in hub_status(hub)["communes"].items()}


def _with_a_case_at_the_hub(hub, a1, tmp_path: Path) -> str:
    case_id = cases.open_case(a1, {"full_name": "Trần Thị Bé", "national_id": "001204012345"},
                              {"opened_on": "01/11/2026"})[0]
    for path in export(a1, tmp_path / "a1"):
        assert import_file(hub, path, inbox._opener).ok
    return case_id


def test_a_record_of_another_commune_is_never_written(province, tmp_path: Path) -> None:
    """T32: Ngọc Hà's laptop sends, under its own commune's label, an edit of a Ba Đình case (by its id) and a
    service record pointing to it. Refused E_SCOPE whole, quarantined, Ba Đình's digest unchanged, and the
    Communes page shows the alert against Ngọc Hà; Ngọc Hà's real bundle then goes in."""
    hub, a1, _a2, b1 = province
    target = _with_a_case_at_the_hub(hub, a1, tmp_path)
    own = cases.open_case(b1, {"full_name": "Người Ngọc Hà"}, {"opened_on": "02/11/2026"})[0]
    cases.update_case(b1, own, {"summary": "ghi chép thật"})
    real = outbox_lines(b1)
    edit = next(line for line in real if line["id"] == own and "base" in line)
    recipient = card(hub)["age_recipient"]
    before = _held(hub)
    hostile_edit = [*real[:-1], {**copy.deepcopy(edit), "id": target, "fields": {"summary": "bị sửa trái phép"}}]
    service = next(line for line in real if line["entity"] == "case" and "base" not in line)
    pointing = [*real, {**copy.deepcopy(service), "seq": real[-1]["seq"] + 1, "entity": "service_record",
                        "id": "0194aaaa-0000-7000-8000-000000000001",
                        "fields": {"case_id": target, "service_type": "TU_VAN", "delivered_on": "2026-11-03"}}]
    for name, lines in (("edit", hostile_edit), ("pointing", pointing)):
        outcome = import_file(hub, forged(b1, recipient, tmp_path / f"{name}.ctxh.age", lines), inbox._opener)
        assert (outcome.ok, outcome.error, outcome.state) == (False, "E_SCOPE", "quarantined"), name
    assert _held(hub) == before
    alerts = hub_status(hub)["communes"][b1.partition]["alerts"]
    assert [a["error"] for a in alerts] == ["E_SCOPE", "E_SCOPE"] and alerts[0]["device"] == b1.device_id
    assert not hub_status(hub)["communes"][a1.partition]["alerts"]
    assert len(list((hub.profile.root / "quarantine").iterdir())) == 2  # kept for the person who reviews them
    for path in export(b1, tmp_path / "b1"):
        good = import_file(hub, path, inbox._opener)
        assert good.ok and good.applied == good.changes


def _malformed(lines: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    """One bad value of each kind in a laptop's real lines: its create of a case and of a person."""
    def changed(entity: str, **fields: Any) -> list[dict[str, Any]]:
        out = copy.deepcopy(lines)
        line = next(x for x in out if x["entity"] == entity and "base" not in x)
        line["fields"].update(fields)
        return out

    no_number = copy.deepcopy(lines)
    create = next(x for x in no_number if x["entity"] == "case" and "base" not in x)
    del create["fields"]["case_no"]
    return {
        "date not ISO": changed("case", opened_on="31/12/2026"),
        "impossible date": changed("case", opened_on="2026-02-30"),
        "number as text": changed("case", serious_danger="có"),
        "too long": changed("beneficiary", full_name="Ng" * 100),
        "code with spaces": changed("case", status="đang xử lý; DROP"),
        "unknown code": changed("case", process_type="TT99_2030"),
        "unknown target group": changed("beneficiary", target_groups="TRE_MO_COI KHONG_CO_MA"),
        "1 MB of text": changed("case", summary="chữ " * 250_000),
        "CCCD of 9 digits": changed("beneficiary", national_id="123456789"),
        "missing case number": no_number,
        "list as a name": changed("beneficiary", full_name=["Lê", "Văn"]),
        "deleted as text": changed("case", deleted="không"),
    }


def test_each_malformed_value_is_refused_and_changes_nothing(province, tmp_path: Path) -> None:
    """T34: each value that is not what its column holds refuses the bundle E_FORMAT before the database sees
    it — no IntegrityError, no traceback — and the laptop's real bundle goes in afterwards."""
    hub, a1, _a2, b1 = province
    _with_a_case_at_the_hub(hub, a1, tmp_path)
    cases.open_case(b1, {"full_name": "Phạm Văn Đúng"}, {"opened_on": "02/11/2026"})
    real = outbox_lines(b1)
    recipient = card(hub)["age_recipient"]
    before = _held(hub)
    for n, (name, lines) in enumerate(_malformed(real).items()):
        outcome = import_file(hub, forged(b1, recipient, tmp_path / f"bad{n}.ctxh.age", lines), inbox._opener)
        assert (outcome.ok, outcome.error) == (False, "E_FORMAT"), (name, outcome)
        assert _held(hub) == before, name
    [good] = [import_file(hub, path, inbox._opener) for path in export(b1, tmp_path / "b1")]
    assert good.ok and good.applied == good.changes


def test_a_malformed_bundle_after_a_gap_never_blocks_the_stream_or_the_folder(province, tmp_path: Path) -> None:
    """T34: a malformed bundle that arrives before the one it follows is refused at once (not kept waiting, to
    fail when the gap fills); in the same folder another commune's bundle is imported; then the laptop's real
    bundles, in any order, go in whole."""
    hub, a1, _a2, b1 = province
    cases.open_case(b1, {"full_name": "Người thứ nhất"}, {"opened_on": "01/11/2026"})
    [first] = export(b1, tmp_path / "1")
    seq_first = outbox_lines(b1)[-1]["seq"]
    cases.open_case(b1, {"full_name": "Người thứ hai"}, {"opened_on": "02/11/2026"})
    [second] = export(b1, tmp_path / "2")
    later = outbox_lines(b1, after=seq_first)
    bad = copy.deepcopy(later)
    next(x for x in bad if x["entity"] == "case")["fields"]["opened_on"] = "hôm qua"
    folder = tmp_path / "inbox"
    forged(b1, card(hub)["age_recipient"], folder / "ctxh_b1_bad.ctxh.age", bad, seq_after=seq_first)
    cases.open_case(a1, {"full_name": "Người Ba Đình"}, {"opened_on": "03/11/2026"})
    assert export(a1, folder)
    result = inbox.import_folder(hub, folder)
    by_error = {Path(f.file).name: (f.ok, f.error) for f in result.files}
    assert by_error.pop("ctxh_b1_bad.ctxh.age") == (False, "E_FORMAT")
    assert all(ok for ok, _error in by_error.values()) and by_error
    assert hub_status(hub)["communes"][b1.partition]["waiting"] == 0  # nothing of it kept to fail later
    for path in (second, first):
        assert import_file(hub, path, inbox._opener).ok
    commune = hub_status(hub)["communes"][b1.partition]
    assert commune["waiting"] == 0 and commune["gaps"] == 0


def test_a_defect_is_reported_as_internal_without_personal_data(province, tmp_path: Path, monkeypatch,
                                                                 capsys) -> None:
    """An unexpected error while merging (here a database error whose message holds a name and a CCCD, as
    SQLAlchemy's do) rolls the file back, is logged without values and printed as one E_INTERNAL line naming
    the file; the next file of the folder is imported; exit 1 (some files done)."""
    from sqlalchemy.exc import IntegrityError

    import sync.importing as importing
    from desktop.cli.main import run

    hub, a1, _a2, b1 = province
    folder = tmp_path / "inbox"
    cases.open_case(b1, {"full_name": "Hoàng Thị Riêng Tư", "national_id": "079304009999"},
                    {"opened_on": "01/11/2026"})
    export(b1, folder)
    cases.open_case(a1, {"full_name": "Người Ba Đình"}, {"opened_on": "03/11/2026"})
    export(a1, folder)
    real_merge, calls = importing.merge_run, []

    def failing_once(session, lines, origin, stats):  # type: ignore[no-untyped-def]
        calls.append(origin)
        if origin == b1.device_id:
            raise IntegrityError("INSERT INTO beneficiaries", {"full_name": "Hoàng Thị Riêng Tư",
                                                               "national_id": "079304009999"}, Exception("NOT NULL"))
        return real_merge(session, lines, origin, stats)

    monkeypatch.setattr(importing, "merge_run", failing_once)
    before = _held(hub)[b1.partition]
    code = run(["hub", "import", str(folder), "--data-dir", str(hub.profile.root), "--lang", "en"])
    out = capsys.readouterr()
    text = out.out + out.err
    assert code == 1, text
    assert "REFUSED [E_INTERNAL]" in text and "ctxh_" in text and "incident" in text
    assert "Traceback" not in text and "Riêng Tư" not in text and "079304009999" not in text
    log = (hub.profile.root / "logs" / "faults.log").read_text(encoding="utf-8")
    assert "IntegrityError" in log and "Riêng Tư" not in log and "079304009999" not in log
    assert _held(hub)[b1.partition] == before
    assert hub_status(hub)["communes"][a1.partition]["waiting"] == 0 and a1.device_id in calls


def test_a_broken_chain_is_a_fork_the_laptop_is_told_and_recovers(province, tmp_path: Path) -> None:
    """A bundle that starts where one received ended but names no previous bundle (its laptop has no record
    of writing it: a backup copied back by hand) is quarantined E_FORK with an alert; the laptop learns it from
    its next hub bundle, starts a new series, says so on every start, and its data goes in again whole."""
    hub, a1, _a2, _b1 = province
    cases.open_case(a1, {"full_name": "Người thứ nhất"}, {"opened_on": "01/11/2026"})
    for path in export(a1, tmp_path / "1"):
        assert import_file(hub, path, inbox._opener).ok
    received = outbox_lines(a1)[-1]["seq"]
    cases.open_case(a1, {"full_name": "Người sau khi chép lại"}, {"opened_on": "02/11/2026"})
    lines = outbox_lines(a1, after=received)
    before = _held(hub)
    fork = import_file(hub, forged(a1, card(hub)["age_recipient"], tmp_path / "fork.ctxh.age", lines,
                                   seq_after=received, prev_hash=""), inbox._opener)
    assert (fork.ok, fork.error, fork.state) == (False, "E_FORK", "quarantined")
    assert _held(hub) == before
    assert [a["error"] for a in hub_status(hub)["communes"][a1.partition]["alerts"]] == ["E_FORK"]
    # The laptop is told, starts series 2, and warns until the province confirms the new series.
    back = outbox.export_all(hub, tmp_path / "back", with_reference=False)
    [mine] = [p for p in back if a1.device_id[-12:] in p.name]
    assert import_(a1, mine)[0].ok
    assert sync_warnings(a1)["fork_notice"]["new_epoch"] == 2
    again = export(a1, tmp_path / "again")
    assert again and all("_2_" in p.name for p in again)
    for path in again:
        assert import_file(hub, path, inbox._opener).ok
    receipt = [p for p in outbox.export_all(hub, tmp_path / "back2", with_reference=False)
               if a1.device_id[-12:] in p.name]
    assert import_(a1, *receipt)[0].ok
    assert sync_warnings(a1)["fork_notice"] is None
    from tests.sync_helpers import digest

    assert hub_status(hub)["communes"][a1.partition]["digest"] == digest(a1)


def test_a_chain_that_names_a_bundle_ending_elsewhere_is_a_fork(province, tmp_path: Path) -> None:
    hub, a1, _a2, _b1 = province
    cases.open_case(a1, {"full_name": "Người thứ nhất"}, {"opened_on": "01/11/2026"})
    [first] = export(a1, tmp_path / "1")
    assert import_file(hub, first, inbox._opener).ok
    import hashlib

    named = hashlib.sha256(first.read_bytes()).hexdigest()
    ended = outbox_lines(a1)[-1]["seq"]
    cases.open_case(a1, {"full_name": "Người thứ hai"}, {"opened_on": "02/11/2026"})
    cases.open_case(a1, {"full_name": "Người thứ ba"}, {"opened_on": "02/11/2026"})
    lines = outbox_lines(a1, after=ended + 1)  # skips one counter but names the bundle that ended before it
    outcome = import_file(hub, forged(a1, card(hub)["age_recipient"], tmp_path / "skip.ctxh.age", lines,
                                      seq_after=ended + 1, prev_hash=named), inbox._opener)
    assert (outcome.ok, outcome.error) == (False, "E_FORK")
    # The laptop's own next bundle (naming the first) goes in.
    for path in export(a1, tmp_path / "2"):
        assert import_file(hub, path, inbox._opener).ok


def test_a_revoked_laptops_bundle_is_quarantined_for_review(province, tmp_path: Path) -> None:
    """T31: after revocation, an authentic bundle of that laptop is held (not applied), listed with its range
    against its commune, and a copy kept for review; what it sent before stays."""
    from sync.hub import devices

    hub, a1, _a2, _b1 = province
    _with_a_case_at_the_hub(hub, a1, tmp_path)
    before = _held(hub)
    cases.open_case(a1, {"full_name": "Sau khi mất máy"}, {"opened_on": "05/11/2026"})
    devices.revoke(hub, a1.device_id)
    [late] = export(a1, tmp_path / "late")
    outcome = import_file(hub, late, inbox._opener)
    assert (outcome.ok, outcome.error, outcome.state) == (False, "E_REVOKED", "quarantined")
    assert _held(hub) == before
    assert [a["error"] for a in hub_status(hub)["communes"][a1.partition]["alerts"]] == ["E_REVOKED"]
    assert any(p.name.endswith(late.name) for p in (hub.profile.root / "quarantine").iterdir())


@pytest.mark.parametrize("days", [None, 10])
def test_a_laptop_warns_when_the_province_goes_silent(province, tmp_path: Path, days: int | None) -> None:
    """T18: the age of the newest hub bundle (by the time the hub signed, not its arrival), past the hub's
    threshold (60 days unless its snapshot says otherwise) a warning."""
    import datetime as dt

    from desktop.core.repositories import sync_store as store

    hub, a1, _a2, _b1 = province
    if days is not None:
        with hub.db.session() as session:
            store.set_state(session, "freeze_days", days)
    [mine] = [p for p in outbox.export_all(hub, tmp_path / "back") if a1.device_id[-12:] in p.name]
    assert import_(a1, mine)[0].ok
    limit = days or 60
    now = dt.datetime.now(dt.UTC)
    fresh = sync_warnings(a1, now + dt.timedelta(days=limit))["freshness"]
    assert (fresh["freeze_days"], fresh["frozen"]) == (limit, False)
    stale = sync_warnings(a1, now + dt.timedelta(days=limit + 1))["freshness"]
    assert stale["frozen"] and stale["age_days"] == limit + 1


def test_a_hub_bundle_may_use_the_codes_it_brings() -> None:
    """Relayed changes are checked against the receiver's lists and those the same hub bundle brings: a code
    the province just added is not refused on the laptop that receives the list and its use together."""
    from sync.importing import with_bundle_codes

    def known(list_name: str, code: str) -> bool:
        return (list_name, code) == ("service_type", "TU_VAN")

    lines = [{"type": "reference", "kind": "code_lists",
              "data": {"lists": {"service_type": [["HO_TRO_MOI", "Hỗ trợ mới", "New support"]]}}}]
    check = with_bundle_codes(known, lines)
    assert check("service_type", "HO_TRO_MOI") and check("service_type", "TU_VAN")
    assert not check("service_type", "KHONG_CO") and with_bundle_codes(known, []) is known
