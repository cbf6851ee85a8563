"""Printed papers that prove themselves (issue 18): a form or report printed by a laptop carries a QR code
signed with the laptop's Ed25519 key (the key that signs its bundles), vouching for the record, its
commune and every printed field. Whoever holds the laptop's public card (the province, the commune's other
laptops) photographs the paper and learns one of:

- genuine and current: signed by that laptop, and the record still prints exactly so;
- genuine, but the record changed since (which fields), or is no longer here, or is not here to compare;
- not genuine: the signature fails, the text is not a seal, or the laptop was revoked before the printing.

A laptop's key in a thief's hands can sign a paper: what it cannot do is make the province's records agree
with it, and a paper dated after the laptop's revocation is refused.
"""

from __future__ import annotations

import base64
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from typing import Any

from cryptography.exceptions import InvalidSignature

from desktop.core.context import AppContext
from desktop.core.services.print_subjects import KIND_FORM, PrintSubject
from sync.keys import Verifier, load_device_keys
from sync.print_codes import (
    DOMAIN,
    PREFIX,
    Seal,
    SealFormatError,
    field_tag,
    fields_hash,
    layout_tag,
    pack,
    signed_part,
    unpack,
)

QR_MM = 33  # the printed QR's side
GENUINE_CURRENT, GENUINE_CHANGED, GENUINE_GONE, GENUINE_UNCHECKED = "current", "changed", "gone", "unchecked"
NOT_GENUINE, UNKNOWN_SIGNER, REVOKED = "not_genuine", "unknown_signer", "revoked"


@dataclass(frozen=True)
class Signer:
    """A laptop whose seals this profile can check."""

    device: str
    name: str
    partition: str
    verifier: Verifier
    revoked_at: str | None = None


# A seal → the subject as its record would print now, or None when the record is not here.
CurrentSubject = Callable[[Seal], PrintSubject | None]


def seal_text(ctx: AppContext, subject: PrintSubject) -> str:
    """The QR text vouching for `subject`, signed with this laptop's key."""
    signer = load_device_keys(ctx.profile.root).signer
    seal = Seal(subject.kind, subject.lang, signer.key_id, subject.record, subject.version, subject.partition,
                subject.form_code, subject.printed_on, layout_tag(subject.fields),
                bytes(field_tag(subject.record, k, t) for k, _l, t in subject.fields[:255]),
                fields_hash(subject.fields))
    signature = signer.private.sign(DOMAIN + signed_part(seal))
    return pack(replace(seal, signature=signature))


def seal_html(text: str, lang: str = "vi") -> str:
    """The QR as an HTML image of QR_MM millimetres (Qt's rich text prints it) over a line saying what it is:
    the contents of the signature row's first cell."""
    import segno

    qr = segno.make(text, error="m", micro=False)
    png = base64.b64encode(_png(qr)).decode("ascii")
    side = round(QR_MM / 25.4 * 96)  # the document's pixels are the screen's 96 a logical inch
    caption = ("Mã kiểm tra bản in (CTXH Desk)" if lang == "vi" else "Print check code (CTXH Desk)")
    return (f"<img src='data:image/png;base64,{png}' width='{side}' height='{side}'/><br/>"
            f"<span style='font-size: 7pt; color: #444;'>{caption}</span>")


def _png(qr: Any) -> bytes:
    import io

    out = io.BytesIO()
    qr.save(out, kind="png", scale=8, border=2)  # crisp modules; the printer scales the image to QR_MM
    return out.getvalue()


def laptop_signers(ctx: AppContext) -> dict[bytes, Signer]:
    """The seals a laptop can check: its own, and those of the commune's other laptops it trusts."""
    from sync.keys import TrustStore, device_card

    own = device_card(load_device_keys(ctx.profile.root), ctx.device_id, ctx.device_name, ctx.partition)
    store = TrustStore(ctx.profile.root)
    revoked = store.revocations()
    signers = {}
    for card in [own, *store.peers().values()]:
        verifier = Verifier.from_text(card["sign_key"])
        signers[verifier.key_id] = Signer(card["id"], card["name"], card["partition"], verifier,
                                          revoked.get(card["id"]))
    return signers


