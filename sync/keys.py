"""Keys and trust: this device's signing and receiving keys, its public card, and what it trusts.

A device has an Ed25519 key (signs its bundles' manifests, minisign format) and an age X25519 identity
(opens bundles addressed to it). Both are made at setup and kept in the profile's `keys/` folder. Its card
(public keys, device id, commune, a fingerprint short enough to read over the phone) goes to the province;
the hub's card (its signing key, its age recipient and the escrow recipient) is installed with
`ctxh trust add`, as are the cards of the other laptops of the same commune.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyrage
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, PrivateFormat
from pyrage import x25519

from desktop.core.services.changes import dumps
from sync.minisign import parse_public_key, public_key_text

KEYS_DIR, TRUST_DIR = "keys", "trust"
CARD_KINDS = ("ctxh-device-card", "ctxh-hub-card")


class TrustError(ValueError):
    """A card or certificate that is malformed, or does not belong here; `code` is an error code."""

    def __init__(self, code: str, detail: str = "") -> None:
        super().__init__(code, detail)
        self.code, self.detail = code, detail


def canonical(obj: Any) -> bytes:
    """Canonical JSON (the outbox's own form: sorted keys, no spaces, UTF-8) — the bytes hashed and signed."""
    return dumps(obj).encode("utf-8")


def fingerprint(card: dict[str, Any]) -> str:
    """Eight groups of four characters (base32 of SHA-256 over the card's keys and identity), to read aloud."""
    keyed = {k: card[k] for k in ("kind", "id", "partition", "sign_key", "age_recipient", "escrow_recipient")
             if k in card}
    digest = base64.b32encode(hashlib.sha256(canonical(keyed)).digest()).decode("ascii")[:32]
    return "-".join(digest[i:i + 4] for i in range(0, 32, 4))


@dataclass(frozen=True)
class Signer:
    """An Ed25519 private key with its minisign key id."""

    private: Ed25519PrivateKey
    key_id: bytes

    @property
    def public_text(self) -> str:
        """The one-line minisign public key ("RWQ…")."""
        return public_key_text(self.private.public_key(), self.key_id)

    @classmethod
    def generate(cls) -> Signer:
        """A new random key."""
        return cls(Ed25519PrivateKey.generate(), os.urandom(8))

    def to_json(self) -> dict[str, str]:
        """The secret as JSON (the seed and key id in base64)."""
        seed = self.private.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())
        return {"ed25519_seed": base64.b64encode(seed).decode(), "key_id": base64.b64encode(self.key_id).decode()}

    @classmethod
    def from_json(cls, data: dict[str, str]) -> Signer:
        """Read to_json()."""
        return cls(Ed25519PrivateKey.from_private_bytes(base64.b64decode(data["ed25519_seed"])),
                   base64.b64decode(data["key_id"]))


@dataclass(frozen=True)
class Verifier:
    """A trusted public signing key."""

    public: Ed25519PublicKey
    key_id: bytes

    @classmethod
    def from_text(cls, text: str) -> Verifier:
        """From a "RWQ…" line."""
        key_id, public = parse_public_key(text)
        return cls(public, key_id)


@dataclass(frozen=True)
class DeviceKeys:
    """This device's secret keys."""

    signer: Signer
    identity: x25519.Identity

    @property
    def recipient(self) -> str:
        """The age recipient ("age1…") others encrypt to."""
        return str(self.identity.to_public())


def _write_secret(path: Path, data: dict[str, Any] | str) -> None:
    """Write a secret (JSON, or text as it is) atomically, readable by its owner only."""
    from desktop.core.files import replace_atomically

    path.parent.mkdir(parents=True, exist_ok=True)
    text = data if isinstance(data, str) else json.dumps(data, indent=2)

    def write(partial: Path) -> None:
        partial.write_text(text, encoding="utf-8")
        os.chmod(partial, 0o600)

    replace_atomically(path, write)


def write_sealed(profile_root: Path, name: str, data: dict[str, Any]) -> None:
    """Write a private key file of keys/, sealed under the profile's data key (the profile must be unlocked)."""
    from desktop.core.vault import seal_json

    _write_secret(profile_root / KEYS_DIR / name, seal_json(profile_root, name, data))


def read_sealed(profile_root: Path, name: str) -> dict[str, Any]:
    """Read a private key file of keys/ (sealing it now if an older version left it in clear)."""
    from desktop.core.encrypting import seal_key_files
    from desktop.core.vault import is_sealed, open_json

    path = profile_root / KEYS_DIR / name
    text = path.read_text(encoding="utf-8")
    if not is_sealed(text):
        seal_key_files(profile_root)
        text = path.read_text(encoding="utf-8")
    data: dict[str, Any] = open_json(profile_root, name, text)
    return data


def create_device_keys(profile_root: Path) -> DeviceKeys:
    """Make this device's keys (once, at setup); refuses to overwrite existing ones."""
    path = profile_root / KEYS_DIR / "device.json"
    if path.exists():
        raise TrustError("E_KEYS_EXIST", str(path))
    keys = DeviceKeys(Signer.generate(), x25519.Identity.generate())
    write_sealed(profile_root, "device.json",
                 {"kind": "ctxh-device-keys", **keys.signer.to_json(), "age_identity": str(keys.identity)})
    return keys


