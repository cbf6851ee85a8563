"""The communes' own lists, in the shapes they keep them: made here by real writers (openpyxl for .xlsx, xlwt for
Excel 97–2003 .xls, odfpy for .ods), each with the people it must yield, the rows it must refuse and the
footer lines it must ignore. Nothing binary is committed."""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

# The wording of ND 20/2021 Art. 5 as commune allowance lists write it, and the code each must give (a tuple of
# codes a phrase names together; None where the list's word is generic and must be asked).
ALLOWANCE_GROUPS: list[tuple[str, tuple[str, ...] | None]] = [
    ("Người cao tuổi từ đủ 80 tuổi…", ("TCXH_05C",)),
    ("Người khuyết tật đặc biệt nặng", ("TCXH_06_DBN",)),
    ("Trẻ em mồ côi cả cha và mẹ", ("TCXH_01", "HCDB_A")),
    ("Người đơn thân nghèo nuôi con", ("TCXH_04",)),
    ("Trẻ em bị bỏ rơi", ("TCXH_01", "HCDB_B")),
    ("Người khuyết tật nặng", ("TCXH_06_NANG",)),
    ("NKT ĐBN", ("TCXH_06_DBN",)),
    ("NCT cô đơn thuộc hộ nghèo", ("TCXH_05A",)),
    ("Người từ đủ 80 tuổi trở lên không có lương hưu, trợ cấp BHXH", ("TCXH_05C",)),
    ("Trẻ em nhiễm HIV/AIDS thuộc hộ nghèo", ("TCXH_03", "HCDB_DD")),
    ("Người nhiễm HIV thuộc hộ nghèo", ("TCXH_08",)),
    ("Khoản 6 Điều 5", None),
    ("Người cao tuổi", None),
    ("Người khuyết tật", None),
    ("điểm c khoản 5 Điều 5", ("TCXH_05C",)),
    ("Trẻ em dưới 3 tuổi thuộc hộ nghèo", ("TCXH_07",)),
    ("Người khuyết tật đặt biệt nặng", ("TCXH_06_DBN",)),  # a typo (đặt for đặc)
    ("NKT nặng", ("TCXH_06_NANG",)),
    ("Người đơn thân nghèo đang nuôi con", ("TCXH_04",)),
    ("Trẻ em không có nguồn nuôi dưỡng", ("TCXH_01",)),
    ("Người cao tuổi từ đủ 75 tuổi đến 80 tuổi", ("TCXH_05B",)),
    ("Người cao tuổi được nhận chăm sóc tại cộng đồng", ("TCXH_05D",)),
    ("Người từ 16 đến 22 tuổi đang đi học", ("TCXH_02",)),
    ("Mồ côi cả cha lẫn mẹ", ("TCXH_01", "HCDB_A")),
    ("Người khuyết tật đặc biệt nặng", ("TCXH_06_DBN",)),
]
GIVEN = ["An", "Bình", "Cúc", "Dũng", "Đào", "Giang", "Hà", "Hùng", "Khánh", "Lan", "Mai", "Nam", "Oanh", "Phúc",
         "Quế", "Sơn", "Tâm", "Uyên", "Vinh", "Xuân", "Yến", "Ánh", "Bảo", "Chi", "Duy"]


@dataclass
class Corpus:
    """A list file and what it must give."""

    path: Path
    people: dict[str, dict[str, Any]] = field(default_factory=dict)  # name -> fields it must carry
    refused: dict[int, str] = field(default_factory=dict)  # Excel row -> field refused
    footer: list[str] = field(default_factory=list)  # names written in the footer: never imported
    asked: set[str] = field(default_factory=set)  # values the mapping step must ask about


def _allowance_rows() -> list[list[Any]]:
    rows = []
    for i, ((group, _codes), given) in enumerate(zip(ALLOWANCE_GROUPS, GIVEN, strict=True), start=1):
        year = 1930 + i if "cao tuổi" in group.lower() or "80" in group else 2010 + i % 12
        rows.append([i, f"Nguyễn Văn {given}", f"{(i % 27) + 1:02d}/0{(i % 9) + 1}/{year}",
                     "Nam" if i % 2 else "Nữ", f"0012{i:08d}", f"Thôn {i % 5 + 1}", group, "360.000"])
    return rows


