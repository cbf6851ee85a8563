"""Signed bundles between laptops: export, verify, import, merge (T4, T5, T8–T11, T14–T17, T21, T22, T24, T26)."""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import random
import shutil
import tarfile
import uuid
from pathlib import Path

import pytest

from desktop.core.repositories import sync_store as store
from desktop.core.services import cases, conflicts
from desktop.core.services.demo import generate
from sync.bundle import MAX_FILE, BundleError, build, open_bytes, payload_bytes
from sync.keys import load_device_keys
from sync.trust import now_iso
from tests.conftest import PASSPHRASE, reopen
from tests.sync_helpers import Hub, copied_back, digest, export, import_, laptops


@pytest.fixture
def pair(tmp_path: Path):
    hub = Hub.make()
    a, b = laptops(tmp_path, ["a", "b"], hub)
    yield a, b, hub
    a.db.dispose()
    b.db.dispose()


def ledger_and_digest(ctx) -> tuple[str, list]:
    with ctx.db.reader() as session:
        rows = [(r["bundle_id"], r["state"]) for r in store.ledger(session)]
    return digest(ctx), rows


def test_a_laptop_exports_and_another_converges_repeat_imports_are_duplicates(pair, tmp_path: Path) -> None:
    a, b, _hub = pair
    generate(a, cases=120, workers=4, seed=5)
    files = export(a, tmp_path / "usb")
    assert len(files) == 1 and files[0].name.endswith(".ctxh.age")
    assert not list((tmp_path / "usb").glob("*.partial"))
    [first] = import_(b, files[0])
    assert (first.ok, first.state, first.applied, first.conflicts) == (True, "applied", first.changes, 0)
    assert digest(b) == digest(a)
    # T14: the same bundle twice more, once renamed: nothing changes, no error.
    renamed = tmp_path / "thu-lai.age"
    shutil.copy(files[0], renamed)
    for again in import_(b, files[0], renamed):
        assert again.ok and again.state == "duplicate"
    assert digest(b) == digest(a)
    # Incremental: only the new change goes, and it lands.
    case = cases.list_cases(a)[0]
    cases.update_case(a, case["id"], {"summary": "Đã thăm nhà ngày 20/11"})
    [second] = export(a, tmp_path / "usb2")
    assert import_(b, second)[0].applied == 1
    assert cases.get_case(b, case["id"])["summary"] == "Đã thăm nhà ngày 20/11"
    assert digest(b) == digest(a)
    assert export(a, tmp_path / "usb3") == []  # nothing new


def test_split_into_parts_that_each_fit_and_each_verify(pair, tmp_path: Path) -> None:
    a, b, _hub = pair
    generate(a, cases=600, workers=4, seed=2)
    files = export(a, tmp_path / "mail", max_bytes=120 * 1024)
    assert len(files) > 1 and all(f.stat().st_size <= 120 * 1024 for f in files)
    for outcome in import_(b, *reversed(files)):  # newest first: the others wait for the gap, then all apply
        assert outcome.ok
    assert digest(b) == digest(a)


def test_a_gap_waits_and_fills_in_any_order(pair, tmp_path: Path) -> None:
    """T17: seq 5 before seq 4 — reported as a gap, and the end state equals in-order delivery."""
    a, b, _hub = pair
    person = cases.open_case(a, {"full_name": "Nguyễn Văn Bé"}, {"opened_on": "02/11/2026"})[0]
    first = export(a, tmp_path / "1")
    cases.update_case(a, person, {"summary": "lần 1"})
    second = export(a, tmp_path / "2")
    cases.update_case(a, person, {"summary": "lần 2"})
    third = export(a, tmp_path / "3")
    [late] = import_(b, *third)
    # Intake wrote counters 1–3 (person, case, first step); the edits are 4 and 5.
    assert late.ok and late.state == "waiting" and late.gap == [1, 4] and late.applied == 0
    import_(b, *first)
    assert cases.get_case(b, person)["summary"] is None  # seq 5 still waits for 4
    import_(b, *second)
    assert cases.get_case(b, person)["summary"] == "lần 2" and digest(b) == digest(a)


