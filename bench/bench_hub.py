"""A simulated province: 100 communes × 1,000 cases (with their services), one bundle folder made by real
laptop profiles, taken in by `ctxh hub import` on SQLite and on PostgreSQL — rows/s beside a bare bulk insert
of the same rows into the same engine, peak RSS on half the folder and on all of it, and a second import."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

from bench.common import PASSPHRASE, ROOT, WORK, Result

COMMUNES = 100
CASES = 1000


def _province(communes: int) -> tuple[Path, Path, int]:
    """Laptop bundles of `communes` communes (made once, reused); returns (folder, hub card, changes)."""
    from desktop.core.reference_data import read_admin_units_file
    from desktop.core.services.demo import generate
    from desktop.core.services.setup import SetupRequest, initialise_profile
    from sync.exporting import export_bundles
    from sync.hub.profile import card, init_hub
    from sync.keys import TrustStore, device_card, load_device_keys

    base = WORK / f"province-{communes}"
    if (base / "ready").exists():
        return base / "inbox", base / "keys-hub", int((base / "ready").read_text())
    shutil.rmtree(base, ignore_errors=True)
    base.mkdir(parents=True)
    keys_hub = init_hub(base / "keys-hub", "01", "Sở Y tế (đo hiệu năng)", user=("quantri", PASSPHRASE))
    codes = [c[0] for c in next(p for p in read_admin_units_file()["provinces"] if p["code"] == "01")["communes"]]
    (base / "inbox").mkdir()
    (base / "cards").mkdir()
    total = 0
    for n, code in enumerate(codes[:communes]):
        ctx = initialise_profile(base / "laptops" / code, SetupRequest("01", code, f"Máy {code}", "canbo", PASSPHRASE))
        TrustStore(ctx.profile.root).add(card(keys_hub), ctx.partition, ctx.device_id)
        generate(ctx, cases=CASES, workers=8, seed=n + 1)
        total += export_bundles(ctx, base / "inbox").changes
        laptop_card = device_card(load_device_keys(ctx.profile.root), ctx.device_id, ctx.device_name, ctx.partition)
        (base / "cards" / f"{code}.json").write_text(json.dumps(laptop_card), encoding="utf-8")
        ctx.db.dispose()
        shutil.rmtree(base / "laptops" / code)  # only the bundles and cards are needed
    keys_hub.db.dispose()
    (base / "ready").write_text(str(total))
    return base / "inbox", base / "keys-hub", total


def _hub_copy(keys_hub: Path, target: Path, db_url: str | None) -> None:
    """A hub with the province's keys, on a fresh database, every laptop enrolled."""
    from bench.common import open_bench
    from sync.hub.devices import enroll

    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(keys_hub, target)
    settings = json.loads((target / "settings.json").read_text(encoding="utf-8"))
    if db_url:
        (target / "ctxh.sqlite3").unlink()
        settings["db_url"] = db_url
        (target / "settings.json").write_text(json.dumps(settings), encoding="utf-8")
    if db_url:  # the new database gets the schema, the reference data and the hub's own device row, as init does
        from sqlalchemy import insert

        from desktop.core.db import Database, make_engine, upgrade
        from desktop.core.models import Device
        from desktop.core.reference_data import load_reference_data

        engine = make_engine(db_url)
        upgrade(engine)
        with Database(engine).session() as session:
            load_reference_data(session)
            session.execute(insert(Device).values(id=settings["hub_id"], name="Sở Y tế", province_code="01",
                                                  commune_code="00000", is_local=True))
        engine.dispose()
    ctx = open_bench(target)
    for card_file in sorted((keys_hub.parent / "cards").glob("*.json")):
        enroll(ctx, json.loads(card_file.read_text(encoding="utf-8")))
    ctx.db.dispose()


CHILD = ("import sys\nfrom desktop.cli import run\ncode = run(sys.argv[1:])\n"
         "hwm = [l for l in open('/proc/self/status') if l.startswith('VmHWM')][0].split()[1]\n"
         "print('peak-kib', hwm, file=sys.stderr)\nsys.exit(code)")


def _import(hub: Path, folder: Path) -> tuple[float, dict, int]:
    """`ctxh hub import` in a child process: seconds, totals, the child's own peak RSS (KiB)."""
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", CHILD, "--data-dir", str(hub), "hub", "import", str(folder),
                           "--json"], cwd=ROOT, capture_output=True, text=True, env={**os.environ}, check=True)
    seconds = time.perf_counter() - started
    peak = int(next(line.split()[1] for line in done.stderr.splitlines() if line.startswith("peak-kib")))
    return seconds, json.loads(done.stdout)["totals"], peak


