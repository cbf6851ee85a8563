"""Hướng dẫn sử dụng: every topic and picture is there, F1 opens the topic of the page in view, the first
start opens the guide, and Giới thiệu says the version."""

from __future__ import annotations

import re
from pathlib import Path

from tests.conftest import make_profile, open_signed_in


def test_every_topic_its_pictures_and_its_links_are_there() -> None:
    from desktop.ui.guide import GUIDE_DIR, PAGE_TOPICS, TOPICS
    from desktop.ui.main_window import HUB_PAGE_NAMES, PAGE_NAMES

    files = [name for _key, name in TOPICS if name]
    assert sorted(p.name for p in GUIDE_DIR.glob("*.md")) == sorted(files)
    used = set()
    for name in files:
        text = (GUIDE_DIR / name).read_text(encoding="utf-8")
        assert text.startswith("# ")
        for picture in re.findall(r"!\[[^\]]*\]\(([^)]+)\)", text):
            assert (GUIDE_DIR / picture).exists(), f"{name}: {picture}"
            used.add(Path(picture).name)
        for link in re.findall(r"(?<!!)\[[^\]]*\]\(([^)]+\.md)\)", text):
            assert link in files, f"{name}: a link to {link}"
    assert sorted(p.name for p in (GUIDE_DIR / "images").glob("*.png")) == sorted(used), "a picture no topic shows"
    assert set(PAGE_NAMES) | set(HUB_PAGE_NAMES) <= set(PAGE_TOPICS)
    assert set(PAGE_TOPICS.values()) <= {key for key, _name in TOPICS}


def test_f1_opens_the_topic_of_the_page_in_view(qtbot, backend, tmp_path: Path) -> None:
    from PySide6.QtCore import Qt

    from desktop.ui.main_window import MainWindow
    from desktop.version import VERSION

    make_profile(tmp_path / "p").db.dispose()
    open_signed_in(backend, tmp_path / "p")
    win = MainWindow(backend, "cases")
    qtbot.addWidget(win)
    win.show()
    win.profile_ready("Phường Ba Đình, Thành phố Hà Nội", "canbo")
    from PySide6.QtGui import QKeySequence, QShortcut

    f1 = [s for s in win.findChildren(QShortcut) if s.key() == QKeySequence(Qt.Key.Key_F1)]
    assert len(f1) == 1
    f1[0].activated.emit()  # what pressing F1 does (an offscreen window holds no keyboard focus)
    qtbot.waitUntil(lambda: _guide() is not None, timeout=5000)
    guide = _guide()
    assert guide.current_key() == "cases" and guide.topics.currentItem().text() == "Hồ sơ đối tượng"
    assert "Tiếp nhận" in guide.text.toPlainText()
    win.show_page("sync")
    win.open_guide()
    assert guide.current_key() == "sync"
    guide.show_topic("about")
    assert f"CTXH Desk {VERSION}" in guide.text.toPlainText() and "Giới thiệu" in guide.text.toPlainText()
    guide.close()


def _guide():
    from PySide6.QtWidgets import QApplication

    from desktop.ui.guide import GuideWindow

    return next((w for w in QApplication.topLevelWidgets() if isinstance(w, GuideWindow) and w.isVisible()), None)


def test_the_first_start_opens_the_guide_beside_the_window(qtbot, backend, tmp_path: Path) -> None:
    from desktop.ui.app import AppController
    from tests.conftest import PASSPHRASE

    controller = AppController(backend, tmp_path / "new", None, "overview")
    controller.start()
    dialog = controller.dialog
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.provinces._proxy.rowCount() == 34, timeout=5000)
    qtbot.keyClicks(dialog.provinces.search, "ha noi")
    dialog.provinces.view.setCurrentIndex(dialog.provinces._proxy.index(0, 0))
    qtbot.keyClicks(dialog.communes.search, "ba dinh")
    dialog.communes.view.setCurrentIndex(dialog.communes._proxy.index(0, 0))
    dialog.username.setText("canbo")
    dialog.passphrase.setText(PASSPHRASE)
    dialog.passphrase2.setText(PASSPHRASE)
    dialog._submit()
    qtbot.waitUntil(lambda: _guide() is not None, timeout=10000)
    assert _guide().current_key() == "start"
    qtbot.addWidget(controller.window)
    _guide().close()
