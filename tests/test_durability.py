"""D1: every save that returned survives a crash (a T1-style test: SIGKILL the writer at random moments)."""

from __future__ import annotations

import random
import subprocess
import sys
import time
from pathlib import Path

from sqlalchemy import func, select

from desktop.core.context import open_context
from desktop.core.models import ChangeEntry, Worker
from desktop.core.services.maintenance import db_check
from tests.conftest import make_profile

ROOT = Path(__file__).resolve().parent.parent
WRITER = """
import sys
from pathlib import Path
from desktop.core.context import open_context
from desktop.core.services.roster import create_worker
ctx = open_context(Path(sys.argv[1]))
start = int(sys.argv[2])
print("ready", flush=True)
i = start
while True:
    create_worker(ctx, {"full_name": f"Cộng Tác Viên {i}", "category": "CTV_CTXH"})
    print(f"acked {i}", flush=True)
    i += 1
"""


def test_acknowledged_saves_survive_sigkill(tmp_path: Path) -> None:
    profile = tmp_path / "p"
    make_profile(profile).db.dispose()
    rng = random.Random(20261123)
    acked: set[int] = set()
    next_number = 1
    for _round in range(8):
        child = subprocess.Popen([sys.executable, "-c", WRITER, str(profile), str(next_number)], cwd=ROOT,
                                 stdout=subprocess.PIPE, text=True)
        assert child.stdout.readline().strip() == "ready"
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
        ctx = open_context(profile)
        assert db_check(ctx)["ok"], db_check(ctx)
        with ctx.db.reader() as session:
            names = set(session.scalars(select(Worker.full_name)))
            workers = session.scalar(select(func.count()).select_from(Worker))
            entries = session.scalar(select(func.count()).select_from(ChangeEntry))
        ctx.db.dispose()
        survived = {int(n.rsplit(" ", 1)[1]) for n in names}
        assert acked <= survived, sorted(acked - survived)[:5]
        assert workers == entries  # no half transaction: each record has exactly its one change entry
        next_number = max(survived | acked | {0}) + 1
    assert len(acked) >= 8, len(acked)  # the test only means something if saves were acknowledged
    print(f"{len(acked)} acknowledged saves, all survived")
