"""Who may have signed a bundle: this device, a trusted laptop of the commune, a device certified by the hub,
or the hub itself — and whether that signer is revoked, expired or out of its scope now, as it is received:
never by the time the sender wrote in its manifest (a holder of a stolen key can write any)."""

from __future__ import annotations

import base64
import datetime as dt
from typing import Any

from cryptography.exceptions import InvalidSignature

from sync.bundle import BundleError
from sync.keys import DeviceKeys, TrustStore, Verifier, canonical
from sync.rotation import follow_chain

# How many days a laptop may go without a fresh hub bundle before it warns that the province may be withheld
# from it (T18: revocations, forms); the hub may set its own in its snapshot line.
FREEZE_DAYS = 60


def certificate_ok(certificate: dict[str, Any], hub: dict[str, Any], at: str) -> None:
    """A device certificate signed by the hub and valid at `at` (ISO time: the moment it is received);
    raises BundleError."""
    body = {k: v for k, v in certificate.items() if k != "signature"}
    try:
        hub_key = Verifier.from_text(hub["sign_key"])
        hub_key.public.verify(base64.b64decode(certificate["signature"]), canonical(body))
    except (KeyError, ValueError, InvalidSignature) as error:
        raise BundleError("E_SIG", "the device certificate is not signed by the trusted hub") from error
    if not body.get("not_before", "") <= at <= body.get("not_after", ""):
        raise BundleError("E_EXPIRED", f"the device certificate is valid {body.get('not_before')}–"
                                       f"{body.get('not_after')}, not at {at}")


def signer_for(manifest: dict[str, Any], keys: DeviceKeys, trust: TrustStore, own_device: str) -> Verifier:
    """The key that must have signed this manifest; raises BundleError naming why none may."""
    sender = manifest.get("sender") or {}
    device, key_text = sender.get("device"), sender.get("sign_key")
    if manifest.get("kind") == "hub":
        hub = trust.hub()
        if hub is None or hub["id"] != device:
            raise BundleError("E_SIG", "signed by a hub this laptop does not trust (ctxh trust add)")
        # A hub that rotated its root signs with the new key and proves it by the chain in the manifest.
        key, _version = follow_chain(hub["id"], hub["sign_key"], int(hub.get("root_version", 1)),
                                     manifest.get("root_chain", []))
        return Verifier.from_text(key)
    revoked_at = trust.revocations().get(str(device))
    if revoked_at is not None:  # learnt from the hub: whatever arrives from that device now is refused (T31)
        raise BundleError("E_REVOKED", f"device {device} was revoked at {revoked_at}")
    if device == own_device:
        if key_text != keys.signer.public_text:
            raise BundleError("E_SIG", "claims to be this laptop but is not signed with its key")
        return Verifier.from_text(key_text)
    peer = trust.peers().get(str(device))
    if peer is not None:
        if peer["sign_key"] != key_text:
            raise BundleError("E_SIG", "the sender's key is not the one on its trusted card")
        return Verifier.from_text(key_text)
    certificate, hub = manifest.get("certificate"), trust.hub()
    if certificate and hub:
        certificate_ok(certificate, hub, now_iso())  # valid now, when it is received, not when it claims
        if certificate.get("device") != device or certificate.get("sign_key") != key_text:
            raise BundleError("E_SIG", "the certificate is for another device or key")
        if certificate.get("partition") != sender.get("partition"):
            raise BundleError("E_SCOPE", "the sender's partition is outside its certificate")
        return Verifier.from_text(key_text)
    raise BundleError("E_SIG", f"unknown signer {device}: no trusted card or hub certificate")


def iso_utc(moment: dt.datetime) -> str:
    """A moment as ISO text in UTC, to the second (the format of manifests and certificates)."""
    return moment.astimezone(dt.UTC).replace(microsecond=0).isoformat()


def now_iso() -> str:
    """The current time, as iso_utc writes it."""
    return iso_utc(dt.datetime.now(dt.UTC))
