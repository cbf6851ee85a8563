"""Signing in to a profile: the lockout, the data key's unwrap, and the first sign-in of an older profile.

The passphrase is checked by unwrapping the data key (AES-GCM refuses a wrong key), before any database file is
opened: a wrong passphrase opens and creates nothing but a count in the vault. After FREE_TRIES wrong tries in
a row each further try must wait, twice as long each time; the failures and lockouts reach the audit trail at
the next successful sign-in.
"""

from __future__ import annotations

import math
import time
from pathlib import Path
from typing import Any

from desktop.core.errors import AuthError, CtxhError
from desktop.core.profile import Profile
from desktop.core.vault import Vault, new_data_key

FREE_TRIES = 5
BASE_DELAY_SECONDS = 30.0
MAX_DELAY_SECONDS = 3600.0


def delay_after(failures: int) -> float:
    """Seconds a user must wait after `failures` wrong tries in a row (0 for the first FREE_TRIES - 1)."""
    if failures < FREE_TRIES:
        return 0.0
    return min(MAX_DELAY_SECONDS, BASE_DELAY_SECONDS * 2 ** (failures - FREE_TRIES))


def iso_stamp(now: float | None = None) -> str:
    """An audit entry's time, ISO 8601 UTC to the second (for entries that wait in the vault)."""
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(time.time() if now is None else now))


def note_sign_in(session: Any, profile: Profile, device_id: str, username: str, action: str | None) -> None:
    """In the sign-in's transaction: the audit entries that waited in the vault (failed tries, a lockout, a
    passphrase change, a recovery), then `action` by `username` (None: the account may not sign in). The vault
    forgets them only once they are in the trail."""
    from desktop.core.repositories import audit

    vault = Vault(profile.root)
    pending = vault.take_pending_audit()
    for entry in pending:
        audit.append(session, device_id=device_id, username=entry["username"], action=entry["action"],
                     detail=entry.get("detail"), at=entry.get("at"))
    if action is not None:
        audit.append(session, device_id=device_id, username=username, action=action)
    if pending:
        session.flush()
        vault.save()


def unlock(profile: Profile, username: str, passphrase: str, db_url: str | None = None,
           now: float | None = None) -> bytes:
    """The profile's data key for (username, passphrase): AuthError if they do not match, E_LOCKED_OUT
    (with the seconds to wait) while the user is locked out. An older profile in clear is encrypted now."""
    now = time.time() if now is None else now
    username = username[:32]  # whatever is typed: the counters and the audit trail keep a bounded name
    vault = Vault(profile.root)
    failures, last = vault.failures(username)
    wait = last + delay_after(failures) - now
    if wait > 0:
        raise CtxhError("E_LOCKED_OUT", seconds=math.ceil(wait))
    try:
        if vault.exists():
            data_key = vault.unwrap(username, passphrase)
        else:
            data_key = _first_sign_in(profile, username, passphrase, db_url)
            vault = Vault(profile.root)
    except AuthError:
        count = vault.note_failure(username, now)
        vault.add_pending_audit({"at": iso_stamp(now), "username": username, "action": "sign_in_failed",
                                 "detail": {"failures": count}})
        if delay_after(count) > 0:
            vault.add_pending_audit({"at": iso_stamp(now), "username": username, "action": "locked_out",
                                     "detail": {"seconds": int(delay_after(count))}})
        vault.save()
        raise
    if failures:
        vault.clear_failures(username)
        vault.save()
    return data_key


def _first_sign_in(profile: Profile, username: str, passphrase: str, db_url: str | None) -> bytes:
    """An older profile (no vault): check the passphrase against the account's Argon2 hash, then encrypt the
    profile in place (desktop/core/encrypting.py) under a new data key."""
    from argon2 import PasswordHasher
    from argon2.exceptions import InvalidHashError, VerificationError

    from desktop.core.db import Database, is_plain_sqlite, make_engine
    from desktop.core.encrypting import convert
    from desktop.core.repositories.accounts import account

    if db_url is None and not is_plain_sqlite(profile.db_path):
        raise CtxhError("E_VAULT_MISSING", file=str(Path(profile.root) / "keys" / "vault.json"))
    engine = make_engine(db_url or profile.db_path)
    try:
        with Database(engine).reader() as session:
            user = account(session, username)
    finally:
        engine.dispose()
    if user is None or not user.active:
        raise AuthError()
    try:
        PasswordHasher().verify(user.password_hash, passphrase)
    except (VerificationError, InvalidHashError):
        raise AuthError() from None
    data_key = new_data_key()
    convert(profile, username, passphrase, data_key, db_url)
    return data_key