def allowance_list(path: Path) -> Corpus:
    """A monthly-allowance list (ND 20/2021): a title block, a two-row header (a merged group header over
    "Diện đối tượng | Mức hưởng"), the decree's wording of every group, a subtotal and a signature block
    with the preparer's name under it."""
    wb = Workbook()
    ws = wb.active
    ws.title = "DS huong TCXH"
    ws["A1"] = "ỦY BAN NHÂN DÂN XÃ TÂN PHÚ"
    ws["E1"] = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    ws["E2"] = "Độc lập - Tự do - Hạnh phúc"
    ws["A4"] = "DANH SÁCH ĐỐI TƯỢNG HƯỞNG TRỢ CẤP XÃ HỘI HẰNG THÁNG THÁNG 11 NĂM 2026"
    ws.merge_cells("A4:H4")
    ws["A4"].font = Font(bold=True)
    ws["A4"].alignment = Alignment(horizontal="center")
    top = ["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Số định danh cá nhân", "Địa chỉ", "Thông tin trợ cấp",
           None]
    below = [None, None, None, None, None, None, "Diện đối tượng", "Mức hưởng (đồng)"]
    for col, (a, b) in enumerate(zip(top, below, strict=True), start=1):
        ws.cell(6, col, a)
        ws.cell(7, col, b)
    ws.merge_cells("G6:H6")
    for col in range(1, 6 + 1):
        ws.merge_cells(start_row=6, start_column=col, end_row=7, end_column=col)
    corpus = Corpus(path)
    r = 8
    for row in _allowance_rows():
        for col, value in enumerate(row, start=1):
            ws.cell(r, col, value)
        r += 1
    ws.cell(r, 1, "Tổng cộng: 25 người")
    ws.cell(r, 8, "9.000.000")
    ws.cell(r + 2, 6, "Tân Phú, ngày 20 tháng 11 năm 2026")
    ws.cell(r + 3, 2, "NGƯỜI LẬP BIỂU")
    ws.cell(r + 3, 6, "TM. ỦY BAN NHÂN DÂN")
    ws.cell(r + 4, 6, "CHỦ TỊCH")
    ws.cell(r + 4, 2, "(Ký, ghi rõ họ tên)")
    ws.cell(r + 7, 2, "Trần Thị Lập")
    ws.cell(r + 7, 6, "Lê Văn Chủ")
    wb.save(path)
    for (group, codes), given in zip(ALLOWANCE_GROUPS, GIVEN, strict=True):
        corpus.people[f"Nguyễn Văn {given}"] = {"codes": codes, "written": group}
        if codes is None:
            corpus.asked.add(group)
    corpus.footer = ["Trần Thị Lập", "Lê Văn Chủ", "NGƯỜI LẬP BIỂU", "CHỦ TỊCH"]
    return corpus


def tcvn3(text: str) -> str:
    """Unicode text as a .VnTime cell holds it (glibc's TCVN5712-1, read as Windows-1252 by Excel). TCVN3 has
    no accented capitals: a typist writes them with the lower-case bytes (the .VnTimeH font draws those as
    capitals), so they are lowered here as the typist's keyboard driver did."""
    import subprocess

    typed = "".join(c if c.isascii() else c.lower() for c in text)
    return subprocess.run(["iconv", "-f", "UTF-8", "-t", "TCVN5712-1"], input=typed.encode(), capture_output=True,
                          check=True).stdout.decode("latin-1")


def xls_roster_tcvn3(path: Path) -> Corpus:
    """An Excel 97–2003 roster typed in .VnTime (TCVN3): title, header, people, a footer; made by xlwt."""
    import xlwt

    book = xlwt.Workbook(encoding="cp1252")
    sheet = book.add_sheet("CTV")
    style = xlwt.easyxf("font: name .VnTime")
    people = [("Nguyễn Văn Hùng", "12/05/1980", "001080012345", "Đại học", "Cộng tác viên"),
              ("Lê Thị Hồng Đào", "03/09/1991", "001191023456", "Trung cấp", "Cộng tác viên"),
              ("Phạm Ngọc Ánh", "1975", "001075034567", "THPT", "Tình nguyện viên"),
              ("Trần Thị Bình", "31/02/1990", "001190045678", "Cao đẳng", "Cộng tác viên")]
    sheet.write(0, 0, tcvn3("UBND XÃ AN BÌNH"), style)
    sheet.write(1, 0, tcvn3("DANH SÁCH CỘNG TÁC VIÊN CÔNG TÁC XÃ HỘI"), style)
    for col, text in enumerate(["STT", "Họ và tên", "Ngày sinh", "Số CCCD", "Trình độ", "Loại"]):
        sheet.write(3, col, tcvn3(text), style)
    for i, person in enumerate(people, start=1):
        sheet.write(3 + i, 0, i)
        for col, value in enumerate(person, start=1):
            sheet.write(3 + i, col, tcvn3(value) if col != 3 else value, style)
    sheet.write(9, 1, tcvn3("Người lập biểu"), style)
    sheet.write(12, 1, tcvn3("Hoàng Văn Lập"), style)
    book.save(str(path))
    corpus = Corpus(path, footer=["Hoàng Văn Lập"])
    corpus.people = {"Nguyễn Văn Hùng": {"education_level": "DAI_HOC"},
                     "Lê Thị Hồng Đào": {"education_level": "TRUNG_CAP"},
                     "Phạm Ngọc Ánh": {"general_education": "THPT", "education_level": None, "category": "TNV"}}
    corpus.refused = {8: "birth_date"}
    return corpus


