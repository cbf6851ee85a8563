"""Creating a profile: a new data key, the encrypted schema, reference data, this device, and the first account
(its ADMIN)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from desktop.core.context import AppContext, open_context
from desktop.core.db import Database, make_engine, upgrade
from desktop.core.errors import CtxhError
from desktop.core.ids import new_id
from desktop.core.profile import Profile
from desktop.core.reference_data import load_reference_data, read_admin_units_file
from desktop.core.repositories import accounts
from desktop.core.services.auth import WRAPPED, check_passphrase, check_username
from desktop.core.text import clean
from desktop.core.vault import Vault, new_data_key


@dataclass(frozen=True)
class SetupRequest:
    """What first-run setup (or `ctxh init`) asks for."""

    province_code: str
    commune_code: str
    device_name: str
    username: str
    passphrase: str
    display_name: str = ""


def find_units(province_code: str, commune_code: str) -> tuple[dict, list]:
    """The province and commune records from the shipped list; raises if unknown or mismatched."""
    units = read_admin_units_file()
    province = next((p for p in units["provinces"] if p["code"] == province_code), None)
    if province is None:
        raise CtxhError("E_UNKNOWN_UNIT", code=province_code)
    commune = next((c for c in province["communes"] if c[0] == commune_code), None)
    if commune is None:
        for other in units["provinces"]:
            found = next((c for c in other["communes"] if c[0] == commune_code), None)
            if found:
                raise CtxhError("E_COMMUNE_PROVINCE", commune=found[1], province=province["name"])
        raise CtxhError("E_UNKNOWN_UNIT", code=commune_code)
    return province, commune


def initialise_profile(data_dir: Path, request: SetupRequest) -> AppContext:
    """Create a new profile in `data_dir`; refuses a directory that already holds one.

    Everything is checked before the database file is created, and a setup that fails half-way
    removes the new file, so a refused setup leaves nothing behind. The laptop's keys belong to sync:
    `sync.laptop_setup.set_up_laptop` makes them right after (they are also made on first use).
    """
    profile = Profile(data_dir)
    if profile.exists():
        raise CtxhError("E_ALREADY_INITIALISED", path=str(data_dir))
    username = check_username(request.username)
    device_name = clean(request.device_name)
    if not device_name:
        raise CtxhError("E_REQUIRED", field="device_name")
    find_units(request.province_code, request.commune_code)
    check_passphrase(request.passphrase, username)
    profile.root.mkdir(parents=True, exist_ok=True)
    data_key = new_data_key()
    engine = make_engine(profile.db_path, data_key)
    try:
        upgrade(engine)
        db = Database(engine)
        with db.session() as session:
            load_reference_data(session)
            accounts.add_local_device(session, device_id=new_id(), name=device_name,
                                      province_code=request.province_code, commune_code=request.commune_code)
            accounts.add_account(session, user_id=new_id(), username=username,
                                 display_name=clean(request.display_name) or username, role="ADMIN",
                                 password_hash=WRAPPED)
        vault = Vault(profile.root)
        vault.wrap(username, request.passphrase, data_key)
        vault.save()
    except BaseException:
        engine.dispose()
        for suffix in ("", "-wal", "-shm"):
            Path(str(profile.db_path) + suffix).unlink(missing_ok=True)
        Vault(profile.root).path.unlink(missing_ok=True)
        raise
    engine.dispose()
    settings = profile.read_settings()
    settings["last_user"] = username  # the sign-in dialog opens with it filled in
    profile.write_settings(settings)
    return open_context(data_dir, username, request.passphrase)
