"""Shared pieces of the benchmarks: results, timing, child processes, the 100,000-case profile."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "bench" / ".work"
PASSPHRASE = "bench-passphrase"


@dataclass
class Result:
    """One figure beside its baseline; `ratio` is how the goal is stated (see `goal`)."""

    section: str
    name: str
    ours: str
    baseline: str
    ratio: str
    goal: str
    met: bool | None


def median(values: list[float]) -> float:
    """The median."""
    return statistics.median(values)


def p95(values: list[float]) -> float:
    """The 95th percentile (nearest rank)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def ms(seconds: float) -> str:
    """Seconds as milliseconds for a table."""
    return f"{seconds * 1000:.1f} ms"


def ctxh(*args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    """Run ctxh from the source tree."""
    env = {**os.environ, "CTXH_PASSPHRASE": PASSPHRASE}
    return subprocess.run([sys.executable, "-m", "desktop", *args], cwd=ROOT, env=env, capture_output=True,
                          text=True, check=check)


def demo_profile(cases: int) -> Path:
    """A profile with `cases` demo cases (seed 1), made once and reused by later runs."""
    path = WORK / f"profile-{cases}"
    if (path / "ready").exists():
        return path
    if path.exists():
        import shutil

        shutil.rmtree(path)
    ctxh("--data-dir", str(path), "init", "--province", "01", "--commune", "00004", "--device-name",
         "Máy đo hiệu năng", "--user", "demo")
    ctxh("--data-dir", str(path), "demo", "--cases", str(cases), "--workers", "40", "--seed", "1", "--json")
    (path / "ready").write_text("ok")
    return path


def open_bench(profile: Path, user: str | None = None):  # type: ignore[no-untyped-def]
    """Sign in to a benchmark profile (as the account that made it)."""
    from desktop.core.context import open_context
    from desktop.core.profile import Profile

    return open_context(profile, user or Profile(profile).read_settings().get("last_user", "demo"), PASSPHRASE)


def raw_connect(profile: Path, passphrase: str = PASSPHRASE, db_file: Path | None = None):  # type: ignore[no-untyped-def]
    """A bare DB-API connection to a profile's database (or to `db_file`, a copy of it) — SQLCipher with the
    profile's data key, as the app opens it — for the hand-written baselines: the same file, the same
    encryption, none of our code above it."""
    from desktop.core.db import driver
    from desktop.core.profile import Profile
    from desktop.core.unlocking import unlock
    from desktop.core.vault import hex_key

    settings = Profile(profile).read_settings()
    key = unlock(Profile(profile), settings.get("last_user", "demo"), passphrase)
    conn = driver().connect(str(db_file or profile / "ctxh.sqlite3"))
    conn.execute(f'PRAGMA key = "{hex_key(key)}"')
    conn.execute("PRAGMA cache_size=-131072")  # the app's page cache (desktop/core/db.py): a fair baseline
    return conn


def run_marked(cmd: list[str], env: dict[str, str], quit_after: str) -> tuple[dict[str, float], float, int]:
    """Start a GUI process that prints "mark NAME TIME PEAK_KIB", quit at a milestone.

    Returns (milestone -> seconds since the process was started, wall seconds, the child's own peak RSS
    in KiB at its last milestone, as it read it from /proc/self/status).
    """
    full_env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "CTXH_BENCH_MARKS": "1",
                "CTXH_QUIT_AFTER": quit_after, "CTXH_PASSPHRASE": PASSPHRASE, **env}
    start = time.time()
    proc = subprocess.Popen(cmd, cwd=ROOT, env=full_env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            text=True)
    status = proc.wait()
    wall = time.time() - start
    stderr = proc.stderr.read() if proc.stderr else ""
    if status != 0:
        raise RuntimeError(f"{cmd} failed: {stderr[-2000:]}")
    marks, peak = {}, 0
    for line in stderr.splitlines():
        if line.startswith("mark "):
            _, name, stamp, rss = line.split()
            marks[name] = float(stamp) - start
            peak = max(peak, int(rss))
    return marks, wall, peak