def ods_beneficiaries_vni(path: Path) -> Corpus:
    """A LibreOffice .ods beneficiary list typed in VNI-Times, made by odfpy."""
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.style import Style, TextProperties
    from odf.table import Table, TableCell, TableRow
    from odf.text import P

    doc = OpenDocumentSpreadsheet()
    font = Style(name="vni", family="table-cell")
    font.addElement(TextProperties(fontname="VNI-Times"))
    doc.automaticstyles.addElement(font)
    table = Table(name="Danh sach")

    def row(values: Sequence[Any]) -> None:
        tr = TableRow()
        for value in values:
            if value is None:
                tr.addElement(TableCell())
                continue
            cell = TableCell(valuetype="string", stylename=font)
            cell.addElement(P(text=str(value)))
            tr.addElement(cell)
        table.addElement(tr)

    row(["DANH SAÙCH TREÛ EM COÙ HOAØN CAÛNH ÑAËC BIEÄT"])
    row([])
    row(["STT", "Hoï vaø teân", "Ngaøy sinh", "Giôùi tính", "Nhoùm ñoái töôïng"])
    row(["1", "Nguyeãn Vaên Beù", "01/02/2016", "Nam", "Treû em moà coâi caû cha vaø meï"])
    row(["2", "Traàn Thò Na", "05/06/2014", "Nöõ", "Treû em khuyeát taät"])
    row(["3", "Leâ Vaên Tí", "10/10/2013", "Nam", "Treû em bò boû rôi"])
    row(["Toång coäng: 3"])
    row([None, "Ngöôøi laäp bieåu"])
    row([None, "Phaïm Vaên Laäp"])
    doc.spreadsheet.addElement(table)
    doc.save(str(path))
    corpus = Corpus(path, footer=["Phạm Văn Lập"])
    corpus.people = {"Nguyễn Văn Bé": {"codes": ("TCXH_01", "HCDB_A")}, "Trần Thị Na": {"codes": ("HCDB_D",)},
                     "Lê Văn Tí": {"codes": ("TCXH_01", "HCDB_B")}}
    return corpus


