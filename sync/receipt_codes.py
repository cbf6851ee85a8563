"""A receipt's code to read over the phone: twelve digits in three groups of four, derived from the receipt
(the device, its series, the last change applied) the way Matrix derives its decimal verification codes —
the first 40 bits of a SHA-256, three 13-bit numbers, each plus 1000. The hub shows it after an import; the
laptop shows the same when it imports the hub's bundle, so both know which bundle was applied."""

from __future__ import annotations

import hashlib
import json


def receipt_code(device: str, epoch: int, through: int) -> str:
    """"1234 5678 9012" for the receipt of `device`'s series `epoch` up to change `through`."""
    canonical = json.dumps({"device": device, "epoch": int(epoch), "through": int(through)}, sort_keys=True,
                           separators=(",", ":")).encode("ascii")
    bits = int.from_bytes(hashlib.sha256(b"ctxh-receipt\x00" + canonical).digest()[:5], "big")  # 40 bits
    groups = [(bits >> 27) & 0x1FFF, (bits >> 14) & 0x1FFF, (bits >> 1) & 0x1FFF]
    return " ".join(str(group + 1000) for group in groups)
