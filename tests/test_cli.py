"""`ctxh` driven as a real process: JSON output, Vietnamese messages, exit codes 0 / 1 / 2."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from tests.conftest import PASSPHRASE, reopen

ROOT = Path(__file__).resolve().parent.parent


def ctxh(*args: str, passphrase: str | None = PASSPHRASE,
         new_passphrase: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("CTXH_PASSPHRASE", "CTXH_NEW_PASSPHRASE")}
    if passphrase is not None:
        env["CTXH_PASSPHRASE"] = passphrase
    if new_passphrase is not None:
        env["CTXH_NEW_PASSPHRASE"] = new_passphrase
    return subprocess.run([sys.executable, "-m", "desktop", *args], capture_output=True, text=True, env=env,
                          cwd=ROOT, stdin=subprocess.DEVNULL, timeout=300)


def init(path: Path) -> subprocess.CompletedProcess[str]:
    return ctxh("--data-dir", str(path), "init", "--province", "01", "--commune", "00004",
                "--device-name", "Máy cán bộ VHXH", "--user", "canbo", "--json")


def test_init_demo_status_search(tmp_path: Path) -> None:
    profile = tmp_path / "p"
    done = init(profile)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["partition"] == "01:00004"
    done = ctxh("demo", "--data-dir", str(profile), "--cases", "200", "--workers", "5", "--seed", "3", "--json")
    assert done.returncode == 0, done.stderr
    created = json.loads(done.stdout)["created"]
    assert created["case"] == 200 and created["worker"] == 5
    done = ctxh("status", "--json", "--data-dir", str(profile))
    facts = json.loads(done.stdout)
    assert facts["counts"]["case"] == 200 and facts["counts"]["beneficiary"] == 200
    assert len(facts["digest"]) == 64
    name = ctxh("search", "nguyen", "--json", "--data-dir", str(profile))
    found = json.loads(name.stdout)
    assert found["cases"] and all("Nguyễn" in c["full_name"] for c in found["cases"])
    assert ctxh("db-check", "--data-dir", str(profile)).returncode == 0


def test_same_seed_same_digest_across_processes(tmp_path: Path) -> None:
    digests = []
    for name in ("a", "b"):
        assert init(tmp_path / name).returncode == 0
        assert ctxh("demo", "--data-dir", str(tmp_path / name), "--cases", "120", "--seed", "9").returncode == 0
        digests.append(json.loads(ctxh("status", "--json", "--data-dir", str(tmp_path / name)).stdout)["digest"])
    assert digests[0] == digests[1]


def test_unusable_input_exits_2_with_a_vietnamese_message_and_changes_nothing(tmp_path: Path) -> None:
    done = ctxh("--data-dir", str(tmp_path / "x"), "init", "--province", "01", "--commune", "23425",
                "--device-name", "Máy", "--user", "canbo")
    assert done.returncode == 2
    assert "không thuộc tỉnh/thành «Thành phố Hà Nội»" in done.stderr
    assert not (tmp_path / "x" / "ctxh.sqlite3").exists()
    done = ctxh("status", "--data-dir", str(tmp_path / "none"))
    assert done.returncode == 2 and "chưa được thiết lập" in done.stderr
    done = ctxh("--data-dir", str(tmp_path / "y"), "init", "--province", "01", "--commune", "00004",
                "--device-name", "Máy", "--user", "canbo", passphrase=None)
    assert done.returncode == 2 and "CTXH_PASSPHRASE" in done.stderr
    assert ctxh("frobnicate").returncode == 2


def test_json_errors_carry_the_code(tmp_path: Path) -> None:
    assert init(tmp_path / "p").returncode == 0
    done = init(tmp_path / "p")
    assert done.returncode == 2
    error = json.loads(done.stdout)
    assert error["error"] == "E_ALREADY_INITIALISED" and "đã được thiết lập" in error["message"]


def test_backup_is_a_checked_copy_with_the_same_content(tmp_path: Path) -> None:
    assert init(tmp_path / "p").returncode == 0
    assert ctxh("demo", "--data-dir", str(tmp_path / "p"), "--cases", "50").returncode == 0
    done = ctxh("backup", "--json", "--data-dir", str(tmp_path / "p"), "--out", str(tmp_path / "copy.sqlite3"))
    assert done.returncode == 0, done.stderr
    backup = (tmp_path / "copy.sqlite3").read_bytes()
    assert not backup.startswith(b"SQLite format 3")  # encrypted under the profile's data key
    # The copy opens only with this profile's key (its vault): another folder holding just the file cannot.
    alone = tmp_path / "alone"
    alone.mkdir()
    (alone / "ctxh.sqlite3").write_bytes(backup)
    refused = ctxh("status", "--user", "canbo", "--data-dir", str(alone))
    assert refused.returncode == 2 and "CTXH_PASSPHRASE" not in refused.stderr
    restored = tmp_path / "restored"
    shutil.copytree(tmp_path / "p", restored)
    (restored / "ctxh.sqlite3").write_bytes(backup)
    one = json.loads(ctxh("status", "--json", "--data-dir", str(tmp_path / "p")).stdout)["digest"]
    two = json.loads(ctxh("status", "--json", "--data-dir", str(restored)).stdout)["digest"]
    assert one == two


def test_help_lists_every_subcommand() -> None:
    done = ctxh("--help")
    assert done.returncode == 0
    for command in ("init", "demo", "status", "search", "db-check", "backup", "gui"):
        assert command in done.stdout


def test_user_accounts(tmp_path: Path) -> None:
    assert init(tmp_path / "p").returncode == 0
    new = "chu tich xa ky duyet"
    done = ctxh("user", "add", "lanhdao", "--role", "APPROVER", "--data-dir", str(tmp_path / "p"))
    assert done.returncode == 2 and "CTXH_NEW_PASSPHRASE" in done.stderr  # the new account's passphrase
    done = ctxh("user", "add", "lanhdao", "--role", "APPROVER", "--data-dir", str(tmp_path / "p"), new_passphrase=new)
    assert done.returncode == 0, done.stderr
    done = ctxh("user", "add", "ctv1", "--role", "COLLABORATOR", "--data-dir", str(tmp_path / "p"),
                new_passphrase=new)
    assert done.returncode == 2 and "phải gắn với một người trong danh sách đội ngũ" in done.stderr
    users = json.loads(ctxh("user", "list", "--json", "--data-dir", str(tmp_path / "p")).stdout)["users"]
    assert [(u["username"], u["role"]) for u in users] == [("canbo", "ADMIN"), ("lanhdao", "APPROVER")]
    # The approver signs in with their own passphrase and may not manage accounts.
    done = ctxh("user", "list", "--user", "lanhdao", "--data-dir", str(tmp_path / "p"), passphrase=new)
    assert done.returncode == 2 and "không có quyền" in done.stderr


def test_case_transfer_by_its_number(tmp_path: Path) -> None:
    from desktop.core.services import cases

    assert init(tmp_path / "p").returncode == 0
    ctx = reopen(tmp_path / "p")
    case_id, _ = cases.open_case(ctx, {"full_name": "Đinh Văn Chuyển"}, {"opened_on": "02/11/2026"})
    case_no = cases.get_case(ctx, case_id)["case_no"]
    ctx.db.dispose()
    wrong = ctxh("--data-dir", str(tmp_path / "p"), "case", "transfer", case_no, "--to", "23425")
    assert wrong.returncode == 2 and "không thuộc tỉnh/thành" in wrong.stderr
    done = ctxh("--data-dir", str(tmp_path / "p"), "case", "transfer", case_no, "--to", "00008", "--json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == {"case": case_id, "case_no": case_no, "to": "00008"}
    again = ctxh("--data-dir", str(tmp_path / "p"), "case", "transfer", case_no, "--to", "00025")
    assert again.returncode == 2 and "đã kết thúc" in again.stderr


def test_a_case_worked_through_from_the_command_line_in_either_language(tmp_path: Path) -> None:
    from desktop.core.services import cases

    assert init(tmp_path / "p").returncode == 0
    ctx = reopen(tmp_path / "p")
    case_id, _ = cases.open_case(ctx, {"full_name": "Đinh Văn Làm"}, {"opened_on": "02/11/2026"})
    number = cases.get_case(ctx, case_id)["case_no"]
    ctx.db.dispose()

    def case(*args: str) -> subprocess.CompletedProcess[str]:
        return ctxh("--data-dir", str(tmp_path / "p"), "case", *args)

    # A refusal read in a fresh process (its step's name looked up while the write was open) is the
    # sentence, not an internal error; in English when asked, the step's name too.
    refused = case("submit", number, "--lang", "en")
    assert refused.returncode == 2
    assert refused.stderr.strip() == "Error: Step “Intake” needs no approval."
    assert case("advance", number, "--on", "03/11/2026 09:30").returncode == 0
    assert case("submit", number, "--on", "04/11/2026").returncode == 0
    unsigned = case("decide", number, "approved")
    assert unsigned.returncode == 2 and "người phê duyệt" in unsigned.stderr
    done = case("decide", number, "approved", "--number", "7/QĐ-UBND", "--date", "05/11/2026",
                "--approver", "Lê Văn Chủ", "--on", "05/11/2026", "--json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["step"] == "KE_HOACH"
    assert case("note", number, "Đã thăm nhà, gia đình đồng ý kế hoạch").returncode == 0
    early = case("close", number, "--reason", "DAT_MUC_TIEU")
    assert early.returncode == 2 and "bước cuối" in early.stderr
    assert case("close", number, "--reason", "MAT_LIEN_LAC").returncode == 0
    assert case("reopen", number, "--reason", "Gia đình liên lạc lại").returncode == 0
    lines = case("timeline", number).stdout.splitlines()
    assert lines[0] == "02/11/2026  Tiếp nhận, mở hồ sơ (Quản lý trường hợp CTXH (TT 02/2020))"
    assert "03/11/2026 09:30  Hoàn thành bước «Tiếp nhận, thu thập thông tin» — canbo" in lines
    assert any("QĐ số 7/QĐ-UBND, người ký: Lê Văn Chủ" in line for line in lines)
    assert any(line.endswith("Mở lại hồ sơ — lý do: Gia đình liên lạc lại — canbo") for line in lines)
    english = case("timeline", number, "--lang", "en").stdout
    assert "Intake, case opened" in english and "Tiếp nhận" not in english


def test_a_reader_that_stops_early_ends_the_command_quietly(tmp_path: Path) -> None:
    """`ctxh … | head`: no BrokenPipeError traceback when the reader closes the pipe."""
    from desktop.core.services.demo import generate
    from tests.conftest import make_profile

    profile = tmp_path / "p"
    ctx = make_profile(profile)
    generate(ctx, cases=1500, workers=3, seed=1)
    ctx.db.dispose()
    env = {**os.environ, "CTXH_PASSPHRASE": PASSPHRASE}
    # Far more than a pipe holds (64 KiB), so the writer is still writing when `head` has gone.
    command = f"'{sys.executable}' -m desktop --data-dir '{profile}' search nguyen --limit 5000 --json | head -c 100"
    done = subprocess.run(["bash", "-c", f"set -o pipefail; {command}"], capture_output=True, text=True, env=env,
                          cwd=ROOT, timeout=120)
    assert len(done.stdout) == 100
    assert "Traceback" not in done.stderr and "BrokenPipe" not in done.stderr, done.stderr
    assert done.returncode == 0


def test_restore_refuses_a_backup_of_another_laptop_or_commune(tmp_path: Path) -> None:
    """T35: `ctxh restore` of another device's backup (same commune or not) is refused E_RESTORE_FOREIGN and
    the profile is unchanged, files and content; the laptop's own backup still restores."""
    from desktop.core.services.demo import generate
    from desktop.core.services.maintenance import backup
    from tests.conftest import make_profile

    laptops = {"own": make_profile(tmp_path / "own"), "peer": make_profile(tmp_path / "peer"),
               "far": make_profile(tmp_path / "far", commune="00008")}
    for name, ctx in laptops.items():
        generate(ctx, cases=5, workers=1, seed=2)
        backup(ctx, tmp_path / f"{name}.bak")
        ctx.db.dispose()
    own = tmp_path / "own"
    before = json.loads(ctxh("status", "--json", "--data-dir", str(own)).stdout)
    files = sorted(p.name for p in own.rglob("*"))
    for foreign in ("peer.bak", "far.bak"):
        refused = ctxh("restore", str(tmp_path / foreign), "--json", "--data-dir", str(own))
        assert refused.returncode == 2 and json.loads(refused.stdout)["error"] == "E_RESTORE_FOREIGN", refused.stdout
        assert "Traceback" not in refused.stderr
    assert json.loads(ctxh("status", "--json", "--data-dir", str(own)).stdout) == before
    assert sorted(p.name for p in own.rglob("*")) == files
    assert ctxh("restore", str(tmp_path / "own.bak"), "--data-dir", str(own)).returncode == 0


