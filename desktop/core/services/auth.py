"""Passphrases (Argon2id) and signing in."""

from __future__ import annotations

import re

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from desktop.core.context import Actor, AppContext
from desktop.core.errors import AuthError, CtxhError
from desktop.core.repositories import accounts as repo

MIN_PASSPHRASE = 8
_USERNAME = re.compile(r"[a-z0-9._]{3,32}")
_hasher = PasswordHasher()  # Argon2id with the library's current defaults (64 MiB, t=3)


def check_username(username: str) -> str:
    """Lower-case and check a user name; raise E_USERNAME if it is not 3–32 of a-z 0-9 . _"""
    name = username.strip().lower()
    if not _USERNAME.fullmatch(name):
        raise CtxhError("E_USERNAME")
    return name


def check_passphrase(passphrase: str) -> None:
    """Raise E_PASSPHRASE_SHORT for a passphrase under the minimum length."""
    if len(passphrase) < MIN_PASSPHRASE:
        raise CtxhError("E_PASSPHRASE_SHORT", min=MIN_PASSPHRASE)


def hash_passphrase(passphrase: str) -> str:
    """An Argon2id hash string of a passphrase."""
    return _hasher.hash(passphrase)


def sign_in(ctx: AppContext, username: str, passphrase: str) -> Actor:
    """Check a user's passphrase; on success the context acts as that user from now on."""
    with ctx.db.reader() as session:
        user = repo.account(session, username.strip().lower())
    if user is None or not user.active:
        raise AuthError()
    try:
        _hasher.verify(user.password_hash, passphrase)
    except (VerificationError, InvalidHashError):
        raise AuthError() from None
    ctx.actor = Actor(user_id=user.id, username=user.username, role=user.role, worker_id=user.worker_id)
    return ctx.actor



ROLES = ("OFFICER", "COLLABORATOR", "APPROVER")


def create_user(ctx: AppContext, username: str, passphrase: str, role: str, worker_id: str | None = None,
                display_name: str = "") -> str:
    """Add a sign-in account (officers only). A collaborator account is linked to its roster member."""
    from desktop.core.ids import new_id
    from desktop.core.models import Worker
    from desktop.core.repositories import records
    from desktop.core.services.access import require_manager
    from desktop.core.text import clean

    require_manager(ctx)
    name = check_username(username)
    check_passphrase(passphrase)
    if role not in ROLES:
        raise CtxhError("E_ROLE", role=role)
    if role == "COLLABORATOR" and not worker_id:
        raise CtxhError("E_WORKER_REQUIRED")
    user_id = new_id()
    with ctx.db.session() as session:
        if repo.account(session, name) is not None:
            raise CtxhError("E_USERNAME_TAKEN", username=name)
        if worker_id:
            worker = records.get_row(session, Worker, worker_id)
            if worker is None or worker["deleted"]:
                raise CtxhError("E_NOT_FOUND", entity="worker", id=worker_id)
            display_name = display_name or worker["full_name"]
        repo.add_account(session, user_id=user_id, username=name, display_name=clean(display_name) or name,
                         role=role, password_hash=hash_passphrase(passphrase), worker_id=worker_id)
    return user_id


def list_users(ctx: AppContext) -> list[dict[str, object]]:
    """The accounts of this laptop (never their hashes)."""
    with ctx.db.reader() as session:
        return [{"username": u.username, "display_name": u.display_name, "role": u.role, "worker_id": u.worker_id,
                 "active": u.active} for u in repo.accounts(session)]
