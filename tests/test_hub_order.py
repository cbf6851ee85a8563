"""T15 and T16 at the hub: the order in which bundles arrive does not change what the province holds, an old
bundle again changes nothing, and the same counters with other content are quarantined and shown."""

from __future__ import annotations

import datetime as dt
import random
import uuid
from pathlib import Path

from desktop.core.repositories.sync_store import outbox_after
from desktop.core.services import cases
from desktop.core.services.maintenance import backup
from sync.bundle import build, payload_bytes
from sync.exporting import outbox_line
from sync.hub import devices, inbox
from sync.hub.profile import card, init_hub
from sync.hub.status import hub_status, received_bundles
from sync.importing import import_file
from sync.keys import load_device_keys, read_sealed, write_sealed
from sync.trust import now_iso
from tests.conftest import PASSPHRASE
from tests.sync_helpers import card_of, copied_back, export, import_


def _bundles(a1, a2, b1, tmp_path: Path) -> list[Path]:
    """Seven bundles of three laptops of two communes, edits crossing on a shared case."""
    shared = cases.open_case(a1, {"full_name": "Lê Thị Chung"}, {"opened_on": "01/11/2026"})[0]
    made = export(a1, tmp_path / "x" / "a1-0")
    import_(a2, *made)
    for step in range(2):
        for n, ctx in enumerate((a1, a2, b1)):
            if ctx is not b1:
                cases.update_case(ctx, shared, {"summary": f"máy {n} lần {step}"})
            cases.open_case(ctx, {"full_name": f"Người {n}-{step}"}, {"opened_on": "03/11/2026"})
            made += export(ctx, tmp_path / "x" / f"{n}-{step}")
    assert len(made) == 7
    return made


def test_any_order_of_arrival_gives_the_hub_one_digest_per_commune(province, hub_db, request,
                                                                   tmp_path: Path) -> None:
    hub, a1, a2, b1 = province
    made = _bundles(a1, a2, b1, tmp_path)
    rng = random.Random(15)
    orders = [made, made[::-1]] + [rng.sample(made, len(made)) for _ in range(4)]
    seen = set()
    for n, order in enumerate(orders):
        url = None
        if hub_db is not None:
            from tests.postgres import new_database

            url = new_database(request.getfixturevalue("postgres_url"), f"order_{uuid.uuid4().hex[:10]}")
        fresh = init_hub(tmp_path / f"hub{n}", "01", "Sở Y tế Hà Nội", url, user=("quantri", PASSPHRASE))
        # The same hub (its keys, sealed anew under this profile's data key) over a fresh database.
        write_sealed(fresh.profile.root, "hub.json", read_sealed(hub.profile.root, "hub.json"))
        for ctx in (a1, a2, b1):
            devices.enroll(fresh, card_of(ctx))
        for path in order:
            outcome = import_file(fresh, path, inbox._opener)
            assert outcome.ok, outcome
        communes = hub_status(fresh)["communes"]
        assert all(c["waiting"] == 0 and c["gaps"] == 0 for c in communes.values())
        seen.add(tuple(sorted((p, c["digest"]) for p, c in communes.items())))
        fresh.db.dispose()
    assert len(seen) == 1


def test_an_old_bundle_again_is_a_no_op_and_a_fork_is_quarantined_at_the_hub(province, tmp_path: Path) -> None:
    hub, a1, _a2, _b1 = province
    case_id = cases.open_case(a1, {"full_name": "Đỗ Minh Châu"}, {"opened_on": "01/11/2026"})[0]
    first = export(a1, tmp_path / "1")
    saved = backup(a1, tmp_path / "a1-backup.sqlite3")
    cases.update_case(a1, case_id, {"summary": "bản thật"})
    real = export(a1, tmp_path / "2")
    for path in first + real:
        assert import_file(hub, path, inbox._opener).ok
    before = hub_status(hub)["communes"][a1.partition]["digest"]
    again = import_file(hub, first[0], inbox._opener)
    assert (again.ok, again.state, again.applied) == (True, "duplicate", 0)

    # The backup put back over the laptop without `ctxh restore` (same device, same counters), then edited.
    restored = copied_back(a1, saved)
    cases.update_case(restored, case_id, {"summary": "bản giả"})
    [forked] = export(restored, tmp_path / "3", after=1)
    outcome = import_file(hub, forked, inbox._opener)
    assert (outcome.ok, outcome.error, outcome.state) == (False, "E_REPLAY", "quarantined")
    status = hub_status(hub)["communes"][a1.partition]
    assert status["digest"] == before and status["quarantined"] == 1
    assert [r["error"] for r in received_bundles(hub) if r["state"] == "quarantined"] == ["E_REPLAY"]
    restored.db.dispose()


