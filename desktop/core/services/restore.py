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

from desktop.core.context import open_context
from desktop.core.db import Database, backup_sqlite, read_only_engine, sqlite_file_ok
from desktop.core.errors import CtxhError
from desktop.core.profile import Profile
from desktop.core.repositories import sync_store as store
from desktop.core.repositories.accounts import local_device_identity
from desktop.core.repositories.devices import local_last_version, save_last_version


def restore(data_dir: Path, backup_file: Path) -> dict[str, Any]:
    """Replace the profile's database by a checked backup; the database replaced is kept as a backup first.
    Returns {"epoch", "replaced_copy"}."""
    if not backup_file.is_file():
        raise CtxhError("E_FILE_MISSING", file=str(backup_file))
    if not sqlite_file_ok(backup_file):
        raise CtxhError("E_BACKUP_CHECK", path=str(backup_file))
    profile = Profile(data_dir)
    current = open_context(data_dir)
    # Only this laptop's own backup: another's would give it that laptop's identity (or commune) while it
    # signs with its own key, and the hub would refuse everything it sends (T35).
    backup_engine = read_only_engine(backup_file)
    try:
        with Database(backup_engine).reader() as session:
            identity = local_device_identity(session)
    except DBAPIError:
        identity = None
    finally:
        backup_engine.dispose()
    if identity != (current.device_id, current.province_code, current.commune_code):
        current.db.dispose()
        raise CtxhError("E_RESTORE_FOREIGN", path=str(backup_file))
    with current.db.reader() as session:
        epoch = store.get_state(session, "epoch", 1)
        newest = local_last_version(session)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    replaced = backup_sqlite(profile.db_path, profile.backups_dir / f"ctxh-before-restore-{stamp}.sqlite3")
    current.db.dispose()
    for suffix in ("-wal", "-shm"):
        Path(str(profile.db_path) + suffix).unlink(missing_ok=True)
    backup_sqlite(backup_file, profile.db_path)  # a checked copy, swapped in whole: never half a database
    ctx = open_context(data_dir)
    with ctx.db.session() as session:
        store.start_new_epoch(session, epoch)
        save_last_version(session, ctx.device_id, max(newest, local_last_version(session)))
    ctx.db.dispose()
    return {"epoch": epoch + 1, "replaced_copy": str(replaced)}
