"""The one-folder build: its size on disk and cold start, vs a bare PySide6 window built the same way."""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from bench.common import ROOT, WORK, Result, median, ms, run_marked

sys.path.insert(0, str(ROOT / "build_spec"))
from build import build, folder_size

RUNS = 5


def build_bare() -> Path:
    """Build bench/bare_window.py with PyInstaller's defaults (one folder)."""
    out = WORK / "bare-build"
    shutil.rmtree(out, ignore_errors=True)
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN", "--onedir",
                        "--distpath", str(out), "--workpath", tmp, "--specpath", tmp,
                        str(ROOT / "bench" / "bare_window.py")], check=True, cwd=ROOT)
    return out / "bare_window" / "bare_window"


# What the spec keeps of PySide6 on Windows (the same exclusions as build_spec/ctxh.spec).
_WINDOWS_QT = (r"PySide6/(Qt6(Core|Gui|Widgets|PrintSupport)\.dll|Qt(Core|Gui|Widgets|PrintSupport)\.pyd"
               r"|pyside6\.abi3\.dll|.*(msvcp|vcruntime|concrt)[^/]*\.dll"
               r"|plugins/(platforms/qwindows|imageformats/q(jpeg|ico)|styles/[^/]*)\.dll|translations/qtbase_(vi|en)\.qm)$")
_WINDOWS_WHEELS = ("PySide6-Essentials==6.12.0", "shiboken6==6.12.0", "sqlcipher3==0.6.4", "cryptography==48.0.0",
                   "rapidfuzz==3.14.6", "python-calamine==0.9.1", "pyrage==1.4.0", "argon2-cffi-bindings",
                   "SQLAlchemy==2.1.9")


def windows_estimate(ours: Path) -> float | None:
    """The Windows folder's size, estimated (no Windows here): the files the spec keeps of each dependency's
    Windows wheel, plus what the Linux build holds that is not a Linux library (the Python runtime, the app's
    modules and data, the two executables). None when the wheels cannot be downloaded."""
    import re
    import zipfile

    folder = WORK / "windows-wheels"
    folder.mkdir(parents=True, exist_ok=True)
    got = subprocess.run([sys.executable, "-m", "pip", "download", "--only-binary=:all:", "--platform", "win_amd64",
                          "--python-version", "3.11", "--no-deps", "-q", "-d", str(folder), *_WINDOWS_WHEELS],
                         capture_output=True)
    if got.returncode != 0:
        return None
    keep_qt = re.compile(_WINDOWS_QT, re.I)
    total = 0
    for wheel in folder.glob("*.whl"):
        for item in zipfile.ZipFile(wheel).infolist():
            name = item.filename
            if ".dist-info/" in name or name.endswith((".pyi", ".py")):  # sources go compressed into the archive
                continue
            if wheel.name.startswith("pyside6") and not keep_qt.search(name):
                continue
            total += item.file_size
    internal = ours.parent / "_internal"
    runtime = sum(p.stat().st_size for p in (internal / "python3.11").rglob("*") if p.is_file())
    runtime += sum((internal / name).stat().st_size for name in ("base_library.zip", "libpython3.11.so.1.0",
                                                                 "libcrypto.so.3", "libssl.so.3", "libsqlite3.so.0")
                   if (internal / name).exists())
    app = sum(p.stat().st_size for folder_name in ("desktop", "forms", "resources")
              for p in (internal / folder_name).rglob("*") if p.is_file())
    executables = sum(p.stat().st_size for p in ours.parent.iterdir() if p.is_file())
    return (total + runtime + app + executables) / 1e6


def run(profile: Path) -> list[Result]:
    """Build both, then time frozen cold starts (interleaved)."""
    ours = build()
    bare = build_bare()
    ours_size, bare_size = folder_size(ours.parent), folder_size(bare.parent)
    ours_times, bare_times, source_times = [], [], []
    gui = ["--data-dir", str(profile), "gui", "--user", "demo", "--page", "cases"]
    for _ in range(RUNS):
        marks, _, _ = run_marked([str(ours), *gui], {}, "window_shown")
        ours_times.append(marks["window_shown"])
        marks, _, _ = run_marked([str(bare)], {}, "window_shown")
        bare_times.append(marks["window_shown"])
        marks, _, _ = run_marked([sys.executable, "-m", "desktop", *gui], {}, "window_shown")
        source_times.append(marks["window_shown"])
    qt = ours.parent / "_internal" / "PySide6"
    icu = sum(p.stat().st_size for p in qt.rglob("libicu*")) if qt.exists() else 0
    section = "One-folder build (PyInstaller)"
    estimate = windows_estimate(ours)
    windows = [Result(section, "the Windows folder, estimated from the Windows wheels (not built here)",
                      f"{estimate:.0f} MB", "—", "—", "≤ 150 MB", estimate <= 150)] if estimate else []
    return [
        *windows,
        Result(section, "size on disk", f"{ours_size / 1e6:.0f} MB", f"{bare_size / 1e6:.0f} MB",
               f"{ours_size / bare_size:.2f}×", "(information)", None),
        Result(section, "of which ICU (Linux only: Qt on Windows uses the system's)", f"{icu / 1e6:.0f} MB", "—",
               "—", "(information)", None),
        Result(section, "frozen cold start to the first shown window (median of 5)", ms(median(ours_times)),
               ms(median(bare_times)), f"{median(ours_times) / median(bare_times):.2f}×", "(information)", None),
        Result(section, "the same window from source (python -m desktop), beside the frozen one",
               ms(median(ours_times)), ms(median(source_times)), f"{median(ours_times) / median(source_times):.2f}×",
               "no slower (within 5 %, the runs' noise)", median(ours_times) <= median(source_times) * 1.05),
    ]