def verify_seal(text: str, signers: Mapping[bytes, Signer], current: CurrentSubject) -> dict[str, Any]:
    """What a paper's QR text proves (see the module's docstring): a verdict with the signer, the record and,
    when it changed, the labels of the fields that differ now."""
    try:
        seal, signed = unpack(text)
    except SealFormatError:
        return {"verdict": NOT_GENUINE, "why": "format"}
    signer = signers.get(seal.key_id)
    base: dict[str, Any] = {"kind": seal.kind, "form_code": seal.form_code, "record": seal.record,
                            "partition": seal.partition, "printed_on": seal.printed_on.isoformat()}
    if signer is None:
        return {**base, "verdict": UNKNOWN_SIGNER}
    try:
        signer.verifier.public.verify(seal.signature, DOMAIN + signed)
    except InvalidSignature:
        return {"verdict": NOT_GENUINE, "why": "signature"}
    base["signer"] = {"device": signer.device, "name": signer.name, "partition": signer.partition}
    if seal.partition != signer.partition:
        return {**base, "verdict": NOT_GENUINE, "why": "commune"}
    if signer.revoked_at is not None and seal.printed_on.isoformat() >= signer.revoked_at[:10]:
        return {**base, "verdict": REVOKED, "revoked_at": signer.revoked_at}
    now = current(seal)
    if now is None:
        return {**base, "verdict": GENUINE_GONE if seal.kind == KIND_FORM else GENUINE_UNCHECKED}
    if fields_hash(now.fields) == seal.digest:
        return {**base, "verdict": GENUINE_CURRENT, "fields": [(label, text) for _k, label, text in now.fields]}
    changed: list[str] = []
    if layout_tag(now.fields) == seal.layout and len(now.fields) == len(seal.tags):
        changed = [label or key for (key, label, text), tag in zip(now.fields, seal.tags, strict=True)
                   if field_tag(seal.record, key, text) != tag]
    return {**base, "verdict": GENUINE_CHANGED, "changed": changed, "layout_changed": not changed,
            "fields": [(label, text) for _k, label, text in now.fields]}


def seals_in_picture(picture: Any) -> list[str]:
    """The seal texts among the QR codes of a picture (a photo or a scan of a paper); E_PRINT_NO_QR naming the
    file when there is none."""
    from desktop.core.errors import CtxhError
    from desktop.core.qr_images import read_qr_codes

    texts = [raw.decode("latin-1") for raw in read_qr_codes(picture)]
    seals = [t for t in texts if t.strip().startswith(PREFIX)]
    if not seals:
        raise CtxhError("E_PRINT_NO_QR" if not texts else "E_PRINT_NOT_SEAL", file=picture.name)
    return seals


def laptop_current(ctx: AppContext) -> CurrentSubject:
    """A laptop compares a paper with its own records: its commune's forms and reports."""
    from desktop.core.services.print_subjects import current_form_subject, report_period, report_subject
    from desktop.core.services.reports import build_report

    def current(seal: Seal) -> PrintSubject | None:
        if seal.partition != ctx.partition:
            return None
        if seal.kind == KIND_FORM:
            return current_form_subject(ctx, seal.record, seal.lang)
        try:
            period = report_period(seal.record)
        except ValueError:
            return None
        return report_subject(ctx, build_report(ctx, seal.form_code, period), seal.lang)

    return current


def verify_print(ctx: AppContext, picture: Any) -> list[dict[str, Any]]:
    """Every seal in a picture of a paper, checked on this laptop (see verify_seal)."""
    from desktop.core.services.access import require

    require(ctx, "export")  # who may print may check a print; a collaborator sees only their own
    signers, current = laptop_signers(ctx), laptop_current(ctx)
    return titled(ctx, [verify_seal(text, signers, current) for text in seals_in_picture(picture)])


def titled(ctx: AppContext, results: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The verdicts with the paper's title (in the language of the check) for a person to read."""
    from desktop.core.messages import current_language
    from desktop.core.services.print_subjects import paper_title

    lang = current_language()
    return [{**r, "title": paper_title(ctx, r["kind"], r["form_code"], lang)} if "kind" in r else r
            for r in results]


def sealed_form_html(ctx: AppContext, answer_id: str, lang: str = "vi") -> str:
    """A filled form's printable HTML with its check code, signed by this laptop."""
    from desktop.core.services.case_forms import printable_form
    from desktop.core.services.print_subjects import form_subject

    return printable_form(ctx, answer_id, lang, seal_html(seal_text(ctx, form_subject(ctx, answer_id, lang)), lang))


def report_seal_html(ctx: AppContext, report: Any, lang: str = "vi") -> str:
    """The check code of a report as it prints, signed by this laptop."""
    from desktop.core.services.print_subjects import report_subject

    return seal_html(seal_text(ctx, report_subject(ctx, report, lang)), lang)


def _day(iso: str | None) -> str:
    return f"{iso[8:10]}/{iso[5:7]}/{iso[:4]}" if iso else ""


def verdict_lines(result: dict[str, Any]) -> tuple[str, str]:
    """A checked seal in the chosen language: the verdict's sentence (who printed what, when) and, when the
    record changed, which fields — what the command line prints and the window shows."""
    from desktop.core.messages import format_message

    params = {"form": result.get("title") or result.get("form_code", ""), "printed": _day(result.get("printed_on")),
              "laptop": result.get("signer", {}).get("name", ""), "commune": result.get("partition", ""),
              "revoked": _day(result.get("revoked_at"))}
    head = format_message(f"PRINT_{result['verdict'].upper()}", params)
    details = ""
    if result["verdict"] == GENUINE_CHANGED:
        changed = result.get("changed") or []
        details = (format_message("PRINT_CHANGED_FIELDS", {"fields": ", ".join(changed)}) if changed
                   else format_message("PRINT_CHANGED_LAYOUT"))
    return head, details