def roster_shapes(path: Path) -> Corpus:
    """A roster as many communes keep it: a hidden column, CCCD typed as numbers (leading zero lost), dates in
    every form, "THPT" and "12/12" under "Trình độ", a subtotal, the signature block of the commune chair."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Nhan luc"
    ws.append(["UBND PHƯỜNG HÒA BÌNH"])
    ws.append(["DANH SÁCH ĐỘI NGŨ CÔNG TÁC XÃ HỘI"])
    ws.append([])
    ws.append(["TT", "Họ và tên", "Mã nội bộ", "Ngày sinh", "Số CCCD", "Trình độ", "Học vấn", "Loại nhân lực"])
    ws.column_dimensions["C"].hidden = True
    ws.append([1, "Đặng Văn Minh", "NB01", dt.date(1985, 3, 4), 1085012345, "Đại học", "12/12", "Chuyên trách"])
    ws.append([2, "Võ Thị Thu", "NB02", "4/7/1990", 1190012345, "12/12", None, "Cộng tác viên"])
    ws.append([3, "Bùi Quang Huy", "NB03", 33000, "001088012345", "Thạc sĩ", "THPT", "Kiêm nhiệm"])
    ws.append([4, "Mạc Thị Lụa", "NB04", "1992", "079192012345", "Sư phạm mầm non", "9/12", "Cộng tác viên"])
    ws.append([5, "Lý Văn Sai", "NB05", "1992", "12345", "Trung cấp", None, "Cộng tác viên"])
    ws.append([None, "Cộng: 5 người"])
    ws.append([])
    ws.append([None, None, None, None, None, "KT. CHỦ TỊCH"])
    ws.append([None, None, None, None, None, "PHÓ CHỦ TỊCH"])
    ws.append([None, "Nguyễn Thị Ký", None, None, None, "Trần Văn Duyệt"])
    wb.save(path)
    corpus = Corpus(path, footer=["Nguyễn Thị Ký", "Trần Văn Duyệt"], refused={9: "national_id"})
    corpus.people = {
        "Đặng Văn Minh": {"education_level": "DAI_HOC", "general_education": "THPT", "national_id": "001085012345"},
        "Võ Thị Thu": {"education_level": None, "general_education": "THPT", "birth_date": dt.date(1990, 7, 4)},
        "Bùi Quang Huy": {"education_level": "THAC_SI", "general_education": "THPT",
                          "birth_date": dt.date(1990, 5, 7), "category": "KHONG_CHUYEN_TRACH"},
        "Mạc Thị Lụa": {"general_education": "THCS", "education_level": None,
                        "as_written": {"education_level": "Sư phạm mầm non"}},
    }
    corpus.asked = {"Sư phạm mầm non"}
    return corpus


def nfc(text: str) -> str:
    """NFC, as every name is stored."""
    return unicodedata.normalize("NFC", text)


def class_list(path: Path) -> Corpus:
    """A training class list as the organiser sends it back: the course in the title block, attendees with
    CCCD or name and birth date, certificate numbers and results, one attendee from another commune."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Hoc vien"
    ws.append(["SỞ Y TẾ TỈNH AN GIANG"])
    ws.append(["DANH SÁCH HỌC VIÊN LỚP TẬP HUẤN NGHIỆP VỤ CÔNG TÁC XÃ HỘI CẤP XÃ NĂM 2026"])
    ws.append(["Thời gian: từ ngày 10/11/2026 đến ngày 12/11/2026"])
    ws.append(["Địa điểm: Hội trường UBND xã Tân Phú"])
    ws.append([])
    ws.append(["STT", "Họ và tên học viên", "Ngày sinh", "Số CCCD", "Đơn vị công tác", "Số chứng chỉ", "Kết quả"])
    ws.append([1, "Nguyễn Văn An", "01/02/1985", "001085012345", "UBND xã Tân Phú", "TH-2026-001", "Hoàn thành"])
    ws.append([2, "trần thị bình", "05/03/1990", None, "UBND xã Tân Phú", "TH-2026-002", "Đạt"])
    ws.append([3, "Người Xã Khác", "07/07/1977", "089077012345", "UBND xã Phú Hòa", "TH-2026-003", "Hoàn thành"])
    ws.append([4, "Nguyễn Văn An", "01/02/1985", "001085012345", "UBND xã Tân Phú", "TH-2026-001", "Hoàn thành"])
    ws.append([None, "Tổng số: 4 học viên"])
    ws.append([None, None, None, None, "GIÁM ĐỐC"])
    ws.append([None, None, None, None, "Lê Văn Giám"])
    wb.save(path)
    return Corpus(path, footer=["Lê Văn Giám"])


