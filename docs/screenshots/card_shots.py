"""Issue 18's pictures, under Xvfb at 1366×768: a person taken in from a phone photo of her card, a signed paper
checked at the province from a photo of it, and a receipt confirmed by its code.

    Xvfb :99 -screen 0 1366x768x24 &
    DISPLAY=:99 QT_QPA_PLATFORM=xcb CTXH_TEST_WEAK_KDF=1 .venv/bin/python docs/screenshots/card_shots.py

The scene is real: a hub and an enrolled laptop of Phường Ba Đình, bundles carried both ways. Each picture is
the whole screen, saved to docs/screenshots/ and, at the guide's 800 pixels, to resources/guide/images/.
"""

from __future__ import annotations

import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
sys.path.insert(0, str(ROOT))
SHOTS, GUIDE = ROOT / "docs" / "screenshots", ROOT / "resources" / "guide" / "images"


def wait(until: Callable[[], bool] | None = None, ms: int = 600, limit: float = 20.0) -> None:
    """Let the window work (its worker's answers arrive through the event loop) until `until` holds."""
    from PySide6.QtWidgets import QApplication

    start = time.monotonic()
    while time.monotonic() - start < limit:
        QApplication.processEvents()
        if (until is None and time.monotonic() - start > ms / 1000) or (until is not None and until()):
            break
        time.sleep(0.02)
    for _ in range(20):
        QApplication.processEvents()
        time.sleep(0.01)


