"""A printed paper checked at the province (issue 18): by the seal of the commune's laptop that printed it,
against the records the hub holds of that commune."""

from __future__ import annotations

from typing import Any

from desktop.core.context import AppContext
from desktop.core.services.print_subjects import KIND_FORM, PrintSubject
from sync.keys import Verifier
from sync.print_codes import Seal
from sync.print_seals import CurrentSubject, Signer, seals_in_picture, titled, verify_seal


def hub_signers(ctx: AppContext) -> dict[bytes, Signer]:
    """Every enrolled laptop of the province, revoked ones with the moment of their revocation."""
    from sync.hub.devices import devices

    signers = {}
    for device in devices(ctx):
        verifier = Verifier.from_text(device["sign_key"])
        signers[verifier.key_id] = Signer(device["id"], device["name"], device["partition"], verifier,
                                          device.get("revoked_at"))
    return signers


def hub_current(ctx: AppContext) -> CurrentSubject:
    """The hub compares a paper with what it holds of the paper's commune."""
    from desktop.core.services.print_subjects import current_form_subject, report_period, report_subject
    from sync.hub.report import commune_report

    def current(seal: Seal) -> PrintSubject | None:
        if seal.kind == KIND_FORM:
            subject = current_form_subject(ctx, seal.record, seal.lang)
            return subject if subject is not None and subject.partition == seal.partition else None
        try:
            period = report_period(seal.record)
        except ValueError:
            return None
        report = commune_report(ctx, seal.partition.rpartition(":")[2], seal.form_code, period)
        return report_subject(ctx, report, seal.lang, partition=seal.partition)

    return current


def verify_print_at_hub(ctx: AppContext, picture: Any) -> list[dict[str, Any]]:
    """Every seal in a picture of a paper, checked at the hub (see sync.print_seals.verify_seal)."""
    from desktop.core.services.access import require

    require(ctx, "hub")
    signers, current = hub_signers(ctx), hub_current(ctx)
    return titled(ctx, [verify_seal(text, signers, current) for text in seals_in_picture(picture)])


def check_print_here(ctx: AppContext, picture: Any) -> list[dict[str, Any]]:
    """The seals of a picture checked where this profile stands: at the hub against every enrolled laptop and
    what the communes sent, on a laptop against its own and its peers' keys and its own records."""
    from desktop.core.profile import HUB
    from sync.print_seals import verify_print

    return verify_print_at_hub(ctx, picture) if ctx.role == HUB else verify_print(ctx, picture)