def test_permutations_of_bundles_from_three_laptops_give_one_digest(tmp_path: Path) -> None:
    """T15: seven bundles from three laptops, imported in 12 random orders into fresh copies."""
    a, b, c, receiver_base = laptops(tmp_path, ["a", "b", "c", "r"])
    shared = cases.open_case(a, {"full_name": "Lê Thị Chung"}, {"opened_on": "01/11/2026"})[0]
    bundles = export(a, tmp_path / "x" / "a1")
    for ctx in (b, c):
        import_(ctx, *bundles)
    for step in range(2):
        for n, ctx in enumerate((a, b, c)):
            cases.update_case(ctx, shared, {"summary": f"máy {n} lần {step}"})
            cases.open_case(ctx, {"full_name": f"Người {n}-{step}"}, {"opened_on": "03/11/2026"})
            if step == 0:
                bundles += export(ctx, tmp_path / "x" / f"{n}-first")
    later = [f for n, ctx in enumerate((a, b, c)) for f in export(ctx, tmp_path / "x" / f"{n}")]
    assert len(bundles) + len(later) == 7
    receiver_base.db.dispose()
    rng = random.Random(15)
    everything = bundles + later
    digests = set()
    for attempt in range(12):
        copy = tmp_path / f"copy{attempt}"
        shutil.copytree(receiver_base.profile.root, copy)

        ctx = reopen(copy)
        order = everything[:]
        rng.shuffle(order)
        for path in order:
            assert import_(ctx, path)[0].ok
        digests.add(digest(ctx))
        ctx.db.dispose()
    assert len(digests) == 1


def test_two_officers_edit_one_field_offline_and_the_resolution_travels(pair, tmp_path: Path) -> None:
    """T21."""
    a, b, _hub = pair
    case_id = cases.open_case(a, {"full_name": "Phạm Văn Bình"}, {"opened_on": "01/11/2026"})[0]
    import_(b, *export(a, tmp_path / "0"))
    from desktop.core.services.auth import sign_in
    from tests.conftest import PASSPHRASE

    sign_in(a, "canbo_a", PASSPHRASE)
    sign_in(b, "canbo_b", PASSPHRASE)
    cases.update_case(a, case_id, {"summary": "Cần hỗ trợ sinh kế"})
    cases.update_case(b, case_id, {"summary": "Cần chuyển tuyến y tế"})
    from_a, from_b = export(a, tmp_path / "1"), export(b, tmp_path / "2")
    assert import_(b, *from_a)[0].conflicts == 1
    assert import_(a, *from_b)[0].conflicts == 1
    assert digest(a) == digest(b)  # the later edit won on both
    [on_a] = conflicts.list_conflicts(a)
    [on_b] = conflicts.list_conflicts(b)
    assert {on_a["kept_value"], on_a["other_value"]} == {"Cần hỗ trợ sinh kế", "Cần chuyển tuyến y tế"}
    assert (on_a["kept_value"], on_a["other_value"]) == (on_b["kept_value"], on_b["other_value"])
    assert {on_a["kept_author"], on_a["other_author"]} == {"canbo_a", "canbo_b"}
    # The officer on A takes the other value; the choice is a change that settles B's copy too.
    conflicts.resolve_conflict(a, on_a["id"], "other")
    assert conflicts.list_conflicts(a) == []
    import_(b, *export(a, tmp_path / "3"))
    assert conflicts.list_conflicts(b) == []
    assert cases.get_case(b, case_id)["summary"] == on_a["other_value"] and digest(a) == digest(b)


