"""The user guide's pictures, taken by walking through the app as a new officer would, under Xvfb at 1366×768.

    Xvfb :99 -screen 0 1366x768x24 &
    DISPLAY=:99 QT_QPA_PLATFORM=xcb CTXH_TEST_WEAK_KDF=1 .venv/bin/python docs/screenshots/guide_shots.py

Part one starts with no profile, from the window alone: the first-run setup, this laptop's card, trusting the
province's card (its fingerprint), a roster list imported from Excel, a person taken in, her case's page, a
step finished (its confirmation), the plan submitted and approved (number, date, signer), a note, the case
closed, a bundle exported for the province. Part two opens a demo profile for the pages that need a commune's
worth of data: the overview, the to-do lists, the allowance register, a report, Cài đặt.

Each picture is the whole screen, saved to resources/guide/images at 800 pixels wide (the guide's width).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog

ROOT = Path(__file__).resolve().parent.parent.parent
OUT = ROOT / "resources" / "guide" / "images"
sys.path.insert(0, str(ROOT))
PASSPHRASE = "lua chin vang dong que"


def grab(name: str) -> None:
    """The whole screen, scaled to the guide's width."""
    picture = QApplication.primaryScreen().grabWindow(0)
    picture.scaledToWidth(800, Qt.TransformationMode.SmoothTransformation).save(str(OUT / f"{name}.png"))
    print("saved", name, flush=True)


def run_steps(steps: list[tuple[int, Callable[[], None]]]) -> None:
    """(delay ms, action) one after another, then quit."""
    def step(i: int) -> None:
        if i == len(steps):
            QApplication.quit()
            return
        delay, action = steps[i]

        def go() -> None:
            try:
                action()
            except Exception as error:  # a picture script: say which step, keep going
                print(f"step {i} failed: {type(error).__name__}: {error}", flush=True)
            step(i + 1)
        QTimer.singleShot(delay, go)
    step(0)


def visible(kind: type) -> Any:
    """The visible top-level window or dialog of a kind."""
    for widget in QApplication.allWidgets():
        if isinstance(widget, kind) and widget.isVisible():
            return widget
    raise LookupError(kind.__name__)


def part_one(tmp: Path) -> None:
    """A new laptop from the window alone."""
    import desktop.ui.app as appmod
    from desktop.ui.dialogs.cards import CardDialog
    from desktop.ui.dialogs.case_action import CaseActionDialog
    from desktop.ui.dialogs.case_page import CasePage
    from desktop.ui.dialogs.list_import import ListImportDialog
    from desktop.ui.dialogs.record_form import RecordDialog
    from desktop.ui.dialogs.setup import SetupDialog
    from tests.list_corpus import roster_shapes
    from tests.sync_helpers import Hub

    profile = tmp / "xa"
    hub_card = tmp / "the-tinh.json"
    hub_card.write_text(json.dumps(Hub.make().card, ensure_ascii=False), encoding="utf-8")
    roster_file = roster_shapes(tmp / "danh-sach-ctv.xlsx").path
    usb = tmp / "usb"
    usb.mkdir()
    state: dict[str, Any] = {}

    def controller() -> Any:
        return state["controller"]

    def window() -> Any:
        return controller().window

    original_start = appmod.AppController.start

    def start(self: Any) -> None:
        state["controller"] = self
        original_start(self)
        run_steps(steps)

    def fill_setup() -> None:
        dialog = visible(SetupDialog)
        dialog.provinces.search.setText("ha noi")
        dialog.provinces.view.setCurrentIndex(dialog.provinces._proxy.index(0, 0))
        dialog.communes.search.setText("ba dinh")
        dialog.communes.view.setCurrentIndex(dialog.communes._proxy.index(0, 0))
        dialog.device_name.setText("Máy cán bộ VHXH")
        dialog.username.setText("canbo")
        dialog.display_name.setText("Trần Thị Hoa")
        dialog.passphrase.setText(PASSPHRASE)
        dialog.passphrase2.setText(PASSPHRASE)

    def submit_setup() -> None:
        visible(SetupDialog)._submit()

    def close_guide() -> None:
        from desktop.ui.guide import GuideWindow

        grab("huong-dan")
        visible(GuideWindow).close()
        window().showMaximized()

    def show(page: str) -> Callable[[], None]:
        return lambda: window().show_page(page)

    def card() -> None:
        window().page("sync").card_button.click()

    def close_card() -> None:
        visible(CardDialog).reject()

    def trust() -> None:
        QFileDialog.getOpenFileName = staticmethod(lambda *a, **k: (str(hub_card), ""))  # type: ignore[method-assign]
        window().page("sync").trust_button.click()

    def confirm_card() -> None:
        visible(CardDialog).buttons.accepted.emit()

    def import_roster() -> None:
        page = window().page("roster")
        ListImportDialog(page.backend, roster_file, "roster", page).show()

    def run_import() -> None:
        visible(ListImportDialog)._import()

    def close_import() -> None:
        visible(ListImportDialog).accept()

    def intake() -> None:
        window().page("cases").add_button.click()

    def fill_intake() -> None:
        dialog = visible(RecordDialog)
        person = dialog.form("person")
        person.input("full_name").setText("Nguyễn Thị Lan")
        person.input("birth_date").setText("12/04/1948")
        person.input("national_id").setText("001148012345")
        person.input("address").setText("Tổ 7, phường Ba Đình")

    def save_intake() -> None:
        visible(RecordDialog)._submit()

    def case_page() -> Any:
        return visible(CasePage)

    def advance() -> None:
        case_page().advance_button.click()

    def confirm() -> None:
        from PySide6.QtWidgets import QDialogButtonBox

        buttons = visible(CaseActionDialog).findChild(QDialogButtonBox)
        buttons.button(QDialogButtonBox.StandardButton.Ok).click()

    def request() -> None:
        case_page().request_button.click()

    def approve() -> None:
        case_page().approve_button.click()

    def fill_approval() -> None:
        from PySide6.QtWidgets import QLineEdit

        dialog = visible(CaseActionDialog)
        dialog.findChild(QLineEdit, "decision_no").setText("21/QĐ-UBND")
        dialog.findChild(QLineEdit, "approver_name").setText("Nguyễn Văn Chủ")

    def note() -> None:
        page = case_page()
        page.tabs.setCurrentIndex(3)
        page.log_tab.note.setPlainText("Gọi điện cho con gái bà Lan: gia đình đồng ý kế hoạch, hẹn thăm nhà thứ Hai.")
        page.log_tab._add()

    def steps_tab() -> None:
        case_page().tabs.setCurrentIndex(0)

    def choose_goal_achieved() -> None:
        page = case_page()
        page.reason.setCurrentIndex(page.reason.findData("DAT_MUC_TIEU"))

    def close_case() -> None:
        case_page().close_button.click()

    def close_page() -> None:
        case_page().accept()

    def export() -> None:
        page = window().page("sync")
        page.destination.addItem(str(usb), str(usb))
        page.destination.setCurrentIndex(page.destination.count() - 1)
        page._export()

    steps: list[tuple[int, Callable[[], None]]] = [
        (800, fill_setup), (300, lambda: grab("cai-dat")), (100, submit_setup),
        (4000, close_guide), (800, show("sync")), (800, card), (800, lambda: grab("the-may")), (100, close_card),
        (300, trust), (800, lambda: grab("tin-cay-the")), (100, confirm_card),
        (800, show("roster")), (300, import_roster), (2500, lambda: grab("nhap-excel")), (100, run_import),
        (2500, close_import), (800, lambda: grab("doi-ngu-moi")),
        (300, show("cases")), (800, intake), (800, fill_intake), (300, lambda: grab("tiep-nhan")),
        (100, save_intake), (1500, lambda: grab("trang-ho-so")),
        (300, advance), (600, lambda: grab("xac-nhan-buoc")), (100, confirm),
        (1200, request), (600, confirm), (1200, approve), (600, fill_approval), (300, lambda: grab("phe-duyet")),
        (100, confirm), (1200, note), (1500, lambda: grab("dien-bien")), (100, steps_tab),
        # Through to closure: the plan carried out, followed up, evaluated; closed with "goal achieved".
        (300, advance), (600, confirm), (1200, advance), (600, confirm), (1200, advance), (600, confirm),
        (1200, choose_goal_achieved), (300, close_case), (600, lambda: grab("ket-thuc-xac-nhan")), (100, confirm),
        (1500, lambda: grab("ket-thuc")), (100, close_page),
        (500, show("sync")), (800, export), (2500, lambda: grab("dong-bo")),
    ]
    appmod.AppController.start = start  # type: ignore[method-assign]
    try:
        appmod.run_gui(profile, language="vi")
    finally:
        appmod.AppController.start = original_start  # type: ignore[method-assign]


