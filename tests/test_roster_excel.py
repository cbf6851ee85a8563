"""Excel in and out for the roster, on files shaped like the communes' own."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import load_workbook

from desktop.core.errors import CtxhError
from desktop.core.excel.values import cell_date
from desktop.core.services import roster
from desktop.core.services.roster_export import export_roster
from desktop.core.services.roster_import import import_roster
from desktop.core.services.status import status
from desktop.core.validation import is_cccd
from tests.conftest import PASSPHRASE, make_profile
from tests.excel_files import large_roster, messy_roster, with_member

ROOT = Path(__file__).resolve().parent.parent


def by_name(ctx) -> dict[str, dict]:
    return {w["full_name"]: roster.get_worker(ctx, w["id"]) for w in roster.list_workers(ctx, limit=1000)}


def test_messy_roster_imports_valid_rows_and_reports_the_rest(ctx, tmp_path: Path) -> None:
    report = import_roster(ctx, messy_roster(tmp_path / "ds.xlsx"))
    assert (report.imported, report.merged, report.skipped) == (6, 0, 1)
    assert report.header_row == 5 and report.sheet == "DS CTV"
    rejected = {(p.row, p.field) for p in report.rejected}
    assert rejected == {(13, "birth_date"), (13, "national_id"), (13, "phone")}
    reasons = {(p.row, p.field): p for p in report.rejected}
    assert reasons[(13, "national_id")].column == "E (Số CCCD)"
    assert reasons[(13, "birth_date")].column == "D (Năm sinh (Nữ))"
    assert reasons[(13, "national_id")].reason == "«Số CCCD»: số CCCD phải gồm đúng 12 chữ số (đang có «00119501»)."
    people = by_name(ctx)
    assert set(people) == {"Nguyễn Văn An", "Trần Thị Bình", "Lê Thị Hồng Đào", "Phạm Văn Cường", "Vũ Thị Lan",
                           "Hoàng Văn Đức"}
    # A formula cell gives the value Excel stored and shows (T27: values only, nothing evaluated).
    assert people["Hoàng Văn Đức"]["birth_date"] == dt.date(1981, 1, 1)
    assert report.footer_row == 19  # "Người lập biểu": the table ends there
    assert people["Nguyễn Văn An"]["birth_date"] == dt.date(1985, 1, 1) and people["Nguyễn Văn An"]["gender"] == "NAM"
    assert people["Trần Thị Bình"]["birth_date"] == dt.date(1990, 3, 5) and people["Trần Thị Bình"]["gender"] == "NU"
    assert people["Trần Thị Bình"]["phone"] == "0912345679"  # a numeric cell lost its leading 0
    assert people["Lê Thị Hồng Đào"]["national_id"] == "001192034567"
    assert people["Vũ Thị Lan"]["education_level"] == "DAI_HOC" and people["Vũ Thị Lan"]["category"] == "CTV_CTXH"
    assert report.duplicates == [{"row": 12, "duplicate_of": "Nguyễn Văn An (dòng 7)", "why": "cùng số CCCD",
                                  "action": "skip"}]
    annotated = load_workbook(report.annotated)["DS CTV"]
    assert annotated.cell(5, 10).value == "Lỗi nhập (CTXH Desk)"
    assert "12 chữ số" in annotated.cell(13, 10).value and annotated.cell(7, 10).value is None


def test_second_import_finds_everyone_and_merge_fills_in(ctx, tmp_path: Path) -> None:
    path = messy_roster(tmp_path / "ds.xlsx")
    import_roster(ctx, path)
    digest = status(ctx)["digest"]
    again = import_roster(ctx, path, annotate_to=tmp_path / "loi.xlsx")
    assert (again.imported, again.skipped) == (0, 7)
    assert status(ctx)["digest"] == digest
    worker = by_name(ctx)["Phạm Văn Cường"]
    roster.update_worker(ctx, worker["id"], {"phone": None})
    merged = import_roster(ctx, path, on_duplicate="merge", annotate_to=tmp_path / "loi.xlsx")
    assert (merged.imported, merged.merged) == (0, 7)
    assert roster.get_worker(ctx, worker["id"])["phone"] == "0905111222"


@pytest.mark.parametrize("kind,code", [("xlsm", "E_XLSX_MACRO"), ("vba", "E_XLSX_MACRO"), ("link", "E_XLSX_EXTERNAL"),
                                       ("broken", "E_XLSX_BROKEN"), ("xls", "E_XLSX_BROKEN"),
                                       ("csv", "E_XLSX_TYPE"), ("xls-vba", "E_XLSX_MACRO"),
                                       ("ods-basic", "E_XLSX_MACRO"),
                                       ("noheader", "E_XLSX_NO_HEADER"), ("sheet", "E_XLSX_SHEET")])
def test_unusable_files_change_nothing(ctx, tmp_path: Path, kind: str, code: str) -> None:
    good = messy_roster(tmp_path / "good.xlsx")
    roster.create_worker(ctx, {"full_name": "Người Có Sẵn", "category": "TNV"})
    before = status(ctx)["digest"]
    sheet = None
    if kind == "xlsm":
        path = tmp_path / "macro.xlsm"
        path.write_bytes(good.read_bytes())
    elif kind == "vba":
        path = with_member(good, tmp_path / "vba.xlsx", "xl/vbaProject.bin", b"\0" * 64)
    elif kind == "link":
        path = with_member(good, tmp_path / "link.xlsx", "xl/externalLinks/externalLink1.xml")
    elif kind == "broken":
        path = tmp_path / "broken.xlsx"
        path.write_bytes(good.read_bytes()[: len(good.read_bytes()) // 2])
    elif kind == "xls":
        path = tmp_path / "old.xls"
        path.write_bytes(b"\xd0\xcf\x11\xe0" + b"\0" * 100)
    elif kind == "csv":
        path = tmp_path / "ds.csv"
        path.write_text("Họ và tên,Ngày sinh\n")
    elif kind == "xls-vba":  # an Excel 97–2003 file carrying a macro project in its directory
        path = tmp_path / "macro.xls"
        path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 200 + "_VBA_PROJECT_CUR".encode("utf-16-le"))
    elif kind == "ods-basic":  # a LibreOffice file with a Basic macro library
        path = with_member(good, tmp_path / "macro.ods", "Basic/Standard/Module1.xml")
    elif kind == "noheader":
        from openpyxl import Workbook

        wb = Workbook()
        wb.active.append(["Số liệu", 1, 2, 3])
        path = tmp_path / "noheader.xlsx"
        wb.save(path)
    else:
        path, sheet = good, "Không có"
    with pytest.raises(CtxhError) as info:
        import_roster(ctx, path, sheet)
    assert info.value.code == code
    assert status(ctx)["digest"] == before
    assert not list(tmp_path.glob("*lỗi nhập*"))


def test_cli_import_exit_codes_and_json(tmp_path: Path) -> None:
    env = {**os.environ, "CTXH_PASSPHRASE": PASSPHRASE}
    make_profile(tmp_path / "p").db.dispose()

    def ctxh(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "desktop", "--data-dir", str(tmp_path / "p"), *args],
                              capture_output=True, text=True, env=env, cwd=ROOT)

    done = ctxh("roster", "import", str(messy_roster(tmp_path / "ds.xlsx")), "--json")
    assert done.returncode == 1, done.stderr
    result = json.loads(done.stdout)
    assert (result["imported"], result["merged"], result["skipped"]) == (6, 0, 1)
    assert {"row": 13, "column": "E (Số CCCD)", "field": "national_id",
            "reason": "«Số CCCD»: số CCCD phải gồm đúng 12 chữ số (đang có «00119501»)."} in result["rejected"]
    clean = large_roster(tmp_path / "clean.xlsx", 30)
    assert ctxh("roster", "import", str(clean)).returncode == 0
    broken = tmp_path / "hong.xlsx"
    broken.write_bytes(b"PK\x03\x04 not really")
    done = ctxh("roster", "import", str(broken))
    assert done.returncode == 2 and "Không đọc được tệp «hong.xlsx»" in done.stderr
    done = ctxh("roster", "export", str(tmp_path / "out.xlsx"), "--json")
    assert done.returncode == 0 and json.loads(done.stdout)["workers"] == 36


def test_export_is_readable_and_safe_and_round_trips(ctx, tmp_path: Path) -> None:
    from desktop.core.services import training
    from desktop.core.services.roster_extras import add_allowance

    tricky = ["=HYPERLINK(\"http://x\";\"bấm\")", "+84 cộng", "-Trừ", "@Ký"]
    for i, name in enumerate(tricky):
        roster.create_worker(ctx, {"full_name": name, "category": "CTV_CTXH", "national_id": f"00119001234{i}"})
    worker_id, _ = roster.create_worker(ctx, {"full_name": "Nguyễn Thị Hồng Đào", "category": "CTV_CTXH",
                                              "birth_date": "05/03/1990", "national_id": "001190099999"})
    course, _ = training.create_course(ctx, {"title": "Tập huấn QLTH", "kind": "TAP_HUAN", "start_date": "01/03/2026"})
    training.add_attendance(ctx, {"course_id": course, "worker_id": worker_id, "certificate_no": "CC-9"})
    add_allowance(ctx, {"worker_id": worker_id, "amount": 2_530_000, "effective_from": "01/07/2026"})
    path = tmp_path / "xuat.xlsx"
    assert export_roster(ctx, path, dt.date(2026, 11, 1)) == {"workers": 5, "attendances": 1}
    wb = load_workbook(path)
    ws = wb["Danh sách đội ngũ"]
    assert ws.freeze_panes == "A2" and ws.auto_filter.ref == "A1:Z6"
    headers = [c.value for c in ws[1]]
    dao = next(r for r in ws.iter_rows(min_row=2) if r[1].value == "Nguyễn Thị Hồng Đào")
    row = dict(zip(headers, dao, strict=True))
    assert row["Ngày sinh"].value.date() == dt.date(1990, 3, 5) and row["Ngày sinh"].number_format == "dd/mm/yyyy"
    assert row["Phụ cấp hiện hưởng (đồng/tháng)"].value == 2_530_000 and row["Đã qua đào tạo CTXH"].value == "Có"
    names = {ws.cell(r, 2).value: ws.cell(r, 2) for r in range(2, 7)}
    for name in tricky:
        assert names[name].data_type == "s" and names[name].quotePrefix, name
    assert wb["Lịch sử tập huấn"]["B2"].value == "Tập huấn QLTH"
    # Re-import into a fresh profile gives the original strings back, not formulas or rejections.
    other = make_profile(tmp_path / "other")
    report = import_roster(other, path, sheet="Danh sách đội ngũ")
    assert report.rejected == [] and report.imported == 5
    assert {w["full_name"] for w in roster.list_workers(other, limit=50)} == {*tricky, "Nguyễn Thị Hồng Đào"}


def test_writer_keeps_control_and_formula_starts_as_text(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    from desktop.core.excel.reading import open_sheet
    from desktop.core.excel.writing import SheetSpec, write_workbook

    values = ["=1+1", "+1", "-1", "@SUM(A1)", "\tTab", "\rCR", "a\0b", "bình thường"]
    write_workbook(tmp_path / "t.xlsx", [SheetSpec("T", [("Giá trị", 20)], ([v] for v in values))])
    rows = list(open_sheet(tmp_path / "t.xlsx").rows())
    # XML turns a carriage return into a line feed when read back (its line-end rule); NUL cannot be stored.
    assert [r[0] for r in rows[1:]] == ["=1+1", "+1", "-1", "@SUM(A1)", "\tTab", "\nCR", "ab", "bình thường"]
    cells = load_workbook(tmp_path / "t.xlsx")["T"]
    assert not any(c.data_type == "f" for (c,) in cells.iter_rows(min_row=2))  # text, never a formula


def test_thousands_of_rows_go_in_batches_of_one_transaction(ctx, tmp_path: Path, monkeypatch) -> None:
    from desktop.core.services.changes import ChangeWriter
    from desktop.core.services.excel_import import BATCH

    source = large_roster(tmp_path / "lon.xlsx", 3 * BATCH + 500)  # the 20,000 and 100,000 rows: bench/
    # A failure in the third batch leaves nothing: the batches are one transaction, never half a list.
    calls = {"n": 0}
    original = ChangeWriter.create_many

    def failing(self, model, rows):  # type: ignore[no-untyped-def]
        calls["n"] += 1
        if calls["n"] == 3:
            raise OSError("disk full")
        return original(self, model, rows)

    monkeypatch.setattr(ChangeWriter, "create_many", failing)
    with pytest.raises(OSError):
        import_roster(ctx, source)
    assert calls["n"] == 3 and roster.count_workers(ctx) == 0
    monkeypatch.setattr(ChangeWriter, "create_many", original)
    report = import_roster(ctx, source)
    # Random names and birth dates collide now and then: such people are found as duplicates.
    assert report.imported + report.skipped == 3 * BATCH + 500 and report.rejected == []
    assert report.skipped == len(report.duplicates) and report.skipped < 10
    assert roster.count_workers(ctx) == report.imported


@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31)))
def test_cell_date_reads_every_form_of_a_date(day: dt.date) -> None:
    assert cell_date(day) == day
    assert cell_date(dt.datetime.combine(day, dt.time())) == day
    assert cell_date(day.strftime("%d/%m/%Y")) == day
    assert cell_date(f"{day.day}/{day.month}/{day.year}") == day
    assert cell_date(day.strftime("%d-%m-%Y")) == day
    assert cell_date(day.isoformat()) == day
    assert cell_date(str(day.year)) == dt.date(day.year, 1, 1)
    assert cell_date(day.year) == dt.date(day.year, 1, 1)
    serial = (day - dt.date(1899, 12, 30)).days
    if day >= dt.date(1900, 3, 1) and not 1900 <= serial <= 2100:
        # An Excel serial number; 1900–2100 are read as years on purpose (serials there fall in 1905).
        assert cell_date(serial) == day


@given(st.text(alphabet="0123456789", min_size=0, max_size=14))
def test_cccd_is_exactly_twelve_digits(digits: str) -> None:
    assert is_cccd(digits) == (len(digits) == 12)


@given(st.text(max_size=20))
def test_cell_date_never_crashes_on_text(text: str) -> None:
    try:
        cell_date(text)
    except ValueError:
        pass
