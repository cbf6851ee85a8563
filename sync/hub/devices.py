"""Enrolment and revocation: a laptop's card, its fingerprint confirmed by phone, becomes a device certificate
scoped to its commune (in the hub's province), signed by the hub's key and delivered in a hub bundle."""

from __future__ import annotations

import base64
import datetime as dt
from typing import Any

from desktop.core.context import AppContext
from desktop.core.errors import CtxhError
from desktop.core.repositories import hub as repo
from sync.hub.profile import hub_keys
from sync.keys import TrustError, canonical, check_card
from sync.trust import iso_utc

CERTIFICATE_YEARS = 3


def enroll(ctx: AppContext, card: Any, now: dt.datetime | None = None) -> dict[str, Any]:
    """Register a laptop from its checked card and return its certificate (re-enrolling renews it)."""
    try:
        card = check_card(card)
    except TrustError as error:
        raise CtxhError(error.code, detail=error.detail) from error
    if card["kind"] != "ctxh-device-card":
        raise CtxhError("E_CARD_HUB")
    if not card["partition"].startswith(f"{ctx.province_code}:"):
        raise CtxhError("E_CARD_PROVINCE", detail=f"{card['partition']} / {ctx.province_code}")
    now = now or dt.datetime.now(dt.UTC)
    not_after = iso_utc(now + dt.timedelta(days=365 * CERTIFICATE_YEARS))
    certificate = issue_certificate(ctx, {**card, "not_after": not_after}, now)
    with ctx.db.session() as session:
        repo.save_hub_device(session, card["id"], {
            "name": card["name"], "partition": card["partition"], "sign_key": card["sign_key"],
            "age_recipient": card["age_recipient"], "fingerprint": card["fingerprint"],
            "not_after": certificate["not_after"], "revoked_at": None})
    return certificate


def issue_certificate(ctx: AppContext, device: dict[str, Any], now: dt.datetime | None = None) -> dict[str, Any]:
    """A certificate for an enrolled device (id, partition, sign_key, not_after, enrolled_at if known), signed
    by the hub's current root: at enrolment, and again in every hub export (after a rotation it is the new
    root's; if the enrolment bundle was lost, this one takes its place). Valid from a day before enrolment."""
    start = device.get("enrolled_at") or now or dt.datetime.now(dt.UTC)
    if start.tzinfo is None:  # the database keeps UTC without a zone
        start = start.replace(tzinfo=dt.UTC)
    body = {"device": device["id"], "partition": device["partition"], "sign_key": device["sign_key"],
            "not_before": iso_utc(start - dt.timedelta(days=1)), "not_after": device["not_after"],
            "issuer": ctx.device_id}
    signer, _identity = hub_keys(ctx)
    return {**body, "signature": base64.b64encode(signer.private.sign(canonical(body))).decode()}


def revoke(ctx: AppContext, device_id: str, at: dt.datetime | None = None) -> str:
    """Revoke a laptop (lost, stolen, leaving): its bundles made from `at` on are refused everywhere."""
    from desktop.core.services.access import require

    require(ctx, "keys")
    moment = iso_utc(at or dt.datetime.now(dt.UTC))
    with ctx.db.session() as session:
        if not repo.set_revoked(session, device_id, moment):
            raise CtxhError("E_NOT_FOUND", entity="device", id=device_id)
    return moment


def devices(ctx: AppContext) -> list[dict[str, Any]]:
    """Every enrolled laptop."""
    with ctx.db.reader() as session:
        return sorted(repo.hub_devices(session), key=lambda d: (d["partition"], d["name"]))
