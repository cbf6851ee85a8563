"""A hub profile: its database (the same schema and migrations as a laptop's), its keys and its card."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pyrage import x25519

from desktop.core.context import HUB, AppContext, open_context
from desktop.core.db import Database, make_engine, upgrade
from desktop.core.errors import CtxhError
from desktop.core.ids import new_id
from desktop.core.profile import Profile
from sync.keys import Signer, _write_secret, escrow_data_key, fingerprint, hub_card, read_sealed, write_sealed

HUB_COMMUNE = "00000"  # the hub's own device row: it belongs to no commune


def init_hub(data_dir: Path, province_code: str, name: str, db_url: str | None = None, *,
             user: tuple[str, str], escrow_out: Path | None = None) -> AppContext:
    """Create a hub profile: a data key, the database (SQLCipher in the profile, or `db_url`), reference data,
    the hub's own device row, its keys (a signing root and an age identity, sealed under the data key), and its
    first account: `user` is (user name, passphrase) of the province ADMIN who signs in to it.

    The escrow identity (it opens every bundle, and every profile's data key, if a key is lost) is written only
    to `escrow_out`, a recovery sheet the officer takes away — never into the profile, where it would be one
    more copy of every commune's data for whoever takes the hub's disk. Without `escrow_out` it is not kept."""
    from desktop.core.reference_data import load_reference_data, read_admin_units_file
    from desktop.core.repositories import accounts
    from desktop.core.services.auth import WRAPPED, check_passphrase, check_username
    from desktop.core.vault import Vault, new_data_key, remember_key

    profile = Profile(data_dir)
    if profile.exists() or profile.read_settings().get("db_url"):
        raise CtxhError("E_ALREADY_INITIALISED", path=str(data_dir))
    if not any(p["code"] == province_code for p in read_admin_units_file()["provinces"]):
        raise CtxhError("E_UNKNOWN_UNIT", code=province_code)
    username = check_username(user[0])
    check_passphrase(user[1], username)
    if escrow_out is not None:
        escrow_out = escrow_out.absolute()
        if escrow_out.is_relative_to(profile.root.absolute()) or escrow_out.exists():
            raise CtxhError("E_ESCROW_PLACE", path=str(escrow_out))
        if not escrow_out.parent.is_dir():
            raise CtxhError("E_FOLDER_MISSING", folder=str(escrow_out.parent))
    profile.root.mkdir(parents=True, exist_ok=True)
    data_key = new_data_key()
    engine = make_engine(db_url or profile.db_path, None if db_url else data_key)
    upgrade(engine)
    db = Database(engine)
    hub_id = new_id()
    with db.session() as session:
        load_reference_data(session)
        accounts.add_local_device(session, device_id=hub_id, name=name, province_code=province_code,
                                  commune_code=HUB_COMMUNE)
        accounts.add_account(session, user_id=new_id(), username=username, display_name=user[0].strip(),
                             role="ADMIN", password_hash=WRAPPED)
    engine.dispose()
    vault = Vault(profile.root)
    vault.wrap(username, user[1], data_key)
    vault.save()
    remember_key(profile.root, data_key)
    signer = Signer.generate()
    identity, escrow = x25519.Identity.generate(), x25519.Identity.generate()
    write_sealed(profile.root, "hub.json", {"kind": "ctxh-hub-keys", **signer.to_json(), "age_identity": str(identity)})
    card = hub_card(signer, identity, escrow, hub_id, name)
    escrow_data_key(profile.root, card["escrow_recipient"])
    if escrow_out is not None:
        write_recovery_sheet(escrow_out, str(escrow), card)
    _write_secret(profile.root / "hub-card.json", card)
    profile.write_settings({**profile.read_settings(), "role": HUB, "hub_id": hub_id, "last_user": username,
                            **({"db_url": db_url} if db_url else {})})
    return open_context(data_dir, username, user[1])


def write_recovery_sheet(path: Path, escrow_identity: str, card: dict[str, Any]) -> None:
    """The escrow key as a recovery sheet: an age identity file (its `#` lines are comments, so `age -d -i`
    reads it as it is) that says, in both languages, what it is and how to keep it."""
    text = "\n".join([
        "# CTXH Desk — PHIẾU KHÔI PHỤC / RECOVERY SHEET",
        f"# Máy chủ / hub: {card['name']} ({card['id']})",
        f"# Người nhận dự phòng / escrow recipient: {card['escrow_recipient']}",
        "# Khóa này mở được MỌI gói của các xã nếu mất khóa máy chủ. In ra, cất nơi an toàn, ngoại tuyến;",
        "# không để trên máy chủ. / This key opens EVERY commune's bundle if the hub's key is lost. Print it,",
        "# keep it offline and safe; never on the hub.",
        escrow_identity, ""])
    _write_secret(path, text)


def hub_keys(ctx: AppContext) -> tuple[Signer, x25519.Identity]:
    """The hub's signing key and age identity."""
    return hub_keys_at(ctx.profile.root)


def hub_keys_at(root: Path) -> tuple[Signer, x25519.Identity]:
    """The signing key and age identity of the hub profile at `root`."""
    data = read_sealed(root, "hub.json")
    return Signer.from_json(data), x25519.Identity.from_str(data["age_identity"])


def root_chain(ctx: AppContext) -> list[dict[str, Any]]:
    """The hub's root rotations so far, oldest first (empty until the first rotation)."""
    return list(read_sealed(ctx.profile.root, "hub.json").get("root_chain", []))


def rotate_root(ctx: AppContext) -> dict[str, Any]:
    """Replace the hub's signing root with a new key (T19): the rotation statement is signed by both keys and
    travels in every later hub bundle, and the old private key is destroyed once the new one is written. The
    age identity and the escrow recipient do not change. Returns the new card."""
    from desktop.core.services.access import require

    require(ctx, "keys")
    from sync.rotation import rotation_statement
    from sync.trust import now_iso

    keys = ctx.profile.root / "keys"
    old_signer, identity = hub_keys(ctx)
    current = card(ctx)
    version = int(current.get("root_version", 1)) + 1
    new_signer = Signer.generate()
    chain = [*root_chain(ctx), rotation_statement(old_signer, new_signer, current["id"], version, now_iso())]
    # The new key and the chain that proves it are one file, written at once: never one without the other.
    # Replacing it destroys the old root's private key: the chain needs only its public half (in the
    # statement), and a retired key kept on disk is one a thief could still sign a hub bundle with (T19).
    write_sealed(ctx.profile.root, "hub.json", {"kind": "ctxh-hub-keys", **new_signer.to_json(),
                                               "age_identity": str(identity), "root_chain": chain})
    for old in keys.glob("retired-root-*.json"):  # left by earlier versions, which kept the private key
        old.unlink()
    updated = {k: v for k, v in current.items() if k != "fingerprint"}
    updated.update(sign_key=new_signer.public_text, root_version=version)
    updated["fingerprint"] = fingerprint(updated)
    _write_secret(ctx.profile.root / "hub-card.json", updated)
    return updated


def card(ctx: AppContext) -> dict[str, Any]:
    """The hub's public card (laptops install it with `ctxh trust add`)."""
    return json.loads((ctx.profile.root / "hub-card.json").read_text(encoding="utf-8"))
