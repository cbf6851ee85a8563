"""Encrypted at rest beside the same work on the same data in clear (issue 13).

Each encrypted profile has a twin: a copy whose database was decrypted with `sqlcipher_export` (the same rows,
pages and indexes, the same device and keys), opened without a key. Both run the same service calls in the
same run, alternating: insert, search as you type, list paging, bundle export and import. Then the unlock
(Argon2id as calibrated on this machine), converting the 100,000-case profile of an older version, and that
profile's size on disk.
"""

from __future__ import annotations

import os
import random
import shutil
import time
from pathlib import Path
from typing import Any

from bench.common import PASSPHRASE, WORK, Result, median, ms
from desktop.core.context import LAPTOP, Actor, AppContext
from desktop.core.db import Database, driver, make_engine
from desktop.core.hlc import HybridClock
from desktop.core.profile import Profile
from desktop.core.repositories.accounts import local_device
from desktop.core.services.setup import SetupRequest, initialise_profile
from desktop.core.unlocking import unlock
from desktop.core.vault import hex_key, remember_key

CASES = 20_000
CHUNK = 5_000
WORDS = ["nguyen thi hoa", "tran van", "le thi ngoc anh", "pham minh", "hoang duc", "vo thi thu", "do van nam"]
GOAL = 1.25
ROUNDS = 3


def _decrypted_twin(root: Path, twin: Path) -> AppContext:
    """A copy of the encrypted profile at `root` with its database decrypted, opened in clear."""
    shutil.rmtree(twin, ignore_errors=True)
    shutil.copytree(root, twin)
    key = unlock(Profile(twin), "demo", PASSPHRASE)
    db_file, plain = twin / "ctxh.sqlite3", twin / "plain.sqlite3"
    conn = driver().connect(str(db_file), isolation_level=None)
    conn.execute(f'PRAGMA key = "{hex_key(key)}"')
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    conn.execute("ATTACH DATABASE ? AS plain KEY ''", (str(plain),))
    conn.execute("SELECT sqlcipher_export('plain')")
    conn.execute(f"PRAGMA plain.user_version = {int(version)}")
    conn.execute("DETACH DATABASE plain")
    conn.close()
    for suffix in ("-wal", "-shm"):
        Path(str(db_file) + suffix).unlink(missing_ok=True)
    os.replace(plain, db_file)
    remember_key(twin, key)  # its key files are still sealed
    db = Database(make_engine(db_file, None))
    with db.reader() as session:
        device = local_device(session)
    return AppContext(db=db, profile=Profile(twin), device_id=device.id, device_name=device.name,
                      province_code=device.province_code, commune_code=device.commune_code,
                      clock=HybridClock(device.id, last=device.last_version),
                      actor=Actor(user_id=None, username="demo", role="ADMIN"), role=LAPTOP)


def _insert(ctx: AppContext, batches: list[tuple[list[dict[str, Any]], list[dict[str, Any]]]]) -> float:
    from desktop.core.models import Beneficiary, Case
    from desktop.core.services.changes import Writing

    started = time.perf_counter()
    for people, case_rows in batches:
        with Writing(ctx) as writer:
            writer.create_many(Beneficiary, [dict(p) for p in people])
            writer.create_many(Case, [dict(c) for c in case_rows])
    return time.perf_counter() - started


def _search(ctx: AppContext) -> float:
    from desktop.core.services import cases

    queries = [w[:i] for w in WORDS for i in range(1, len(w) + 1) if w[:i].strip()]
    started = time.perf_counter()
    for q in queries * 3:
        cases.list_cases(ctx, q, limit=100)
    return (time.perf_counter() - started) / (len(queries) * 3)


def _paging(ctx: AppContext) -> float:
    from desktop.core.services import cases

    started = time.perf_counter()
    after = None
    for _ in range(100):
        page = cases.list_cases(ctx, "", after=after, limit=100)
        if not page:
            break
        last = page[-1]
        after = (last["sort_key"], last["id"])
    return (time.perf_counter() - started) / 100