def _bare(folder: Path, keys_hub: Path, db_url: str | None) -> float:
    """Seconds for a bare bulk insert of the same records into an empty database of the same schema."""
    from sqlalchemy import insert

    from desktop.core.db import make_engine, upgrade
    from desktop.core.models import MODEL_BY_ENTITY
    from sync.bundle import open_bytes
    from sync.hub.profile import hub_keys_at
    from sync.keys import Verifier
    from sync.merge import _from_json

    _signer, identity = hub_keys_at(keys_hub)
    lines = []
    for path in sorted(folder.glob("*.age")):
        opened = open_bytes(path.read_bytes(), [identity], lambda m: Verifier.from_text(m["sender"]["sign_key"]))
        lines.extend(opened.lines)
    target = WORK / "hub-bare.sqlite3"
    target.unlink(missing_ok=True)
    engine = make_engine(db_url or target)
    upgrade(engine)
    runs: list[tuple[str, list[dict]]] = []
    for line in lines:
        if not runs or runs[-1][0] != line["entity"]:
            runs.append((line["entity"], []))
        model = MODEL_BY_ENTITY[line["entity"]]
        row = {name: line["fields"].get(name) for name in model.__synced_fields__}
        row = {k: _from_json(model.__table__, k, v) for k, v in row.items()}
        row.update(id=line["id"], partition=line["partition"], deleted=False,
                   field_versions=json.dumps({"*": line["version"]}), sort_key="", search_text="")
        runs[-1][1].append(row)
    import datetime as dt

    now = dt.datetime(2026, 11, 23)
    started = time.perf_counter()
    with engine.begin() as conn:
        for entity, rows in runs:
            table = MODEL_BY_ENTITY[entity].__table__
            names = {c.name for c in table.columns}
            conn.execute(insert(table), [{**{k: v for k, v in r.items() if k in names}, "created_at": now,
                                          "updated_at": now} for r in rows])
    seconds = time.perf_counter() - started
    engine.dispose()
    return seconds


def run(communes: int = COMMUNES) -> list[Result]:
    """Both engines, a full folder and half of it, and an idempotent second import."""
    folder, keys_hub, changes = _province(communes)
    half = WORK / "province-half"
    shutil.rmtree(half, ignore_errors=True)
    half.mkdir()
    for path in sorted(folder.glob("*.age"))[: communes // 2]:
        shutil.copy(path, half / path.name)
    section = f"The hub: {communes} communes × {CASES:,} cases ({changes:,} changes in {communes} bundles)"
    results = []
    engines: list[tuple[str, str | None]] = [("SQLite", None)]
    sys.path.insert(0, str(ROOT))
    from tests.postgres import available, new_database, postgres_server

    server = None
    if available() is None:
        server = postgres_server()
        url = server.__enter__()
        engines.append(("PostgreSQL", url))
    try:
        for name, url in engines:
            hub = WORK / f"hub-{name.lower()}"
            _hub_copy(keys_hub, hub, new_database(url, f"bench_{int(time.time())}") if url else None)
            seconds, totals, peak = _import(hub, folder)
            assert totals["refused"] == 0 and totals["applied"] == changes, totals
            again, totals2, _ = _import(hub, folder)
            assert totals2["applied"] == 0
            bare = _bare(folder, keys_hub, new_database(url, f"bare_{int(time.time())}") if url else None)
            half_hub = WORK / f"hub-half-{name.lower()}"
            _hub_copy(keys_hub, half_hub, new_database(url, f"half_{int(time.time())}") if url else None)
            _s, _t, half_peak = _import(half_hub, half)
            results += [
                Result(section, f"{name}: hub import of the folder (verify, merge, ledger, history)",
                       f"{changes / seconds:,.0f} rows/s ({seconds:.1f} s)",
                       f"{changes / bare:,.0f} rows/s (bare bulk insert, {bare:.1f} s)", f"{bare / seconds:.2f}×",
                       "≥ 0.3×", bare / seconds >= 0.3),
                Result(section, f"{name}: peak RSS of the import, half the folder → all of it",
                       f"{half_peak / 1024:.0f} MB → {peak / 1024:.0f} MB", "—", "—", "≤ 300 MB, flat",
                       peak / 1024 <= 300),
                Result(section, f"{name}: a second import of the same folder (all duplicates)", f"{again:.1f} s",
                       f"first import {seconds:.1f} s", f"{again / seconds:.2f}×", "(information)", None),
            ]
    finally:
        if server is not None:
            server.__exit__(None, None, None)
    return results
