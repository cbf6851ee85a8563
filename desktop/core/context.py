"""What every service call needs: the database, this device, its clock and who is acting."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from desktop.core.db import Database, make_engine, upgrade
from desktop.core.errors import AuthError, CtxhError
from desktop.core.hlc import HybridClock
from desktop.core.ids import new_id
from desktop.core.profile import HUB, LAPTOP, Profile, Role
from desktop.core.repositories.accounts import local_device

__all__ = ["HUB", "LAPTOP", "SYSTEM_ACTOR", "Actor", "AppContext", "Role", "open_context"]


@dataclass(frozen=True)
class Actor:
    """The signed-in user (or the command line's system actor)."""

    user_id: str | None
    username: str
    role: str  # ADMIN | OFFICER | APPROVER | COLLABORATOR | VIEWER (SYSTEM: set-up and migrations only)
    worker_id: str | None = None


SYSTEM_ACTOR = Actor(user_id=None, username="system", role="SYSTEM")


@dataclass
class AppContext:
    """One open profile. Services receive it; widgets never hold it directly."""

    db: Database
    profile: Profile
    device_id: str
    device_name: str
    province_code: str
    commune_code: str
    clock: HybridClock
    actor: Actor = SYSTEM_ACTOR
    role: Role = LAPTOP  # what this replica is, read once from the profile when it opens
    new_id: Callable[[], str] = field(default=new_id)

    @property
    def partition(self) -> str:
        """The sync partition of this laptop's records: "PP:CCCCC"."""
        return f"{self.province_code}:{self.commune_code}"


def open_context(data_dir: Path, username: str, passphrase: str, *, now: float | None = None) -> AppContext:
    """Sign in to an existing profile: unlock its data key with the account's passphrase (desktop/core/
    unlocking.py), open the encrypted database, upgrade its schema in place (after an encrypted backup) if
    needed, and act as that account. The sign-in is written to the audit trail."""
    from desktop.core.encrypting import resume
    from desktop.core.repositories.accounts import account
    from desktop.core.unlocking import note_sign_in, unlock
    from desktop.core.vault import remember_key

    profile = Profile(data_dir)
    url = profile.read_settings().get("db_url")  # a hub may keep its data in PostgreSQL
    if not url:
        resume(profile)
        if not profile.exists():
            raise CtxhError("E_NOT_INITIALISED", path=str(data_dir))
    name = username.strip().lower()
    data_key = unlock(profile, name, passphrase, url, now)
    key = None if url else data_key
    engine = make_engine(url or profile.db_path, key)
    if url:
        upgrade(engine)  # a server database is backed up by its own tools (pg_dump), not file copies
    else:
        upgrade(engine, profile.db_path, profile.backups_dir, key)
    db = Database(engine)
    from desktop.core.reference_data import load_reference_data

    with db.session() as session:  # a newer app ships newer reference data; a newer hub set is kept
        load_reference_data(session)
        user = account(session, name)
        device = local_device(session)
        note_sign_in(session, profile, device.id, name, "sign_in" if user is not None and user.active else None)
    if user is None or not user.active:
        engine.dispose()
        raise AuthError()
    remember_key(profile.root, data_key)
    clock = HybridClock(device.id, last=device.last_version)
    return AppContext(
        db=db, profile=profile, device_id=device.id, device_name=device.name,
        province_code=device.province_code, commune_code=device.commune_code, clock=clock,
        actor=Actor(user_id=user.id, username=user.username, role=user.role, worker_id=user.worker_id),
        role=profile.role,
    )
