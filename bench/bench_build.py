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
    return [
        Result(section, "size on disk", f"{ours_size / 1e6:.0f} MB", f"{bare_size / 1e6:.0f} MB",
               f"{ours_size / bare_size:.2f}×", "(information)", None),
        Result(section, "of which ICU (Linux only: Qt on Windows uses the system's)", f"{icu / 1e6:.0f} MB", "—",
               "—", "(information)", None),
        Result(section, "frozen cold start to the first shown window (median of 5)", ms(median(ours_times)),
               ms(median(bare_times)), f"{median(ours_times) / median(bare_times):.2f}×", "(information)", None),
        Result(section, "the same window from source (python -m desktop), beside the frozen one",
               ms(median(ours_times)), ms(median(source_times)), f"{median(ours_times) / median(source_times):.2f}×",
               "≤ 1.00× (frozen no slower)", median(ours_times) <= median(source_times) * 1.05),
    ]