def part_two(tmp: Path) -> None:
    """A commune's worth of data (the demo), for the pages that need it."""
    env = {**os.environ, "CTXH_PASSPHRASE": PASSPHRASE}
    profile = tmp / "demo"
    ctxh = [sys.executable, "-m", "desktop", "--data-dir", str(profile)]
    subprocess.run([*ctxh, "init", "--province", "01", "--commune", "00004", "--device-name", "Máy cán bộ VHXH",
                    "--user", "canbo"], env=env, check=True, cwd=ROOT, capture_output=True)
    subprocess.run([*ctxh, "demo", "--cases", "800", "--workers", "14", "--seed", "3"], env=env, check=True,
                   cwd=ROOT, capture_output=True)
    from tests.list_corpus import allowance_list

    payments = allowance_list(tmp / "chi-tra.xlsx").path  # a commune's own payment list, with its title block
    subprocess.run([*ctxh, "--user", "canbo", "allowance", "import", str(payments)], env=env, cwd=ROOT,
                   capture_output=True)
    import desktop.ui.app as appmod

    original_ready = appmod.AppController._ready

    def ready(self: Any) -> None:
        original_ready(self)
        if getattr(self, "_shots", False):
            return
        self._shots = True
        self.window.showMaximized()
        win = self.window

        def show(page: str) -> Callable[[], None]:
            return lambda: win.show_page(page)

        def report() -> None:
            page = win.page("reports")
            if hasattr(page, "run_report"):
                page.run_report()
            elif hasattr(page, "_run"):
                page._run()

        run_steps([(1500, lambda: grab("cua-so-chinh")), (100, show("todo")), (1500, lambda: grab("viec-can-lam")),
                   (100, show("roster")), (1200, lambda: grab("doi-ngu")), (100, show("allowances")),
                   (2000, lambda: grab("tro-cap")), (100, show("reports")), (300, report),
                   (3000, lambda: grab("bao-cao")), (100, show("settings")), (1200, lambda: grab("cai-dat-may"))])

    appmod.AppController._ready = ready  # type: ignore[method-assign]
    os.environ["CTXH_PASSPHRASE"] = PASSPHRASE
    try:
        appmod.run_gui(profile, user="canbo", language="vi")
    finally:
        appmod.AppController._ready = original_ready  # type: ignore[method-assign]


if __name__ == "__main__":
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        which = sys.argv[1:] or ["one", "two"]
        if "one" in which:
            part_one(Path(folder))
        if "two" in which:
            part_two(Path(folder))
