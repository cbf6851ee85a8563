"""The case page closes a case because the person moved, naming their new commune from a list to type in."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import confirm_case_action, make_profile, open_signed_in

pytestmark = pytest.mark.usefixtures("qapp")


def test_the_case_page_transfers_a_case_to_another_commune(qtbot, backend, tmp_path: Path) -> None:
    from desktop.core.services import cases
    from desktop.ui.dialogs.case_page import CasePage

    make_profile(tmp_path / "p").db.dispose()
    ctx = open_signed_in(backend, tmp_path / "p")
    case_id, _ = cases.open_case(ctx, {"full_name": "Hà Văn Chuyển"}, {"opened_on": "02/11/2026"})
    page = CasePage(backend, case_id)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.destination.count() > 100, timeout=5000)  # Hà Nội's other communes
    assert page.destination.findData("00004") == -1  # not the case's own commune
    page._transfer()
    assert "xã/phường nơi đối tượng chuyển đến" in page.problem.text()
    page.destination.setCurrentIndex(page.destination.findData("00008"))
    confirm_case_action(qtbot, page, page.transfer_button)  # it says what will happen first
    qtbot.waitUntil(lambda: "chuyển đến Phường Ngọc Hà" in page.state.text(), timeout=5000)
    assert not page.transfer_button.isEnabled() and not page.close_button.isEnabled()
    case = cases.get_case(ctx, case_id)
    assert (case["status"], case["closure_reason"], case["transfer_to"]) == ("DA_DONG", "CHUYEN_DI", "01:00008")
