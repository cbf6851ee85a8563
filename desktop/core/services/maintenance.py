"""Checking and backing up a profile's database."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from desktop.core.context import AppContext
from desktop.core.db import backup_sqlite
from desktop.core.repositories import audit, checks
from desktop.core.services.access import require
from desktop.core.vault import Vault, key_of

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


AUTOMATIC_KEPT = 7  # automatic backups kept in the profile's own folder (one a day)
AUTOMATIC_EVERY = dt.timedelta(hours=20)


def backup(ctx: AppContext, target: Path | None = None, automatic: bool = False) -> Path:
    """Copy the live database (backup API, safe while writing), encrypted under the profile's data key, to
    `target` (a file, or a folder such as a USB stick; default the profile's backups folder), verify the copy,
    and note it in the audit trail. A copy off the profile's folder is what the reminder counts."""
    if not automatic:
        require(ctx, "backup")
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    if target is None:
        target = ctx.profile.backups_dir / f"ctxh-{'auto-' if automatic else ''}{stamp}.sqlite3"
    elif target.is_dir():
        target = target / f"ctxh-{ctx.device_name.replace(' ', '_')}-{stamp}.sqlite3"
    written = backup_sqlite(ctx.profile.db_path, target, key_of(ctx.profile.root))
    escrow = Vault(ctx.profile.root).escrow_only(written.with_name(written.name + ".vault.json"))
    if escrow is not None and not automatic:
        escrow.save()  # if the laptop is lost, the province opens this copy with its recovery sheet
    with ctx.db.session() as session:
        audit.append(session, device_id=ctx.device_id, username=ctx.actor.username,
                     action="backup_auto" if automatic else "backup", subject=f"file:{written.name}")
    settings = ctx.profile.read_settings()
    now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    settings["last_auto_backup_at" if automatic else "last_backup_at"] = now
    if not automatic and not written.resolve().is_relative_to(ctx.profile.root.resolve()):
        settings["last_offsite_backup_at"] = now
    ctx.profile.write_settings(settings)
    return written


def scheduled_backup(ctx: AppContext, now: dt.datetime | None = None) -> Path | None:
    """The daily backup into the profile's own folder (the window makes it at sign-in when the last one is
    older than AUTOMATIC_EVERY), keeping the newest AUTOMATIC_KEPT; None when one is recent enough. Made for
    any role: it is the laptop protecting itself, not an export."""
    now = now or dt.datetime.now(dt.UTC)
    last = ctx.profile.read_settings().get("last_auto_backup_at")
    if last and now - dt.datetime.fromisoformat(last) < AUTOMATIC_EVERY:
        return None
    written = backup(ctx, ctx.profile.backups_dir / f"ctxh-auto-{now:%Y%m%d-%H%M%S}.sqlite3", automatic=True)
    automatic = sorted(ctx.profile.backups_dir.glob("ctxh-auto-*.sqlite3"))
    for old in automatic[:-AUTOMATIC_KEPT]:
        old.unlink()
    return written


def backup_overdue(ctx: AppContext, now: dt.datetime | None = None) -> int | None:
    """Days since the last backup off this laptop's profile folder (to a USB stick, another disk) when that is
    more than BACKUP_REMINDER_DAYS, or -1 if there never was one; None when one is recent enough. The automatic
    daily copies do not count: they are lost with the laptop."""
    last = ctx.profile.read_settings().get("last_offsite_backup_at")
    if not last:
        return -1
    now = now or dt.datetime.now(dt.UTC)
    days = (now - dt.datetime.fromisoformat(last)).days
    return days if days > BACKUP_REMINDER_DAYS else None
