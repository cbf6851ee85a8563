"""`ctxh case import|export`: beneficiary lists into cases with the roster importer's machinery, and back."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook

from desktop.core.errors import CtxhError
from desktop.core.services import cases
from desktop.core.services.case_export import export_cases
from desktop.core.services.case_import import import_cases
from desktop.core.services.status import status
from tests.conftest import PASSPHRASE, make_profile
from tests.excel_files import beneficiary_list

ROOT = Path(__file__).resolve().parent.parent


def test_a_beneficiary_list_becomes_people_and_cases(ctx, tmp_path: Path) -> None:
    report = import_cases(ctx, beneficiary_list(tmp_path / "ds.xlsx"))
    assert (report.imported, report.merged, report.skipped) == (3, 0, 1)
    # Only the impossible date refuses a row; a group no code fits is kept as written, to map.
    assert {(p.row, p.field) for p in report.rejected} == {(9, "birth_date")}
    unplaced = {u["written"]: u for u in report.unplaced}
    assert set(unplaced) == {"Mồ côi", "Người cao tuổi", "Trẻ có hoàn cảnh lạ"}
    # Generic words are never given one of the codes they could mean: they are asked.
    assert unplaced["Người cao tuổi"]["candidates"] == ["TCXH_05A", "TCXH_05B", "TCXH_05C", "TCXH_05D"]
    assert set(unplaced["Mồ côi"]["candidates"]) == {"HCDB_A", "TCXH_01"}
    assert report.as_written == 2
    assert report.annotated and Path(report.annotated).exists()
    listed = {r["full_name"]: r for r in cases.list_cases(ctx)}
    assert set(listed) == {"Nguyễn Văn Bé", "Trần Thị Na", "Lê Văn Cụ"}
    child = cases.get_case(ctx, listed["Nguyễn Văn Bé"]["id"])
    assert child["beneficiary"]["target_groups"].split() == ["HCDB_D", "HO_NGHEO"]
    assert child["process_type"] == "ND56_2017" and child["step"] == "TIEP_NHAN"  # a child: child protection
    assert child["opened_on"] == dt.date(2026, 1, 5) and child["summary"] == "Bại não, cần phục hồi chức năng"
    assert child["beneficiary"]["national_id"] == "001216012345"
    assert child["beneficiary"]["guardian_name"] == "Nguyễn Thị Mẹ"
    na = cases.get_case(ctx, listed["Trần Thị Na"]["id"])
    assert na["beneficiary"]["target_groups"].split() == ["TU_KY"]  # "Mồ côi, tự kỷ": "Mồ côi" waits
    assert json.loads(na["beneficiary"]["as_written"]) == {"target_groups": "Mồ côi"}
    elder = cases.get_case(ctx, listed["Lê Văn Cụ"]["id"])
    assert elder["process_type"] == "TT02_2020" and elder["opened_on"] == dt.date.today()
    assert elder["beneficiary"]["target_groups"] == "" and "Người cao tuổi" in elder["beneficiary"]["as_written"]
    numbers = sorted(r["case_no"] for r in listed.values())
    assert len(set(numbers)) == 3
    # Importing the same list again makes nobody twice; merge fills in without a second case.
    # The officer maps "Mồ côi" once; the merge places it and clears what waited.
    again = import_cases(ctx, beneficiary_list(tmp_path / "ds2.xlsx"), on_duplicate="merge",
                         choices={("target_group", "mo coi"): "HCDB_A"})
    assert (again.imported, again.merged) == (0, 4)
    assert cases.count_cases(ctx) == 3
    na = cases.get_case(ctx, listed["Trần Thị Na"]["id"])
    assert na["beneficiary"]["target_groups"].split() == ["HCDB_A", "TU_KY"] and not na["beneficiary"]["as_written"]
    # The merged row said "nhập trùng" under Hoàn cảnh, which belongs to the case, not the person.
    assert cases.get_case(ctx, listed["Nguyễn Văn Bé"]["id"])["summary"] == "Bại não, cần phục hồi chức năng"


def test_a_broken_list_changes_nothing(ctx, tmp_path: Path) -> None:
    before = status(ctx)["digest"]
    broken = tmp_path / "hong.xlsx"
    broken.write_bytes(b"PK\x03\x04 not a workbook")
    with pytest.raises(CtxhError) as info:
        import_cases(ctx, broken)
    assert info.value.code == "E_XLSX_BROKEN"
    assert status(ctx)["digest"] == before


def test_export_round_trips_through_import(ctx, tmp_path: Path) -> None:
    import_cases(ctx, beneficiary_list(tmp_path / "ds.xlsx"))
    first = cases.list_cases(ctx)[0]
    cases.add_service(ctx, {"case_id": first["id"], "service_type": "TU_VAN", "delivered_on": "03/11/2026",
                            "notes": "=HYPERLINK(\"http://x\")"})
    counts = export_cases(ctx, tmp_path / "out.xlsx")
    assert counts == {"cases": 3, "services": 1}
    book = load_workbook(tmp_path / "out.xlsx")
    sheet = book["Hồ sơ"]
    assert [c.value for c in sheet[1]][:4] == ["STT", "Mã hồ sơ", "Họ và tên", "Giới tính"]
    services = book["Dịch vụ đã cung cấp"]
    note = services.cell(2, 7)
    assert note.data_type == "s" and note.quotePrefix  # a formula typed into a note stays text
    other = make_profile(tmp_path / "other", commune="00008")
    report = import_cases(other, tmp_path / "out.xlsx")
    assert (report.imported, report.rejected) == (3, [])
    assert sorted(r["full_name"] for r in cases.list_cases(other)) == sorted(
        r["full_name"] for r in cases.list_cases(ctx))
    moved = {r["full_name"]: cases.get_case(other, r["id"]) for r in cases.list_cases(other)}
    assert moved["Nguyễn Văn Bé"]["beneficiary"]["target_groups"].split() == ["HCDB_D", "HO_NGHEO"]
    other.db.dispose()


def test_cli_case_import_and_export_exit_codes(tmp_path: Path) -> None:
    env = {**os.environ, "CTXH_PASSPHRASE": PASSPHRASE}
    make_profile(tmp_path / "p").db.dispose()

    def ctxh(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "desktop", "--data-dir", str(tmp_path / "p"), *args],
                              capture_output=True, text=True, env=env, cwd=ROOT)

    done = ctxh("case", "import", str(beneficiary_list(tmp_path / "ds.xlsx")), "--json")
    assert done.returncode == 1, done.stderr
    result = json.loads(done.stdout)
    assert (result["imported"], result["skipped"]) == (3, 1) and len(result["rejected"]) == 1
    done = ctxh("case", "export", str(tmp_path / "out.xlsx"))
    assert done.returncode == 0 and "Đã xuất 3 hồ sơ" in done.stdout
    done = ctxh("case", "import", str(tmp_path / "khong-co.xlsx"))
    assert done.returncode == 2 and "khong-co.xlsx" in done.stderr