def xls_allowance_by_village(path: Path) -> Corpus:
    """An Excel 97–2003 allowance list grouped by village and by group: section rows ("I. NGƯỜI CAO TUỔI",
    "Thôn 1"), a subtotal under each village ("Cộng thôn 1"), dates as text with dots, years alone and Excel
    date cells, the decree's clause numbers as the group; made by xlwt."""
    import xlwt

    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("T11")
    date_style = xlwt.easyxf(num_format_str="DD/MM/YYYY")
    rows: list[list[Any]] = [
        ["UBND XÃ PHÚ HÒA"], ["DANH SÁCH CHI TRẢ TRỢ CẤP XÃ HỘI THÁNG 11/2026"], [],
        ["STT", "Họ và tên", "Năm sinh", "Số CCCD", "Diện hưởng", "Hệ số", "Số tiền"],
        ["I. NGƯỜI CAO TUỔI"],
        ["Thôn 1"],
        [1, "Hà Văn Cả", "15.03.1941", "001041000001", "Điểm c khoản 5 Điều 5", 1.0, 500000],
        [2, "Lò Thị Bé", "1944", "001144000002", "Điểm a khoản 5 Điều 5", 1.5, 750000],
        [None, "Cộng thôn 1", None, None, None, None, 1250000],
        ["Thôn 2"],
        [3, "Vi Văn Ba", dt.date(1946, 2, 1), "001046000003", "NCT từ đủ 80 tuổi", 1.0, 500000],
        [None, "Cộng thôn 2", None, None, None, None, 500000],
        ["II. NGƯỜI KHUYẾT TẬT"],
        [4, "Đinh Thị Tư", "02/09/1990", "001190000004", "Khoản 6 Điều 5 (ĐBN)", 2.0, 1000000],
        [5, "Mùa A Năm", "1988", "001088000005", "NKT nặng", 1.5, 750000],
        [None, "Tổng cộng", None, None, None, None, 2500000],
        [], [None, None, None, None, "Phú Hòa, ngày 25 tháng 11 năm 2026"],
        [None, "Người lập", None, None, "CHỦ TỊCH"], [], [None, "Nông Văn Lập", None, None, "Hoàng Chủ Tịch"],
    ]
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if value is None:
                continue
            if isinstance(value, dt.date):
                sheet.write(r, c, value, date_style)
            else:
                sheet.write(r, c, value)
    book.save(str(path))
    corpus = Corpus(path, footer=["Nông Văn Lập", "Hoàng Chủ Tịch", "Thôn 1", "Thôn 2", "I. NGƯỜI CAO TUỔI"])
    corpus.people = {
        "Hà Văn Cả": {"codes": ("TCXH_05C",), "birth_date": dt.date(1941, 3, 15)},
        "Lò Thị Bé": {"codes": ("TCXH_05A",), "birth_date": dt.date(1944, 1, 1)},
        "Vi Văn Ba": {"codes": ("TCXH_05C",), "birth_date": dt.date(1946, 2, 1)},
        "Đinh Thị Tư": {"codes": None},  # "Khoản 6 Điều 5 (ĐBN)": asked, with its two levels
        "Mùa A Năm": {"codes": ("TCXH_06_NANG",)},
    }
    return corpus


def ods_roster_two_fields(path: Path) -> Corpus:
    """A LibreOffice roster with the school level and the qualification in two columns, written the many ways
    communes do ("9/12", "12/12", "ĐH CTXH", "Trung cấp CTXH", "Cử nhân Luật"); made by odfpy."""
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableCell, TableRow
    from odf.text import P

    doc = OpenDocumentSpreadsheet()
    table = Table(name="Doi ngu")
    rows = [
        ["DANH SÁCH CÁN BỘ, CỘNG TÁC VIÊN CÔNG TÁC XÃ HỘI"], [],
        ["STT", "Họ và tên", "Ngày sinh", "Trình độ văn hóa", "Trình độ chuyên môn", "Chứng chỉ CTXH",
         "Loại nhân lực"],
        ["1", "Lục Văn Một", "01/01/1980", "12/12", "ĐH CTXH", "", "Chuyên trách"],
        ["2", "Ma Thị Hai", "02/02/1985", "9/12", "Trung cấp CTXH", "Chứng chỉ nghiệp vụ CTXH", "Cộng tác viên"],
        ["3", "Sầm Văn Ba", "03/03/1990", "12/12", "Cử nhân Luật", "Tập huấn", "Kiêm nhiệm"],
        ["4", "Hứa Thị Bốn", "04/04/1995", "Tốt nghiệp THPT", "Chưa qua đào tạo", "", "Tình nguyện viên"],
    ]
    for values in rows:
        tr = TableRow()
        for value in values:
            cell = TableCell(valuetype="string") if value else TableCell()
            if value:
                cell.addElement(P(text=value))
            tr.addElement(cell)
        table.addElement(tr)
    doc.spreadsheet.addElement(table)
    doc.save(str(path))
    corpus = Corpus(path)
    corpus.people = {
        "Lục Văn Một": {"general_education": "THPT", "education_level": "DAI_HOC", "category": "CHUYEN_TRACH"},
        "Ma Thị Hai": {"general_education": "THCS", "education_level": "TRUNG_CAP",
                       "sw_qualification": "CC_NGHIEP_VU_CTXH"},
        "Sầm Văn Ba": {"general_education": "THPT", "education_level": "DAI_HOC", "major": "Luật",
                       "sw_qualification": "TAP_HUAN_NGAN_HAN", "category": "KHONG_CHUYEN_TRACH"},
        "Hứa Thị Bốn": {"general_education": "THPT", "education_level": "CHUA_DAO_TAO", "category": "TNV"},
    }
    return corpus


