"""Accounts and signing in: roles, passphrases (each one wraps the profile's data key), lock, recovery.

A passphrase is never stored, not even hashed: it unwraps the data key (desktop/core/vault.py), and that is
the check. So adding an account, resetting a passphrase or changing one's own rewrites a wrap and nothing else.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from desktop.core.context import Actor, AppContext
from desktop.core.errors import AuthError, CtxhError
from desktop.core.passphrases import MIN_LENGTH, check_passphrase
from desktop.core.repositories import accounts as repo
from desktop.core.repositories import audit
from desktop.core.services.access import require
from desktop.core.vault import Vault, forget_key, key_of, remember_key

__all__ = ["MIN_LENGTH", "ROLES", "WRAPPED", "change_passphrase", "check_passphrase", "check_username",
           "create_user", "deactivate_user", "escrow_identity", "list_users", "lock", "recover", "reset_passphrase",
           "sign_in"]

# What the old password_hash column holds for an account whose passphrase wraps the data key instead.
WRAPPED = "wrapped-data-key"
_USERNAME = re.compile(r"[a-z0-9._]{3,32}")
ROLES = ("ADMIN", "OFFICER", "APPROVER", "COLLABORATOR", "VIEWER")


def check_username(username: str) -> str:
    """Lower-case and check a user name; raise E_USERNAME if it is not 3–32 of a-z 0-9 . _"""
    name = username.strip().lower()
    if not _USERNAME.fullmatch(name):
        raise CtxhError("E_USERNAME")
    return name


def sign_in(ctx: AppContext, username: str, passphrase: str, now: float | None = None) -> Actor:
    """Check a user's passphrase on an open profile (the window's unlock, or a change of user); on success the
    context acts as that user from now on. Failures count towards the lockout, as at start-up."""
    from desktop.core.unlocking import note_sign_in, unlock

    name = username.strip().lower()
    data_key = unlock(ctx.profile, name, passphrase, ctx.profile.read_settings().get("db_url"), now)
    with ctx.db.session() as session:
        user = repo.account(session, name)
        note_sign_in(session, ctx.profile, ctx.device_id, name, "unlock" if user is not None and user.active else None)
    if user is None or not user.active:
        raise AuthError()
    remember_key(ctx.profile.root, data_key)
    ctx.actor = Actor(user_id=user.id, username=user.username, role=user.role, worker_id=user.worker_id)
    return ctx.actor


def lock(ctx: AppContext, reason: str = "lock") -> None:
    """Record that the window locked (idle, or the user asked) or signed out. The data key stays with the open
    database connections; the window hides every page until `sign_in` succeeds again."""
    with ctx.db.session() as session:
        audit.append(session, device_id=ctx.device_id, username=ctx.actor.username, action=reason)
    if reason == "sign_out":
        forget_key(ctx.profile.root)


def create_user(ctx: AppContext, username: str, passphrase: str, role: str, worker_id: str | None = None,
                display_name: str = "") -> str:
    """Add a sign-in account (ADMIN only), its passphrase wrapping the data key. A collaborator's account is
    linked to its roster member."""
    from desktop.core.ids import new_id
    from desktop.core.models import Worker
    from desktop.core.repositories import records
    from desktop.core.text import clean

    require(ctx, "accounts")
    name = check_username(username)
    check_passphrase(passphrase, name)
    if role not in ROLES:
        raise CtxhError("E_ROLE", role=role)
    if role == "COLLABORATOR" and not worker_id:
        raise CtxhError("E_WORKER_REQUIRED")
    user_id = new_id()
    vault = Vault(ctx.profile.root)
    vault.wrap(name, passphrase, key_of(ctx.profile.root))
    with ctx.db.session() as session:
        if repo.account(session, name) is not None:
            raise CtxhError("E_USERNAME_TAKEN", username=name)
        if worker_id:
            worker = records.get_row(session, Worker, worker_id)
            if worker is None or worker["deleted"]:
                raise CtxhError("E_NOT_FOUND", entity="worker", id=worker_id)
            display_name = display_name or worker["full_name"]
        repo.add_account(session, user_id=user_id, username=name, display_name=clean(display_name) or name,
                         role=role, password_hash=WRAPPED, worker_id=worker_id)
        audit.append(session, device_id=ctx.device_id, username=ctx.actor.username, action="account_add",
                     subject=f"user:{name}", detail={"role": role})
        vault.save()  # inside the transaction: if the wrap cannot be written, the account is not made either
    return user_id


def _account(session: Any, username: str) -> repo.Account:
    user = repo.account(session, username.strip().lower())
    if user is None:
        raise CtxhError("E_NOT_FOUND", entity="user", id=username)
    return user


def deactivate_user(ctx: AppContext, username: str) -> None:
    """Deactivate an account (ADMIN): it can no longer sign in, its wrap of the data key is destroyed. The last
    active ADMIN cannot be deactivated."""
    require(ctx, "accounts")
    vault = Vault(ctx.profile.root)
    with ctx.db.session() as session:
        user = _account(session, username)
        if user.role == "ADMIN" and repo.active_admins(session) == [user.username]:
            raise CtxhError("E_LAST_ADMIN")
        repo.set_active(session, user.username, False)
        audit.append(session, device_id=ctx.device_id, username=ctx.actor.username, action="account_deactivate",
                     subject=f"user:{user.username}")
        vault.drop_wrap(user.username)
        vault.save()


def reset_passphrase(ctx: AppContext, username: str, new_passphrase: str) -> None:
    """Give an account a new passphrase (ADMIN): its wrap is made anew, its lockout cleared."""
    require(ctx, "accounts")
    vault = Vault(ctx.profile.root)
    with ctx.db.session() as session:
        user = _account(session, username)
        check_passphrase(new_passphrase, user.username)
        vault.wrap(user.username, new_passphrase, key_of(ctx.profile.root))
        vault.clear_failures(user.username)
        audit.append(session, device_id=ctx.device_id, username=ctx.actor.username, action="passphrase_reset",
                     subject=f"user:{user.username}")
        vault.save()


def change_passphrase(ctx: AppContext, old_passphrase: str, new_passphrase: str) -> None:
    """Change the signed-in user's own passphrase: the old one must unwrap the key; only the wrap changes, not
    one page of the database (T30). The audit entry waits in the vault and joins the trail at the next
    sign-in, as a failed sign-in's does."""
    from desktop.core.unlocking import iso_stamp

    name = ctx.actor.username
    vault = Vault(ctx.profile.root)
    check_passphrase(new_passphrase, name)
    data_key = vault.unwrap(name, old_passphrase)
    vault.wrap(name, new_passphrase, data_key)
    vault.add_pending_audit({"at": iso_stamp(), "username": name, "action": "passphrase_change", "detail": {}})
    vault.save()


