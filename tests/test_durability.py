"""D1: every save that returned survives a crash (a T1-style test: SIGKILL the writer at random moments)."""

from __future__ import annotations

import os
import random
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select

from desktop.core.models import ChangeEntry, Worker
from desktop.core.services.maintenance import db_check
from tests.conftest import PASSPHRASE, make_profile, reopen

ROOT = Path(__file__).resolve().parent.parent
WRITER = """
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
import os
from desktop.core.context import open_context
from desktop.core.services.roster import create_worker
ctx = open_context(Path(sys.argv[1]), "canbo", os.environ["CTXH_PASSPHRASE"])
start = int(sys.argv[2])
print("ready", flush=True)
i = start
while True:
    create_worker(ctx, {"full_name": f"Cộng Tác Viên {i}", "category": "CTV_CTXH"})
    print(f"acked {i}", flush=True)
    i += 1
"""


@dataclass
class KillRounds:
    """What a run of kill rounds found: saves acknowledged, and those missing after a kill (must be none)."""

    rounds: int
    acked: int
    lost: list[int]
    torn: int  # rounds after which a record lacked its change entry (half a transaction)
    seconds: float


def kill_rounds(profile: Path, rounds: int, seed: int = 20261123, writer: str = WRITER,
                check: Callable[[Path], set[int]] | None = None) -> KillRounds:
    """SIGKILL `writer` (it prints "acked N" after each save returned) at a random moment, `rounds` times;
    after each kill the profile is opened and checked, and every acknowledged save must be there."""
    rng = random.Random(seed)
    acked: set[int] = set()
    lost: set[int] = set()
    torn = 0
    next_number = 1
    started = time.perf_counter()
    for _round in range(rounds):
        child = subprocess.Popen([sys.executable, "-c", writer, str(profile), str(next_number)], cwd=ROOT,
                                 stdout=subprocess.PIPE, text=True,
                                 env={**os.environ, "CTXH_PASSPHRASE": PASSPHRASE})
        assert child.stdout is not None and child.stdout.readline().strip() == "ready"
        deadline = time.monotonic() + rng.uniform(0.0, 0.2)
        while time.monotonic() < deadline:
            line = child.stdout.readline()
            if line.startswith("acked"):
                acked.add(int(line.split()[1]))
        child.kill()
        for line in child.stdout.read().splitlines():  # acks printed before the kill landed
            if line.startswith("acked"):
                acked.add(int(line.split()[1]))
        child.wait()
        if check is None:
            survived, whole = _app_check(profile)
        else:
            survived, whole = check(profile), True
        torn += not whole
        lost |= acked - survived
        next_number = max(survived | acked | {0}) + 1
    return KillRounds(rounds, len(acked), sorted(lost), torn, time.perf_counter() - started)


def _app_check(profile: Path) -> tuple[set[int], bool]:
    ctx = reopen(profile)
    try:
        assert db_check(ctx)["ok"], db_check(ctx)
        with ctx.db.reader() as session:
            names = set(session.scalars(select(Worker.full_name)))
            workers = session.scalar(select(func.count()).select_from(Worker))
            entries = session.scalar(select(func.count()).select_from(ChangeEntry))
    finally:
        ctx.db.dispose()
    # each record has exactly its one change entry: no half transaction
    return {int(n.rsplit(" ", 1)[1]) for n in names}, workers == entries


def test_acknowledged_saves_survive_sigkill(tmp_path: Path) -> None:
    """T1 in the suite (8 rounds); `python -m bench --only durability` runs 500 (bench/results.md)."""
    profile = tmp_path / "p"
    make_profile(profile).db.dispose()
    found = kill_rounds(profile, rounds=int(os.environ.get("CTXH_KILL_ROUNDS", "8")))
    assert found.lost == [] and found.torn == 0, found
    assert found.acked >= 8, found  # the test only means something if saves were acknowledged
    print(f"{found.acked} acknowledged saves over {found.rounds} kills, all survived")
