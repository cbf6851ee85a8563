"""The hub on SQLite and on a real PostgreSQL server: enrol laptops of two communes, take in a folder of
their bundles, account for every change (D4), send receipts, revocations and reference data back; refusals
change nothing."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from desktop.core.services import cases
from desktop.core.services.demo import generate
from desktop.core.services.status import status
from sync.hub import devices, inbox, outbox
from sync.hub.profile import card, init_hub
from sync.hub.status import hub_status
from sync.keys import TrustStore
from tests.conftest import PASSPHRASE, make_profile, reopen
from tests.sync_helpers import card_of, digest, export, import_


def test_a_folder_from_two_communes_is_merged_and_accounted(province, tmp_path: Path) -> None:
    hub, a1, a2, b1 = province
    generate(a1, cases=40, workers=3, seed=1)
    generate(b1, cases=25, workers=2, seed=2)
    shared = cases.list_cases(a1)[0]["id"]
    import_(a2, *export(a1, tmp_path / "a1-first"))
    cases.update_case(a2, shared, {"summary": "máy 2 ghi"})
    inbox_dir = tmp_path / "inbox"
    for ctx, name in ((a1, "a1"), (a2, "a2"), (b1, "b1")):
        (inbox_dir / name).mkdir(parents=True)
        for path in export(ctx, tmp_path / "out" / name, after=0):
            shutil.copy(path, inbox_dir / name / path.name)
    shutil.copytree(tmp_path / "a1-first", inbox_dir / "a1-again")  # the same bundle twice
    result = inbox.import_folder(hub, inbox_dir)
    totals = result.totals()
    assert totals["refused"] == 0 and totals["waiting"] == 0
    assert totals["applied"] + totals["superseded"] + totals["duplicate"] == totals["received"]  # D4
    state = hub_status(hub)["communes"]
    assert state[a1.partition]["digest"] == digest(a2) != digest(a1)  # A1 has not seen A2's edit yet
    import_(a1, *(inbox_dir / "a2").glob("*.age"))
    assert digest(a1) == state[a1.partition]["digest"]
    assert state[b1.partition]["digest"] == digest(b1)
    assert {d["name"] for d in state[a1.partition]["devices"]} == {a1.device_name, a2.device_name}
    # Receipts go back: each laptop's changes are now delivered, and nothing else changes on it.
    before = digest(a1)
    for path in outbox.export_all(hub, tmp_path / "back"):
        for ctx in (a1, a2, b1):
            outcome = import_(ctx, path)[0]
            assert outcome.ok or outcome.error == "E_RECIPIENT", outcome
    from sync.status import sync_overview

    for ctx in (a1, a2, b1):
        facts = sync_overview(ctx)
        assert facts["waiting"] == 0, (ctx.device_name, facts["acked_seq"], facts["outbox_seq"])
    assert digest(a1) == before
    # The whole folder again: nothing changes.
    again = inbox.import_folder(hub, inbox_dir).totals()
    assert again["applied"] == 0 and again["refused"] == 0
    assert hub_status(hub)["communes"][a1.partition]["digest"] == before


def test_refusals_at_the_hub_change_nothing(province, tmp_path: Path) -> None:
    """T10/T11 at the hub: an unenrolled laptop, a revoked one; the hub's digests and ledger stay."""
    hub, a1, _a2, b1 = province
    stranger = make_profile(tmp_path / "s", user="nguoi_la")
    TrustStore(stranger.profile.root).add(card(hub), stranger.partition, stranger.device_id)
    generate(stranger, cases=3, workers=1, seed=3)
    generate(a1, cases=3, workers=1, seed=4)
    folder = tmp_path / "inbox"
    for ctx in (stranger, a1):
        for path in export(ctx, tmp_path / "o" / ctx.device_id[-12:]):
            folder.mkdir(exist_ok=True)
            shutil.copy(path, folder / path.name)
    first = inbox.import_folder(hub, folder)
    by_sender = {Path(f.file).name.split("_")[2]: f for f in first.files}
    assert by_sender[stranger.device_id[-12:]].error == "E_SIG"
    assert by_sender[a1.device_id[-12:]].ok
    before = hub_status(hub)
    devices.revoke(hub, a1.device_id)
    cases.update_case(a1, cases.list_cases(a1)[0]["id"], {"summary": "sau khi bị thu hồi"})
    late = tmp_path / "late"
    late.mkdir()
    for path in export(a1, tmp_path / "o2"):
        shutil.copy(path, late / path.name)
    [refused] = inbox.import_folder(hub, late).files
    assert refused.error == "E_REVOKED"
    after = hub_status(hub)
    assert after["communes"][a1.partition]["digest"] == before["communes"][a1.partition]["digest"]
    # The revocation travels to the other laptops, which then refuse the revoked laptop's bundles too.
    for path in outbox.export_all(hub, tmp_path / "back", with_reference=False):
        for ctx in (_a2, b1):
            import_(ctx, path)
    assert a1.device_id in TrustStore(_a2.profile.root).revocations()
    stranger.db.dispose()


