"""Accounts, the lock, the audit trail and restore, as the window calls them (on the database worker)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from desktop.core.context import AppContext

IDLE_MINUTES_DEFAULT = 10


def users(ctx: AppContext) -> list[dict[str, Any]]:
    """The accounts (ADMIN)."""
    from desktop.core.services.auth import list_users

    return list_users(ctx)


def roster_choices(ctx: AppContext) -> list[tuple[str, str]]:
    """(name — category, worker id) of the live roster, for linking a collaborator's account by name."""
    from desktop.core.services.roster import list_workers

    return [(f"{w['full_name']}", w["id"]) for w in list_workers(ctx, limit=5000)]


def add_user(ctx: AppContext, *, username: str, passphrase: str, role: str, worker_id: str | None,
             display_name: str) -> str:
    """Add an account (ADMIN)."""
    from desktop.core.services.auth import create_user

    return create_user(ctx, username, passphrase, role, worker_id, display_name)


def deactivate(ctx: AppContext, *, username: str) -> None:
    """Deactivate an account (ADMIN)."""
    from desktop.core.services.auth import deactivate_user

    deactivate_user(ctx, username)


def reset(ctx: AppContext, *, username: str, passphrase: str) -> None:
    """Give an account a new passphrase (ADMIN)."""
    from desktop.core.services.auth import reset_passphrase

    reset_passphrase(ctx, username, passphrase)


def change_own(ctx: AppContext, *, old: str, new: str) -> None:
    """Change the signed-in user's passphrase."""
    from desktop.core.services.auth import change_passphrase

    change_passphrase(ctx, old, new)


def audit_entries(ctx: AppContext, *, action: str | None, username: str | None) -> dict[str, Any]:
    """The newest 500 entries with the filters, and whether the chain holds (ADMIN)."""
    from desktop.core.services.audit import list_entries, verify

    return {"entries": list_entries(ctx, action=action, username=username, limit=500), "broken": verify(ctx)}


def export_audit(ctx: AppContext, *, path: Path) -> int:
    """Every audit entry to an .xlsx file (ADMIN)."""
    from desktop.core.services.audit import export_entries

    return export_entries(ctx, path)


def recover_profile(ctx: AppContext, *, folder: Path, sheet: Path, username: str, passphrase: str) -> None:
    """At the hub (its ADMIN): open a laptop's profile folder with the province's recovery sheet and give
    `username` a new passphrase (T30); the laptop's data and history are untouched."""
    from desktop.core.services.access import require
    from desktop.core.services.auth import escrow_identity, recover

    require(ctx, "keys")
    recover(folder, escrow_identity(sheet), username, passphrase).db.dispose()


def idle_minutes(ctx: AppContext) -> int:
    """Minutes without input before the window locks (Cài đặt; 0 = never)."""
    return int(ctx.profile.read_settings().get("idle_lock_minutes", IDLE_MINUTES_DEFAULT))


def save_idle_minutes(ctx: AppContext, *, minutes: int) -> None:
    """Set the idle time before the window locks (ADMIN)."""
    from desktop.core.services.access import require

    require(ctx, "settings")
    settings = ctx.profile.read_settings()
    settings["idle_lock_minutes"] = max(0, int(minutes))
    ctx.profile.write_settings(settings)


def backup_to(ctx: AppContext, *, folder: Path) -> Path:
    """An encrypted, checked backup into a chosen folder (a USB stick)."""
    from desktop.core.services import maintenance

    return maintenance.backup(ctx, folder)


def scheduled_backup(ctx: AppContext) -> Path | None:
    """The daily automatic backup into the profile's own folder, if the last one is a day old."""
    from desktop.core.services.maintenance import scheduled_backup as daily

    return daily(ctx)


def backup_overdue(ctx: AppContext) -> int | None:
    """Days since the last backup when it is older than a week (-1: never backed up), else None."""
    from desktop.core.services.maintenance import backup_overdue as overdue

    return overdue(ctx)


def restore(ctx: AppContext, *, path: Path) -> dict[str, Any]:
    """Restore this laptop's own backup (ADMIN); the profile must be signed in to again afterwards."""
    from desktop.core.services.restore import restore as run

    return run(ctx, path)
