"""Screenshots of the import wizard on the communes' own lists (issue 14), under Xvfb at 1366×768.

    Xvfb :99 -screen 0 1366x768x24 &
    DISPLAY=:99 QT_QPA_PLATFORM=xcb .venv/bin/python docs/screenshots/list_import_shots.py

Makes a demo profile and the corpus's lists in a temporary folder, then grabs: a monthly-allowance list in the
decree's wording at its mapping step (the generic words asked, with the closest codes starred), the preview
after the officer's choices, an .xls roster typed in TCVN3 with its converted text, a class list with the
course read from its title block, the to-do list of values still to map, and Cài đặt › Giá trị đã xếp.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

OUT = Path(__file__).resolve().parent
sys.path.insert(0, str(OUT.parent.parent))

from docs.screenshots.security_shots import grab, run_signed_in, run_steps  # noqa: E402

PASSPHRASE = "lua chin vang dong que"


def main() -> None:
    """The wizard's steps on three lists, then Việc cần làm."""
    from desktop.core.services import roster
    from desktop.core.services.setup import SetupRequest, initialise_profile
    from tests.list_corpus import allowance_list, class_list, roster_shapes, xls_roster_tcvn3

    work = Path(tempfile.mkdtemp())
    profile = work / "profile"
    ctx = initialise_profile(profile, SetupRequest("01", "00004", "Máy cán bộ VHXH", "nguyen.lan", PASSPHRASE,
                                                   "Nguyễn Thị Lan"))
    roster.create_worker(ctx, {"full_name": "Nguyễn Văn An", "category": "CTV_CTXH", "national_id": "001085012345"})
    ctx.db.dispose()
    allowance = allowance_list(work / "DS huong tro cap T11-2026.xlsx").path
    tcvn3 = xls_roster_tcvn3(work / "DS CTV (VnTime).xls").path
    course = class_list(work / "Lop tap huan CTXH 11-2026.xlsx").path
    shapes = roster_shapes(work / "Nhan luc CTXH phuong.xlsx").path

    def scenes(controller: object) -> None:
        from desktop.ui.dialogs.list_import import ListImportDialog

        window = controller.window  # type: ignore[attr-defined]

        state: dict[str, ListImportDialog] = {}

        def open_list(kind: str, path: Path) -> None:
            dialog = ListImportDialog(window.page("cases").backend, path, kind, window)
            dialog.show()
            state["dialog"] = dialog

        def choose() -> None:
            dialog = state["dialog"]
            table = dialog.values
            for r in range(table.rowCount()):
                combo = table.cellWidget(r, 4)
                written = table.item(r, 1).text()
                if written == "Người khuyết tật":
                    combo.setCurrentIndex(combo.findData("TCXH_06_NANG"))
                elif written == "Khoản 6 Điều 5":
                    combo.setCurrentIndex(combo.findData("TCXH_06_DBN"))
            table.setCurrentCell(0, 4)

        def apply_choices() -> None:
            state["dialog"]._apply_choices()

        def show_preview() -> None:
            state["dialog"].tabs.setCurrentIndex(0)

        def show_conversions() -> None:
            state["dialog"].tabs.setCurrentIndex(3)

        def close() -> None:
            state["dialog"].reject()

        def do_import() -> None:
            state["dialog"]._import()

        run_steps([
            (800, lambda: window.show_page("cases")),
            (600, lambda: open_list("cases", allowance)),
            (2500, lambda: grab("list-import-mapping")),
            (0, choose),
            (600, lambda: grab("list-import-mapping-chosen")),
            (0, apply_choices),
            (2500, show_preview),
            (600, lambda: grab("list-import-preview")),
            (0, do_import),
            (3000, lambda: grab("list-import-done")),
            (0, close),
            (300, lambda: open_list("roster", tcvn3)),
            (2500, show_conversions),
            (600, lambda: grab("list-import-tcvn3")),
            (0, close),
            (300, lambda: open_list("roster", shapes)),
            (2500, lambda: grab("list-import-roster-mapping")),
            (0, close),
            (300, lambda: open_list("training", course)),
            (2500, lambda: grab("list-import-class")),
            (0, close),
            (300, lambda: window.show_page("todo")),
            (2000, lambda: grab("todo-to-map")),
            (0, lambda: window.show_page("settings")),
            (800, lambda: window.page("settings").tabs.setCurrentIndex(3)),  # type: ignore[attr-defined]
            (1500, lambda: grab("settings-remembered-answers")),
        ])

    run_signed_in(profile, scenes, PASSPHRASE)


if __name__ == "__main__":
    main()