def grab(name: str) -> None:
    """The whole screen: full size to docs/screenshots, the guide's width to resources/guide/images."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    wait(ms=300)
    picture = QApplication.primaryScreen().grabWindow(0)
    picture.save(str(SHOTS / f"{name}.png"))
    picture.scaledToWidth(800, Qt.TransformationMode.SmoothTransformation).save(str(GUIDE / f"{name}.png"))
    print("saved", name, flush=True)


def photo_of_paper(pdf: Path, folder: Path) -> Path:
    """The first page of a PDF as a phone photographs it on a desk: turned, a little soft, JPEG."""
    from PIL import Image, ImageFilter

    subprocess.run(["pdftoppm", "-r", "200", "-png", "-f", "1", "-l", "1", str(pdf), str(folder / "page")],
                   check=True)
    page = Image.open(next(folder.glob("page*.png"))).convert("RGB")
    paper = page.rotate(5, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=(110, 92, 74))
    desk = Image.new("RGB", (3024, 4032), (110, 92, 74))
    paper = paper.resize((2800, round(paper.height * 2800 / paper.width)))
    desk.paste(paper, (110, 150))
    out = folder / "IMG_20261202_0915.jpg"
    desk.filter(ImageFilter.GaussianBlur(1.3)).save(out, "JPEG", quality=75)
    return out


def main() -> None:
    from PySide6.QtWidgets import QApplication

    from desktop.core.domain.citizen_card import parse_card_text
    from desktop.core.messages import set_language
    from desktop.core.services import case_forms, cases
    from desktop.core.services.records import codebook
    from desktop.ui.backend import Backend
    from desktop.ui.i18n import install_translator
    from desktop.ui.main_window import MainWindow
    from desktop.ui.printing import save_pdf
    from desktop.ui.tasks import TaskRunner
    from sync.hub import inbox, outbox
    from sync.hub.profile import card, init_hub
    from sync.keys import TrustStore
    from sync.print_seals import sealed_form_html
    from tests.card_corpus import picture
    from tests.conftest import PASSPHRASE, make_profile, reopen
    from tests.sync_helpers import card_of, export, import_
    from tests.test_card_reading import CHIP
    from tests.test_print_seals import ANSWERS

    app = QApplication.instance() or QApplication([])
    install_translator(app, "vi")
    set_language("vi")
    tmp = Path(tempfile.mkdtemp())
    hub = init_hub(tmp / "hub", "01", "Sở Y tế Hà Nội", None, user=("quantri", PASSPHRASE))
    laptop = make_profile(tmp / "xa", user="canbo")
    TrustStore(laptop.profile.root).add(card(hub), laptop.partition, laptop.device_id)
    import_(laptop, outbox.enrolment_bundle(hub, card_of(laptop), tmp / "enrol"))
    photo = tmp / "zalo" / "z6012345678_anh-cccd.jpg"
    photo.parent.mkdir()
    photo.write_bytes(picture(parse_card_text(CHIP), "phone", (2560, 1920), random.Random(7)))

    def window_on(path: Path, user: str, page: str) -> tuple[MainWindow, Backend]:
        backend = Backend(TaskRunner())
        ctx = reopen(path, user)
        backend.ctx, backend.codes = ctx, codebook(ctx)
        window = MainWindow(backend, page, hub=page.startswith("hub"))
        window.showMaximized()
        window.profile_ready("Phường Ba Đình, Thành phố Hà Nội" if user == "canbo" else "Sở Y tế Hà Nội", user)
        wait(ms=1200)
        return window, backend

    # 1. Intake from the card: the name typed first without its marks; the card's photo read; asked.
    window, backend = window_on(laptop.profile.root, "canbo", "cases")
    page = window.page("cases")
    page.add_button.click()
    wait(lambda: getattr(page, "card_bar", None) is not None)
    dialog = page._dialog
    dialog.form("person").input("full_name").setText("Nguyen Van An")
    dialog.form("person").input("phone").setText("0912 345 678")
    page.card_bar.read(path=photo)
    wait(lambda: page.card_bar.differences is not None)
    grab("the-khac-da-nhap")
    page.card_bar.differences.accept()
    wait(lambda: "Đã điền" in page.card_bar.notice.text())
    grab("doc-tu-the")
    form = dialog.form("case")
    form.input("process_type").setCurrentIndex(form.input("process_type").findData("TT02_2020"))
    dialog._submit()
    wait(lambda: not dialog.isVisible())
    wait(ms=1200)
    from desktop.ui.dialogs.case_page import CasePage

    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, CasePage) and widget.isVisible():
            widget.accept()
    ctx = backend.ctx
    case_id = cases.list_cases(ctx, limit=1)[0]["id"]
    answer_id, _ = case_forms.save_form(ctx, case_id, "TT02_M01", {**ANSWERS, "ho_ten": "Nguyễn Văn An",
                                                                   "ngay_sinh": "01/01/1989", "gioi_tinh": "NAM"})
    pdf = save_pdf(sealed_form_html(ctx, answer_id, "vi"), tmp / "mau01.pdf")
    subprocess.run(["pdftoppm", "-r", "110", "-png", "-f", "1", "-l", "1", str(pdf), str(SHOTS / "ban-in-ma-kiem-tra")],
                   check=True)
    paper = photo_of_paper(pdf, tmp)
    # The commune sends its data; later it edits the form and sends again.
    export(ctx, tmp / "usb1")
    inbox.import_folder(hub, tmp / "usb1")
    case_forms.save_form(ctx, case_id, "TT02_M01", {**ANSWERS, "ho_ten": "Nguyễn Văn An", "ngay_sinh": "01/01/1989",
                                                    "gioi_tinh": "NAM", "hoan_canh": "Đã có con gái về chăm sóc."},
                         answer_id)
    export(ctx, tmp / "usb2")
    window.close()
    backend.runner.wait_idle()
    backend.runner.shutdown()

    # 2. At the province: the bundles imported (each laptop's receipt code), the paper checked by its photo.
    hub_window, hub_backend = window_on(hub.profile.root, "quantri", "hub_communes")
    communes = hub_window.page("hub_communes")
    from PySide6.QtWidgets import QFileDialog

    QFileDialog.getExistingDirectory = staticmethod(lambda *a, **k: str(tmp / "usb2"))  # type: ignore[method-assign]
    communes._import()
    wait(lambda: "mã xác nhận" in communes.message.text())
    grab("hub-ma-bien-nhan")
    code = communes.message.text().split("mã xác nhận ")[1].split(" ")[0:3]
    communes.check_print()
    check = communes.print_check
    check.check(path=paper)
    wait(lambda: check.results is not None)
    grab("kiem-tra-ban-in")
    check.reject()
    QFileDialog.getExistingDirectory = staticmethod(lambda *a, **k: str(tmp / "back"))  # type: ignore[method-assign]
    (tmp / "back").mkdir()
    communes._export()
    wait(lambda: "bundle" in communes.message.text() or "gói" in communes.message.text())
    hub_window.close()
    hub_backend.runner.wait_idle()
    hub_backend.runner.shutdown()

    # 3. Back at the commune: the province's bundle imported, the same receipt code on the Đồng bộ page.
    window, backend = window_on(laptop.profile.root, "canbo", "sync")
    sync_page = window.page("sync")
    sync_page.import_paths(sorted((tmp / "back").glob("*")))
    wait(lambda: "mã xác nhận" in sync_page.facts["acked"].text())
    print("receipt code at the hub:", " ".join(code), flush=True)
    grab("ma-bien-nhan")
    window.close()
    backend.runner.wait_idle()
    backend.runner.shutdown()


if __name__ == "__main__":
    main()