def load_device_keys(profile_root: Path) -> DeviceKeys:
    """This device's keys; made now for a profile set up before keys existed."""
    path = profile_root / KEYS_DIR / "device.json"
    if not path.exists():
        return create_device_keys(profile_root)
    data = read_sealed(profile_root, "device.json")
    return DeviceKeys(Signer.from_json(data), x25519.Identity.from_str(data["age_identity"]))


def device_card(keys: DeviceKeys, device_id: str, device_name: str, partition: str) -> dict[str, Any]:
    """This laptop's public card, with its fingerprint."""
    card = {"kind": "ctxh-device-card", "format": 1, "id": device_id, "name": device_name, "partition": partition,
            "sign_key": keys.signer.public_text, "age_recipient": keys.recipient}
    return {**card, "fingerprint": fingerprint(card)}


def check_card(card: Any) -> dict[str, Any]:
    """A card read from a file, checked: its kind, its keys parse, and its fingerprint matches them."""
    if not isinstance(card, dict) or card.get("kind") not in CARD_KINDS:
        raise TrustError("E_CARD_KIND")
    try:
        Verifier.from_text(card["sign_key"])
        x25519.Recipient.from_str(card["age_recipient"])
        if card["kind"] == "ctxh-hub-card":
            x25519.Recipient.from_str(card["escrow_recipient"])
    except (KeyError, ValueError, TypeError, pyrage.RecipientError) as error:
        raise TrustError("E_CARD_KEYS") from error
    if card.get("fingerprint") != fingerprint(card):
        raise TrustError("E_CARD_FINGERPRINT")
    return card


class TrustStore:
    """The cards this profile trusts: the hub's (one) and the other laptops of its commune."""

    def __init__(self, profile_root: Path) -> None:
        self.root = profile_root / TRUST_DIR

    def hub(self) -> dict[str, Any] | None:
        """The installed hub card, if any."""
        path = self.root / "hub.json"
        return json.loads(path.read_text(encoding="utf-8")) if path.exists() else None

    def peers(self) -> dict[str, dict[str, Any]]:
        """Trusted laptop cards by device id."""
        folder = self.root / "peers"
        if not folder.is_dir():
            return {}
        cards = (json.loads(p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.json")))
        return {c["id"]: c for c in cards}

    def add(self, card: dict[str, Any], own_partition: str, own_device: str) -> dict[str, Any]:
        """Install a checked card. A laptop's must be of this commune and not this laptop itself."""
        card = check_card(card)
        if card["kind"] == "ctxh-hub-card":
            _write_secret(self.root / "hub.json", card)
            escrow_data_key(self.root.parent, card["escrow_recipient"])
        else:
            if card["partition"] != own_partition:
                raise TrustError("E_CARD_COMMUNE", f"{card['partition']} / {own_partition}")
            if card["id"] == own_device:
                raise TrustError("E_CARD_OWN")
            _write_secret(self.root / "peers" / f"{card['id']}.json", card)
        return card

    def revocations(self) -> dict[str, str]:
        """Revoked device ids and when (ISO time), as received from the hub."""
        path = self.root / "revocations.json"
        return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}

    def add_revocations(self, revoked: dict[str, str]) -> None:
        """Remember revocations (a later list adds to the earlier ones, never removes)."""
        _write_secret(self.root / "revocations.json", {**self.revocations(), **revoked})

    def follow_hub_root(self, sign_key: str, version: int) -> bool:
        """Trust the hub's root `version` (reached by a checked rotation chain) instead of an older one;
        the keys it replaced are kept, marked retired. False if the trusted root is as new."""
        hub = self.hub()
        if hub is None or version <= int(hub.get("root_version", 1)):
            return False
        retired = [*hub.get("retired_keys", []), hub["sign_key"]]
        card = {k: v for k, v in hub.items() if k not in ("fingerprint", "retired_keys")}
        card.update(sign_key=sign_key, root_version=version)
        _write_secret(self.root / "hub.json", {**card, "fingerprint": fingerprint(card), "retired_keys": retired})
        return True

    def certificate(self) -> dict[str, Any] | None:
        """This device's certificate from the hub, if installed."""
        path = self.root / "certificate.json"
        return json.loads(path.read_text(encoding="utf-8")) if path.exists() else None

    def set_certificate(self, certificate: dict[str, Any]) -> None:
        """Install this device's certificate."""
        _write_secret(self.root / "certificate.json", certificate)


def escrow_data_key(profile_root: Path, recipient: str) -> None:
    """Wrap the profile's data key to the province's escrow recipient (from its hub card), so that the province
    can recover this profile if every passphrase is lost (T30)."""
    from desktop.core.vault import Vault, key_of

    vault = Vault(profile_root)
    if vault.escrow_recipient() == recipient:
        return
    vault.set_escrow(key_of(profile_root), recipient)
    vault.save()


def hub_keys_generate() -> tuple[Signer, x25519.Identity, x25519.Identity]:
    """A hub's signing key, its age identity and the escrow identity (the hub issue keeps them; tests use them)."""
    return Signer.generate(), x25519.Identity.generate(), x25519.Identity.generate()


def hub_card(signer: Signer, identity: x25519.Identity, escrow: x25519.Identity, hub_id: str,
             name: str) -> dict[str, Any]:
    """The public card a hub gives to every laptop."""
    card = {"kind": "ctxh-hub-card", "format": 1, "id": hub_id, "name": name, "partition": "*",
            "sign_key": signer.public_text, "age_recipient": str(identity.to_public()),
            "escrow_recipient": str(escrow.to_public())}
    return {**card, "fingerprint": fingerprint(card)}
