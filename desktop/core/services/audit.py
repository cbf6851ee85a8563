"""The audit trail as the services use it: note an action, list entries (ADMIN), export them, verify the chain."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from desktop.core.context import AppContext
from desktop.core.repositories import audit as repo
from desktop.core.services.access import require


def note(ctx: AppContext, session: Session, action: str, subject: str = "", **detail: Any) -> None:
    """Append an entry for what the signed-in user does, in the caller's transaction (so the action and its
    entry commit or fail together). `detail` holds counts and codes, never personal data."""
    repo.append(session, device_id=ctx.device_id, username=ctx.actor.username, action=action, subject=subject,
                detail=detail or None)


def record(ctx: AppContext, action: str, subject: str = "", **detail: Any) -> None:
    """Append an entry in a transaction of its own (for reads: viewing a page, printing, an export)."""
    with ctx.db.session() as session:
        note(ctx, session, action, subject, **detail)


def list_entries(ctx: AppContext, *, action: str | None = None, username: str | None = None,
                 since: str | None = None, until: str | None = None, limit: int = 200,
                 offset: int = 0) -> list[dict[str, Any]]:
    """Entries newest first, filtered (ADMIN only)."""
    require(ctx, "audit")
    with ctx.db.reader() as session:
        return repo.entries(session, action=action, username=username, since=since, until=until, limit=limit,
                            offset=offset)


def verify(ctx: AppContext) -> tuple[int, str] | None:
    """The first broken entry of this device's chain (its number and why), or None."""
    with ctx.db.reader() as session:
        return repo.first_broken(session)


def export_entries(ctx: AppContext, path: Path) -> int:
    """Write every entry to an .xlsx file (ADMIN); the export itself is noted. Returns the number written."""
    from desktop.core.excel.writing import SheetSpec, write_workbook

    require(ctx, "audit")
    with ctx.db.reader() as session:
        rows = repo.entries(session, limit=10**9)
    write_workbook(path, [SheetSpec("Nhật ký", [("Số", 8), ("Thời điểm (UTC)", 22), ("Người dùng", 16),
                                                ("Việc", 20), ("Đối tượng", 44), ("Chi tiết", 40)],
                                    [(r["seq"], r["at"], r["username"], r["action"], r["subject"],
                                      ", ".join(f"{k}={v}" for k, v in sorted(r["detail"].items())))
                                     for r in rows])])
    record(ctx, "export", f"file:{path.name}", kind="audit", rows=len(rows))
    return len(rows)
