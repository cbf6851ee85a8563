"""Screenshots of the hub's window: a province with laptops of three communes, a case moved from Ba Đình to
Ngọc Hà, a bundle of Giảng Võ lost on the way (its next one waits), and a file from an unenrolled laptop.

    Xvfb :99 -screen 0 1366x768x24 &
    DISPLAY=:99 QT_QPA_PLATFORM=xcb CTXH_PASSPHRASE=… .venv/bin/python docs/screenshots/hub_shots.py
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent.parent))


def province(work: Path, passphrase: str) -> Path:
    """Build the scene; returns the hub profile."""
    from desktop.core.services.cases import list_cases as cases_of
    from desktop.core.services.cases import open_case as cases_open
    from desktop.core.services.demo import generate
    from desktop.core.services.setup import SetupRequest, initialise_profile
    from desktop.core.services.workflow import transfer_case
    from sync.hub import devices, inbox
    from sync.hub.profile import card, init_hub
    from sync.keys import TrustStore
    from tests.sync_helpers import card_of, export

    hub = init_hub(work / "hub", "01", "Sở Y tế Hà Nội", user=("quantri", passphrase))
    folder = work / "inbox"
    folder.mkdir()
    for n, (commune, name, cases) in enumerate((("00004", "Máy VHXH Ba Đình", 300), ("00008", "Máy VHXH Ngọc Hà", 180),
                                                 ("00025", "Máy VHXH Giảng Võ", 240), ("00070", "Máy lạ", 5))):
        ctx = initialise_profile(work / f"l{n}", SetupRequest("01", commune, name, f"canbo{n}", passphrase))
        TrustStore(ctx.profile.root).add(card(hub), ctx.partition, ctx.device_id)
        generate(ctx, cases=cases, workers=6, seed=n + 1)
        if name != "Máy lạ":
            devices.enroll(hub, card_of(ctx))
        sent = export(ctx, work / f"o{n}")
        if n == 0:  # a family of Ba Đình moved to Ngọc Hà: the hub opens their case there
            moving = next(c for c in cases_of(ctx) if c["status"] != "DA_DONG")
            transfer_case(ctx, moving["id"], "00008")
            sent += export(ctx, work / f"o{n}-later")
        if n == 2:  # Giảng Võ's first bundle is lost on the way: its second waits for it
            cases_open(ctx, {"full_name": "Người mới tiếp nhận"}, {"opened_on": "02/11/2026"})
            sent = export(ctx, work / f"o{n}-later")
        for path in sent:
            shutil.copy(path, folder / path.name)
        ctx.db.dispose()
    inbox.import_folder(hub, folder)
    hub.db.dispose()
    return work / "hub"


def main() -> None:
    """Build the scene, open the hub's window and grab its three pages."""
    import desktop.ui.app as appmod

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from take import grab, run_steps

    passphrase = os.environ["CTXH_PASSPHRASE"]
    hub = province(Path(tempfile.mkdtemp()), passphrase)
    original = appmod.AppController._ready

    def ready(self: appmod.AppController) -> None:
        original(self)
        window = self.window
        window.showMaximized()
        run_steps([
            (2000, lambda: grab("hub-communes")),
            (0, lambda: window.show_page("hub_inbox")),
            (1500, lambda: grab("hub-inbox")),
            (0, lambda: window.show_page("hub_devices")),
            (1500, lambda: grab("hub-laptops")),
        ])

    appmod.AppController._ready = ready
    appmod.run_gui(hub, user="quantri", page="hub_communes")


if __name__ == "__main__":
    main()
