"""The window fits the laptop's screen and comes back as it was left; one copy per profile; larger text."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

from tests.conftest import make_profile, open_signed_in


def test_the_first_window_fits_the_screen_it_opens_on(qtbot) -> None:
    from PySide6.QtCore import QRect
    from PySide6.QtWidgets import QMainWindow

    from desktop.ui.window_memory import fit

    window = QMainWindow()
    qtbot.addWidget(window)
    # A commune laptop's 1366×768 less its taskbar, and 1920×1080 at 150% (1280×720 in Qt's units) less its
    # taskbar: maximised, never larger than the screen.
    for area in (QRect(0, 0, 1366, 728), QRect(0, 0, 1280, 680)):
        assert fit(window, area) is True
        assert window.width() <= area.width() and window.height() <= area.height()
    # A large screen: the preferred size, centred.
    assert fit(window, QRect(0, 0, 1920, 1040)) is False
    assert (window.width(), window.height()) == (1280, 800)
    assert (window.x(), window.y()) == ((1920 - 1280) // 2, (1040 - 800) // 2)


def test_the_window_and_its_lists_come_back_as_they_were_left(qtbot, backend, tmp_path: Path) -> None:
    from PySide6.QtCore import Qt

    from desktop.core.services import cases
    from desktop.ui.main_window import MainWindow
    from desktop.ui.window_memory import WindowMemory

    make_profile(tmp_path / "p").db.dispose()
    ctx = open_signed_in(backend, tmp_path / "p")
    for name in ("Lê Văn An", "Trần Thị Bình", "Nguyễn Văn Cường"):
        cases.open_case(ctx, {"full_name": name}, {"opened_on": "02/11/2026"})

    def window() -> MainWindow:
        win = MainWindow(backend, "cases", memory=WindowMemory(tmp_path / "p"))
        qtbot.addWidget(win)
        win.show()
        win.profile_ready("Phường Ba Đình, Thành phố Hà Nội", "canbo")
        return win

    first = window()
    first.resize(first.width(), 520)  # the offscreen test screen is 800×600, the pages' least width about that
    page = first.page("cases")
    qtbot.waitUntil(lambda: page.model.rowCount() == 3, timeout=5000)
    page.table.setColumnWidth(1, 333)
    page._header_clicked(7)  # sort by the date opened
    page.table.horizontalHeader().setSortIndicator(7, Qt.SortOrder.DescendingOrder)  # a second click turns it
    page._header_clicked(7)  # … newest first
    first.close()

    second = window()
    assert second.height() == 520 and second.start_maximized is False
    again = second.page("cases")
    assert again.table.columnWidth(1) == 333
    header = again.table.horizontalHeader()
    assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (7, Qt.SortOrder.DescendingOrder)
    assert (again.model._sort, again.model._descending) == ("opened_on", True)  # the rows load sorted so
    second.showMaximized()
    qtbot.waitUntil(second.isMaximized, timeout=5000)
    second.close()
    assert window().start_maximized is True  # left maximised, it opens maximised


def test_one_copy_of_the_window_per_profile(tmp_path: Path) -> None:
    from desktop.ui.instance_lock import hold

    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys, time; from pathlib import Path; "
         "from PySide6.QtCore import QCoreApplication; app = QCoreApplication([]); "
         "from desktop.ui.instance_lock import hold; lock = hold(Path(sys.argv[1])); "
         "print('held' if lock else 'refused', flush=True); time.sleep(60)", str(tmp_path)],
        stdout=subprocess.PIPE, text=True, cwd=Path(__file__).resolve().parent.parent)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        assert hold(tmp_path) is None  # a second copy on the same profile is refused
    finally:
        holder.kill()
        holder.wait()
    time.sleep(0.1)
    lock = hold(tmp_path)  # the copy that held it is gone (killed, as a crash would): its lock is stale
    assert lock is not None
    lock.unlock()


def test_larger_text_scales_every_font_size_of_the_style_sheet() -> None:
    from desktop.ui.text_size import scaled_style

    style = "QWidget { font-size: 10pt; }\n#pageTitle { font-size: 15pt; font-weight: 600; }"
    assert scaled_style(style, 100) == style
    assert scaled_style(style, 130) == ("QWidget { font-size: 13.0pt; }\n"
                                        "#pageTitle { font-size: 19.5pt; font-weight: 600; }")
    assert scaled_style(style, 999) == style  # an unknown size from a hand-edited settings file


def test_the_version_is_the_package_s() -> None:
    import tomllib

    from desktop.version import VERSION

    root = Path(__file__).resolve().parent.parent
    assert VERSION == tomllib.loads((root / "pyproject.toml").read_text())["project"]["version"]


def test_every_page_fits_a_1366_by_768_screen(qtbot, backend, tmp_path: Path) -> None:
    """No page asks for more room than a commune laptop's screen (less its taskbar): nothing is pushed off
    the right edge or below the bottom."""
    from PySide6.QtWidgets import QApplication

    from desktop.paths import resources_dir
    from desktop.ui.main_window import PAGE_NAMES, MainWindow

    make_profile(tmp_path / "p").db.dispose()
    open_signed_in(backend, tmp_path / "p")
    app = QApplication.instance()
    app.setStyleSheet((resources_dir() / "styles" / "app.qss").read_text(encoding="utf-8"))  # its sizes count
    win = MainWindow(backend, "overview")
    qtbot.addWidget(win)
    win.show()
    win.profile_ready("Phường Ba Đình, Thành phố Hà Nội", "canbo")
    too_big = {}
    for name in PAGE_NAMES:
        win.show_page(name)
        qtbot.wait(50)
        hint = win.minimumSizeHint()
        if hint.width() > 1366 or hint.height() > 728:
            too_big[name] = (hint.width(), hint.height())
    app.setStyleSheet("")
    assert too_big == {}


def test_a_disabled_main_button_looks_disabled(qtbot) -> None:
    """The style sheet greys out a disabled primary button ("Xuất gói dữ liệu" looked enabled while it was not)."""
    from PySide6.QtWidgets import QApplication, QPushButton

    from desktop.paths import resources_dir

    app = QApplication.instance()
    app.setStyleSheet((resources_dir() / "styles" / "app.qss").read_text(encoding="utf-8"))
    try:
        button = QPushButton("Xuất gói dữ liệu")
        button.setObjectName("primaryButton")
        qtbot.addWidget(button)
        button.resize(160, 32)
        button.show()
        enabled = button.grab().toImage().pixelColor(8, 16)
        button.setEnabled(False)
        disabled = button.grab().toImage().pixelColor(8, 16)
    finally:
        app.setStyleSheet("")
    assert enabled.name() == "#0f4c5c" and disabled.lightness() > enabled.lightness() + 80


def test_any_list_prints_as_it_is_shown_with_a_preview(qtbot, backend, tmp_path: Path, monkeypatch) -> None:
    from desktop.core.services import cases
    from desktop.ui import printing
    from desktop.ui.main_window import MainWindow

    make_profile(tmp_path / "p").db.dispose()
    ctx = open_signed_in(backend, tmp_path / "p")
    for name in ("Lê Văn An", "Trần Thị Bình", "Nguyễn Văn Cường"):
        cases.open_case(ctx, {"full_name": name}, {"opened_on": "02/11/2026"})
    shown: list[str] = []
    monkeypatch.setattr(printing, "preview_html", lambda html, parent=None: shown.append(html))
    win = MainWindow(backend, "cases")
    qtbot.addWidget(win)
    win.show()
    win.profile_ready("Phường Ba Đình, Thành phố Hà Nội", "canbo")
    page = win.page("cases")
    qtbot.waitUntil(lambda: page.model.rowCount() == 3, timeout=5000)
    page.search.setText("tran")  # what is printed is what the list shows
    qtbot.waitUntil(lambda: page.model.total == 1, timeout=5000)
    page.print_button.click()
    qtbot.waitUntil(lambda: bool(shown), timeout=5000)
    assert "Trần Thị Bình" in shown[0] and "Lê Văn An" not in shown[0]
    assert "<h2>Đối tượng và hồ sơ</h2>" in shown[0] and "Mã hồ sơ" in shown[0]


def test_the_preview_shows_the_pages(qtbot, backend) -> None:  # backend: the Vietnamese catalogue
    from PySide6.QtPrintSupport import QPrintPreviewDialog
    from PySide6.QtWidgets import QApplication

    from desktop.ui.printing import list_html, preview_html

    preview_html(list_html("Danh sách", "3 bản ghi", ["Họ và tên"], [["A"], ["B"], ["C"]]))
    qtbot.waitUntil(lambda: any(isinstance(w, QPrintPreviewDialog) and w.isVisible()
                                for w in QApplication.topLevelWidgets()), timeout=5000)
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QPrintPreviewDialog) and w.isVisible())
    assert dialog.windowTitle() == "Xem trước khi in"
    dialog.reject()


def test_a_collaborator_is_not_offered_what_would_be_refused(qtbot, backend, tmp_path: Path) -> None:
    from desktop.core.services import roster
    from desktop.core.services.auth import create_user
    from desktop.ui.main_window import MainWindow
    from tests.conftest import PASSPHRASE

    ctx = make_profile(tmp_path / "p")
    worker, _ = roster.create_worker(ctx, {"full_name": "Phan Thị Cộng", "category": "CTV_CTXH"})
    create_user(ctx, "cong", PASSPHRASE, "COLLABORATOR", worker)
    ctx.db.dispose()
    open_signed_in(backend, tmp_path / "p", "cong")
    win = MainWindow(backend, "roster")
    qtbot.addWidget(win)
    win.show()
    win.profile_ready("Phường Ba Đình, Thành phố Hà Nội", "cong")
    page = win.page("roster")
    qtbot.waitUntil(lambda: not page.may_write, timeout=5000)
    assert not page.add_button.isEnabled() and "không sửa" in page.add_button.toolTip()
    win.show_page("cases")
    cases_page = win.page("cases")
    cases_page.activate()
    qtbot.waitUntil(lambda: not backend.runner._callbacks, timeout=5000)
    assert cases_page.may_write and cases_page.add_button.isEnabled()  # their own intakes