def escrow_identity(sheet: Path) -> str:
    """The escrow identity ("AGE-SECRET-KEY-1…") on a recovery sheet (sync.hub.profile.write_recovery_sheet);
    "" if there is none (recover then answers E_ESCROW_KEY); E_FILE_MISSING if the file cannot be read."""
    try:
        text = sheet.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise CtxhError("E_FILE_MISSING", file=str(sheet)) from error
    return next((line.strip() for line in text.splitlines() if line.strip().startswith("AGE-SECRET-KEY-")), "")


def recover(data_dir: Path, escrow_identity: str, username: str, new_passphrase: str) -> AppContext:
    """The province's recovery (T30): the escrow identity (from the hub's recovery sheet) opens the data key,
    `username` gets `new_passphrase`, and the profile opens signed in as that user, its data untouched."""
    from desktop.core.context import open_context

    vault = Vault(data_dir)
    data_key = vault.unwrap_escrow(escrow_identity)
    name = username.strip().lower()
    check_passphrase(new_passphrase, name)
    vault.wrap(name, new_passphrase, data_key)
    vault.clear_failures(name)
    vault.add_pending_audit({"at": None, "username": name, "action": "recovery", "detail": {}})
    vault.save()
    return open_context(data_dir, name, new_passphrase)


def list_users(ctx: AppContext) -> list[dict[str, object]]:
    """The accounts of this laptop (never their wraps)."""
    require(ctx, "accounts")
    with ctx.db.reader() as session:
        return [{"username": u.username, "display_name": u.display_name, "role": u.role, "worker_id": u.worker_id,
                 "active": u.active} for u in repo.accounts(session)]