def test_a_gap_is_shown_until_the_missing_bundle_comes(province, tmp_path: Path) -> None:
    hub, a1, _a2, _b1 = province
    cases.open_case(a1, {"full_name": "Người thứ nhất"}, {"opened_on": "01/11/2026"})
    [first] = export(a1, tmp_path / "1")
    cases.open_case(a1, {"full_name": "Người thứ hai"}, {"opened_on": "02/11/2026"})
    [second] = export(a1, tmp_path / "2")
    early = import_file(hub, second, inbox._opener)
    assert (early.ok, early.state) == (True, "waiting")
    [device] = [d for d in hub_status(hub)["communes"][a1.partition]["devices"] if d["id"] == a1.device_id]
    assert device["gaps"] == [{"epoch": 1, "from": 1, "to": early.gap[1]}] and early.gap[0] == 1
    assert hub_status(hub)["communes"][a1.partition]["gaps"] == 1
    assert import_file(hub, first, inbox._opener).state == "applied"
    commune = hub_status(hub)["communes"][a1.partition]
    assert commune["gaps"] == 0 and commune["waiting"] == 0


def test_an_oversized_file_is_refused_at_the_hub_before_it_is_read(province, tmp_path: Path) -> None:
    """T25 at the hub: a 2 GB "bundle" (sparse) is refused by its size, listed, and nothing else changes."""
    hub, _a1, _a2, _b1 = province
    folder = tmp_path / "in"
    folder.mkdir()
    with open(folder / "ctxh_huge.ctxh.age", "wb") as handle:
        handle.truncate(2 * 1024 ** 3)
    before = hub_status(hub)
    result = inbox.import_folder(hub, folder)
    [outcome] = result.files
    assert (outcome.ok, outcome.error) == (False, "E_SIZE")
    after = hub_status(hub)
    assert after["refused_files"] == before["refused_files"] + 1 and after["communes"] == before["communes"]


def _forged(ctx, hub, tmp_path: Path, name: str, partition_of_last: str | None = None,
            sender_partition: str | None = None, created_at: str | None = None, last_seq: int | None = None) -> Path:
    """A bundle validly signed by `ctx`'s key and encrypted to the hub, shaped as the test needs."""
    keys = load_device_keys(ctx.profile.root)
    with ctx.db.reader() as session:
        lines = [outbox_line(e) for e in outbox_after(session, 0)]
    seq_to = lines[-1]["seq"]
    if partition_of_last:
        lines[-1]["partition"] = partition_of_last
    if last_seq is not None:  # the last line carries another counter than its own
        lines[-1]["seq"] = last_seq
    payload, count, raw = payload_bytes(lines)
    manifest = {"bundle_id": str(uuid.uuid4()), "kind": "changes", "created_at": created_at or now_iso(),
                "epoch": 1, "sender": {"device": ctx.device_id, "partition": sender_partition or ctx.partition,
                                       "sign_key": keys.signer.public_text},
                "seq_after": 0, "seq_to": seq_to, "payload": {"lines": count, "uncompressed": raw}}
    path = tmp_path / f"{name}.ctxh.age"
    path.write_bytes(build(manifest, payload, keys.signer, [card(hub)["age_recipient"]]))
    return path


def test_lines_must_match_their_manifest(province, tmp_path: Path) -> None:
    """T33: a validly signed bundle whose line has a counter past the manifest's range, or repeats one, is
    refused whole (E_FORMAT) before anything is stored; the hub's digests and waiting changes are unchanged, and
    the laptop's real bundle goes in afterwards."""
    hub, a1, _a2, _b1 = province
    for n in range(3):
        cases.open_case(a1, {"full_name": f"Người {n}"}, {"opened_on": "01/11/2026"})
    before = hub_status(hub)["communes"]
    with a1.db.reader() as session:
        seq_to = [e["seq"] for e in outbox_after(session, 0)][-1]
    for name, seq in (("beyond", seq_to + 1000), ("twice", seq_to - 1)):
        outcome = import_file(hub, _forged(a1, hub, tmp_path, name, last_seq=seq), inbox._opener)
        assert (outcome.ok, outcome.error) == (False, "E_FORMAT"), (name, outcome)
    after = hub_status(hub)["communes"]
    assert {p: (c["digest"], c["waiting"]) for p, c in after.items()} == {
        p: (c["digest"], c["waiting"]) for p, c in before.items()}
    [good] = [import_file(hub, path, inbox._opener) for path in export(a1, tmp_path / "real")]
    assert good.ok and good.applied == good.changes


