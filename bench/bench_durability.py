"""T1 at scale: 500 SIGKILLs of a writer at random moments, each followed by a check that every save that
returned is there (D1) and no record is half written. The baseline is a bare sqlite3 writer with the same
PRAGMAs inserting a row per transaction, killed the same way: the app must lose no more than SQLite itself
(nothing), however much slower its saves are."""

from __future__ import annotations

import sqlite3
import tempfile
from pathlib import Path

from bench.common import Result

ROUNDS = 500

BARE_WRITER = """
import sqlite3, sys
from desktop.core.db import SQLITE_PRAGMAS
db = sqlite3.connect(sys.argv[1] + "/bare.sqlite3", isolation_level=None)
for pragma in SQLITE_PRAGMAS:
    db.execute(pragma)
db.execute("CREATE TABLE IF NOT EXISTS saved (n INTEGER PRIMARY KEY, name TEXT)")
print("ready", flush=True)
i = int(sys.argv[2])
while True:
    db.execute("BEGIN IMMEDIATE")
    db.execute("INSERT INTO saved VALUES (?, ?)", (i, f"Cộng Tác Viên {i}"))
    db.execute("COMMIT")
    print(f"acked {i}", flush=True)
    i += 1
"""


def _bare_check(folder: Path) -> set[int]:
    db = sqlite3.connect(folder / "bare.sqlite3")
    try:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return {n for (n,) in db.execute("SELECT n FROM saved")}
    finally:
        db.close()


def run(rounds: int = ROUNDS) -> list[Result]:
    """Kill the app's writer and the bare one `rounds` times each; the figures for results.md."""
    from tests.conftest import make_profile
    from tests.test_durability import kill_rounds

    with tempfile.TemporaryDirectory() as work:
        profile = Path(work) / "profile"
        make_profile(profile).db.dispose()
        ours = kill_rounds(profile, rounds, seed=500)
        bare_dir = Path(work) / "bare"
        bare_dir.mkdir()
        bare = kill_rounds(bare_dir, rounds, seed=500, writer=BARE_WRITER, check=_bare_check)
    section = f"Durability: {rounds} SIGKILLs at random moments (T1)"
    return [
        Result(section, "acknowledged saves lost", f"{len(ours.lost)} of {ours.acked:,}",
               f"{len(bare.lost)} of {bare.acked:,}", "—", "0 lost", not ours.lost),
        Result(section, "records without their change entry", str(ours.torn), "—", "—", "0", ours.torn == 0),
        Result(section, "time per round (start, save, kill, check)", f"{ours.seconds / rounds * 1000:.0f} ms",
               f"{bare.seconds / rounds * 1000:.0f} ms", f"{ours.seconds / bare.seconds:.1f}×", "—", None),
    ]