def test_reference_data_from_the_hub_replaces_older_sets(province, tmp_path: Path) -> None:
    """Reference data travels in hub bundles and is applied only when newer (a laptop keeps the newest)."""
    import datetime as dt
    import json

    hub, a1, _a2, _b1 = province
    from desktop.paths import app_root

    data = json.loads((app_root() / "resources" / "reference" / "holidays.json").read_text(encoding="utf-8"))
    newer = {**data, "version": "2999-01-01", "holidays": data["holidays"] + [
        {"date": "2027-12-31", "name": "Nghỉ bù (thử)", "status": "V"}]}
    path = outbox.hub_bundle(hub, card_of(a1), [{"type": "reference", "kind": "holidays", "data": newer}],
                             tmp_path / "ref")
    assert import_(a1, path)[0].ok
    from desktop.core.models import PublicHoliday

    with a1.db.reader() as session:
        assert session.get(PublicHoliday, dt.date(2027, 12, 31)) is not None
    older = outbox.hub_bundle(hub, card_of(a1), [{"type": "reference", "kind": "holidays", "data": data}],
                              tmp_path / "ref2")
    assert import_(a1, older)[0].ok
    with a1.db.reader() as session:
        assert session.get(PublicHoliday, dt.date(2027, 12, 31)) is not None
    assert status(a1)["digest"]


