"""The PyInstaller one-folder build: it builds, and the frozen ctxh runs headless and opens its window."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import PASSPHRASE

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def frozen() -> Path:
    sys.path.insert(0, str(ROOT / "build_spec"))
    try:
        from build import build
    finally:
        sys.path.pop(0)
    return build()


def run(exe: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    full_env = {**os.environ, "CTXH_PASSPHRASE": PASSPHRASE, "QT_QPA_PLATFORM": "offscreen", **env}
    return subprocess.run([str(exe), *args], capture_output=True, text=True, env=full_env, timeout=300,
                          stdin=subprocess.DEVNULL)


@pytest.mark.slow
def test_frozen_app_runs_init_demo_status_and_the_window(frozen: Path, tmp_path: Path) -> None:
    profile = str(tmp_path / "p")
    done = run(frozen, "--data-dir", profile, "init", "--province", "79", "--commune", "26740",
               "--device-name", "Máy đóng gói", "--user", "canbo")
    assert done.returncode == 0, done.stderr
    assert run(frozen, "--data-dir", profile, "demo", "--cases", "150", "--seed", "4").returncode == 0
    frozen_status = json.loads(run(frozen, "--data-dir", profile, "status", "--json").stdout)
    assert frozen_status["counts"]["case"] == 150
    # The same seed through the source tree gives the same content digest.
    source = subprocess.run(
        [sys.executable, "-m", "desktop", "--data-dir", str(tmp_path / "s"), "init", "--province", "79",
         "--commune", "26740", "--device-name", "Máy nguồn", "--user", "canbo"],
        env={**os.environ, "CTXH_PASSPHRASE": PASSPHRASE}, cwd=ROOT, capture_output=True, text=True)
    assert source.returncode == 0, source.stderr
    subprocess.run([sys.executable, "-m", "desktop", "--data-dir", str(tmp_path / "s"), "demo", "--cases", "150",
                    "--seed", "4"], cwd=ROOT, check=True, capture_output=True,
                   env={**os.environ, "CTXH_PASSPHRASE": PASSPHRASE})
    source_status = json.loads(subprocess.run(
        [sys.executable, "-m", "desktop", "--data-dir", str(tmp_path / "s"), "status", "--json"],
        cwd=ROOT, check=True, capture_output=True, text=True, env={**os.environ, "CTXH_PASSPHRASE": PASSPHRASE}).stdout)
    # The frozen build carries SQLCipher: its profile database is encrypted (no SQLite header in clear).
    assert (tmp_path / "p" / "ctxh.sqlite3").read_bytes()[:16] != b"SQLite format 3\x00"
    assert source_status["digest"] == frozen_status["digest"]
    window = run(frozen, "--data-dir", profile, "gui", "--user", "canbo", "--page", "cases",
                 CTXH_BENCH_MARKS="1", CTXH_QUIT_AFTER="first_rows_cases")
    assert window.returncode == 0, window.stderr
    assert "mark window_shown" in window.stderr and "mark first_rows_cases" in window.stderr
    # The frozen build carries the list readers: an Excel 97–2003 list typed in TCVN3 goes in (python-calamine,
    # rapidfuzz and the vocabulary all inside the package).
    from tests.list_corpus import xls_roster_tcvn3

    listed = run(frozen, "--data-dir", profile, "roster", "import", str(xls_roster_tcvn3(tmp_path / "ctv.xls").path),
                 "--json")
    assert listed.returncode == 1, listed.stderr  # one row refused for its date, as in the corpus test
    assert json.loads(listed.stdout)["imported"] == 3 and json.loads(listed.stdout)["converted"] > 0


@pytest.mark.slow
def test_the_laptop_build_is_lean_and_goes_through_a_commune_s_day(frozen: Path, tmp_path: Path) -> None:
    """Two executables over one folder (the window's, no console on Windows; the command line's), no hub-only
    driver, no unused Qt module; then, through the frozen command line: a trusted province card, a report, a
    bundle exported and verified."""
    from tests.sync_helpers import Hub

    folder = frozen.parent
    window_exe = folder / ("CTXH Desk.exe" if sys.platform == "win32" else "CTXH Desk")
    assert window_exe.exists() and frozen.exists()
    names = [p.name for p in (folder / "_internal").rglob("*")]
    assert not [n for n in names if n.startswith(("psycopg", "libpq"))], "the PostgreSQL driver is the hub's"
    assert not [n for n in names if "Qt6Network" in n or "Qt6Qml" in n or "Qt6Quick" in n or "wayland" in n.lower()]
    assert (folder / "_internal" / "resources" / "translations" / "qt_vi.qm").exists()
    profile = str(tmp_path / "p")
    assert run(frozen, "--data-dir", profile, "init", "--province", "01", "--commune", "00004",
               "--device-name", "Máy đóng gói", "--user", "canbo").returncode == 0
    assert run(frozen, "--data-dir", profile, "demo", "--cases", "60", "--seed", "5").returncode == 0
    card = tmp_path / "hub.json"
    card.write_text(json.dumps(Hub.make().card), encoding="utf-8")
    trusted = run(frozen, "--data-dir", profile, "trust", "add", str(card), "--user", "canbo")
    assert trusted.returncode == 0 and "dấu vân tay" in trusted.stdout, trusted.stderr
    report = run(frozen, "--data-dir", profile, "report", "--kind", "tt02", "--year", "2026", "--json",
                 "--user", "canbo")
    assert report.returncode == 0, report.stderr
    assert "cases.opened" in json.loads(report.stdout)
    out = tmp_path / "usb"
    out.mkdir()
    exported = run(frozen, "--data-dir", profile, "bundle", "export", "--out", str(out), "--json", "--user", "canbo")
    assert exported.returncode == 0, exported.stderr
    files = json.loads(exported.stdout)["files"]
    verified = run(frozen, "--data-dir", profile, "bundle", "verify", *files, "--user", "canbo")
    assert verified.returncode == 0 and "hợp lệ" in verified.stdout, verified.stderr + verified.stdout
    assert run(frozen, "--version").stdout.strip().startswith("CTXH Desk ")
    # Cards and paper: zxing-cpp, Pillow and segno inside the package. A card's photo read; a report printed
    # to PDF with its check code, rendered as a scanner would, and checked.
    import random
    import shutil

    from desktop.core.domain.citizen_card import parse_card_text
    from tests.card_corpus import picture
    from tests.test_card_reading import CHIP

    photo = tmp_path / "the.jpg"
    photo.write_bytes(picture(parse_card_text(CHIP), "phone", (1600, 1200), random.Random(5)))
    read = run(frozen, "card", "read", str(photo), "--json")
    assert read.returncode == 0 and json.loads(read.stdout)["fields"]["national_id"] == "001089012345", read.stderr
    pdf = tmp_path / "bao-cao.pdf"
    printed = run(frozen, "--data-dir", profile, "report", "--kind", "tt02", "--year", "2026", "--out", str(pdf),
                  "--user", "canbo")
    assert printed.returncode == 0, printed.stderr
    if shutil.which("pdftoppm"):
        subprocess.run(["pdftoppm", "-r", "300", "-png", str(pdf), str(tmp_path / "scan")], check=True)
        verdicts = [run(frozen, "--data-dir", profile, "verify-print", str(page), "--json", "--user", "canbo")
                    for page in sorted(tmp_path.glob("scan*.png"))]
        sealed = [json.loads(v.stdout) for v in verdicts if v.returncode == 0]
        assert [r["verdict"] for page in sealed for r in page] == ["current"], [v.stdout for v in verdicts]


def test_a_laptop_without_the_hub_s_driver_says_so_in_a_sentence(monkeypatch) -> None:
    """The laptop build carries no PostgreSQL driver: asked for a PostgreSQL hub, it refuses with E_HUB_DRIVER
    rather than an internal error."""
    from desktop.core.db import make_engine
    from desktop.core.errors import CtxhError

    for name in ("psycopg", "psycopg_binary"):
        monkeypatch.setitem(sys.modules, name, None)  # as if not installed
    with pytest.raises(CtxhError) as info:
        make_engine("postgresql+psycopg://hub@localhost/ctxh")
    assert info.value.code == "E_HUB_DRIVER"
