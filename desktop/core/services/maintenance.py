"""Checking and backing up a profile's database."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from desktop.core.context import AppContext
from desktop.core.db import backup_sqlite
from desktop.core.repositories import audit, checks
from desktop.core.services.access import require
from desktop.core.vault import key_of

BACKUP_REMINDER_DAYS = 7


def db_check(ctx: AppContext) -> dict[str, Any]:
    """Run integrity_check, foreign_key_check, the FTS checks, the app's invariants and the audit chain."""
    with ctx.db.session() as session:
        problems = checks.sqlite_problems(session) + checks.invariant_problems(session)
        broken = audit.first_broken(session)
    if broken is not None:
        problems.append(f"audit_log: entry {broken[0]} is broken ({broken[1]})")
    return {"ok": not problems, "problems": problems,
            "audit": {"ok": broken is None, "first_broken": broken[0] if broken else None,
                      "why": broken[1] if broken else None}}


def backup(ctx: AppContext, target: Path | None = None) -> Path:
    """Copy the live database (backup API, safe while writing), encrypted under the profile's data key, to
    `target` (a file, or a folder such as a USB stick), verify the copy, and note it in the audit trail."""
    require(ctx, "backup")
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    if target is None:
        target = ctx.profile.backups_dir / f"ctxh-{stamp}.sqlite3"
    elif target.is_dir():
        target = target / f"ctxh-{ctx.device_name.replace(' ', '_')}-{stamp}.sqlite3"
    written = backup_sqlite(ctx.profile.db_path, target, key_of(ctx.profile.root))
    with ctx.db.session() as session:
        audit.append(session, device_id=ctx.device_id, username=ctx.actor.username, action="backup",
                     subject=f"file:{written.name}")
    settings = ctx.profile.read_settings()
    settings["last_backup_at"] = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    ctx.profile.write_settings(settings)
    return written


def backup_overdue(ctx: AppContext, now: dt.datetime | None = None) -> int | None:
    """Days since the last backup when that is more than BACKUP_REMINDER_DAYS (or -1 if there never was one);
    None when a backup is recent enough."""
    last = ctx.profile.read_settings().get("last_backup_at")
    if not last:
        return -1
    now = now or dt.datetime.now(dt.UTC)
    days = (now - dt.datetime.fromisoformat(last)).days
    return days if days > BACKUP_REMINDER_DAYS else None