def test_the_province_round_trip_driven_by_ctxh(tmp_path: Path) -> None:
    """hub init → card → laptops trust it → enroll → certificates back → laptop exports → hub import (twice)
    → status digest equals the laptop's → hub export → the laptop's changes are delivered."""
    import json
    import os
    import subprocess
    import sys


    root = Path(__file__).resolve().parent.parent
    env = {**os.environ, "CTXH_PASSPHRASE": PASSPHRASE}

    def ctxh(profile: str, *args: str) -> subprocess.CompletedProcess[str]:
        done = subprocess.run([sys.executable, "-m", "desktop", "--data-dir", str(tmp_path / profile), *args],
                              capture_output=True, text=True, env=env, cwd=root)
        return done

    (tmp_path / "usb").mkdir()
    sheet = tmp_path / "usb" / "phieu-khoi-phuc.txt"
    inside = ctxh("hub", "hub", "init", "--province", "01", "--name", "Sở Y tế Hà Nội", "--user", "quantri",
                  "--escrow-out", str(tmp_path / "hub" / "escrow.txt"))
    assert inside.returncode == 2 and "E_ESCROW_PLACE" not in inside.stderr and "Lỗi" in inside.stderr
    made = ctxh("hub", "hub", "init", "--province", "01", "--name", "Sở Y tế Hà Nội", "--user", "quantri",
                "--escrow-out", str(sheet))
    assert made.returncode == 0, made.stderr
    [escrow_key] = [line for line in sheet.read_text(encoding="utf-8").splitlines() if line.startswith("AGE-SECRET")]
    assert escrow_key in made.stdout  # the recovery sheet, printed
    # The escrow key is nowhere in the hub's profile (T-keys): only on the sheet the officer took away.
    assert not [p for p in (tmp_path / "hub").rglob("*") if p.is_file() and escrow_key.encode() in p.read_bytes()]
    assert ctxh("hub", "hub", "card", "--out", str(tmp_path / "hub-card.json")).returncode == 0
    assert ctxh("a", "init", "--province", "01", "--commune", "00004", "--device-name", "Máy xã",
                "--user", "canbo").returncode == 0
    assert ctxh("a", "trust", "add", str(tmp_path / "hub-card.json")).returncode == 0
    assert ctxh("a", "device", "card", "--out", str(tmp_path / "a.json")).returncode == 0
    enrolled = ctxh("hub", "hub", "enroll", str(tmp_path / "a.json"), "--out", str(tmp_path / "to-a"), "--json")
    assert enrolled.returncode == 0, enrolled.stderr
    assert ctxh("a", "bundle", "import", json.loads(enrolled.stdout)["file"]).returncode == 0
    assert ctxh("a", "demo", "--cases", "20", "--workers", "2", "--seed", "9", "--json").returncode == 0
    missing = ctxh("a", "bundle", "export", "--out", str(tmp_path / "inbox"))
    assert missing.returncode == 2 and "USB đã cắm chưa" in missing.stderr
    (tmp_path / "inbox").mkdir()
    assert ctxh("a", "bundle", "export", "--out", str(tmp_path / "inbox")).returncode == 0
    # A province officer checks a received file at the hub without importing it, with hub import's codes.
    [sent] = sorted((tmp_path / "inbox").glob("*.age"))
    import pyrage  # the sheet opens a commune's bundle, as the escrow must if the hub's key is lost
    from pyrage import x25519

    assert pyrage.decrypt(sent.read_bytes(), [x25519.Identity.from_str(escrow_key)])
    checked = ctxh("hub", "bundle", "verify", str(sent), "--json")
    assert checked.returncode == 0 and json.loads(checked.stdout)["files"][0]["ok"] is True, checked.stdout
    data = sent.read_bytes()
    (tmp_path / "altered").mkdir()
    altered = tmp_path / "altered" / sent.name
    altered.write_bytes(data[:len(data) // 2] + bytes([data[len(data) // 2] ^ 1]) + data[len(data) // 2 + 1:])
    verdict = json.loads(ctxh("hub", "bundle", "verify", str(altered), "--json").stdout)["files"][0]
    imported = json.loads(ctxh("hub", "hub", "import", str(tmp_path / "altered"), "--json").stdout)["files"][0]
    assert not verdict["ok"] and verdict["error"] == imported["error"]
    imported_first = json.loads(ctxh("hub", "hub", "import", str(tmp_path / "inbox"), "--json").stdout)
    first = imported_first["totals"]
    assert first["refused"] == 0 and first["applied"] == first["received"] > 0
    # The code the district reads over the phone after the import (issue 18)…
    [receipt] = imported_first["receipts"]
    assert re.fullmatch(r"\d{4} \d{4} \d{4}", receipt["code"])
    again = json.loads(ctxh("hub", "hub", "import", str(tmp_path / "inbox"), "--json").stdout)["totals"]
    assert again["applied"] == 0 and again["refused"] == 0
    status = json.loads(ctxh("hub", "hub", "status", "--json").stdout)
    laptop = json.loads(ctxh("a", "status", "--json").stdout)
    assert status["communes"]["01:00004"]["digest"] == laptop["digest"]
    assert ctxh("hub", "hub", "export", "--out", str(tmp_path / "back")).returncode == 0
    for path in (tmp_path / "back").glob("*.age"):
        assert ctxh("a", "bundle", "import", str(path)).returncode == 0
    # … is the one the laptop shows once it has imported the province's bundle.
    assert json.loads(ctxh("a", "status", "--json").stdout)["province"]["receipt_code"]["code"] == receipt["code"]
    assert "ĐÃ THU HỒI" not in ctxh("hub", "hub", "devices").stdout
    assert ctxh("a", "hub", "status").returncode == 2  # a laptop is not a hub


def test_a_laptop_trusts_a_hub_certificate_until_it_expires(tmp_path: Path) -> None:
    """T10 on a laptop: a bundle from a laptop it has no card of is accepted on the strength of a certificate
    the trusted hub signed — and refused (E_EXPIRED) when that certificate had ended."""
    import datetime as dt

    hub = init_hub(tmp_path / "hub", "01", "Sở Y tế Hà Nội", user=("quantri", PASSPHRASE))
    receiver = make_profile(tmp_path / "r", user="nhan")
    TrustStore(receiver.profile.root).add(card(hub), receiver.partition, receiver.device_id)
    for name, issued in (("fresh", None), ("old", dt.datetime(2020, 1, 1, tzinfo=dt.UTC))):
        sender = make_profile(tmp_path / name, user=f"gui_{name}")
        trust = TrustStore(sender.profile.root)
        trust.add(card(hub), sender.partition, sender.device_id)
        trust.add(card_of(receiver), sender.partition, sender.device_id)  # so its bundles are readable there
        trust.set_certificate(devices.enroll(hub, card_of(sender), now=issued))
        cases.open_case(sender, {"full_name": f"Người {name}"}, {"opened_on": "01/11/2026"})
        [outcome] = import_(receiver, *export(sender, tmp_path / f"out-{name}"))
        assert (outcome.ok, outcome.error) == ((True, None) if issued is None else (False, "E_EXPIRED"))
        sender.db.dispose()
    assert [c["full_name"] for c in cases.list_cases(receiver)] == ["Người fresh"]
    receiver.db.dispose()
    hub.db.dispose()


def test_the_hub_relays_a_commune_s_changes_to_its_other_laptop(province, tmp_path: Path) -> None:
    """Laptop → hub → the other laptop of the commune: equal digests everywhere, and a relayed change that
    was lost is sent again until the laptop says (in its next bundle) that it has it."""
    hub, a1, a2, b1 = province
    generate(a1, cases=15, workers=2, seed=6)
    cases.open_case(a2, {"full_name": "Người của máy 2"}, {"opened_on": "03/11/2026"})
    for ctx, name in ((a1, "a1"), (a2, "a2")):
        export(ctx, tmp_path / "inbox" / name)
    inbox.import_folder(hub, tmp_path / "inbox")
    lost = outbox.export_all(hub, tmp_path / "lost")  # this round never reaches A2
    assert lost
    back = outbox.export_all(hub, tmp_path / "back")
    for path in back:
        for ctx in (a1, a2, b1):
            import_(ctx, path)
    partition = hub_status(hub)["communes"][a1.partition]["digest"]
    assert digest(a1) == digest(a2) == partition
    # A2 reports what it applied in its next bundle; the hub then stops relaying it.
    cases.update_case(a2, cases.list_cases(a2)[0]["id"], {"summary": "đã nhận qua tỉnh"})
    (tmp_path / "inbox2").mkdir()
    for path in export(a2, tmp_path / "o2"):
        shutil.copy(path, tmp_path / "inbox2" / path.name)
    inbox.import_folder(hub, tmp_path / "inbox2")
    from sync.hub.outbox import _relay

    assert _relay(hub, a2.device_id, [a1.device_id], a2.partition) == []
    assert len(_relay(hub, a1.device_id, [a2.device_id], a1.partition)) >= 1  # A1 has not yet said it has A2's edit
    assert digest(b1) != partition  # another commune's laptop receives nothing of Ba Đình


def test_a_laptop_restored_from_a_backup_starts_a_new_epoch(province, tmp_path: Path) -> None:
    """T7: restore last week's backup, edit, export. The hub takes both sides (D4), flags the restore, sends
    the laptop back what the backup lacked, and every replica converges."""
    from desktop.core.services.maintenance import backup
    from desktop.core.services.restore import restore

    hub, a1, a2, _b1 = province
    case_id = cases.open_case(a1, {"full_name": "Trần Văn Lâm"}, {"opened_on": "01/11/2026"})[0]
    folder = tmp_path / "inbox"
    folder.mkdir()
    for path in export(a1, tmp_path / "o1"):
        shutil.copy(path, folder / path.name)
    saved = backup(a1, tmp_path / "tuan-truoc.sqlite3")
    cases.update_case(a1, case_id, {"summary": "sửa trước khi máy hỏng"})
    cases.open_case(a1, {"full_name": "Người chỉ có ở máy hỏng"}, {"opened_on": "02/11/2026"})
    for path in export(a1, tmp_path / "o2"):
        shutil.copy(path, folder / path.name)
    root = a1.profile.root
    done = restore(a1, saved)  # the signed-in ADMIN restores; the profile is closed after
    assert done["epoch"] == 2
    restored = reopen(root)
    cases.update_case(restored, case_id, {"summary": "sửa sau khi khôi phục"})
    for path in export(restored, tmp_path / "o3"):
        shutil.copy(path, folder / path.name)
    totals = inbox.import_folder(hub, folder).totals()
    assert totals["refused"] == 0 and totals["applied"] + totals["superseded"] + totals["duplicate"] == totals[
        "received"]
    [device] = [d for d in hub_status(hub)["communes"][restored.partition]["devices"] if d["id"] == restored.device_id]
    assert device["restored"] and device["epochs"] == [1, 2]
    for path in outbox.export_all(hub, tmp_path / "back", with_reference=False):
        for ctx in (restored, a2):
            import_(ctx, path)
    names = {c["full_name"] for c in cases.list_cases(restored)}
    assert "Người chỉ có ở máy hỏng" in names  # what the backup lacked came back from the hub
    assert cases.get_case(restored, case_id)["summary"] == "sửa sau khi khôi phục"  # the later edit wins
    assert digest(restored) == digest(a2) == hub_status(hub)["communes"][restored.partition]["digest"]
    restored.db.dispose()


def test_the_province_report_counts_each_commune_as_its_laptop_does(province, tmp_path: Path) -> None:
    """hub report: every figure of each commune equal to its laptop's (the same definitions), every commune of
    the province listed (those that sent nothing said so), and the province total from the communes'."""
    import datetime as dt

    from openpyxl import load_workbook

    from desktop.core.domain import periods
    from desktop.core.services.reports import build_report
    from sync.hub.report import commune_report, province_report, write_report
    from tests.report_dataset import build

    hub, a1, _a2, b1 = province
    build(a1)
    generate(a1, cases=40, workers=4, seed=11)
    generate(b1, cases=30, workers=3, seed=12)
    folder = tmp_path / "inbox"
    for ctx in (a1, b1):
        for path in export(ctx, tmp_path / ctx.device_id[-12:]):
            folder.mkdir(exist_ok=True)
            shutil.copy(path, folder / path.name)
    inbox.import_folder(hub, folder)
    this_year = dt.date.today().year
    for period in (periods.year(2025), periods.half(2025, 1), periods.reporting_year(this_year),
                   periods.month(this_year, 1)):
        province_figures = {c.code: c.figures for c in province_report(hub, period).communes}
        for ctx in (a1, b1):
            mine = build_report(ctx, "tt02", period)
            at_hub = commune_report(hub, ctx.commune_code, "tt02", period)
            as_tuple = {k: (f.value, f.numerator, f.denominator, f.ids) for k, f in mine.figures.items()}
            assert {k: (f.value, f.numerator, f.denominator, f.ids) for k, f in at_hub.figures.items()} == as_tuple
            assert {k: (f.value, f.numerator, f.denominator, f.ids)
                    for k, f in province_figures[ctx.commune_code].items()} == as_tuple
            assert at_hub.previous.keys() == mine.previous.keys()
    period = periods.year(this_year)
    totals = write_report(hub, period, tmp_path / "bao-cao.xlsx")
    sheet = load_workbook(tmp_path / "bao-cao.xlsx").worksheets[0]
    rows = {row[0].value: [c.value for c in row] for row in sheet.iter_rows(min_row=2)}
    assert totals["communes"] == len(rows) - 1 == 126  # every commune of Hà Nội
    assert totals["communes_with_data"] == 2
    assert rows["00004"][1] == "Phường Ba Đình" and rows["00004"][3] == "Có"
    silent = [r for code, r in rows.items() if code and code not in (a1.commune_code, b1.commune_code)]
    assert all(r[3] == "Chưa gửi số liệu" for r in silent)
    total = rows[None]  # the total row has no code
    assert total[1] == "TOÀN TỈNH" and total[3] == "2/126 xã"
    staff = [build_report(c, "p112", period).figures["staff.total"].value for c in (a1, b1)]
    assert total[4] == sum(staff)
    assert totals["total"]["P1"]["denominator"] == 126  # P1 is a share of every commune in scope


def test_an_expired_or_older_hub_bundle_changes_nothing(province, tmp_path: Path, monkeypatch) -> None:
    """T18 on the laptop: a hub bundle past its expiry is refused (E_EXPIRED); one older than the newest
    applied is ignored — the newest stays in force."""
    from sync.status import sync_overview

    hub, a1, _a2, _b1 = province
    generate(a1, cases=5, workers=1, seed=2)
    folder = tmp_path / "inbox"
    folder.mkdir()
    for path in export(a1, tmp_path / "o"):
        shutil.copy(path, folder / path.name)
    inbox.import_folder(hub, folder)
    def for_a1(folder_name: str) -> Path:
        return next(p for p in outbox.export_all(hub, tmp_path / folder_name, with_reference=False)
                    if a1.device_id[-12:] in p.name)

    monkeypatch.setattr(outbox, "EXPIRES_DAYS", -1)
    stale = for_a1("stale")
    [outcome] = import_(a1, stale)
    assert (outcome.ok, outcome.error) == (False, "E_EXPIRED") and sync_overview(a1)["acked_seq"] == 0
    monkeypatch.setattr(outbox, "EXPIRES_DAYS", 60)
    older, newer = for_a1("older"), for_a1("newer")
    assert import_(a1, newer)[0].state == "applied"
    acked = sync_overview(a1)["acked_seq"]
    assert acked > 0 and import_(a1, older)[0].state == "duplicate"
    assert sync_overview(a1)["acked_seq"] == acked


def test_the_stored_digest_of_a_commune_follows_every_import(province, tmp_path: Path) -> None:
    """The Communes page reads stored digests; each import that changes a commune's records (and only those)
    makes its digest be computed again, so the page never shows a stale one."""
    from desktop.core.repositories import sync_store as store
    from sync.digests import PREFIX

    hub, a1, _a2, b1 = province
    generate(a1, cases=5, workers=1, seed=3)
    generate(b1, cases=5, workers=1, seed=4)
    inbox.import_paths(hub, [*export(a1, tmp_path / "1"), *export(b1, tmp_path / "2")])
    first = hub_status(hub)["communes"]
    assert first[a1.partition]["digest"] == digest(a1) and first[b1.partition]["digest"] == digest(b1)
    with hub.db.reader() as session:
        stored = store.states_with_prefix(session, PREFIX)
    assert stored == {a1.partition: digest(a1), b1.partition: digest(b1)}
    case_id = cases.list_cases(a1)[0]["id"]
    cases.update_case(a1, case_id, {"summary": "thăm nhà lần hai"})
    inbox.import_paths(hub, export(a1, tmp_path / "3"))
    with hub.db.reader() as session:  # the changed commune's digest was forgotten, the other kept
        assert set(store.states_with_prefix(session, PREFIX)) == {b1.partition}
    later = hub_status(hub)["communes"]
    assert later[a1.partition]["digest"] == digest(a1) != first[a1.partition]["digest"]
    assert later[b1.partition]["digest"] == digest(b1)
