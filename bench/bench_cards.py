"""Cards and paper (issue 18): the citizen card's QR read from the test corpus's pictures (phone photos, 1080p
and 720p webcam frames) beside a bare zxing-cpp call on the same files, and a million tampered print check
codes beside bare Ed25519 verifications of as many.

The bare call is what a program without our reader would do: open the picture with Pillow at full size, turn
it grey, hand it to zxing-cpp once. Ours reduces a large JPEG in the decoder, and enlarges a small picture
when nothing was found.
"""

from __future__ import annotations

import random
import statistics
import time
from pathlib import Path

from bench.common import WORK, Result

SECTION = "Cards and paper (issue 18)"
TAMPERED = 1_000_000


def _bare(path: Path) -> list[bytes]:
    import zxingcpp
    from PIL import Image

    image = Image.open(path).convert("L")
    return [bytes(b.bytes) for b in zxingcpp.read_barcodes(image, formats=zxingcpp.barcode_formats_from_str("QRCode"))]


def _decode(samples: list, kind: str) -> list[Result]:
    from desktop.core.qr_images import Picture
    from desktop.core.services.card_reading import card_from_picture

    chosen = [s for s in samples if s.kind == kind]
    ours, bare, ours_ok, bare_ok = [], [], 0, 0
    for sample in chosen:
        start = time.perf_counter()
        try:
            card = card_from_picture(Picture.from_file(sample.path))
            ours_ok += card.national_id == sample.card.national_id
        except Exception:
            pass
        ours.append(time.perf_counter() - start)
        start = time.perf_counter()
        found = _bare(sample.path)
        bare.append(time.perf_counter() - start)
        bare_ok += any(raw.decode("utf-8", "replace") == sample.text for raw in found)
    n = len(chosen)
    goal = {"phone": 0.99, "1080p": 0.95}.get(kind)
    rate, median, base_median = ours_ok / n, statistics.median(ours), statistics.median(bare)
    return [
        Result(SECTION, f"{kind}: cards read ({n} pictures)", f"{rate:.1%}", f"{bare_ok / n:.1%}",
               f"{rate - bare_ok / n:+.1%}", f"≥ {goal:.0%}" if goal else "—", rate >= goal if goal else None),
        Result(SECTION, f"{kind}: median per picture (file to card fields)", f"{median * 1000:.1f} ms",
               f"{base_median * 1000:.1f} ms", f"{median / base_median:.2f}×", "≤ 50 ms",
               median <= 0.050 if kind in ("phone", "1080p") else None),
    ]


def _tampering() -> list[Result]:
    import datetime as dt
    from dataclasses import replace

    from desktop.core.services.print_subjects import PrintSubject
    from sync.keys import Signer as KeySigner
    from sync.keys import Verifier
    from sync.print_codes import (
        DOMAIN,
        Seal,
        b45decode,
        b45encode,
        field_tag,
        fields_hash,
        layout_tag,
        pack,
        signed_part,
    )
    from sync.print_seals import Signer, verify_seal
    from tests.test_print_seals import tamper

    # A laptop's key and a printed form of twenty fields, sealed as printing does (without a profile).
    key = KeySigner.generate()
    fields = tuple((f"field_{i}", f"Trường {i}", f"Giá trị số {i}") for i in range(20))
    subject = PrintSubject("form", "TT02_M01", "0190c6b2-5a1e-7c3d-8e9f-0a1b2c3d4e5f", 1_764_000_000, "01:00004",
                           dt.date(2026, 12, 2), "vi", fields)
    seal = Seal(subject.kind, subject.lang, key.key_id, subject.record, subject.version, subject.partition,
                subject.form_code, subject.printed_on, layout_tag(fields),
                bytes(field_tag(subject.record, k, t) for k, _l, t in fields), fields_hash(fields))
    seal = replace(seal, signature=key.private.sign(DOMAIN + signed_part(seal)))
    text = pack(seal)
    signers = {key.key_id: Signer("device", "Máy xã", "01:00004", Verifier(key.private.public_key(), key.key_id))}
    assert verify_seal(text, signers, lambda _s: subject)["verdict"] == "current"
    payload = b45decode(text[6:])
    rng = random.Random(2026)
    accepted = refused = 0
    start = time.perf_counter()
    for _ in range(TAMPERED):
        spoiled = tamper(payload, rng)
        if spoiled == payload:
            continue
        verdict = verify_seal("CTXP1:" + b45encode(spoiled), signers, lambda _s: subject)["verdict"]
        if verdict in ("current", "changed", "gone", "unchecked"):
            accepted += 1
        else:
            refused += 1
    ours = time.perf_counter() - start
    # Bare: Ed25519 verifications of as many signatures (all valid), nothing parsed.
    public = key.private.public_key()
    signed = DOMAIN + signed_part(seal)
    start = time.perf_counter()
    for _ in range(TAMPERED):
        public.verify(seal.signature, signed)
    bare = time.perf_counter() - start
    return [
        Result(SECTION, f"tampered check codes accepted (of {accepted + refused:,})", f"{accepted}", "—", "—", "0",
               accepted == 0),
        Result(SECTION, "time to check a million tampered codes", f"{ours:.1f} s", f"{bare:.1f} s",
               f"{ours / bare:.2f}×", "—", None),
        Result(SECTION, "check code's length (a form of twenty fields)", f"{len(text)} characters",
               "≈ 190 (the issue's estimate)", "—", "a QR of ≈ 33 mm", None),
    ]


def run() -> list[Result]:
    """The corpus (made once under bench/.work/cards) read both ways, then the tampering."""
    from tests.card_corpus import corpus

    samples = corpus(WORK / "cards")
    results: list[Result] = []
    for kind in ("phone", "1080p", "720p"):
        results += _decode(samples, kind)
    return results + _tampering()