def test_a_conflict_is_resolved_from_the_command_line_in_a_fresh_process(pair, tmp_path: Path) -> None:
    """`ctxh conflicts resolve ID other` in a new process: the code lists are read before the write opens
    (they used to be read inside it: "cannot start a transaction within a transaction")."""
    import subprocess
    import sys

    a, b, _hub = pair
    case_id = cases.open_case(a, {"full_name": "Phạm Văn Bình"}, {"opened_on": "01/11/2026"})[0]
    import_(b, *export(a, tmp_path / "0"))
    cases.update_case(a, case_id, {"summary": "Cần hỗ trợ sinh kế", "process_type": "ND56_2017"})
    cases.update_case(b, case_id, {"summary": "Cần chuyển tuyến y tế", "process_type": "TT01_2015"})
    import_(a, *export(b, tmp_path / "1"))
    found = {c["field"]: c for c in conflicts.list_conflicts(a)}
    assert set(found) == {"summary", "process_type"}
    a.db.dispose()
    # "process_type" is checked against its code list, "summary" is free text
    for field in ("summary", "process_type"):
        done = subprocess.run([sys.executable, "-m", "desktop", "--data-dir", str(a.profile.root), "conflicts",
                               "resolve", str(found[field]["id"]), "other", "--json"], capture_output=True,
                              text=True, env={**os.environ, "CTXH_PASSPHRASE": PASSPHRASE}, timeout=120)
        assert done.returncode == 0, done.stderr
        assert json.loads(done.stdout) == {"resolved": found[field]["id"]}
    assert conflicts.list_conflicts(a) == []
    case = cases.get_case(a, case_id)
    assert (case["summary"], case["process_type"]) == (found["summary"]["other_value"],
                                                       found["process_type"]["other_value"])


def test_an_edit_racing_a_delete_keeps_the_tombstone_and_flags_it(pair, tmp_path: Path) -> None:
    """T22: no silent resurrection, no silent loss — on both laptops."""
    a, b, _hub = pair
    case_id = cases.open_case(a, {"full_name": "Võ Thị Cúc"}, {"opened_on": "01/11/2026"})[0]
    import_(b, *export(a, tmp_path / "0"))
    cases.delete_case(a, case_id)
    cases.update_case(b, case_id, {"summary": "Vừa thăm nhà"})
    from_a, from_b = export(a, tmp_path / "1"), export(b, tmp_path / "2")
    import_(b, *from_a)
    import_(a, *from_b)
    for ctx in (a, b):
        assert all(c["id"] != case_id for c in cases.list_cases(ctx))  # still deleted
        [flag] = conflicts.list_conflicts(ctx)
        assert flag["field"] == "deleted" and flag["kept_value"] is True
    assert digest(a) == digest(b)
    # Restoring (taking the edit) brings the case back everywhere, with the edit.
    conflicts.resolve_conflict(a, conflicts.list_conflicts(a)[0]["id"], "other")
    import_(b, *export(a, tmp_path / "3"))
    assert cases.get_case(b, case_id)["summary"] == "Vừa thăm nhà" and digest(a) == digest(b)


def _tamper_targets(data: bytes, rng: random.Random) -> list[int]:
    header_end = data.index(b"\n---") + 60
    return sorted(set(range(0, header_end, 3)) | {len(data) - i for i in range(1, 40)}
                  | {rng.randrange(len(data)) for _ in range(300)})