def test_status_speaks_the_chosen_language_and_tells_the_age_of_the_province(tmp_path: Path, capsys,
                                                                            monkeypatch) -> None:
    """`ctxh status` (T18): the age of the newest hub bundle and the warning past the threshold, in the
    language asked for."""
    import datetime as dt

    from desktop.cli.main import run
    from desktop.core.repositories import sync_store as store
    from sync.trust import iso_utc
    from tests.conftest import make_profile

    ctx = make_profile(tmp_path / "p")
    with ctx.db.session() as session:
        store.set_state(session, "hub_bundle_made_at", iso_utc(dt.datetime.now(dt.UTC) - dt.timedelta(days=61)))
    ctx.db.dispose()
    monkeypatch.setenv("CTXH_PASSPHRASE", PASSPHRASE)
    assert run(["status", "--data-dir", str(tmp_path / "p"), "--lang", "en"]) == 0
    english = capsys.readouterr().out
    assert "Content digest:" in english and "61 day(s) old" in english and "WARNING: no bundle" in english
    assert run(["status", "--data-dir", str(tmp_path / "p")]) == 0
    assert "CẢNH BÁO: đã 61 ngày" in capsys.readouterr().out


def test_the_command_line_s_own_lines_follow_lang(tmp_path: Path) -> None:
    """`--lang en` turns the command line's own sentences English, not only its errors."""
    done = ctxh("--data-dir", str(tmp_path / "p"), "init", "--province", "01", "--commune", "00004",
                "--device-name", "Máy", "--user", "canbo", "--lang", "en")
    assert done.returncode == 0 and done.stdout.startswith("Profile set up in "), done.stdout + done.stderr
    backup = ctxh("--data-dir", str(tmp_path / "p"), "backup", "--lang", "en")
    assert backup.returncode == 0 and backup.stdout.startswith("Backed up and checked: "), backup.stderr
    assert ctxh("--data-dir", str(tmp_path / "p"), "backup").stdout.startswith("Đã sao lưu và kiểm tra: ")
