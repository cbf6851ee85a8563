""""Đọc từ thẻ" in the window (issue 18): the intake, roster and allowance dialogs filled from a photo of the
card, typed fields changed only when the officer says so, a number that disagrees flagged, and the person
already here opened instead of a second one."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tests.conftest import make_profile, signed_in_window
from tests.test_card_reading import CAN_CUOC, CHIP

pytestmark = pytest.mark.usefixtures("qapp")


def _photo(text: str, path: Path) -> Path:
    """A JPEG photo of a card lying on a desk, as a phone sends it over chat."""
    import random

    from desktop.core.domain.citizen_card import parse_card_text
    from tests.card_corpus import picture

    path.write_bytes(picture(parse_card_text(text), "phone", (1600, 1200), random.Random(3)))
    return path


@pytest.fixture
def profile(tmp_path: Path) -> Path:
    path = tmp_path / "profile"
    make_profile(path).db.dispose()
    return path


def _dialog(qtbot, page):
    from desktop.ui.dialogs.record_form import RecordDialog

    page.add_button.click()
    qtbot.waitUntil(lambda: any(d.isVisible() for d in page.findChildren(RecordDialog)), timeout=5000)
    return next(d for d in page.findChildren(RecordDialog) if d.isVisible())


def _read(qtbot, bar, path: Path) -> None:
    bar.read(path=path)
    qtbot.waitUntil(lambda: bar.button.isEnabled() and (bar.differences is not None or bar.notice.text()
                                                         not in ("", "Đang đọc thẻ…")
                                                         or bar.warning.isVisible()), timeout=10000)


def test_intake_is_filled_from_a_phone_photo_and_asks_before_changing_what_was_typed(qtbot, backend, profile,
                                                                                    tmp_path: Path) -> None:
    window = signed_in_window(qtbot, backend, profile, "cases")
    page = window.page("cases")
    dialog = _dialog(qtbot, page)
    person = dialog.form("person")
    person.input("full_name").setText("Nguyen Van An")  # typed before the card was read, without diacritics
    person.input("phone").setText("0912345678")
    bar = page.card_bar
    _read(qtbot, bar, _photo(CHIP, tmp_path / "IMG_20261202_083015.jpg"))
    differences = bar.differences
    assert differences is not None and differences.table.rowCount() == 1
    assert [differences.table.item(0, c).text() for c in range(3)] == ["Họ và tên", "Nguyen Van An", "Nguyễn Văn An"]
    differences.accept()
    qtbot.waitUntil(lambda: bar.differences is None, timeout=5000)
    assert person.input("full_name").text() == "Nguyễn Văn An"
    assert person.input("birth_date").text() == "01/01/1989" and person.input("id_issued_on").text() == "15/08/2021"
    assert person.input("gender").currentData() == "NAM"
    assert (person.input("national_id").text(), person.input("old_national_id").text()) == ("001089012345",
                                                                                          "123456789")
    assert person.input("phone").text() == "0912345678"  # not on the card: left alone
    assert "Đã điền 7 trường từ thẻ" in bar.notice.text() and not bar.warning.isVisible()
    # Saved as any intake: the card's fields are the person's.
    dialog.form("case").input("process_type").setCurrentIndex(1)
    dialog._submit()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10000)
    from desktop.core.services import cases

    saved = cases.get_case(backend.ctx, cases.list_cases(backend.ctx, limit=1)[0]["id"])["beneficiary"]
    assert (saved["old_national_id"], saved["id_issued_on"]) == ("123456789", dt.date(2021, 8, 15))


def test_keeping_what_was_typed_and_a_number_that_disagrees(qtbot, backend, profile, tmp_path: Path) -> None:
    window = signed_in_window(qtbot, backend, profile, "cases")
    page = window.page("cases")
    dialog = _dialog(qtbot, page)
    person = dialog.form("person")
    person.input("birth_date").setText("02/01/1989")
    bar = page.card_bar
    _read(qtbot, bar, _photo(CHIP.replace("|Nam|", "|Nữ|"), tmp_path / "the.jpg"))
    bar.differences.reject()
    qtbot.waitUntil(lambda: bar.differences is None, timeout=5000)
    assert person.input("birth_date").text() == "02/01/1989"
    assert "Giữ như đã nhập: Ngày sinh" in bar.notice.text()
    assert bar.warning.isVisible() and "không khớp giới tính" in bar.warning.text()
    dialog.reject()


def test_the_person_already_here_is_opened_instead(qtbot, backend, profile, tmp_path: Path) -> None:
    from desktop.core.services.cases import open_case
    from tests.test_ui import find_case_page

    window = signed_in_window(qtbot, backend, profile, "cases")
    # Taken in before, under her old CMND only: the căn cước's cancelled number finds her.
    case_id, _ = open_case(backend.ctx, {"full_name": "Trần Thị Bích Ngọc", "old_national_id": "163195123"},
                           {"process_type": "TT02_2020", "opened_on": dt.date(2026, 3, 1)})
    page = window.page("cases")
    dialog = _dialog(qtbot, page)
    bar = page.card_bar
    _read(qtbot, bar, _photo(CAN_CUOC, tmp_path / "zalo.jpg"))
    assert "Trần Thị Bích Ngọc đã có ở đây với số này" in bar.notice.text()
    assert bar.open_button.isVisible()
    assert dialog.form("person").input("mother_name").text() == "Lê Thị Hoa"
    bar.open_button.click()
    qtbot.waitUntil(lambda: find_case_page(page) is not None, timeout=5000)
    assert find_case_page(page).case_id == case_id and not dialog.isVisible()
    find_case_page(page).close()


def test_the_roster_dialog_reads_the_card_and_names_the_member_already_there(qtbot, backend, profile,
                                                                             tmp_path: Path) -> None:
    from desktop.core.services.roster import create_worker

    window = signed_in_window(qtbot, backend, profile, "roster")
    worker_id, _ = create_worker(backend.ctx, {"full_name": "Nguyễn Văn An", "national_id": "001089012345",
                                               "category": "CTV_CTXH", "status": "DANG_LAM"})
    page = window.page("roster")
    dialog = _dialog(qtbot, page)
    bar = page.card_bar
    _read(qtbot, bar, _photo(CHIP, tmp_path / "a.jpg"))
    assert dialog.form("worker").input("address").text().startswith("Số 1 ngõ 2")
    assert "đã có trong danh sách đội ngũ" in bar.notice.text()
    bar.open_button.click()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    qtbot.waitUntil(lambda: page._editing == worker_id, timeout=5000)
    page._open.reject()


def test_a_picture_copied_from_the_chat_is_pasted_and_an_empty_clipboard_is_told(qtbot, backend, profile,
                                                                                 tmp_path: Path) -> None:
    from PySide6.QtGui import QGuiApplication, QImage

    window = signed_in_window(qtbot, backend, profile, "allowances")
    page = window.page("allowances")
    page._add_person()
    bar = page.card_bar
    QGuiApplication.clipboard().clear()
    bar.paste()
    assert "Không có ảnh trong bộ nhớ tạm" in bar.warning.text()
    QGuiApplication.clipboard().setImage(QImage(str(_photo(CAN_CUOC, tmp_path / "copied.jpg"))))
    bar.paste()
    qtbot.waitUntil(lambda: "Đã điền" in bar.notice.text(), timeout=10000)
    assert bar.form.input("national_id").text() == "036195001234"
    assert bar.form.input("old_national_id").text() == "163195123"
    QGuiApplication.clipboard().setImage(QImage(str(tmp_path / "copied.jpg")).scaled(40, 30))
    bar.paste()
    qtbot.waitUntil(lambda: bar.warning.isVisible(), timeout=10000)
    assert "Không tìm thấy mã QR trong ảnh «ảnh vừa dán»" in bar.warning.text()


def test_a_printed_paper_is_checked_from_the_reports_page(qtbot, backend, profile, tmp_path: Path) -> None:
    import segno

    from desktop.core.services import case_forms, cases
    from desktop.core.services.print_subjects import form_subject
    from sync.print_seals import seal_text
    from tests.test_print_seals import ANSWERS

    window = signed_in_window(qtbot, backend, profile, "reports")
    ctx = backend.ctx
    case_id, _ = cases.open_case(ctx, {"full_name": "Phạm Thị Lan", "birth_date": "12/03/1948"},
                                 {"process_type": "TT02_2020", "opened_on": "02/11/2026"})
    answer_id, _ = case_forms.save_form(ctx, case_id, "TT02_M01", ANSWERS)
    photo = tmp_path / "giay.png"
    segno.make(seal_text(ctx, form_subject(ctx, answer_id, "vi")), error="m").save(str(photo), scale=6)
    page = window.page("reports")
    page.check_print()
    dialog = page.print_check
    dialog.check(path=photo)
    qtbot.waitUntil(lambda: dialog.results is not None, timeout=10000)
    assert dialog.verdict.text().startswith("ĐÚNG BẢN GỐC, CÒN KHỚP HỒ SƠ: Mẫu số 01: Phiếu thu thập thông tin đối "
                                            "tượng (TT02_M01) do máy «Máy thử»")
    assert dialog.table.isVisible() and dialog.table.rowCount() >= 14
    case_forms.save_form(ctx, case_id, "TT02_M01", {**ANSWERS, "hoan_canh": "Đã có người chăm sóc."}, answer_id)
    dialog.results = None
    dialog.check(path=photo)
    qtbot.waitUntil(lambda: dialog.results is not None, timeout=10000)
    assert "HỒ SƠ ĐÃ THAY ĐỔI" in dialog.verdict.text()
    assert dialog.details.text() == "Đã thay đổi: Hoàn cảnh gia đình."
    dialog.check(path=tmp_path / "none.jpg")
    qtbot.waitUntil(lambda: "Không đọc được tệp ảnh «none.jpg»" in dialog.verdict.text(), timeout=10000)
    dialog.reject()


def test_one_click_opens_the_photo_and_the_next_opens_where_it_was(qtbot, backend, profile, tmp_path: Path,
                                                                    monkeypatch) -> None:
    from PySide6.QtWidgets import QFileDialog

    window = signed_in_window(qtbot, backend, profile, "cases")
    page = window.page("cases")
    dialog = _dialog(qtbot, page)
    folder = tmp_path / "Zalo Received Files"
    folder.mkdir()
    photo = _photo(CHIP, folder / "z601.jpg")
    asked: list[str] = []

    def choose(_parent, _title, start, _filter):  # type: ignore[no-untyped-def]
        asked.append(start)
        return str(photo), ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", choose)
    page.card_bar.button.click()
    qtbot.waitUntil(lambda: "Đã điền" in page.card_bar.notice.text(), timeout=10000)
    assert dialog.form("person").input("national_id").text() == "001089012345"
    dialog.reject()
    dialog = _dialog(qtbot, page)
    page.card_bar.button.click()
    assert asked[-1] == str(folder)  # the next card's photo is likely beside the last one
    dialog.reject()
