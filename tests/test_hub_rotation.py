"""T19: the hub's root key rotates N → N+1 by a statement both keys sign. A laptop follows a valid chain one
version at a time; a statement signed only by the new key, or one that skips a version, is refused."""

from __future__ import annotations

import base64
from pathlib import Path

from sync.hub import outbox
from sync.hub.profile import card, hub_keys, root_chain, rotate_root
from sync.keys import Signer, TrustStore, canonical
from sync.rotation import rotation_statement
from sync.trust import now_iso
from tests.sync_helpers import card_of, import_


def _trusted_root(ctx) -> tuple[str, int]:
    hub = TrustStore(ctx.profile.root).hub()
    return hub["sign_key"], int(hub.get("root_version", 1))


def test_a_laptop_follows_a_rotation_signed_by_both_roots(province, tmp_path: Path, monkeypatch) -> None:
    hub, a1, a2, _b1 = province
    old_card = card(hub)
    old_signer = hub_keys(hub)[0]  # what a thief of the hub's disk had before the rotation
    new_card = rotate_root(hub)
    # The old root's private key is destroyed: no file of the hub profile holds its seed any more.
    seed = old_signer.to_json()["ed25519_seed"].encode()
    assert not [p for p in hub.profile.root.rglob("*") if p.is_file() and seed in p.read_bytes()]
    assert new_card["root_version"] == 2 and new_card["sign_key"] != old_card["sign_key"]
    assert new_card["fingerprint"] != old_card["fingerprint"]
    [path] = [p for p in outbox.export_all(hub, tmp_path / "out") if a1.device_id[-12:] in p.name]
    [outcome] = import_(a1, path)
    assert outcome.ok, outcome
    assert _trusted_root(a1) == (new_card["sign_key"], 2)
    # The laptop's certificate was issued again under the new root.
    assert TrustStore(a1.profile.root).certificate()["signature"]

    # The old root no longer speaks for the hub: a bundle it signs (even with the chain) is refused.
    lines = [{"type": "revocation", "device": a2.device_id, "at": now_iso()}]
    forged = _bundle_signed_by(monkeypatch, hub, old_signer, a1, lines, tmp_path / "forged")
    [outcome] = import_(a1, forged)
    assert (outcome.ok, outcome.error) == (False, "E_SIG")
    assert a2.device_id not in TrustStore(a1.profile.root).revocations()


def test_a_rotation_signed_only_by_the_new_key_is_refused(province, tmp_path: Path, monkeypatch) -> None:
    hub, a1, _a2, _b1 = province
    trusted = _trusted_root(a1)
    intruder = Signer.generate()
    # The statement names the real root as the previous key, but the intruder signed in its place.
    body = {"hub": card(hub)["id"], "version": 2, "sign_key": intruder.public_text,
            "previous_key": card(hub)["sign_key"], "at": now_iso()}
    signature = base64.b64encode(intruder.private.sign(canonical(body))).decode()
    statement = {**body, "signatures": {"previous": signature, "new": signature}}
    path = _bundle_signed_by(monkeypatch, hub, intruder, a1, [], tmp_path / "b", chain=[statement])
    [outcome] = import_(a1, path)
    assert (outcome.ok, outcome.error) == (False, "E_SIG")
    assert _trusted_root(a1) == trusted


def test_a_chain_that_skips_a_version_is_refused_and_the_whole_chain_is_followed(province, tmp_path: Path) -> None:
    hub, a1, _a2, _b1 = province
    first_root = hub_keys(hub)[0]
    rotate_root(hub)
    third = rotate_root(hub)
    chain = root_chain(hub)
    assert [s["version"] for s in chain] == [2, 3]
    device = card_of(a1)
    skipping = outbox.hub_bundle(hub, device, [], tmp_path / "skip", chain=chain[1:])  # 2 → 3 without 1 → 2
    [outcome] = import_(a1, skipping)
    assert (outcome.ok, outcome.error) == (False, "E_SIG")
    # Root 1 itself signing a jump straight to version 3 is refused as well: one version at a time.
    jump = rotation_statement(first_root, hub_keys(hub)[0], card(hub)["id"], 3, now_iso())
    [outcome] = import_(a1, outbox.hub_bundle(hub, device, [], tmp_path / "jump", chain=[jump]))
    assert (outcome.ok, outcome.error) == (False, "E_SIG")
    assert _trusted_root(a1)[1] == 1
    [outcome] = import_(a1, outbox.hub_bundle(hub, device, [], tmp_path / "whole"))
    assert outcome.ok, outcome
    assert _trusted_root(a1) == (third["sign_key"], 3)


def _bundle_signed_by(monkeypatch, hub, signer: Signer, laptop, lines: list, folder: Path,
                      chain: list | None = None) -> Path:
    """A hub bundle as the hub would make it, but signed with `signer`."""
    identity = hub_keys(hub)[1]
    with monkeypatch.context() as patch:
        patch.setattr(outbox, "hub_keys", lambda _ctx: (signer, identity))
        return outbox.hub_bundle(hub, card_of(laptop), lines, folder, chain=chain)
