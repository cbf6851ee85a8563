"""Insert of demo cases through our services vs a bare sqlite3 executemany of the same rows."""

from __future__ import annotations

import random
import shutil
import time

from bench.common import WORK, Result, raw_connect
from desktop.core.db import SQLITE_PRAGMAS
from desktop.core.services.changes import Writing
from desktop.core.services.demo import Names, case_batch_rows
from desktop.core.services.setup import SetupRequest, initialise_profile

CHUNK = 5000


def run(cases: int) -> list[Result]:
    """Time our write path and two raw baselines on fresh profiles."""
    from desktop.core.models import Beneficiary, Case

    root = WORK / "insert"
    shutil.rmtree(root, ignore_errors=True)
    ours = initialise_profile(root / "ours", SetupRequest("01", "00004", "Máy đo", "demo", "bench-passphrase"))
    rng = random.Random(1)
    names, counters = Names(rng), {}
    batches = []
    for start in range(0, cases, CHUNK):
        people, case_rows, _services = case_batch_rows(ours, rng, names, min(CHUNK, cases - start), [], counters)
        batches.append((people, case_rows))

    started = time.perf_counter()
    for people, case_rows in batches:
        with Writing(ours) as writer:
            writer.create_many(Beneficiary, people)
            writer.create_many(Case, case_rows)
    ours_s = time.perf_counter() - started
    ours.db.dispose()

    # The baselines insert exactly the rows our services wrote, read back from our database.
    source = raw_connect(root / "ours")
    tables = {t: source.execute(f"SELECT * FROM {t} ORDER BY rowid").fetchall()
              for t in ("beneficiaries", "cases", "change_log")}
    columns = {t: [r[1] for r in source.execute(f"PRAGMA table_info({t})")] for t in tables}
    source.close()

    def bare(with_outbox: bool, name: str) -> float:
        target = initialise_profile(root / name, SetupRequest("01", "00004", "Máy đo", "demo", "bench-passphrase"))
        target.db.dispose()
        conn = raw_connect(root / name)
        conn.isolation_level = None
        for pragma in SQLITE_PRAGMAS:
            conn.execute(pragma)
        wanted = ["beneficiaries", "cases"] + (["change_log"] if with_outbox else [])
        sql = {t: f"INSERT INTO {t} ({', '.join(columns[t])}) VALUES ({', '.join('?' * len(columns[t]))})"
               for t in wanted}
        began = time.perf_counter()
        for i in range(0, cases, CHUNK):
            conn.execute("BEGIN")
            conn.executemany(sql["beneficiaries"], tables["beneficiaries"][i:i + CHUNK])
            conn.executemany(sql["cases"], tables["cases"][i:i + CHUNK])
            if with_outbox:
                conn.executemany(sql["change_log"], tables["change_log"][2 * i:2 * i + 2 * CHUNK])
            conn.execute("COMMIT")
        elapsed = time.perf_counter() - began
        conn.close()
        return elapsed

    bare_same = bare(True, "bare-with-outbox")
    bare_records = bare(False, "bare-records-only")
    rate = lambda s: f"{cases / s:,.0f} cases/s ({s:.2f} s)"  # noqa: E731
    section = f"Insert of {cases:,} demo cases (beneficiary + case each, {CHUNK:,} per transaction)"
    return [
        Result(section, "services (records + outbox + FTS) vs bare executemany of the same rows",
               rate(ours_s), rate(bare_same), f"{bare_same / ours_s:.2f}×", "≥ 0.5×", bare_same / ours_s >= 0.5),
        Result(section, "services vs bare executemany of the record rows alone (no outbox)",
               rate(ours_s), rate(bare_records), f"{bare_records / ours_s:.2f}×", "(information)", None),
    ]
