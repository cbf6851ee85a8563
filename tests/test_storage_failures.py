"""What a bad stick does to an export: full (T3, a real 32 KB tmpfs), or returning other bytes than were
written (E_READBACK). Each ends in a clear message and exit 2, nothing is counted as sent, nothing half-written
is left looking like a bundle, and the database is sound."""

from __future__ import annotations

import subprocess
import uuid
from pathlib import Path

import pytest

from desktop.cli.main import run
from desktop.core.repositories import sync_store as store
from desktop.core.services.demo import generate
from desktop.core.services.maintenance import db_check
from tests.sync_helpers import Hub, laptops


def _export_state(ctx) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    with ctx.db.reader() as session:
        return store.get_state(session, "last_export_seq", 0), len(store.ledger(session))


def _small_disk(tmp_path: Path, size: str):  # type: ignore[no-untyped-def]
    mount = tmp_path / f"disk-{uuid.uuid4().hex[:6]}"
    mount.mkdir()
    made = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(mount)], capture_output=True,
                          text=True)
    if made.returncode != 0:
        pytest.skip(f"cannot mount a small tmpfs here (needs root): {made.stderr.strip()}")
    try:
        yield mount
    finally:
        import gc

        gc.collect()  # an in-process command's engine may still hold the database open
        if subprocess.run(["umount", str(mount)], check=False, capture_output=True).returncode != 0:
            subprocess.run(["umount", "-l", str(mount)], check=False)  # detached now, freed when closed


@pytest.fixture
def full_stick(tmp_path: Path):
    """A real, tiny file system (tmpfs of 32 KB), or a skip saying why it cannot be made here."""
    yield from _small_disk(tmp_path, "32k")


@pytest.fixture
def small_disk(tmp_path: Path):
    """A real file system of 24 MB for a whole profile, or a skip saying why it cannot be made here."""
    yield from _small_disk(tmp_path, "24m")


def test_saving_on_a_full_disk_is_a_clean_error_and_the_database_stays_sound(small_disk: Path, capsys) -> None:
    """T3 for the profile itself: the laptop's disk fills while saving — exit 2, a message in the officer's
    language, no traceback; once space is freed the database checks sound and the work goes on."""
    from tests.conftest import make_profile, reopen

    profile = small_disk / "profile"
    make_profile(profile).db.dispose()
    filler = small_disk / "filler"
    with open(filler, "wb") as handle:  # leave about 200 KB free
        free = __import__("shutil").disk_usage(small_disk).free - 200 * 1024
        handle.write(b"\0" * max(0, free))
    code = run(["demo", "--cases", "3000", "--workers", "5", "--seed", "1", "--data-dir", str(profile)])
    printed = capsys.readouterr()
    assert code == 2, printed
    assert "đã đầy" in printed.err and "Traceback" not in printed.out + printed.err
    filler.unlink()
    ctx = reopen(profile)
    assert db_check(ctx)["ok"]
    ctx.db.dispose()
    assert run(["demo", "--cases", "20", "--workers", "2", "--seed", "2", "--data-dir", str(profile)]) == 0


def test_exporting_to_a_full_stick_is_a_clean_error(tmp_path: Path, full_stick: Path, capsys) -> None:
    """T3: the bundle does not fit — exit 2, a message naming the folder, no traceback, nothing partial left
    on the stick, the export counter unchanged, the database sound; the next export to a good folder works."""
    [a] = laptops(tmp_path, ["a"], Hub.make())
    generate(a, cases=400, workers=3, seed=3)  # a bundle of well over 32 KB
    before = _export_state(a)
    code = run(["bundle", "export", "--out", str(full_stick), "--data-dir", str(a.profile.root), "--lang", "en"])
    printed = capsys.readouterr()
    assert code == 2
    assert "Not enough free space" in printed.err and str(full_stick) in printed.err
    assert "Traceback" not in printed.out + printed.err
    assert list(full_stick.iterdir()) == []
    assert _export_state(a) == before
    assert db_check(a)["ok"]
    good = tmp_path / "good"
    good.mkdir()
    assert run(["bundle", "export", "--out", str(good), "--data-dir", str(a.profile.root)]) == 0
    assert list(good.glob("*.ctxh.age"))
    a.db.dispose()


def test_a_stick_that_reads_back_other_bytes_is_E_READBACK(tmp_path: Path, monkeypatch, capsys) -> None:
    """A stick that corrupts what it stores (here: reads back one flipped byte, as a failing flash cell does):
    the export says so, removes the file, and counts nothing as sent."""
    [a] = laptops(tmp_path, ["a"], Hub.make())
    generate(a, cases=20, workers=2, seed=4)
    out = tmp_path / "bad-usb"
    out.mkdir()
    real_read = Path.read_bytes

    def failing_flash(self: Path) -> bytes:
        data = real_read(self)
        if self.parent == out and self.suffix == ".age":
            return data[:100] + bytes([data[100] ^ 0x10]) + data[101:]
        return data

    monkeypatch.setattr(Path, "read_bytes", failing_flash)
    before = _export_state(a)
    code = run(["bundle", "export", "--out", str(out), "--data-dir", str(a.profile.root)])
    printed = capsys.readouterr()
    assert code == 2 and "Traceback" not in printed.err
    assert list(out.iterdir()) == []
    assert _export_state(a) == before
    a.db.dispose()
