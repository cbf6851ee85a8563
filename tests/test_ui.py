"""The window, driven as an officer would (offscreen), over real profiles."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from tests.conftest import PASSPHRASE, make_profile, signed_in_window

pytestmark = pytest.mark.usefixtures("qapp")


@pytest.fixture
def window(qtbot, backend, demo_profile: Path, tmp_path: Path):
    copy = tmp_path / "profile"
    shutil.copytree(demo_profile, copy)  # the database and the vault whose key opens it
    return signed_in_window(qtbot, backend, copy, "overview")


def find_dialog(cls):
    return next((w for w in QApplication.topLevelWidgets() if isinstance(w, cls) and w.isVisible()), None)


def test_vietnamese_catalogue_is_complete_and_compiled(tmp_path: Path) -> None:
    from desktop.ui.i18n_tools import TS_FILE, problems, read_ts, source_strings

    assert problems(read_ts(), source_strings()) == []
    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    subprocess.run([str(lrelease), "-silent", str(TS_FILE), "-qm", str(tmp_path / "x.qm")], check=True)
    assert (tmp_path / "x.qm").read_bytes() == TS_FILE.with_suffix(".qm").read_bytes(), "run make translations"


def test_sidebar_is_vietnamese(window) -> None:
    titles = [window.sidebar.item(i).text() for i in range(window.sidebar.count())]
    assert titles == ["Tổng quan", "Việc cần làm", "Cộng tác viên", "Đối tượng & hồ sơ", "Trợ cấp xã hội", "Tập huấn",
                      "Báo cáo", "Đồng bộ", "Cài đặt"]


def test_overview_shows_real_counts(qtbot, window) -> None:
    from desktop.core.domain import periods
    from desktop.core.services.reports import build_report

    page = window.page("overview")
    qtbot.waitUntil(lambda: page.data is not None, timeout=10000)
    expected = build_report(window.backend.ctx, "p112", periods.year(periods.dt.date.today().year)).figures
    shown = f"{expected['cases.open_at_end'].value:,}".replace(",", ".")
    assert page.cards["case"].value.text() == shown and page.cards["worker"].value.text() == "10"


def test_case_list_pages_searches_and_sorts(qtbot, window) -> None:
    window.show_page("cases")
    page = window.page("cases")
    qtbot.waitUntil(lambda: page.model.rowCount() == 200 and page.model.total == 1500, timeout=5000)
    assert page.count_label.text() == "1.500 bản ghi"
    while page.model.canFetchMore():
        page.model.fetchMore()
        qtbot.waitUntil(lambda: not page.model._fetching, timeout=5000)
    assert page.model.rowCount() == 1500
    qtbot.keyClicks(page.search, "nguyen thi")
    qtbot.waitUntil(lambda: 0 < page.model.total < 1500 and page.model.rowCount() == min(200, page.model.total),
                    timeout=5000)
    names = [page.model.row_data(i)["full_name"] for i in range(page.model.rowCount())]
    assert all(n.startswith("Nguyễn") and "Thị" in n for n in names)
    with qtbot.waitSignal(page.model.first_rows_loaded, timeout=5000):
        page.search.clear()
    qtbot.waitUntil(lambda: page.model.total == 1500, timeout=5000)
    with qtbot.waitSignal(page.model.first_rows_loaded, timeout=5000):
        page._header_clicked(7)  # Ngày tiếp nhận
    dates = [page.model.row_data(i)["opened_on"] for i in range(200)]
    assert dates == sorted(dates)


def test_case_list_filters_combine_with_search_and_can_be_saved(qtbot, window, monkeypatch) -> None:
    from PySide6.QtWidgets import QInputDialog

    from desktop.core.services import cases

    window.show_page("cases")
    page = window.page("cases")
    bar = page.filter_widget
    qtbot.waitUntil(lambda: page.model.total == 1500 and bar.assignee.count() > 2, timeout=5000)
    bar.group.setCurrentIndex(bar.group.findData("HCDB_D"))
    expected = cases.count_cases(window.backend.ctx, filters={"group": "HCDB_D"})
    assert 0 < expected < 1500
    # The count and the rows arrive apart: wait for both.
    qtbot.waitUntil(lambda: page.model.total == expected and all(
        "HCDB_D" in page.model.row_data(i)["target_groups"].split() for i in range(page.model.rowCount())),
        timeout=5000)
    bar.overdue.setChecked(True)
    both = cases.count_cases(window.backend.ctx, filters={"group": "HCDB_D", "overdue": True})
    assert 0 < both < expected
    qtbot.waitUntil(lambda: page.model.total == both, timeout=5000)
    # A filter that finds nothing shows an empty table, not "no cases yet".
    bar.status.setCurrentIndex(bar.status.findData("DA_DONG"))
    qtbot.waitUntil(lambda: page.model.total == 0, timeout=5000)
    assert page._stack.currentIndex() == 0
    bar.status.setCurrentIndex(0)
    qtbot.waitUntil(lambda: page.model.total == both, timeout=5000)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Khuyết tật quá hạn", True))
    bar._save()
    qtbot.waitUntil(lambda: bar.saved.count() == 2, timeout=5000)
    bar.set_filters({})
    qtbot.waitUntil(lambda: page.model.total == 1500, timeout=5000)
    bar.saved.setCurrentIndex(1)
    bar._apply_saved(1)
    qtbot.waitUntil(lambda: page.model.total == both, timeout=5000)
    assert bar.overdue.isChecked() and bar.group.currentData() == "HCDB_D"


def test_add_worker_shows_errors_in_vietnamese_then_saves_and_undoes_delete(qtbot, window) -> None:
    from desktop.ui.dialogs.record_form import RecordDialog

    window.show_page("roster")
    page = window.page("roster")
    qtbot.waitUntil(lambda: page.model.total == 10, timeout=5000)
    page.add_button.click()
    qtbot.waitUntil(lambda: find_dialog(RecordDialog) is not None, timeout=5000)
    dialog = find_dialog(RecordDialog)
    form = dialog.form("worker")
    form.input("full_name").setText("Nguyễn Thị Hồng Đào")
    form.input("national_id").setText("12345")
    form.input("birth_date").setText("31/02/1990")
    dialog._submit()
    qtbot.waitUntil(lambda: dialog.summary.isVisible(), timeout=5000)
    errors = {name: label.text() for name, label in form._errors.items() if not label.isHidden()}
    assert errors["national_id"] == "«Số CCCD»: số CCCD phải gồm đúng 12 chữ số (đang có «12345»)."
    assert "Ngày sinh" in errors["birth_date"]
    assert "Vui lòng sửa 2 trường" in dialog.summary.text()
    form.input("national_id").setText("001190012345")
    form.input("birth_date").setText("28/02/1990")
    dialog._submit()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    qtbot.waitUntil(lambda: page.model.total == 11, timeout=5000)
    qtbot.keyClicks(page.search, "hong dao")
    qtbot.waitUntil(lambda: page.model.total == 1 and page.model.rowCount() == 1, timeout=5000)
    page.table.selectRow(0)
    page.delete_button.click()
    qtbot.waitUntil(lambda: page.undo_bar.isVisible(), timeout=5000)
    assert "Nguyễn Thị Hồng Đào" in page.undo_bar._label.text()
    qtbot.waitUntil(lambda: page.model.total == 0, timeout=5000)
    assert page.undo_bar.trigger()
    qtbot.waitUntil(lambda: page.model.total == 1, timeout=5000)


def test_new_case_intake_dialog(qtbot, window) -> None:
    from desktop.ui.dialogs.record_form import RecordDialog

    window.show_page("cases")
    page = window.page("cases")
    qtbot.waitUntil(lambda: page.model.total == 1500, timeout=5000)
    page.add_button.click()
    qtbot.waitUntil(lambda: find_dialog(RecordDialog) is not None, timeout=5000)
    dialog = find_dialog(RecordDialog)
    dialog.form("person").input("full_name").setText("Đặng Văn Ánh")
    dialog.form("person").input("birth_date").setText("01/06/2016")
    dialog._submit()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    qtbot.waitUntil(lambda: page.model.total == 1501, timeout=5000)
    # The new case opens on its page, where its work goes on (a filtered list cannot hide it).
    qtbot.waitUntil(lambda: find_case_page(page) is not None, timeout=5000)
    qtbot.waitUntil(lambda: "Đặng Văn Ánh" in find_case_page(page).title.text(), timeout=5000)
    find_case_page(page).close()


def find_case_page(parent):
    from desktop.ui.dialogs.case_page import CasePage

    return next((d for d in parent.findChildren(CasePage) if d.isVisible()), None)


def test_intake_offers_the_person_already_here(qtbot, window) -> None:
    from desktop.core.services import cases
    from desktop.ui.dialogs.record_form import RecordDialog

    ctx = window.backend.ctx
    known = cases.list_cases(ctx, limit=1)[0]
    person = cases.get_case(ctx, known["id"])["beneficiary"]
    window.show_page("cases")
    page = window.page("cases")
    qtbot.waitUntil(lambda: page.model.total == 1500, timeout=5000)

    def intake(name: str) -> RecordDialog:
        page.add_button.click()
        qtbot.waitUntil(lambda: find_dialog(RecordDialog) is not None, timeout=5000)
        dialog = find_dialog(RecordDialog)
        # Typed without diacritics and with a stray space: still the same person.
        dialog.form("person").input("full_name").setText(name)
        dialog.form("person").input("birth_date").setText(person["birth_date"].strftime("%d/%m/%Y"))
        dialog._submit()
        qtbot.waitUntil(lambda: getattr(page, "question", None) is not None and page.question.isVisible(),
                        timeout=5000)
        return dialog

    from desktop.core.text import fold

    dialog = intake(" " + fold(person["full_name"]).title() + " ")
    assert known["case_no"] in page.question.text() and "trùng họ tên và ngày sinh" in page.question.text()
    back = next(b for b in page.question.buttons() if b.text() == "Quay lại biểu mẫu")
    back.click()
    qtbot.waitUntil(lambda: dialog.buttons.isEnabled(), timeout=5000)
    assert dialog.isVisible() and cases.count_cases(ctx) == 1500  # nothing written
    dialog._submit()
    qtbot.waitUntil(lambda: page.question.isVisible(), timeout=5000)
    open_existing = next(b for b in page.question.buttons() if b.text() == "Mở hồ sơ đã có")
    open_existing.click()
    qtbot.waitUntil(lambda: find_case_page(page) is not None, timeout=5000)
    assert find_case_page(page).case_id == known["id"] and not dialog.isVisible()
    assert cases.count_cases(ctx) == 1500
    find_case_page(page).close()


def test_first_run_setup_creates_the_profile(qtbot, backend, tmp_path: Path) -> None:
    from desktop.ui.dialogs.setup import SetupDialog

    dialog = SetupDialog(backend, tmp_path / "new")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.provinces._proxy.rowCount() == 34, timeout=5000)
    qtbot.keyClicks(dialog.provinces.search, "ha noi")
    assert dialog.provinces._proxy.rowCount() == 1
    dialog.provinces.view.setCurrentIndex(dialog.provinces._proxy.index(0, 0))
    qtbot.keyClicks(dialog.communes.search, "ba dinh")
    dialog.communes.view.setCurrentIndex(dialog.communes._proxy.index(0, 0))
    dialog.username.setText("canbo")
    dialog.passphrase.setText(PASSPHRASE)
    dialog.passphrase2.setText("khac-nhau-123")
    dialog._submit()
    assert dialog.problem.text() == "Hai lần nhập mật khẩu không khớp."
    dialog.passphrase2.setText(PASSPHRASE)
    with qtbot.waitSignal(dialog.accepted, timeout=10000):
        dialog._submit()
    assert (tmp_path / "new" / "ctxh.sqlite3").exists()
    assert backend.ctx.commune_code == "00004" and backend.ctx.actor.username == "canbo"


def test_login_refuses_a_wrong_passphrase(qtbot, backend, tmp_path: Path) -> None:
    from desktop.core.context import open_context
    from desktop.ui.dialogs.login import LoginDialog

    make_profile(tmp_path / "p").db.dispose()
    files_before = sorted(p.name for p in (tmp_path / "p").iterdir())
    dialog = LoginDialog(backend, lambda user, passphrase: open_context(tmp_path / "p", user, passphrase), "canbo")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.passphrase.setText("sai-mat-khau")
    dialog._submit()
    qtbot.waitUntil(lambda: dialog.problem.isVisible(), timeout=5000)
    assert dialog.problem.text() == "Tên đăng nhập hoặc mật khẩu không đúng."
    # A wrong passphrase opens nothing: no -wal or -shm file appears beside the database.
    assert sorted(p.name for p in (tmp_path / "p").iterdir()) == files_before
    dialog.passphrase.setText(PASSPHRASE)
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        dialog._submit()


def test_window_starts_without_loading_sqlalchemy_first() -> None:
    """The first window must not wait for heavy imports: the GUI modules import no SQLAlchemy."""
    code = ("import sys; import desktop.ui.app, desktop.ui.main_window; "
            "print('sqlalchemy' in sys.modules, 'alembic' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=Path(__file__).resolve().parent.parent)
    assert out.stdout.split() == ["False", "False"]

