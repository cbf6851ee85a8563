"""Rotating the hub's root key (T19), as TUF rotates its root: root N+1 is announced by a statement that both
root N and root N+1 sign. A laptop that trusts root N follows the chain one version at a time; a statement
signed only by the new key, or one that skips a version, breaks the chain and the bundle is refused.

Hub bundles carry the whole chain in their manifest (a few hundred bytes per rotation), so a laptop that
missed several hub bundles still catches up from any later one.
"""

from __future__ import annotations

import base64
from typing import Any

from cryptography.exceptions import InvalidSignature

from sync.bundle import BundleError
from sync.keys import Signer, Verifier, canonical


def rotation_statement(old: Signer, new: Signer, hub_id: str, version: int, at: str) -> dict[str, Any]:
    """Root `version` (the new key) announced by the hub `hub_id`, signed by the old root and the new one."""
    body = {"hub": hub_id, "version": version, "sign_key": new.public_text, "previous_key": old.public_text,
            "at": at}
    message = canonical(body)
    return {**body, "signatures": {"previous": base64.b64encode(old.private.sign(message)).decode("ascii"),
                                   "new": base64.b64encode(new.private.sign(message)).decode("ascii")}}


def _signed_by(key_text: str, signature: Any, message: bytes) -> bool:
    try:
        Verifier.from_text(key_text).public.verify(base64.b64decode(str(signature)), message)
    except (ValueError, TypeError, InvalidSignature):
        return False
    return True


def follow_chain(hub_id: str, key: str, version: int, chain: Any) -> tuple[str, int]:
    """From the trusted root (`key`, `version`), follow the rotations of `chain` that come after it, one
    version at a time; returns the root reached. Raises BundleError (E_SIG) on a statement not signed by both
    the root before it and its own key, or one that skips a version."""
    if not isinstance(chain, list):
        raise BundleError("E_FORMAT", "the root chain is not a list")
    for statement in sorted((s for s in chain if isinstance(s, dict)), key=lambda s: int(s.get("version", 0))):
        step = int(statement.get("version", 0))
        if step <= version:
            continue  # a rotation this laptop already followed
        if step != version + 1:
            raise BundleError("E_SIG", f"the root chain skips from version {version} to {step}")
        body = {k: v for k, v in statement.items() if k != "signatures"}
        signatures = statement.get("signatures") or {}
        message = canonical(body)
        if body.get("hub") != hub_id or body.get("previous_key") != key:
            raise BundleError("E_SIG", f"root {step} does not follow the trusted root {version}")
        if not (_signed_by(key, signatures.get("previous"), message)
                and _signed_by(str(body.get("sign_key")), signatures.get("new"), message)):
            raise BundleError("E_SIG", f"root {step} is not signed by both root {version} and itself")
        key, version = str(body["sign_key"]), step
    return key, version
