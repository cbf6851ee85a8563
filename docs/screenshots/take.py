"""Take the screenshots in docs/screenshots under a real X server (Xvfb), as an officer would see them.

    Xvfb :99 -screen 0 1366x768x24 &
    DISPLAY=:99 QT_QPA_PLATFORM=xcb CTXH_PASSPHRASE=… .venv/bin/python docs/screenshots/take.py PROFILE USER

PROFILE is a profile with demo data (e.g. bench/.work/profile-100000). The whole screen is grabbed, so
dialogs appear as they do for the officer.
"""

from __future__ import annotations

import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

import desktop.ui.app as appmod

OUT = Path(__file__).resolve().parent


def grab(name: str) -> None:
    """Save the whole screen."""
    QApplication.primaryScreen().grabWindow(0).save(str(OUT / f"{name}.png"))
    print("saved", name)


def open_person(window: object) -> None:
    """The person's page of the first roster member, on the allowance tab."""
    from desktop.ui.dialogs.person import PersonDialog

    page = window.page("roster")  # type: ignore[attr-defined]
    dialog = PersonDialog(page.backend, page.model.row_id(0), page)
    dialog.show()
    QTimer.singleShot(800, lambda: dialog.tabs.setCurrentIndex(1))


def open_child_case(window: object) -> None:
    """The case page of the first open child-protection case on the list."""
    from desktop.ui.dialogs.case_page import CasePage

    page = window.page("cases")  # type: ignore[attr-defined]
    row = next(i for i in range(page.model.rowCount()) if page.model.row_data(i)["process_type"] == "ND56_2017"
               and page.model.row_data(i)["status"] != "DA_DONG")
    CasePage(page.backend, page.model.row_id(row), page).show()


def open_case_page(window: object) -> None:
    """The case page of the first case in the list."""
    from desktop.ui.dialogs.case_page import CasePage

    page = window.page("cases")  # type: ignore[attr-defined]
    CasePage(page.backend, page.model.row_id(2), page).show()


def case_page_tab(window: object, tab: int) -> None:
    """The open case page, on one of its tabs."""
    from desktop.ui.dialogs.case_page import CasePage

    page = next(w for w in QApplication.topLevelWidgets() if isinstance(w, CasePage) and w.isVisible())
    page.tabs.setCurrentIndex(tab)


def open_form(window: object, code: str) -> None:
    """A form of the open case page, filled partly so that a condition shows a field and a problem shows."""
    from desktop.ui.dialogs.case_page import CasePage

    page = next(w for w in QApplication.topLevelWidgets() if isinstance(w, CasePage) and w.isVisible())
    tab = page.forms_tab
    tab.open_row([r[0] for r in tab.rows].index(code))


def fill_form() -> None:
    """Choose a serious risk (which shows "emergency measures") and save without it."""
    from desktop.ui.dialogs.form_dialog import FormDialog

    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, FormDialog) and w.isVisible())
    risk = dialog.inputs.input("muc_do_nguy_co")
    risk.setCurrentIndex(risk.findData("NGHIEM_TRONG"))  # type: ignore[attr-defined]
    dialog.inputs.input("ngay_danh_gia").setText("02/11/2026")  # type: ignore[attr-defined]
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()


def open_import(window: object) -> None:
    """The import wizard on a messy commune roster (made like the tests make it)."""
    sys.path.insert(0, str(OUT.parent.parent))
    from desktop.ui.dialogs.roster_import import RosterImportDialog

    from tests.excel_files import messy_roster

    page = window.page("roster")  # type: ignore[attr-defined]
    folder = Path(tempfile.mkdtemp())
    RosterImportDialog(page.backend, messy_roster(folder / "danh-sach-ctv-2026.xlsx"), page).show()


def close_dialogs() -> None:
    """Close every dialog on screen."""
    from PySide6.QtWidgets import QDialog

    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QDialog) and widget.isVisible():
            widget.reject()


def run_steps(steps: list[tuple[int, Callable[[], None]]]) -> None:
    """Run (delay ms, action) steps one after another, then quit."""
    def step(i: int) -> None:
        if i == len(steps):
            QApplication.quit()
            return
        delay, action = steps[i]
        QTimer.singleShot(delay, lambda: (action(), step(i + 1)))
    step(0)


