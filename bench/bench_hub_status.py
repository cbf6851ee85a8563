"""`ctxh hub status` (the hub's Communes page) for a province the size of Hồ Chí Minh City after the 2025 reform:
168 communes × 600 cases, two laptops each, every change received kept as the hub keeps it. Beside it, the bare
SQL that reads the same facts (grouped counts per laptop) without the digests."""

from __future__ import annotations

import dataclasses
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

from bench.common import PASSPHRASE, ROOT, WORK, Result, median, open_bench, raw_connect

COMMUNES = 168
CASES = 600


def _province(communes: int, cases: int) -> tuple[Path, int]:
    """A hub holding `communes` communes of demo data (made once, reused); returns (hub, changes received)."""
    from desktop.core.bulk import insert_rows
    from desktop.core.models import ReceivedChange
    from desktop.core.repositories import hub as hub_repo
    from desktop.core.repositories import sync_store as store
    from desktop.core.services.demo import generate
    from sync.hub.profile import init_hub

    hub_dir = WORK / f"hub-status-{communes}x{cases}"
    if (hub_dir / "ready").exists():
        return hub_dir, int((hub_dir / "ready").read_text())
    shutil.rmtree(hub_dir, ignore_errors=True)
    hub = init_hub(hub_dir, "79", "Sở Y tế TP. Hồ Chí Minh (đo hiệu năng)", user=("quantri", PASSPHRASE))
    received = 0
    for n, code in enumerate(_codes(communes)):
        commune = dataclasses.replace(hub, commune_code=code)
        generate(commune, cases=cases, workers=6, seed=n + 1)
        laptops = [f"{n:08d}-0000-7000-8000-00000000000{k}" for k in (1, 2)]
        with hub.db.session() as session:
            for k, device in enumerate(laptops):
                hub_repo.save_hub_device(session, device, {
                    "name": f"Máy {k + 1} xã {code}", "partition": commune.partition, "sign_key": "x",
                    "age_recipient": "x", "fingerprint": "x", "not_after": "2029-01-01T00:00:00Z"})
            # What the hub keeps of every change it applied: the line, under the laptop that sent it.
            entries = list(store.outbox_of_partition(session, commune.partition))
            rows = [{"origin_device": laptops[i % 2], "epoch": 1, "seq": i // 2 + 1, "prev_seq": i // 2,
                     "line_hash": "0" * 64, "bundle_id": f"b{n}", "state": "applied", "line": e["payload"]}
                    for i, e in enumerate(entries)]
            if n % 20 == 0:  # now and then a laptop whose bundle was lost: its later changes wait
                rows[-1] = {**rows[-1], "seq": rows[-1]["seq"] + 50, "prev_seq": rows[-1]["seq"] + 40,
                            "state": "pending"}
            insert_rows(session, ReceivedChange.__table__, rows)
            for device in laptops:
                store.set_state(session, f"hwm:{device}:1", len(entries) // 2)
            received += len(rows)
    hub.db.dispose()
    (hub_dir / "ready").write_text(str(received))
    return hub_dir, received


def _codes(communes: int) -> list[str]:
    from desktop.core.reference_data import read_admin_units_file

    units = read_admin_units_file()["provinces"]
    return [c[0] for c in next(p for p in units if p["code"] == "79")["communes"]][:communes]


def _bare(hub_dir: Path) -> float:
    """Seconds for the same per-laptop facts read by hand in bare SQL (no digests, no names)."""
    conn = raw_connect(hub_dir)
    started = time.perf_counter()
    conn.execute("SELECT * FROM hub_devices ORDER BY name").fetchall()
    conn.execute("SELECT origin_device, max(at) FROM sync_bundles WHERE state IN ('applied', 'waiting') "
                 "GROUP BY origin_device").fetchall()
    conn.execute("SELECT origin_device, count(*) FROM sync_bundles WHERE state = 'quarantined' "
                 "GROUP BY origin_device").fetchall()
    conn.execute("SELECT origin_device, count(*) FROM sync_received WHERE state = 'pending' "
                 "GROUP BY origin_device").fetchall()
    conn.execute("SELECT DISTINCT origin_device, epoch FROM sync_received").fetchall()
    conn.execute("SELECT origin_device, epoch, min(prev_seq) FROM sync_received WHERE state = 'pending' "
                 "GROUP BY origin_device, epoch").fetchall()
    seconds = time.perf_counter() - started
    conn.close()
    return seconds


def run(communes: int = COMMUNES, cases: int = CASES) -> list[Result]:
    """In-process status, the whole `ctxh hub status` command, and the digests an import computes."""
    from sync.digests import forget_digests
    from sync.hub.status import hub_status

    hub_dir, received = _province(communes, cases)
    ctx = open_bench(hub_dir, "quantri")
    with ctx.db.session() as session:  # as after an import that touched every commune
        forget_digests(session, [f"79:{code}" for code in _codes(communes)])
    started = time.perf_counter()
    hub_status(ctx)  # the first status after it computes and stores every digest
    first = time.perf_counter() - started
    inside, bare = [], []
    for _ in range(5):
        started = time.perf_counter()
        status = hub_status(ctx)
        inside.append(time.perf_counter() - started)
        bare.append(_bare(hub_dir))
    assert len(status["communes"]) == communes
    command = []
    for _ in range(3):
        started = time.perf_counter()
        done = subprocess.run([sys.executable, "-m", "desktop", "--data-dir", str(hub_dir), "hub", "status",
                               "--json"], cwd=ROOT, capture_output=True, text=True, check=True,
                              env={**os.environ, "CTXH_PASSPHRASE": PASSPHRASE})
        command.append(time.perf_counter() - started)
        assert len(json.loads(done.stdout)["communes"]) == communes
    floor = []  # what every ctxh command pays before it does anything: Python, SQLAlchemy and the models
    for _ in range(3):
        started = time.perf_counter()
        subprocess.run([sys.executable, "-c", "import desktop.core.context"], cwd=ROOT, check=True)
        floor.append(time.perf_counter() - started)
    with ctx.db.session() as session:  # an import that touched one commune
        forget_digests(session, [next(iter(status["communes"]))])
    started = time.perf_counter()
    hub_status(ctx)
    one_digest = time.perf_counter() - started
    ctx.db.dispose()
    section = f"The hub's Communes page: {communes} communes × {cases} cases ({received:,} changes received)"
    return [
        Result(section, "hub status, in the process (grouped queries, stored digests): median",
               f"{median(inside) * 1000:.0f} ms", f"{median(bare) * 1000:.0f} ms (bare grouped SQL, no digests)",
               f"{median(inside) / median(bare):.1f}×", "≤ 1 s", median(inside) <= 1.0),
        Result(section, "`ctxh hub status --json`, the whole command (start-up included): median",
               f"{median(command):.2f} s", f"{median(floor):.2f} s (a Python process importing the core, no work)",
               f"+{median(command) - median(floor):.2f} s", "(information: start-up is the floor of every command)",
               None),
        Result(section, "the first status after an import that touched one commune (its digest computed)",
               f"{one_digest * 1000:.0f} ms", f"{median(inside) * 1000:.0f} ms (digests all stored)", "—",
               "(information)", None),
        Result(section, "the first status after an import that touched every commune (all digests computed)",
               f"{first:.1f} s", f"{median(inside) * 1000:.0f} ms (digests all stored)", "—", "(information)", None),
    ]
