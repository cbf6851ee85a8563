"""The profile itself: opening it, first-run setup, signing in, the overview, settings, backups."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from desktop.core.context import AppContext
    from desktop.core.progress import CancelToken, ProgressSink
    from desktop.core.reference_data import CodeBook


def open_profile(data_dir: Path, *, username: str, passphrase: str) -> tuple[AppContext, CodeBook]:
    """Sign in: unlock and open (and upgrade, after a backup) the profile, and load the code lists for display."""
    from desktop.core.context import open_context
    from desktop.core.services.records import codebook

    ctx = open_context(data_dir, username, passphrase)
    return ctx, codebook(ctx)


def set_up(data_dir: Path, *, values: dict[str, str]) -> tuple[AppContext, CodeBook]:
    """First-run setup of this laptop (profile, first officer, keys), signed in as that officer."""
    from desktop.core.services.records import codebook
    from desktop.core.services.setup import SetupRequest
    from sync.laptop_setup import set_up_laptop

    ctx = set_up_laptop(data_dir, SetupRequest(**values))  # signed in as the new ADMIN
    return ctx, codebook(ctx)


def admin_units() -> dict[str, Any]:
    """The shipped administrative units (for the setup dialog's province and commune lists)."""
    from desktop.core.reference_data import read_admin_units_file

    return read_admin_units_file()


def sign_in(ctx: AppContext, *, username: str, passphrase: str) -> AppContext:
    """Unlock an open profile again (after the window locked): the context acts as that user from now on."""
    from desktop.core.services.auth import sign_in as check

    check(ctx, username, passphrase)
    return ctx


def lock(ctx: AppContext, *, reason: str) -> None:
    """Note in the audit trail that the window locked (idle, or asked) or signed out."""
    from desktop.core.services.auth import lock as note_lock

    note_lock(ctx, reason)


def overview(ctx: AppContext) -> dict[str, Any]:
    """The Tổng quan page's counts."""
    from desktop.core.services import status

    return status.overview(ctx)


def profile_info(ctx: AppContext) -> dict[str, Any]:
    """The commune, province, device and database facts of this profile."""
    from desktop.core.services import status

    return status.profile_info(ctx)


def save_language(ctx: AppContext, *, language: str) -> None:
    """Remember the window's language in the profile's settings."""
    settings = ctx.profile.read_settings()
    settings["language"] = language
    ctx.profile.write_settings(settings)


def may(ctx: AppContext, *, permission: str) -> bool:
    """Whether the signed-in user's role holds `permission` (the window greys out what would be refused)."""
    from desktop.core.services.access import allowed

    return allowed(ctx, permission)


def text_size(ctx: AppContext) -> int:
    """The text size (per cent) the window starts with."""
    return int(ctx.profile.read_settings().get("text_size", 100))


def save_text_size(ctx: AppContext, *, percent: int) -> None:
    """Remember the text size (per cent) the window starts with."""
    settings = ctx.profile.read_settings()
    settings["text_size"] = int(percent)
    ctx.profile.write_settings(settings)


def remember_user(ctx: AppContext) -> None:
    """The sign-in dialog opens with the last user filled in."""
    settings = ctx.profile.read_settings()
    settings["last_user"] = ctx.actor.username
    ctx.profile.write_settings(settings)


def backup(ctx: AppContext, *, progress: ProgressSink, cancel: CancelToken) -> Path:
    """A checked copy of the live database in the profile's backups folder."""
    from desktop.core.services import maintenance

    return maintenance.backup(ctx)