CHILDREN_LAW = [  # Luật Trẻ em Art. 10 letters, as child-protection lists write them
    ("Trẻ em mồ côi cả cha và mẹ", {"HCDB_A", "TCXH_01"}), ("Trẻ em bị bỏ rơi", {"HCDB_B", "TCXH_01"}),
    ("Trẻ em không nơi nương tựa", {"HCDB_C"}), ("Trẻ em khuyết tật", {"HCDB_D"}),
    ("Trẻ em nhiễm HIV/AIDS", {"HCDB_DD"}), ("Trẻ em vi phạm pháp luật", {"HCDB_E"}),
    ("Trẻ em nghiện ma túy", {"HCDB_G"}), ("Trẻ em phải bỏ học kiếm sống chưa hoàn thành phổ cập THCS", {"HCDB_H"}),
    ("Trẻ em bị tổn hại nghiêm trọng về thể chất và tinh thần do bị bạo lực", {"HCDB_I"}),
    ("Trẻ em bị bóc lột", {"HCDB_K"}), ("Trẻ em bị xâm hại tình dục", {"HCDB_L"}), ("Trẻ em bị mua bán", {"HCDB_M"}),
    ("Trẻ em mắc bệnh hiểm nghèo thuộc hộ nghèo", {"HCDB_N"}),
    ("Trẻ em di cư, lánh nạn chưa xác định được cha mẹ", {"HCDB_O"}),
    ("Điểm a khoản 1 Điều 10", {"HCDB_A"}), ("TE khuyết tật; hộ nghèo", {"HCDB_D", "HO_NGHEO"}),
    ("Trẻ tự kỷ + hộ cận nghèo", {"TU_KY", "HO_NGHEO"}),
]


def children_list(path: Path) -> Corpus:
    """A commune's list of children in special circumstances in the Children Law's own words (Art. 10), several
    groups to a cell, on the second sheet (the first is a hidden template)."""
    wb = Workbook()
    hidden = wb.active
    hidden.title = "Mau"
    hidden.append(["Họ và tên", "Ngày sinh", "Nhóm"])
    hidden.append(["Mẫu Không Nhập", "01/01/2015", "Trẻ em khuyết tật"])
    hidden.sheet_state = "hidden"
    ws = wb.create_sheet("TE HCDB")
    ws.append(["DANH SÁCH TRẺ EM CÓ HOÀN CẢNH ĐẶC BIỆT (Điều 10 Luật Trẻ em)"])
    ws.append(["STT", "Họ và tên trẻ", "Ngày sinh", "Giới tính", "Nhóm hoàn cảnh đặc biệt", "Họ tên cha/mẹ"])
    corpus = Corpus(path, footer=["Mẫu Không Nhập"])
    for i, (group, codes) in enumerate(CHILDREN_LAW, start=1):
        name = f"Trẻ Thứ {GIVEN[i % len(GIVEN)]} {i}"
        ws.append([i, name, f"{i % 27 + 1:02d}/{i % 12 + 1:02d}/{2010 + i % 6}", "Nam" if i % 2 else "Nữ", group,
                   f"Cha Mẹ {i}"])
        corpus.people[name] = {"codes": codes}
    wb.save(path)
    return corpus


def vni_roster_xlsx(path: Path) -> Corpus:
    """An .xlsx roster typed in the VNI-Times font: the font names the encoding even where a cell alone
    would read as Unicode ("Hoà" is "Hồ" there)."""
    from openpyxl.styles import Font

    wb = Workbook()
    ws = wb.active
    ws.title = "CTV"
    vni = Font(name="VNI-Times")
    lines = [["DANH SAÙCH COÄNG TAÙC VIEÂN"], [],
             ["STT", "Hoï vaø teân", "Naêm sinh", "Trình ñoä", "Loaïi"],
             [1, "Hoà Thò Ngoïc Aùnh", 1990, "Ñaïi hoïc", "Coäng taùc vieân"],
             [2, "Nguyeãn Vaên Hoà", 1985, "Cao ñaúng", "Coäng taùc vieân"]]
    for values in lines:
        ws.append(values)
    for row in ws.iter_rows():
        for cell in row:
            cell.font = vni
    wb.save(path)
    corpus = Corpus(path)
    corpus.people = {"Hồ Thị Ngọc Ánh": {"education_level": "DAI_HOC"},
                     "Nguyễn Văn Hồ": {"education_level": "CAO_DANG"}}
    return corpus