def test_flipped_bits_anywhere_are_refused_and_change_nothing(pair, tmp_path: Path) -> None:
    """T8 (a bounded sweep: the age header, the last chunk, 300 random offsets)."""
    a, b, _hub = pair
    generate(a, cases=40, workers=2, seed=8)
    [good] = export(a, tmp_path / "usb")
    data = good.read_bytes()
    before = ledger_and_digest(b)
    keys = load_device_keys(b.profile.root)
    from sync.keys import TrustStore
    from sync.trust import signer_for

    def key_for(manifest):  # type: ignore[no-untyped-def]
        return signer_for(manifest, keys, TrustStore(b.profile.root), b.device_id)

    refused = 0
    header = data.index(b"\n", data.index(b"\n---") + 1) + 1
    sender_keys = load_device_keys(a.profile.root)
    for offset in _tamper_targets(data, random.Random(8)):
        bad = bytearray(data)
        bad[offset] ^= 1 << (offset % 8)
        with pytest.raises(BundleError) as info:
            open_bytes(bytes(bad), [keys.identity], key_for)
        # A flip in the encrypted payload is damage, never "cut short"; one in the header is damage or a header
        # that does not open — and the same answer for every recipient (here the sender's own copy).
        expected = ("E_FORMAT", "E_RECIPIENT", "E_DAMAGED") if offset < header else ("E_DAMAGED",)
        assert info.value.code in expected, (offset, info.value)
        with pytest.raises(BundleError) as other:
            open_bytes(bytes(bad), [sender_keys.identity], key_for)
        assert other.value.code == info.value.code, offset
        refused += 1
    assert refused > 300
    flipped = tmp_path / "flipped.age"
    bad = bytearray(data)
    bad[len(data) // 2] ^= 0x20
    flipped.write_bytes(bytes(bad))
    [outcome] = import_(b, flipped)
    assert not outcome.ok and ledger_and_digest(b) == before


def test_truncated_files_are_refused_as_truncated(pair, tmp_path: Path) -> None:
    """T9 and T5: cut at 0, at every 64 KiB boundary ±1, and one byte short."""
    a, b, _hub = pair
    generate(a, cases=900, workers=4, seed=9)
    [good] = export(a, tmp_path / "usb")
    data = good.read_bytes()
    assert len(data) > 3 * 65536
    cuts = {0, len(data) - 1} | {k * 65536 + d for k in range(1, len(data) // 65536 + 1) for d in (-1, 0, 1)}
    before = ledger_and_digest(b)
    for cut in sorted(c for c in cuts if 0 <= c < len(data)):
        target = tmp_path / f"cut{cut}.age"
        target.write_bytes(data[:cut])
        [outcome] = import_(b, target)
        assert (outcome.ok, outcome.error) == (False, "E_TRUNC"), (cut, outcome.error)
    assert ledger_and_digest(b) == before


def test_wrong_recipient_unknown_signer_and_other_commune(tmp_path: Path) -> None:
    """T10 and T11: each refusal has its own code, and nothing is applied."""
    hub = Hub.make()
    a, b = laptops(tmp_path, ["a", "b"], hub)
    [stranger] = laptops(tmp_path / "s", ["s"], hub)  # same commune, but nobody trusts its card
    [elsewhere] = laptops(tmp_path / "e", ["e"], hub, commune="00008")
    generate(stranger, cases=5, workers=1, seed=1)
    from sync.keys import TrustStore
    from tests.sync_helpers import card_of

    TrustStore(stranger.profile.root).add(card_of(a), stranger.partition, stranger.device_id)
    [unknown] = export(stranger, tmp_path / "u")
    [outcome] = import_(a, unknown)
    assert (outcome.ok, outcome.error) == (False, "E_SIG")  # encrypted to A, signed by a card A never trusted
    assert import_(b, unknown)[0].error == "E_RECIPIENT"  # not addressed to B at all
    # A validly signed bundle of A holding one record of another commune: the whole bundle is refused.
    generate(a, cases=3, workers=1, seed=2)
    keys = load_device_keys(a.profile.root)
    from desktop.core.repositories.sync_store import outbox_after
    from sync.exporting import outbox_line

    with a.db.reader() as session:
        lines = [outbox_line(e) for e in outbox_after(session, 0)]
    lines[-1]["partition"] = elsewhere.partition
    payload, count, raw = payload_bytes(lines)
    manifest = {"bundle_id": str(uuid.uuid4()), "kind": "changes", "created_at": now_iso(), "epoch": 1,
                "sender": {"device": a.device_id, "partition": a.partition, "sign_key": keys.signer.public_text},
                "seq_after": 0, "seq_to": lines[-1]["seq"], "payload": {"lines": count, "uncompressed": raw}}
    forged = tmp_path / "scope.age"
    forged.write_bytes(build(manifest, payload, keys.signer, [load_device_keys(b.profile.root).recipient]))
    before = digest(b)
    assert import_(b, forged)[0].error == "E_SCOPE" and digest(b) == before
    # A revoked sender: once a laptop has learnt of the revocation, it refuses every bundle of that device it
    # receives, even one that claims to be made before (T31: the sender writes the time, so it proves nothing).
    import_(b, hub.bundle(b, [{"type": "revocation", "device": a.device_id, "at": "2030-01-01T00:00:00+00:00"}],
                          tmp_path))
    [fresh] = export(a, tmp_path / "after-revocation")
    assert import_(b, fresh)[0].error == "E_REVOKED"
    assert import_(elsewhere, fresh)[0].error in ("E_RECIPIENT",)


def test_a_replayed_counter_with_other_content_is_quarantined(pair, tmp_path: Path) -> None:
    """T16: an old bundle again is a no-op; the same counters with other content (a laptop restored from a
    backup and edited) are refused as E_REPLAY and quarantined."""
    a, b, _hub = pair
    case_id = cases.open_case(a, {"full_name": "Đỗ Minh Châu"}, {"opened_on": "01/11/2026"})[0]
    first = export(a, tmp_path / "1")
    from desktop.core.services.maintenance import backup

    saved = backup(a, tmp_path / "a-backup.sqlite3")
    cases.update_case(a, case_id, {"summary": "bản thật"})
    real = export(a, tmp_path / "2")
    import_(b, *first, *real)
    assert import_(b, *first)[0].state == "duplicate"  # old seq after newer: no-op
    # Restore the backup over A (same device, same counters) and edit differently.
    restored = copied_back(a, saved)
    cases.update_case(restored, case_id, {"summary": "bản giả"})
    forked = export(restored, tmp_path / "3", after=1)
    before = digest(b)
    [outcome] = import_(b, *forked)
    assert (outcome.ok, outcome.error, outcome.state) == (False, "E_REPLAY", "quarantined")
    assert digest(b) == before and cases.get_case(b, case_id)["summary"] == "bản thật"
    with b.db.reader() as session:
        assert any(r["state"] == "quarantined" and r["error"] == "E_REPLAY" for r in store.ledger(session))
    restored.db.dispose()


def _hostile_tar(members: list[tuple[str, bytes, bytes]]) -> bytes:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w", format=tarfile.GNU_FORMAT) as tar:
        for name, kind, data in members:
            info = tarfile.TarInfo(name)
            info.type, info.size = kind, len(data) if kind == tarfile.REGTYPE else 0
            if kind == tarfile.SYMTYPE:
                info.linkname = "/etc/passwd"
            tar.addfile(info, io.BytesIO(data) if kind == tarfile.REGTYPE else None)
    return buffer.getvalue()


def _files_around(tmp_path: Path) -> list[Path]:
    """Every file beside and above the test's folder, less SQLite's -wal/-shm files: those of other tests'
    profiles come and go as their connections are collected, whatever this test does."""
    return sorted(p for p in tmp_path.parent.rglob("*") if not p.name.endswith(("-wal", "-shm")))


@pytest.mark.parametrize("members", [
    [("../../evil.txt", tarfile.REGTYPE, b"x")],
    [("C:\\Windows\\evil.txt", tarfile.REGTYPE, b"x")],
    [("\\\\server\\share\\evil", tarfile.REGTYPE, b"x")],
    [("manifest.json", tarfile.SYMTYPE, b"")],
    [("manifest.json", tarfile.REGTYPE, b"{}"), ("manifest.json", tarfile.REGTYPE, b"{}")],
    [("Manifest.json", tarfile.REGTYPE, b"{}")],
    [("/tmp/abs", tarfile.REGTYPE, b"x")],
], ids=["dotdot", "drive", "unc", "symlink", "duplicate", "case", "absolute"])
def test_hostile_tar_members_are_refused_and_nothing_is_written(pair, tmp_path: Path, members) -> None:
    """T24: a bundle is never extracted; any member but the three refuses it."""
    import pyrage
    from pyrage import x25519

    _a, b, _hub = pair
    recipient = x25519.Recipient.from_str(load_device_keys(b.profile.root).recipient)
    path = tmp_path / "hostile.age"
    path.write_bytes(pyrage.encrypt(_hostile_tar(members), [recipient]))
    snapshot = _files_around(tmp_path)
    [outcome] = import_(b, path)
    assert not outcome.ok and outcome.error in ("E_FORMAT", "E_TRUNC")
    assert _files_around(tmp_path) == snapshot


def test_text_is_strict_utf8_and_names_are_nfc(pair, tmp_path: Path) -> None:
    """T26: NFD from another producer lands as NFC; invalid UTF-8 refuses the bundle."""
    import unicodedata

    a, b, _hub = pair
    cases.open_case(a, {"full_name": "Nguyễn Thị Hồng"}, {"opened_on": "01/11/2026"})
    keys = load_device_keys(a.profile.root)
    from desktop.core.repositories.sync_store import outbox_after
    from sync.exporting import outbox_line

    with a.db.reader() as session:
        lines = [outbox_line(e) for e in outbox_after(session, 0)]
    for line in lines:
        if line["entity"] == "beneficiary":
            line["fields"]["full_name"] = unicodedata.normalize("NFD", line["fields"]["full_name"])

    def forge(payload: bytes, count: int, raw: int, name: str) -> Path:
        manifest = {"bundle_id": str(uuid.uuid4()), "kind": "changes", "created_at": now_iso(), "epoch": 1,
                    "sender": {"device": a.device_id, "partition": a.partition, "sign_key": keys.signer.public_text},
                    "seq_after": 0, "seq_to": lines[-1]["seq"], "payload": {"lines": count, "uncompressed": raw}}
        path = tmp_path / name
        path.write_bytes(build(manifest, payload, keys.signer, [load_device_keys(b.profile.root).recipient]))
        return path

    import gzip
    import json

    raw_lines = b"".join(json.dumps(line, ensure_ascii=False).encode() + b"\n" for line in lines)
    broken = raw_lines.replace(b"Nguy", b"Ngu\xff", 1)
    bad = forge(gzip.compress(broken), len(lines), len(broken), "bad-utf8.age")
    assert import_(b, bad)[0].error == "E_FORMAT"
    good = forge(*payload_bytes(lines), "nfd.age")
    assert import_(b, good)[0].ok
    [row] = cases.list_cases(b)
    assert row["full_name"] == unicodedata.normalize("NFC", "Nguyễn Thị Hồng")
    assert cases.count_cases(b, "nguyen thi hong") == 1


def test_a_file_over_the_size_cap_is_refused_before_reading(pair, tmp_path: Path) -> None:
    _a, b, _hub = pair
    huge = tmp_path / "huge.age"
    with open(huge, "wb") as fh:
        fh.truncate(MAX_FILE + 1)  # sparse: costs nothing on disk
    assert import_(b, huge)[0].error == "E_SIZE"


def test_hub_receipts_mark_changes_delivered_and_nothing_else(pair, tmp_path: Path) -> None:
    """D3: only a verified hub receipt moves the acknowledged counter; a forged one does nothing."""
    a, _b, hub = pair
    generate(a, cases=10, workers=1, seed=4)
    export(a, tmp_path / "usb")
    from sync.status import sync_overview

    before = sync_overview(a)
    assert before["acked_seq"] == 0 and before["waiting"] == before["last_export_seq"] > 0
    forger = Hub.make()
    forger.card = {**forger.card, "id": hub.card["id"]}  # claims to be the hub, other key
    bad = forger.bundle(a, [{"type": "receipt", "device": a.device_id, "epoch": 1, "through": 10_000}], tmp_path)
    assert import_(a, bad)[0].error == "E_SIG"
    receipt = hub.bundle(a, [{"type": "receipt", "device": a.device_id, "epoch": 1, "through": 7}], tmp_path)
    assert import_(a, receipt)[0].ok
    after = sync_overview(a)
    assert after["acked_seq"] == 7 and after["waiting"] == before["waiting"] - 7


def test_the_export_survives_being_killed_at_random_points(pair, tmp_path: Path) -> None:
    """T4: kill `ctxh bundle export` at random moments; any final file verifies, a re-export covers the range."""
    import os
    import subprocess
    import sys
    import time

    a, b, _hub = pair
    generate(a, cases=1500, workers=4, seed=6)
    root = Path(__file__).resolve().parent.parent
    env = {**os.environ, "CTXH_PASSPHRASE": "x"}
    rng = random.Random(4)
    out = tmp_path / "usb"
    out.mkdir()
    a.db.dispose()
    for _ in range(6):
        proc = subprocess.Popen([sys.executable, "-m", "desktop", "--data-dir", str(a.profile.root), "bundle",
                                 "export", "--out", str(out), "--max-mb", "0.3"], cwd=root, env=env,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.3, 2.0))
        proc.kill()
        proc.wait()
        for path in out.glob("*.age"):
            assert import_(b, path)[0].ok, path.name  # whatever looks complete is complete

    again = reopen(a.profile.root)
    export(again, out, max_bytes=300 * 1024)
    for path in sorted(out.glob("*.age")):
        assert import_(b, path)[0].ok
    assert digest(b) == digest(again)
    again.db.dispose()


def test_clocks_set_to_2015_and_2035_still_converge(tmp_path: Path, monkeypatch) -> None:
    """T23 (with T15's shape): versions order by the hybrid clock, never by wall time alone."""
    a, b = laptops(tmp_path, ["a", "b"])
    case_id = cases.open_case(a, {"full_name": "Hà Văn Đông"}, {"opened_on": "01/11/2026"})[0]
    import_(b, *export(a, tmp_path / "0"))
    a.clock._wall_ms = lambda: int(dt.datetime(2015, 1, 1).timestamp() * 1000)
    b.clock._wall_ms = lambda: int(dt.datetime(2035, 1, 1).timestamp() * 1000)
    cases.update_case(b, case_id, {"summary": "từ 2035"})
    import_(a, *export(b, tmp_path / "1"))
    cases.update_case(a, case_id, {"summary": "sau đó, từ máy chỉnh về 2015"})
    import_(b, *export(a, tmp_path / "2"))
    # A saw B's edit before its own: its later edit wins everywhere, whatever its wall clock says.
    assert cases.get_case(b, case_id)["summary"] == "sau đó, từ máy chỉnh về 2015"
    assert digest(a) == digest(b) and conflicts.list_conflicts(a) == conflicts.list_conflicts(b) == []


def test_holes_in_the_counters_do_not_stall_the_receiver(pair, tmp_path: Path) -> None:
    """A bundle holds its whole range; counters missing inside it (pruned entries) are not a gap."""
    from sqlalchemy import text

    a, b, _hub = pair
    generate(a, cases=6, workers=1, seed=3)
    with a.db.session() as session:
        session.execute(text("DELETE FROM change_log WHERE seq IN (SELECT seq FROM change_log "
                             "WHERE entity = 'service_record' ORDER BY seq LIMIT 2)"))
    files = export(a, tmp_path / "usb")
    cases.update_case(a, cases.list_cases(a)[0]["id"], {"summary": "sau lỗ hổng"})
    files += export(a, tmp_path / "usb2")
    outcomes = import_(b, *files)
    assert [o.state for o in outcomes] == ["applied", "applied"]
    assert cases.get_case(b, cases.list_cases(a)[0]["id"])["summary"] == "sau lỗ hổng"


def test_the_whole_exchange_driven_by_ctxh(tmp_path: Path) -> None:
    """Done-when of the issue, by the command line: two laptops and a hub card; export, verify, import,
    converge; a tampered file refused with its code and exit status, nothing changed."""
    import json
    import os
    import subprocess
    import sys

    from tests.conftest import PASSPHRASE

    root = Path(__file__).resolve().parent.parent
    env = {**os.environ, "CTXH_PASSPHRASE": PASSPHRASE}

    def ctxh(profile: str, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "desktop", "--data-dir", str(tmp_path / profile), *args],
                              capture_output=True, text=True, env=env, cwd=root)

    hub = Hub.make()
    (tmp_path / "hub-card.json").write_text(json.dumps(hub.card, ensure_ascii=False), encoding="utf-8")
    for name in ("a", "b"):
        assert ctxh(name, "init", "--province", "01", "--commune", "00004", "--device-name", f"Máy {name}",
                    "--user", "canbo").returncode == 0
        assert ctxh(name, "trust", "add", str(tmp_path / "hub-card.json")).returncode == 0
        card = ctxh(name, "device", "card", "--out", str(tmp_path / f"{name}.json"), "--json")
        assert len(json.loads(card.stdout)["fingerprint"]) == 39
    assert ctxh("a", "trust", "add", str(tmp_path / "b.json")).returncode == 0
    assert ctxh("b", "trust", "add", str(tmp_path / "a.json")).returncode == 0
    assert "Máy a" in ctxh("b", "trust", "list").stdout
    assert ctxh("a", "demo", "--cases", "30", "--workers", "2", "--seed", "4", "--json").returncode == 0
    (tmp_path / "usb").mkdir()
    done = ctxh("a", "bundle", "export", "--out", str(tmp_path / "usb"), "--json")
    assert done.returncode == 0, done.stderr
    files = json.loads(done.stdout)["files"]
    assert json.loads(ctxh("b", "bundle", "verify", *files, "--json").stdout)["files"][0]["ok"] is True
    data = Path(files[0]).read_bytes()
    bad = tmp_path / "sua.age"
    middle = len(data) // 2  # inside the encrypted payload (a flip in the header may hide our key: E_RECIPIENT)
    bad.write_bytes(data[:middle] + bytes([data[middle] ^ 4]) + data[middle + 1:])
    before = json.loads(ctxh("b", "status", "--json").stdout)["digest"]
    refused = ctxh("b", "bundle", "import", str(bad), "--json")
    assert refused.returncode == 2 and json.loads(refused.stdout)["files"][0]["error"] == "E_DAMAGED"
    assert json.loads(ctxh("b", "status", "--json").stdout)["digest"] == before
    mixed = ctxh("b", "bundle", "import", *files, str(bad))
    assert mixed.returncode == 1 and "TỪ CHỐI" in mixed.stdout
    digests = {json.loads(ctxh(p, "status", "--json").stdout)["digest"] for p in ("a", "b")}
    assert len(digests) == 1
    again = ctxh("b", "bundle", "import", *files)
    assert again.returncode == 0 and "đã nhập trước đây" in again.stdout
    ledger = json.loads(ctxh("b", "bundle", "ledger", "--json").stdout)["bundles"]
    assert ledger[0]["state"] == "applied" and ledger[0]["direction"] == "in"
    assert ctxh("b", "conflicts", "--json").returncode == 0


@pytest.mark.parametrize("kind", ["gzip-bomb", "deep-json", "huge-claim"])
def test_bombs_are_refused_quickly_and_within_memory(pair, tmp_path: Path, kind: str) -> None:
    """T25 for the bundle reader: a payload that inflates past its signed length, a line nested 100,000 deep,
    a manifest that claims a 2 GiB payload — refused with a code, in bounded time and memory."""
    import gzip
    import time
    import tracemalloc
    import zlib

    a, b, _hub = pair
    keys = load_device_keys(a.profile.root)
    if kind == "gzip-bomb":  # 1 GiB of newlines in about 1 MB, built a MiB at a time
        bomb = zlib.compressobj(9, zlib.DEFLATED, 31)
        block = b"\n" * (1024 * 1024)
        payload = b"".join(bomb.compress(block) for _ in range(1024)) + bomb.flush()
        claimed, count = 1000, 1
    elif kind == "deep-json":
        raw = b"[" * 100_000 + b"]" * 100_000 + b"\n"
        payload, claimed, count = gzip.compress(raw), len(raw), 1
    else:
        payload, claimed, count = gzip.compress(b"{}\n"), 2 * 1024 ** 3, 1
    manifest = {"bundle_id": str(uuid.uuid4()), "kind": "changes", "created_at": now_iso(), "epoch": 1,
                "sender": {"device": a.device_id, "partition": a.partition, "sign_key": keys.signer.public_text},
                "seq_after": 0, "seq_to": 1, "payload": {"lines": count, "uncompressed": claimed}}
    path = tmp_path / f"{kind}.age"
    path.write_bytes(build(manifest, payload, keys.signer, [load_device_keys(b.profile.root).recipient]))
    # The peak of Python's own allocations while reading (the inflated bytes are Python objects): the
    # process's maxrss would hide a bomb under an earlier test's peak. An unbounded inflate holds 1 GiB here.
    tracemalloc.start()
    started = time.perf_counter()
    try:
        [outcome] = import_(b, path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert not outcome.ok and outcome.error in ("E_SIZE", "E_FORMAT"), outcome
    assert time.perf_counter() - started < 10
    assert peak < 256 * 1024 * 1024, peak