def main() -> None:
    """Main window pages and the intake dialog, then the first-run and sign-in dialogs."""
    profile, user = Path(sys.argv[1]), sys.argv[2]
    from desktop.ui.dialogs.record_form import RecordDialog

    state: dict[str, object] = {}
    original_ready = appmod.AppController._ready

    def ready(self: appmod.AppController) -> None:
        original_ready(self)
        window = self.window
        window.showMaximized()
        cases = lambda: window.page("cases")  # noqa: E731

        def dialog() -> RecordDialog:
            return next(w for w in QApplication.topLevelWidgets() if isinstance(w, RecordDialog) and w.isVisible())

        def fill_bad() -> None:
            d = dialog()
            d.form("person").input("full_name").setText("Đặng Thị Ánh")
            d.form("person").input("national_id").setText("0791230")
            d.form("person").input("birth_date").setText("30/02/2016")
            d._submit()

        run_steps([
            (2500, lambda: grab("cases")),
            (0, lambda: cases().search.setText("nguyen thi hoa")),
            (1500, lambda: grab("cases-search")),
            (0, lambda: cases().search.clear()),
            (0, lambda: cases().filter_widget.set_filters({"group": "HCDB_I", "overdue": True})),
            (1500, lambda: grab("cases-filtered")),
            (0, lambda: cases().filter_widget.set_filters({})),
            (500, lambda: cases().add_button.click()),
            (1500, fill_bad),
            (1000, lambda: grab("case-intake-errors")),
            (0, lambda: dialog().reject()),
            (300, lambda: open_case_page(window)),
            (1500, lambda: grab("case-page")),
            (0, lambda: case_page_tab(window, 1)),
            (800, lambda: grab("case-forms")),
            (0, lambda: case_page_tab(window, 2)),
            (800, lambda: grab("case-consent")),
            (0, close_dialogs),
            (300, lambda: open_child_case(window)),
            (1200, lambda: case_page_tab(window, 1)),
            (300, lambda: open_form(window, "ND56_M02")),
            (1000, fill_form),
            (1000, lambda: grab("form-errors")),
            (0, close_dialogs),
            (0, lambda: window.show_page("todo")),
            (2000, lambda: grab("todo")),
            (0, lambda: window.show_page("overview")),
            (1500, lambda: grab("overview")),
            (0, lambda: window.show_page("roster")),
            (1500, lambda: grab("roster")),
            (0, lambda: open_person(window)),
            (1500, lambda: grab("person")),
            (0, close_dialogs),
            (0, lambda: open_import(window)),
            (2500, lambda: grab("roster-import")),
            (0, close_dialogs),
            (0, lambda: window.show_page("training")),
            (1200, lambda: grab("training")),
            (0, lambda: window.show_page("sync")),
            (1500, lambda: grab("sync")),
            (0, lambda: window.page("sync")._open_conflicts()),
            (1200, lambda: grab("conflicts")),
            (0, close_dialogs),
            (0, lambda: window.show_page("settings")),
            (1200, lambda: grab("settings")),
        ])
        state["done"] = True

    appmod.AppController._ready = ready
    appmod.run_gui(profile, user=user, page="cases")
    appmod.AppController._ready = original_ready

    # First-run setup on an empty folder, with a province chosen.
    with tempfile.TemporaryDirectory() as empty:
        from desktop.ui.dialogs.setup import SetupDialog

        original_init = SetupDialog.__init__

        def setup_init(self: SetupDialog, *args: object, **kwargs: object) -> None:
            original_init(self, *args, **kwargs)
            run_steps([
                (1200, lambda: self.provinces.search.setText("ha noi")),
                (300, lambda: self.provinces.view.setCurrentIndex(self.provinces._proxy.index(0, 0))),
                (300, lambda: self.communes.search.setText("ba dinh")),
                (300, lambda: self.communes.view.setCurrentIndex(self.communes._proxy.index(0, 0))),
                (600, lambda: grab("setup")),
            ])

        SetupDialog.__init__ = setup_init
        appmod.run_gui(Path(empty) / "new")


if __name__ == "__main__":
    main()