def test_a_backdated_bundle_after_revocation_is_refused(province, tmp_path: Path) -> None:
    """T31: a stolen key writes a created_at before its revocation; the hub judges by what it knew when the
    file arrived, so the bundle is refused E_REVOKED and nothing of it is applied."""
    hub, a1, _a2, _b1 = province
    cases.open_case(a1, {"full_name": "Người của máy bị mất"}, {"opened_on": "01/11/2026"})
    before = hub_status(hub)["communes"]
    devices.revoke(hub, a1.device_id)
    backdated = _forged(a1, hub, tmp_path, "backdated", created_at="2026-01-01T00:00:00+00:00")
    outcome = import_file(hub, backdated, inbox._opener)
    assert (outcome.ok, outcome.error) == (False, "E_REVOKED")
    after = hub_status(hub)["communes"]
    assert {p: (c["digest"], c["waiting"]) for p, c in after.items()} == {
        p: (c["digest"], c["waiting"]) for p, c in before.items()}


def test_scope_expiry_and_recipient_refusals_at_the_hub(province, tmp_path: Path) -> None:
    """T10/T11 at the hub, each with its own code, and nothing applied: one record of another commune in a
    validly signed bundle (E_SCOPE, the whole bundle), a sender claiming a commune wider than its enrolment
    (E_SCOPE), a bundle made after the laptop's certificate ended (E_EXPIRED), one not encrypted to the hub
    (E_RECIPIENT)."""
    hub, a1, a2, b1 = province
    cases.open_case(a1, {"full_name": "Người của Ba Đình"}, {"opened_on": "01/11/2026"})
    before = hub_status(hub)
    outcomes = {
        "scope": import_file(hub, _forged(a1, hub, tmp_path, "scope", partition_of_last=b1.partition),
                             inbox._opener),
        "wider": import_file(hub, _forged(a1, hub, tmp_path, "wider", sender_partition=b1.partition),
                             inbox._opener),
    }
    # An enrolment that has ended (enrolled in 2020 for three years): refused by when the bundle arrives, even
    # though the bundle claims a time inside the certificate's term.
    devices.enroll(hub, card_of(a1), now=dt.datetime(2020, 1, 1, tzinfo=dt.UTC))
    claimed = "2021-06-01T00:00:00+00:00"
    outcomes["expired"] = import_file(hub, _forged(a1, hub, tmp_path, "expired", created_at=claimed), inbox._opener)
    devices.enroll(hub, card_of(a1))  # renewed for what follows
    # The same changes, signed by A1 but encrypted to A2 alone.
    opened = inbox._opener(hub, export(a1, tmp_path / "peer")[0])
    payload, count, raw = payload_bytes(opened.lines)
    manifest = {**opened.manifest, "payload": {"lines": count, "uncompressed": raw}}
    not_for_hub = tmp_path / "not-for-hub.ctxh.age"
    not_for_hub.write_bytes(build(manifest, payload, load_device_keys(a1.profile.root).signer,
                                  [load_device_keys(a2.profile.root).recipient]))
    outcomes["recipient"] = import_file(hub, not_for_hub, inbox._opener)
    assert {name: o.error for name, o in outcomes.items()} == {
        "scope": "E_SCOPE", "wider": "E_SCOPE", "expired": "E_EXPIRED", "recipient": "E_RECIPIENT"}
    assert all(not o.ok for o in outcomes.values())
    after = hub_status(hub)
    assert {p: c["digest"] for p, c in after["communes"].items()} == {
        p: c["digest"] for p, c in before["communes"].items()}


def test_conflicts_are_counted_for_their_commune(province, tmp_path: Path) -> None:
    """Two laptops of Ba Đình edit one field without seeing each other: the hub keeps both, and its status
    shows the conflict against Ba Đình only."""
    hub, a1, a2, b1 = province
    case_id = cases.open_case(a1, {"full_name": "Vũ Thị Hai Máy"}, {"opened_on": "01/11/2026"})[0]
    [first] = export(a1, tmp_path / "0")
    import_(a2, first)
    assert import_file(hub, first, inbox._opener).ok
    cases.open_case(b1, {"full_name": "Người Ngọc Hà"}, {"opened_on": "01/11/2026"})
    cases.update_case(a1, case_id, {"summary": "máy 1 ghi"})
    cases.update_case(a2, case_id, {"summary": "máy 2 ghi"})
    for n, ctx in enumerate((a1, a2, b1)):
        for path in export(ctx, tmp_path / f"o{n}"):
            assert import_file(hub, path, inbox._opener).ok
    status = hub_status(hub)
    assert status["conflicts"] == 1
    assert status["communes"][a1.partition]["conflicts"] == 1 and status["communes"][b1.partition]["conflicts"] == 0