def _trust_each_other(sender: AppContext, receiver: AppContext) -> None:
    from sync.keys import TrustStore, device_card, load_device_keys

    def card(ctx: AppContext) -> dict[str, Any]:
        return device_card(load_device_keys(ctx.profile.root), ctx.device_id, ctx.device_name, ctx.partition)

    TrustStore(sender.profile.root).add(card(receiver), sender.partition, sender.device_id)
    TrustStore(receiver.profile.root).add(card(sender), receiver.partition, receiver.device_id)


def _profile(path: Path, name: str) -> AppContext:
    shutil.rmtree(path, ignore_errors=True)
    ctx = initialise_profile(path, SetupRequest("01", "00004", name, "demo", PASSPHRASE))
    from sync.keys import load_device_keys

    load_device_keys(ctx.profile.root)
    return ctx


def _ratio(section: str, name: str, encrypted: float, plain: float, unit: str) -> Result:
    shown = ms if unit == "ms" else (lambda s: f"{s:.2f} s")
    return Result(section, name, shown(encrypted), shown(plain) + " in clear", f"{encrypted / plain:.2f}×",
                  f"≤ {GOAL}×", encrypted / plain <= GOAL)


def run(profile_100k: Path | None = None) -> list[Result]:
    """Encrypted vs in clear on the same work; the unlock; the conversion and the size at 100,000 cases."""
    from desktop.core.services.demo import Names, case_batch_rows
    from sync.exporting import export_bundles
    from sync.importing import import_files

    root = WORK / "encryption"
    shutil.rmtree(root, ignore_errors=True)
    root.mkdir(parents=True)
    sender = _profile(root / "sender", "Máy gửi")
    rng = random.Random(1)
    names, counters = Names(rng), {}
    batches = []
    for start in range(0, CASES, CHUNK):
        people, case_rows, _services = case_batch_rows(sender, rng, names, min(CHUNK, CASES - start), [], counters)
        batches.append((people, case_rows))
    sender.db.dispose()
    empty_twin = _decrypted_twin(root / "sender", root / "sender-clear")
    sender = _open(root / "sender")
    inserted = {"encrypted": _insert(sender, batches), "clear": _insert(empty_twin, batches)}
    section = f"Encrypted at rest (SQLCipher 4) vs the same profile in clear: {CASES:,} cases"
    results = [_ratio(section, f"insert {CASES:,} cases (beneficiary + case, {CHUNK:,} per transaction)",
                      inserted["encrypted"], inserted["clear"], "s")]
    searches: dict[str, list[float]] = {"encrypted": [], "clear": []}
    pages: dict[str, list[float]] = {"encrypted": [], "clear": []}
    for _ in range(3):  # alternating, so that a noisy moment of the machine hits both sides
        for side, ctx in (("encrypted", sender), ("clear", empty_twin)):
            searches[side].append(_search(ctx))
            pages[side].append(_paging(ctx))
    results.append(_ratio(section, "search as you type: first page of 100 rows, per keystroke",
                          median(searches["encrypted"]), median(searches["clear"]), "ms"))
    results.append(_ratio(section, "list paging: one keyset page of 100 rows", median(pages["encrypted"]),
                          median(pages["clear"]), "ms"))
    exported: dict[str, list[float]] = {"encrypted": [], "clear": []}
    imported: dict[str, list[float]] = {"encrypted": [], "clear": []}
    for round_ in range(ROUNDS):
        receivers = {"encrypted": _profile(root / f"receiver-{round_}", "Máy nhận")}
        receivers["encrypted"].db.dispose()
        receivers["clear"] = _decrypted_twin(root / f"receiver-{round_}", root / f"receiver-{round_}-clear")
        receivers["encrypted"] = _open(root / f"receiver-{round_}")
        files: dict[str, list[Path]] = {}
        for side, ctx in (("encrypted", sender), ("clear", empty_twin)):
            _trust_each_other(ctx, receivers[side])
            out = root / f"out-{side}-{round_}"
            out.mkdir()
            started = time.perf_counter()
            files[side] = [Path(f) for f in export_bundles(ctx, out, after=0).files]  # every change, each round
            exported[side].append(time.perf_counter() - started)
        for side in ("encrypted", "clear"):
            started = time.perf_counter()
            outcomes = import_files(receivers[side], files[side])
            imported[side].append(time.perf_counter() - started)
            assert all(o.ok for o in outcomes), [o.as_json() for o in outcomes]
            receivers[side].db.dispose()
    results.append(_ratio(section, f"bundle export of every change (median of {ROUNDS})",
                          median(exported["encrypted"]), median(exported["clear"]), "s"))
    results.append(_ratio(section, f"bundle import of those changes into an empty laptop (median of {ROUNDS})",
                          median(imported["encrypted"]), median(imported["clear"]), "s"))
    for ctx in (sender, empty_twin):
        ctx.db.dispose()
    results += _unlock(root)
    if profile_100k is not None:
        results += _size(profile_100k)
    return results


