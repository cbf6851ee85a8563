"""Checking and backing up a profile's database."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from desktop.core.context import AppContext
from desktop.core.db import backup_sqlite
from desktop.core.repositories import checks


def db_check(ctx: AppContext) -> dict[str, Any]:
    """Run integrity_check, foreign_key_check, the FTS checks and the app's invariants."""
    with ctx.db.session() as session:
        problems = checks.sqlite_problems(session) + checks.invariant_problems(session)
    return {"ok": not problems, "problems": problems}


def backup(ctx: AppContext, target: Path | None = None) -> Path:
    """Copy the live database (backup API, safe while writing) and verify the copy."""
    if target is None:
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        target = ctx.profile.backups_dir / f"ctxh-{stamp}.sqlite3"
    return backup_sqlite(ctx.profile.db_path, target)
