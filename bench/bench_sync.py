"""Export and import of a whole 100,000-case profile's changes as bundles, each beside a raw baseline measured
in the same run: bare JSONL + the same gzip + SHA-256 of the same outbox rows; a bare sqlite3 executemany of
the same records into an empty database of the same schema."""

from __future__ import annotations

import gzip
import hashlib
import json
import shutil
import time
from pathlib import Path

from bench.common import WORK, Result, open_bench, raw_connect
from desktop.core.models import MODEL_BY_ENTITY
from desktop.core.services.setup import SetupRequest, initialise_profile
from sync.exporting import export_bundles
from sync.importing import import_files
from sync.keys import TrustStore, device_card, load_device_keys


def _card(ctx):  # type: ignore[no-untyped-def]
    return device_card(load_device_keys(ctx.profile.root), ctx.device_id, ctx.device_name, ctx.partition)


def run(profile: Path) -> list[Result]:
    """Time export_bundles and import_files against their baselines on copies of the profile."""
    root = WORK / "sync"
    shutil.rmtree(root, ignore_errors=True)
    root.mkdir(parents=True)
    shutil.copytree(profile, root / "sender")
    sender = open_bench(root / "sender")
    receiver = initialise_profile(root / "receiver", SetupRequest("01", "00004", "Máy nhận", "demo",
                                                                  "bench-passphrase"))
    TrustStore(sender.profile.root).add(_card(receiver), sender.partition, sender.device_id)
    TrustStore(receiver.profile.root).add(_card(sender), receiver.partition, receiver.device_id)
    (root / "out").mkdir()

    started = time.perf_counter()
    result = export_bundles(sender, root / "out")
    ours_export = time.perf_counter() - started
    files = [Path(f) for f in result.files]
    size = sum(f.stat().st_size for f in files)

    raw = raw_connect(sender.profile.root)
    started = time.perf_counter()
    rows = raw.execute("SELECT seq, entity, record_id, partition, author, payload FROM change_log ORDER BY seq")
    text = b"".join(json.dumps({"seq": s, "entity": e, "id": i, "partition": p, "author": a, **json.loads(pl)},
                               sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode() + b"\n"
                    for s, e, i, p, a, pl in rows)
    packed = gzip.compress(text, compresslevel=6, mtime=0)
    hashlib.sha256(packed).hexdigest()
    bare_export = time.perf_counter() - started
    cases = raw.execute("SELECT count(*) FROM cases").fetchone()[0]
    raw.close()

    started = time.perf_counter()
    outcomes = import_files(receiver, files)
    ours_import = time.perf_counter() - started
    assert all(o.ok and o.state == "applied" for o in outcomes), [o.as_json() for o in outcomes]

    # The baseline database: the receiver's empty schema (with its search triggers), filled by executemany.
    bare_db = root / "bare.sqlite3"
    empty = initialise_profile(root / "empty", SetupRequest("01", "00004", "Máy trống", "demo", "bench-passphrase"))
    empty.db.dispose()
    shutil.copy(empty.profile.db_path, bare_db)
    lines = [json.loads(line) for line in text.splitlines()]
    conn = raw_connect(empty.profile.root, db_file=bare_db)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute("PRAGMA foreign_keys=ON")
    started = time.perf_counter()
    with conn:
        by_run: list[tuple[str, list[dict]]] = []
        for line in lines:
            if not by_run or by_run[-1][0] != line["entity"]:
                by_run.append((line["entity"], []))
            by_run[-1][1].append(line)
        for entity, run_lines in by_run:
            model = MODEL_BY_ENTITY[entity]
            table = model.__table__
            names = [c.name for c in table.columns]
            sql = (f"INSERT OR REPLACE INTO {table.name} ({', '.join(names)}) "
                   f"VALUES ({', '.join('?' for _ in names)})")
            conn.executemany(sql, [[_bare_value(line, name) for name in names] for line in run_lines])
    bare_import = time.perf_counter() - started
    conn.close()
    sender.db.dispose()
    receiver.db.dispose()

    n = result.changes
    mb = size / 1e6
    section = "Sync bundles (a whole 100,000-case profile)"
    return [
        Result(section, f"export {n:,} changes → {len(files)} signed, encrypted, read-back-checked file(s), "
                        f"{mb:.1f} MB", f"{n / ours_export:,.0f} rows/s, {len(text) / 1e6 / ours_export:.1f} MB/s",
               f"{n / bare_export:,.0f} rows/s (JSONL + gzip + SHA-256)", f"{bare_export / ours_export:.2f}×",
               "≥ 0.5×", bare_export / ours_export >= 0.5),
        Result(section, f"import the same {n:,} changes into an empty laptop (verify, merge, ledger)",
               f"{n / ours_import:,.0f} rows/s, {mb / ours_import:.1f} MB/s",
               f"{n / bare_import:,.0f} rows/s (sqlite3 executemany upsert)", f"{bare_import / ours_import:.2f}×",
               "≥ 0.5×", bare_import / ours_import >= 0.5),
        Result(section, "bundle bytes per 1,000 cases (with their people, services, steps, forms)",
               f"{size / cases * 1000 / 1e3:,.0f} kB", f"{len(packed) / cases * 1000 / 1e3:,.0f} kB (bare gzip)",
               f"{size / len(packed):.2f}×", "(information)", None),
    ]


def _bare_value(line: dict, name: str):  # type: ignore[no-untyped-def]
    fields = line["fields"]
    if name in fields:
        value = fields[name]
        return int(value) if isinstance(value, bool) else value
    return {"id": line["id"], "partition": line["partition"], "deleted": 0,
            "field_versions": json.dumps({"*": line["version"]}), "updated_by": line.get("author"),
            "updated_device": "bench", "created_at": "2026-11-23 00:00:00", "updated_at": "2026-11-23 00:00:00",
            "sort_key": "", "search_text": ""}.get(name)