def _open(path: Path) -> AppContext:
    from desktop.core.context import open_context

    return open_context(path, "demo", PASSPHRASE)


def _unlock(root: Path) -> list[Result]:
    """Signing in with the Argon2id parameters calibrated on this machine, beside opening the database with
    the key already in hand (what SQLCipher itself costs)."""
    from desktop.core.context import open_context
    from desktop.core.vault import Vault

    path = root / "sender"
    signing_in, opening = [], []
    key = unlock(Profile(path), "demo", PASSPHRASE)
    for _ in range(5):
        started = time.perf_counter()
        open_context(path, "demo", PASSPHRASE).db.dispose()
        signing_in.append(time.perf_counter() - started)
        started = time.perf_counter()
        engine = make_engine(path / "ctxh.sqlite3", key)
        with engine.connect() as conn:
            conn.exec_driver_sql("SELECT count(*) FROM cases").scalar()
        engine.dispose()
        opening.append(time.perf_counter() - started)
    params = Vault(path).wrap_params("demo")
    section = "Signing in (Argon2id, calibrated on this machine)"
    return [Result(section, f"sign in: unwrap the data key (Argon2id t={params.time_cost if params else '?'}, "
                            "64 MiB) and open the profile", ms(median(signing_in)),
                   ms(median(opening)) + " (open with the key in hand)", "—", "about 0.5 s", None)]


def _size(profile: Path) -> list[Result]:
    """The 100,000-case profile: converted in place from an older version's clear file (the first time this
    runs after the change), then its size on disk and the outbox's share of it."""
    from bench.common import raw_connect
    from desktop.core.db import is_plain_sqlite

    db_file = profile / "ctxh.sqlite3"
    was_plain = is_plain_sqlite(db_file)
    plain_size = db_file.stat().st_size
    started = time.perf_counter()
    _open(profile).db.dispose()
    converted = time.perf_counter() - started
    size = sum(p.stat().st_size for p in profile.glob("ctxh.sqlite3*"))
    conn = raw_connect(profile)
    outbox = conn.execute("SELECT sum(length(payload)) FROM change_log").fetchone()[0] or 0
    conn.close()
    section = "The 100,000-case profile"
    results = []
    if was_plain:
        results.append(Result(section, "first sign-in of an older profile in clear: encrypt it in place "
                                       "(sqlcipher_export, check, overwrite the clear file)",
                              f"{converted:.1f} s", f"{plain_size / 1e6:.0f} MB in clear", "—", "(information)",
                              None))
    results.append(Result(section, "database on disk, history kept (outbox payloads: "
                                   f"{outbox / 1e6:.0f} MB of it)", f"{size / 1e6:.0f} MB", "—", "—", "≤ 300 MB",
                          size <= 300e6))
    return results
