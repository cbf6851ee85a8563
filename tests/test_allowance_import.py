"""The commune's existing allowance lists into the register: the decree's wording, a payment list with no decision
columns (the title's month), an Excel 97–2003 list by village with coefficients and amounts that disagree
with the clause (flagged, never changed), a person on two rows, a second import of the same list, and the
command line's twin."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from openpyxl import Workbook

from tests.list_corpus import allowance_list, xls_allowance_by_village

D = dt.date


def _lines(ctx, month: dt.date):
    from desktop.core.services.allowances import register

    return {(ln.person["full_name"], ln.decision["clause"]): ln for ln in register(ctx, month).lines}


def test_an_excel_97_list_by_village_checked_against_the_clause(ctx, tmp_path: Path):
    from desktop.core.services.allowance_import import import_allowances

    corpus = xls_allowance_by_village(tmp_path / "chi tra.xls")
    result = import_allowances(ctx, corpus.path, choices={("allowance_clause", "khoan 6 dieu 5 (dbn)"): "TCXH_06_DBN"})
    assert result.rejected == []
    assert result.decisions == 5
    lines = _lines(ctx, D(2026, 11, 1))
    assert set(lines) == {("Hà Văn Cả", "TCXH_05C"), ("Lò Thị Bé", "TCXH_05A"), ("Vi Văn Ba", "TCXH_05C"),
                          ("Đinh Thị Tư", "TCXH_06_DBN"), ("Mùa A Năm", "TCXH_06_NANG")}
    # Paid from the title's month (11/2026), at the standard then in force (540,000).
    assert all(ln.decision["start_month"] == D(2026, 11, 1) for ln in lines.values())
    # Lò Thị Bé is 82: the clause gives 2.0; the list says 1.5. Kept as the list says, and flagged.
    be = lines[("Lò Thị Bé", "TCXH_05A")]
    assert (be.coefficient, be.clause_coefficient, be.flags) == (1.5, 2.0, ["COEFFICIENT_DIFFERS"])
    # A coefficient that agrees is not stored: it follows her age from now on.
    assert lines[("Hà Văn Cả", "TCXH_05C")].decision["coefficient"] is None
    # 500,000 × 1.0 is the 2024 standard: an amount difference, reported by row and kept in the notes.
    amounts = {(d["row"], d["full_name"]) for d in result.differences if d["field"] == "amount"}
    assert (7, "Hà Văn Cả") in amounts
    assert "Số tiền trong danh sách: 500.000 đ (theo hệ số: 540.000 đ)" in lines[("Hà Văn Cả", "TCXH_05C")].decision[
        "notes"]
    assert {d["full_name"] for d in result.differences if d["field"] == "coefficient"} == {"Lò Thị Bé"}


def test_the_decrees_wording_and_a_second_import_of_the_same_list(ctx, tmp_path: Path):
    from desktop.core.services.allowance_import import import_allowances

    corpus = allowance_list(tmp_path / "tro cap.xlsx")
    first = import_allowances(ctx, corpus.path)
    placed = {name for name, want in corpus.people.items() if want["codes"] is not None}
    # The generic words ("Người cao tuổi", "Khoản 6 Điều 5") cannot pay without a clause: refused by row,
    # naming the clause column, and asked in the wizard's mapping step.
    assert {p.field for p in first.rejected} == {"clause"}
    assert len({p.row for p in first.rejected}) == len(corpus.people) - len(placed)
    assert first.decisions == len(placed)
    again = import_allowances(ctx, corpus.path)
    assert (again.decisions, again.already) == (0, len(placed))  # nothing twice
    assert again.report.merged == len(placed)
    # The list's month (11/2026) is the start; the old 360,000 amounts are reported, not taken.
    lines = _lines(ctx, D(2026, 11, 1))
    assert len(lines) == len(placed)
    assert all(ln.decision["start_month"] == D(2026, 11, 1) for ln in lines.values())
    assert sum(1 for d in first.differences if d["field"] == "amount") >= len(placed) - 2


def _decision_list(path: Path) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.append(["UBND PHƯỜNG BA ĐÌNH"])
    ws.append(["DANH SÁCH ĐỐI TƯỢNG BẢO TRỢ XÃ HỘI ĐANG HƯỞNG TRỢ CẤP"])
    ws.append([])
    ws.append(["STT", "Họ và tên", "Ngày sinh", "Số CCCD", "Diện hưởng", "Số con", "Hệ số", "Mức trợ cấp",
               "Số quyết định", "Hưởng từ tháng"])
    ws.append([1, "NGUYỄN THỊ HẠNH", "12/05/1988", "001188000111", "Khoản 4 Điều 5", 2, "2", "1.080.000",
               "45/QĐ-UBND ngày 03/02/2026", "02/2026"])
    ws.append([2, "Nguyễn Thị Hạnh", "12/05/1988", "001188000111", "Người nhiễm HIV thuộc hộ nghèo", None, "1,5",
               "810.000", "46/QĐ-UBND ngày 03/02/2026", "02/2026"])
    ws.append([3, "Trần Văn Khỏe", "30/02/1950", None, "Điểm a khoản 5 Điều 5", None, "1,5", "810.000",
               "47/QĐ-UBND", "03/2026"])
    ws.append([4, "Lê Thị Mơ", "01/01/2023", None, "Trẻ em mồ côi cả cha và mẹ", None, "2,5", "1.350.000",
               "48/QĐ-UBND ngày 10/03/2026", None])
    ws.append([None, "Tổng cộng", None, None, None, None, None, "3.240.000"])
    ws.append([])
    ws.append([None, "NGƯỜI LẬP BIỂU", None, None, None, "TM. ỦY BAN NHÂN DÂN"])
    wb.save(path)
    return path


def test_a_person_on_two_rows_gets_two_decisions_and_a_bad_date_is_refused_by_row(ctx, tmp_path: Path):
    from desktop.core.services.allowance_import import import_allowances

    result = import_allowances(ctx, _decision_list(tmp_path / "doi tuong.xlsx"))
    assert [(p.row, p.column, p.field) for p in result.rejected] == [(7, "C (Ngày sinh)", "birth_date")]
    assert result.decisions == 3 and result.differences == []
    lines = _lines(ctx, D(2026, 3, 1))
    hanh = [ln for (name, _c), ln in lines.items() if name == "Nguyễn Thị Hạnh"]
    assert {ln.decision["clause"] for ln in hanh} == {"TCXH_04", "TCXH_08"}
    assert len({ln.person["id"] for ln in hanh}) == 1
    # TCXH_04 with two children (2.0) and HIV (1.5): both paid (Art. 6.3), 1,890,000 at 540,000... in 2026
    # March the standard is 500,000: 1,000,000 + 750,000.
    assert sum(ln.amount for ln in hanh) == 1_750_000
    four = next(ln for ln in hanh if ln.decision["clause"] == "TCXH_04")
    assert (four.decision["decision_no"], four.decision["decision_date"]) == ("45/QĐ-UBND", D(2026, 2, 3))
    # No "from" month: the month the decision was signed.
    assert lines[("Lê Thị Mơ", "TCXH_01")].decision["start_month"] == D(2026, 3, 1)


def test_the_command_line_twins(tmp_path: Path):
    from desktop.cli.main import run
    from tests.conftest import PASSPHRASE, make_profile

    make_profile(tmp_path / "xa")
    base = ["--data-dir", str(tmp_path / "xa"), "--user", "canbo"]
    import os

    os.environ["CTXH_PASSPHRASE"] = PASSPHRASE
    path = _decision_list(tmp_path / "ds.xlsx")
    assert run(["allowance", "import", str(path), "--json", *base]) == 1  # a row refused: exit 1, the rest in
    out = tmp_path / "chi tra 03-2026.xlsx"
    assert run(["allowance", "payments", "--month", "2026-03", "--out", str(out), *base]) == 0
    from openpyxl import load_workbook

    book = load_workbook(out)
    assert book.sheetnames == ["Chi trả trợ cấp", "Tăng giảm"]
    sheet = book["Chi trả trợ cấp"]
    values = [[c for c in row] for row in sheet.iter_rows(values_only=True)]
    total = next(row for row in values if row[1] == "Tổng cộng")
    assert total[6] == 1_750_000 + 1_250_000  # Hạnh's two groups and Lê Thị Mơ (2.5 × 500,000)
    assert any(isinstance(row[0], str) and row[0].startswith("Số tiền bằng chữ: Ba triệu") for row in values)
    assert run(["allowance", "payments", "--month", "2026-13", "--out", str(out), *base]) == 2
    from desktop.__main__ import render_pdf

    pdf = tmp_path / "chi tra.pdf"
    assert run(["allowance", "payments", "--month", "2026-03", "--out", str(pdf), *base], render_pdf=render_pdf) == 0
    assert pdf.read_bytes()[:5] == b"%PDF-" and pdf.stat().st_size > 5000


def test_allowance_list_json(tmp_path: Path, capsys):
    from desktop.cli.main import run
    from tests.conftest import PASSPHRASE, make_profile

    make_profile(tmp_path / "xa")
    import os

    os.environ["CTXH_PASSPHRASE"] = PASSPHRASE
    base = ["--data-dir", str(tmp_path / "xa"), "--user", "canbo"]
    run(["allowance", "import", str(_decision_list(tmp_path / "ds.xlsx")), "--json", *base])
    capsys.readouterr()
    assert run(["allowance", "list", "--month", "2026-03", "--json", *base]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["allowance_total"] == 3_000_000 and data["standard"] == 500_000
    assert {d["clause"] for d in data["decisions"]} == {"TCXH_04", "TCXH_08", "TCXH_01"}
