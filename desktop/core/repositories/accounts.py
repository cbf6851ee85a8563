"""The SQL of sign-in accounts and of this profile's own device row."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from desktop.core.models import AppUser, Device


@dataclass(frozen=True)
class Account:
    """A sign-in account as the services read it (the hash only for checking a passphrase)."""

    id: str
    username: str
    display_name: str
    role: str
    worker_id: str | None
    active: bool
    password_hash: str


def _account(user: AppUser) -> Account:
    return Account(user.id, user.username, user.display_name, user.role, user.worker_id, user.active,
                   user.password_hash)


def account(session: Session, username: str) -> Account | None:
    """The account of a (normalised) user name, or None."""
    user = session.scalar(select(AppUser).where(AppUser.username == username))
    return _account(user) if user else None


def accounts(session: Session) -> list[Account]:
    """Every account, by user name."""
    return [_account(u) for u in session.scalars(select(AppUser).order_by(AppUser.username))]


def add_account(session: Session, *, user_id: str, username: str, display_name: str, role: str,
                password_hash: str, worker_id: str | None = None) -> None:
    """Create an active account."""
    session.execute(insert(AppUser).values(id=user_id, username=username, display_name=display_name, role=role,
                                           password_hash=password_hash, worker_id=worker_id, active=True))


@dataclass(frozen=True)
class LocalDevice:
    """This profile's own device: its id, name, commune and the newest version its clock issued."""

    id: str
    name: str
    province_code: str
    commune_code: str
    last_version: str


def local_device(session: Session) -> LocalDevice:
    """This profile's device row (there is exactly one)."""
    device = session.scalars(select(Device).where(Device.is_local.is_(True))).one()
    return LocalDevice(device.id, device.name, device.province_code, device.commune_code, device.last_version or "")


def local_device_identity(session: Session) -> tuple[str, str, str] | None:
    """(id, province code, commune code) of the profile's own device, read with the columns every schema
    version has (for a backup that may be older than this app); None if there is no such row."""
    row = session.execute(select(Device.id, Device.province_code, Device.commune_code).where(
        Device.is_local.is_(True))).first()
    return (row[0], row[1], row[2]) if row else None


def add_local_device(session: Session, *, device_id: str, name: str, province_code: str, commune_code: str) -> None:
    """Create this profile's device row (at set-up)."""
    session.execute(insert(Device).values(id=device_id, name=name, province_code=province_code,
                                          commune_code=commune_code, is_local=True))


def set_active(session: Session, username: str, active: bool) -> None:
    """Activate or deactivate an account."""
    session.execute(update(AppUser).where(AppUser.username == username).values(active=active))


def active_admins(session: Session) -> list[str]:
    """The user names of the active ADMIN accounts."""
    return list(session.scalars(select(AppUser.username).where(AppUser.role == "ADMIN", AppUser.active.is_(True))))
