"""Prepare a demo profile for the Đồng bộ screenshots: a hub card, a second laptop of the commune, one
export, and a conflicting edit made on both laptops and exchanged.

    CTXH_PASSPHRASE=… .venv/bin/python docs/screenshots/sync_scene.py PROFILE USER
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent.parent))


def main() -> None:
    """Build the scene on PROFILE (signed in as USER for the edits)."""
    import os

    from desktop.core.context import open_context
    from desktop.core.services import cases
    from desktop.core.services.auth import sign_in
    from desktop.core.services.setup import SetupRequest, initialise_profile
    from sync.keys import TrustStore
    from tests.sync_helpers import Hub, card_of, export, import_

    profile, user = Path(sys.argv[1]), sys.argv[2]
    passphrase = os.environ["CTXH_PASSPHRASE"]
    main_ctx = open_context(profile)
    sign_in(main_ctx, user, passphrase)
    work = Path(tempfile.mkdtemp())
    other = initialise_profile(work / "b", SetupRequest("01", "00004", "Máy cộng tác viên Hoa", "hoa", passphrase))
    hub = Hub.make()
    for ctx, peer in ((main_ctx, other), (other, main_ctx)):
        trust = TrustStore(ctx.profile.root)
        trust.add(hub.card, ctx.partition, ctx.device_id)
        trust.add(card_of(peer), ctx.partition, ctx.device_id)
    import_(other, *export(main_ctx, work / "first"))
    import_(main_ctx, hub.bundle(main_ctx, [{"type": "receipt", "device": main_ctx.device_id, "epoch": 1,
                                              "through": 4000}], work))
    case = cases.list_cases(main_ctx)[3]
    sign_in(other, "hoa", passphrase)
    cases.update_case(other, case["id"], {"summary": "Đã thăm nhà 18/11: cần hỗ trợ học phí"})
    cases.update_case(main_ctx, case["id"], {"summary": "Gia đình xin chuyển trường cho cháu"})
    import_(main_ctx, *export(other, work / "from-b"))
    main_ctx.db.dispose()
    print("scene ready:", case["case_no"])


if __name__ == "__main__":
    main()
