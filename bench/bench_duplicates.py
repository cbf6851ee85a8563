"""The province's duplicate search over 168 communes and a million people (issue 16), on SQLite and on
PostgreSQL, each in a child process (its peak resident memory is its own); beside a bare baseline in the same
child: the same columns read through the DB-API cursor and grouped on the exact keys (CCCD; folded name and
birth date) in one pass — the floor any search pays. And the monthly payment list of a 10,000-person commune
beside the bare SQL of the same rows.

The people are the tests' synthetic province (tests/province_people.py: real family-name shares, 1 January
for a year alone, planted duplicates of every kind), written straight into the hub's table (the import's
speed is measured by bench_hub)."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
import time
from pathlib import Path

from bench.common import PASSPHRASE, ROOT, WORK, Result, median

COMMUNES = 168
PEOPLE = int(__import__("os").environ.get("BENCH_PEOPLE", "1000000"))  # (a smaller province to try the bench)


def _codes() -> list[str]:
    from desktop.core.reference_data import read_admin_units_file

    units = read_admin_units_file()["provinces"]
    return [c[0] for c in next(p for p in units if p["code"] == "79")["communes"]][:COMMUNES]


def _fill(hub, folder: Path) -> dict[str, int]:  # type: ignore[no-untyped-def]
    """Write the synthetic province into the hub's beneficiaries table, in bulk (one transaction)."""
    from desktop.core.derived import person_keys
    from desktop.core.models import Beneficiary
    from desktop.core.models.base import table_of
    from tests.province_people import province_people, rows_by_partition

    province = province_people(_codes(), PEOPLE // COMMUNES, seed=16, planted_share=0.02)
    now = dt.datetime(2026, 12, 1)
    table = table_of(Beneficiary)
    columns = [c.name for c in table.columns]
    with hub.db.session() as session:
        for partition, rows in rows_by_partition(province, "79"):
            batch = []
            for row in rows:
                full = {**row, **person_keys(row), "partition": partition, "deleted": False, "target_groups": "",
                        "field_versions": '{"*":"1"}', "created_at": now, "updated_at": now}
                batch.append({c: full.get(c) for c in columns})
            session.execute(table.insert(), batch)
    return {"people": len(province.people), "planted": len(province.same_id) + len(province.fuzzy)}


def _hub_dir(engine: str, url: str | None) -> Path:
    from sync.hub.profile import init_hub

    folder = WORK / f"hub-duplicates-{engine}-{PEOPLE}"
    if url is None and (folder / "ready").exists():
        return folder
    import shutil

    shutil.rmtree(folder, ignore_errors=True)
    hub = init_hub(folder, "79", "Sở Y tế TP. Hồ Chí Minh (đo hiệu năng)", url, user=("quantri", PASSPHRASE))
    counts = _fill(hub, folder)
    hub.db.dispose()
    (folder / "ready").write_text(json.dumps(counts))
    return folder


def _peak_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


def child(mode: str, folder: Path) -> None:
    """In a child process: the bare pass or our search; prints seconds, pairs and peak RSS (from after the
    sign-in: its Argon2 memory is freed at once and is not the search's)."""
    sys.path.insert(0, str(ROOT))
    from bench.common import open_bench

    ctx = open_bench(folder, "quantri")
    Path("/proc/self/clear_refs").write_text("5")
    began = time.perf_counter()
    if mode == "bare":
        from collections import defaultdict

        from desktop.core.repositories.hub import people_of_province
        from desktop.core.text import fold

        exact: dict[object, list[str]] = defaultdict(list)
        with ctx.db.reader() as session:
            for record_id, _partition, name, birth, _gender, cccd, _guardian in people_of_province(session, "79"):
                if cccd:
                    exact[cccd].append(record_id)
                exact[(fold(name), birth)].append(record_id)
        pairs = sum(1 for ids in exact.values() if len(ids) > 1)
    else:
        from sync.hub.duplicates import find_duplicates

        pairs = len(find_duplicates(ctx))
    print(json.dumps({"seconds": time.perf_counter() - began, "pairs": pairs, "peak_mb": _peak_mb()}))


def _run_child(mode: str, folder: Path) -> dict[str, float]:
    import os

    out = subprocess.run([sys.executable, "-m", "bench.bench_duplicates", mode, str(folder)], cwd=ROOT,
                         capture_output=True, text=True, check=True, env={**os.environ, "CTXH_PASSPHRASE": PASSPHRASE})
    return json.loads(out.stdout.strip().splitlines()[-1])


def _engine(engine: str, url: str | None) -> list[Result]:
    folder = _hub_dir(engine, url)
    counts = json.loads((folder / "ready").read_text())
    ours = [_run_child("ours", folder) for _ in range(2)]
    bare = [_run_child("bare", folder) for _ in range(2)]
    seconds = median([r["seconds"] for r in ours])
    base = median([r["seconds"] for r in bare])
    peak = max(r["peak_mb"] for r in ours)
    section = (f"The province's duplicate search: {COMMUNES} communes, {counts['people']:,} people "
               f"({counts['planted']:,} planted duplicates)")
    label = "SQLite" if engine == "sqlite" else "PostgreSQL"
    return [
        Result(section, f"{label}: every pair of two communes (blocking, scoring, guardian and address, one to one, "
               "double payments): median of 2", f"{seconds:.1f} s ({int(ours[0]['pairs']):,} pairs)",
               f"{base:.1f} s (bare read and exact-key grouping, {int(bare[0]['pairs']):,} groups)",
               f"{seconds / base:.2f}×", "≤ 60 s", seconds <= 60),
        Result(section, f"{label}: peak resident memory of the search (after the sign-in)", f"{peak:.0f} MB",
               f"{max(r['peak_mb'] for r in bare):.0f} MB (the bare pass)", "—", "≤ 500 MB", peak <= 500),
    ]


def _payments() -> list[Result]:
    """The monthly payment list of a 10,000-person commune, and its Excel file."""
    import random
    import shutil

    from bench.common import open_bench
    from desktop.core.derived import person_keys
    from desktop.core.models import AllowanceDecision, Beneficiary
    from desktop.core.services.allowance_documents import write_payments_xlsx
    from desktop.core.services.allowances import payment_list
    from desktop.core.services.changes import Writing
    from desktop.core.services.setup import SetupRequest, initialise_profile

    folder = WORK / "allowance-10000"
    if not (folder / "ready").exists():
        shutil.rmtree(folder, ignore_errors=True)
        ctx = initialise_profile(folder, SetupRequest("79", _codes()[0], "Máy đo", "demo", PASSPHRASE))
        rng = random.Random(16)
        clauses = ["TCXH_01", "TCXH_05A", "TCXH_05C", "TCXH_06_NANG", "TCXH_06_DBN", "TCXH_04", "TCXH_08",
                   "CS_HGD_KT_DBN"]
        with Writing(ctx) as writer:
            people = [{"id": ctx.new_id(), "full_name": f"Người hưởng {n:05d}", "target_groups": "",
                       "birth_date": dt.date(rng.randint(1935, 2024), rng.randint(1, 12), rng.randint(1, 28))}
                      for n in range(10_000)]
            writer.create_many(Beneficiary, [{**p, **person_keys(p)} for p in people])
            writer.create_many(AllowanceDecision, [
                {"beneficiary_id": p["id"], "clause": rng.choice(clauses), "decision_no": f"{n}/QĐ-UBND",
                 "decision_date": dt.date(2025, 1, 5), "start_month": dt.date(2025, rng.randint(1, 12), 1)}
                for n, p in enumerate(people)])
        ctx.db.dispose()
        (folder / "ready").write_text("ok")
    ctx = open_bench(folder, "demo")
    month = dt.date(2026, 11, 1)
    payment_list(ctx, month)
    ours, files, bare = [], [], []
    for _ in range(3):
        began = time.perf_counter()
        plist = payment_list(ctx, month)
        ours.append(time.perf_counter() - began)
        began = time.perf_counter()
        write_payments_xlsx(plist, WORK / "payments.xlsx")
        files.append(time.perf_counter() - began)
        began = time.perf_counter()
        with ctx.db.reader() as session:
            from sqlalchemy import text

            rows = session.execute(text(
                "SELECT b.full_name, b.birth_date, d.clause, d.start_month, d.end_month FROM allowance_decisions d "
                "JOIN beneficiaries b ON b.id = d.beneficiary_id WHERE d.deleted = 0")).all()
            sum(540_000 for r in rows if r.start_month <= month.isoformat())
        bare.append(time.perf_counter() - began)
    ctx.db.dispose()
    section = "The monthly payment list of a 10,000-person commune"
    return [
        Result(section, "the month's list and its increases and decreases (two months of the register): median",
               f"{median(ours):.2f} s ({len(plist.allowance) + len(plist.care):,} lines)",
               f"{median(bare):.2f} s (bare SQL of the same rows, one month)", f"{median(ours) / median(bare):.1f}×",
               "≤ 2 s", median(ours) <= 2.0),
        Result(section, "the list as .xlsx (three sheets, A4): median", f"{median(files):.2f} s", "—", "—",
               "(information)", None),
    ]


def run() -> list[Result]:
    """The figures of the duplicate search on both engines, and the payment list."""
    results = _payments()
    results += _engine("sqlite", None)
    from tests.postgres import available, new_database, postgres_server

    if available() is None:
        with postgres_server() as server:
            results += _engine("postgresql", new_database(server, "hub_duplicates"))
    return results


if __name__ == "__main__":
    child(sys.argv[1], Path(sys.argv[2]))
