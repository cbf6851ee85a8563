"""Tổng quan and Báo cáo, driven as an officer would (offscreen), over the hand-counted dataset
(tests/report_dataset.py): the figures shown, a number opening the records behind it, the files saved."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import make_profile, signed_in_window
from tests.report_dataset import build

pytestmark = pytest.mark.usefixtures("qapp")


@pytest.fixture(scope="module")
def dataset_profile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("reports") / "profile"
    ctx = make_profile(path)
    build(ctx)
    ctx.db.dispose()
    return path


@pytest.fixture
def window(qtbot, backend, dataset_profile: Path, tmp_path: Path):
    copy = tmp_path / "profile"
    shutil.copytree(dataset_profile, copy)
    return signed_in_window(qtbot, backend, copy, "overview")


def choose(choice, kind: str, number: int, year: int) -> None:
    box = choice.kind
    box.setCurrentIndex(next(i for i in range(box.count()) if box.itemData(i) == (kind, number)))
    choice.year.setValue(year)


def test_overview_shows_the_indicators_and_opens_the_records_behind_them(qtbot, window) -> None:
    page = window.page("overview")
    choose(page.choice, "year", 0, 2025)
    tile = page.tiles["P4"]
    qtbot.waitUntil(lambda: page.data is not None and page.data["period"].end.year == 2025
                    and tile.value.text() == "60%", timeout=10000)
    assert tile.detail.text() == "3 trên 5"
    assert "Mục tiêu 2025: tối thiểu 30%" in tile.target.text() and "đạt mục tiêu" in tile.state.text()
    assert "kỳ trước: 40%" in tile.state.text()  # 2024: An and Giang of five
    assert page.tiles["collaborators"].value.text() == "3" and page.tiles["P1"].value.text() == "Đạt"
    assert page.tiles["P5"].value.text() == "67%" and "chưa đạt" in page.tiles["P5"].state.text()
    assert [label for label, *_ in tile.chart.points] == ["2020", "2021", "2022", "2023", "2024", "2025"]
    assert page.cards["case"].value.text() == "4" and "1 kết thúc" in page.cards["case"].detail.text()
    # A click on the number: the roster, only the three trained, saying so, with a way back to everyone.
    tile.value.click()
    roster = window.page("roster")
    qtbot.waitUntil(lambda: window.names[window.sidebar.currentRow()] == "roster" and roster.model.total == 3
                    and roster.model.rowCount() == 3, timeout=10000)
    assert roster.only_bar.isVisible() and "Năm 2025: 3 bản ghi" in roster.only_label.text()
    names = {roster.model.row_data(i)["full_name"] for i in range(roster.model.rowCount())}
    assert names == {"Nguyễn Thị An", "Nguyễn Thị Bình", "Nguyễn Thị Chi"}
    roster.only_clear.click()
    qtbot.waitUntil(lambda: roster.model.total == 6, timeout=10000)
    assert not roster.only_bar.isVisible()
    # Priority children: the case list of the two supported children.
    window.show_page("overview")
    page.tiles["P5"].value.click()
    cases = window.page("cases")
    qtbot.waitUntil(lambda: window.names[window.sidebar.currentRow()] == "cases" and cases.model.total == 2
                    and cases.model.rowCount() == 2, timeout=10000)
    assert {cases.model.row_data(i)["full_name"] for i in range(2)} == {"Bé Một", "Bé Ba"}


def test_reports_page_previews_exact_figures_and_saves_files_with_small_cells_hidden(
        qtbot, window, monkeypatch, tmp_path: Path) -> None:
    from openpyxl import load_workbook
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    window.show_page("reports")
    page = window.page("reports")
    choose(page.choice, "half", 1, 2025)
    qtbot.waitUntil(lambda: page.report is not None and page.report.period.end.isoformat() == "2025-06-14"
                    and page.excel_button.isEnabled(), timeout=10000)
    shown = {page.table.item(r, 1).text().strip(): page.table.item(r, 3).text() for r in range(page.table.rowCount())}
    assert shown["Hồ sơ tiếp nhận mới trong kỳ"] == "3"  # exact on the commune's own screen
    assert shown["Tỷ lệ đã qua đào tạo, bồi dưỡng (chỉ tiêu 4, QĐ 112)"] == "✓ 50,0% (3/6)"
    assert "từ 15/12/2024 đến 14/06/2025" in page.heading.text()
    monkeypatch.setattr(QMessageBox, "question", lambda *_a, **_k: QMessageBox.StandardButton.Yes)
    target = tmp_path / "bao-cao"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(target), ""))
    page._save(".xlsx")
    qtbot.waitUntil(lambda: "bao-cao.xlsx" in page.message.text(), timeout=10000)
    sheet = load_workbook(tmp_path / "bao-cao.xlsx").active
    cells = {str(row[1].value).strip(): row[3].value for row in sheet.iter_rows() if row[1].value}
    assert cells["Hồ sơ tiếp nhận mới trong kỳ"] == "<5"  # the file leaves the commune
    page._save(".pdf")
    qtbot.waitUntil(lambda: "bao-cao.pdf" in page.message.text(), timeout=15000)
    assert (tmp_path / "bao-cao.pdf").read_bytes()[:5] == b"%PDF-"
    # Double-click a figure: the cases behind it.
    row = next(r for r in range(page.table.rowCount())
               if page.table.item(r, 1).text() == "Hồ sơ tiếp nhận mới trong kỳ")
    page._drill(row)
    cases = window.page("cases")
    qtbot.waitUntil(lambda: window.names[window.sidebar.currentRow()] == "cases" and cases.model.total == 3,
                    timeout=10000)


def test_the_facility_register_feeds_p2(qtbot, window) -> None:
    window.show_page("reports")
    page = window.page("reports")
    page.show_facilities()
    qtbot.waitUntil(lambda: page.facility_table.rowCount() == 3, timeout=10000)
    names = {page.facility_table.item(r, 0).text() for r in range(3)}
    assert names == {"Trạm Y tế phường", "Trường Tiểu học", "Trung tâm CTXH"}
    assert not page.facility_edit.isEnabled() and page.facility_edit.toolTip()  # says why
    page.facility_table.selectRow(0)
    assert page.facility_edit.isEnabled()


def test_roster_strip_says_what_it_counts(qtbot, window) -> None:
    window.show_page("roster")
    strip = window.page("roster").indicators
    qtbot.waitUntil(lambda: strip.trained.value.text() not in ("…", ""), timeout=10000)
    assert strip.trained.value.text() == "100%"  # today: An, Bình, Chi, Dung (K2 ended in March)
    assert "4 trên 4 người làm CTXH và cộng tác viên" in strip.trained.detail.text()
    assert strip.collaborators.value.text() == "2"  # Em left today
    assert "tối thiểu 1 người mỗi xã" in strip.collaborators.detail.text() and "✓" in strip.collaborators.detail.text()
    assert strip.allowance.value.text() == "1 trên 2"  # Bình's 2,340,000 is below the 2,530,000 of July 2026
