"""Restoring a profile from a backup without confusing anyone it has synced with.

The restored database reuses outbox counters the lost one had already used (and perhaps sent). So the
restored laptop starts a new epoch: its counters are new under (device, epoch), everything in its outbox is
sent again (the same content merges to nothing), and the hub sees two epochs of one device and says so. Its
clock is moved past every version the lost database issued, so new edits still win over older ones.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from sqlalchemy.exc import DBAPIError

from desktop.core.context import AppContext
from desktop.core.db import (
    Database,
    backup_sqlite,
    encrypted_copy,
    is_plain_sqlite,
    make_engine,
    read_only_engine,
    sqlite_file_ok,
    upgrade,
)
from desktop.core.errors import CtxhError
from desktop.core.files import shred
from desktop.core.repositories import audit
from desktop.core.repositories import sync_store as store
from desktop.core.repositories.accounts import local_device_identity
from desktop.core.repositories.devices import local_last_version, save_last_version
from desktop.core.services.access import require
from desktop.core.vault import key_of


def restore(ctx: AppContext, backup_file: Path) -> dict[str, Any]:
    """Replace the profile's database by a checked backup (ADMIN); the database replaced is kept as a backup
    first. A backup opens only with this profile's data key, so another laptop's is refused. Returns {"epoch",
    "replaced_copy"}; `ctx` is closed, the caller opens the profile again."""
    require(ctx, "restore")
    if not backup_file.is_file():
        raise CtxhError("E_FILE_MISSING", file=str(backup_file))
    key = key_of(ctx.profile.root)
    profile = ctx.profile
    staged: Path | None = None
    if is_plain_sqlite(backup_file) and sqlite_file_ok(backup_file, None):
        # A backup an older version made, in clear: encrypted first, then restored like any other.
        staged = profile.backups_dir / f"restoring-{dt.datetime.now():%Y%m%d-%H%M%S}.sqlite3"
        profile.backups_dir.mkdir(parents=True, exist_ok=True)
        encrypted_copy(backup_file, staged, key)
        try:
            return _restore(ctx, staged, backup_file, key)
        finally:
            shred(staged)
    return _restore(ctx, backup_file, backup_file, key)


def _restore(ctx: AppContext, backup_file: Path, named: Path, key: bytes) -> dict[str, Any]:
    if not sqlite_file_ok(backup_file, key):
        # Encrypted under another profile's key (another laptop's backup), damaged, or not a backup at all.
        raise CtxhError("E_RESTORE_FOREIGN" if _is_database_of_another_key(backup_file) else "E_BACKUP_CHECK",
                        path=str(named))
    profile = ctx.profile
    # Only this laptop's own backup: another's would give it that laptop's identity (or commune) while it
    # signs with its own key, and the hub would refuse everything it sends (T35).
    backup_engine = read_only_engine(backup_file, key)
    try:
        with Database(backup_engine).reader() as session:
            identity = local_device_identity(session)
    except DBAPIError:
        identity = None
    finally:
        backup_engine.dispose()
    if identity != (ctx.device_id, ctx.province_code, ctx.commune_code):
        raise CtxhError("E_RESTORE_FOREIGN", path=str(named))
    with ctx.db.reader() as session:
        epoch = store.get_state(session, "epoch", 1)
        newest = local_last_version(session)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    replaced = backup_sqlite(profile.db_path, profile.backups_dir / f"ctxh-before-restore-{stamp}.sqlite3", key)
    ctx.db.dispose()
    for suffix in ("-wal", "-shm"):
        Path(str(profile.db_path) + suffix).unlink(missing_ok=True)
    backup_sqlite(backup_file, profile.db_path, key)  # a checked copy, swapped in whole: never half a database
    db = Database(make_engine(profile.db_path, key))
    try:
        upgrade(db.engine, profile.db_path, profile.backups_dir, key)
        with db.session() as session:
            store.start_new_epoch(session, epoch)
            save_last_version(session, ctx.device_id, max(newest, local_last_version(session)))
            audit.append(session, device_id=ctx.device_id, username=ctx.actor.username, action="restore",
                         subject=f"file:{named.name}", detail={"epoch": epoch + 1})
    finally:
        db.dispose()
    return {"epoch": epoch + 1, "replaced_copy": str(replaced)}


def _is_database_of_another_key(path: Path) -> bool:
    """True for a file that is not an SQLite file in clear and not empty: what another key's database looks
    like (its bytes are indistinguishable from random)."""
    return not is_plain_sqlite(path) and path.stat().st_size >= 4096
