"""Workbooks shaped like the ones communes keep today, made by the tests (nothing binary is committed)."""

from __future__ import annotations

import datetime as dt
import random
import unicodedata
import zipfile
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from desktop.core.services.demo import Names


def messy_roster(path: Path) -> Path:
    """Title rows, merged cells, a split "Năm sinh: Nam | Nữ" header, a column-number row, blank rows,
    year-only and text dates, a person twice, bad values, a formula, a footer."""
    wb = Workbook()
    ws = wb.active
    ws.title = "DS CTV"
    ws["A1"] = "UBND PHƯỜNG BA ĐÌNH"
    ws["A2"] = "DANH SÁCH CỘNG TÁC VIÊN CÔNG TÁC XÃ HỘI NĂM 2026"
    ws.merge_cells("A2:I2")
    ws["A2"].font = Font(bold=True)
    ws["A2"].alignment = Alignment(horizontal="center")
    headers = ["STT", "Họ và tên", "Năm sinh", None, "Số CCCD", "Số điện thoại", "Trình độ", "Chức danh", "Ghi chú"]
    for col, text in enumerate(headers, start=1):
        ws.cell(4, col, text)
    ws.merge_cells("C4:D4")
    ws.cell(5, 3, "Nam")
    ws.cell(5, 4, "Nữ")
    for col in range(1, 10):
        ws.cell(6, col, f"({col})")
    rows = [
        # name, male year/date, female year/date, cccd, phone, level, position, notes
        ("Nguyễn Văn An", 1985, None, "001085012345", "0912345678", "Đại học", "Cộng tác viên", ""),
        ("Trần Thị Bình", None, "05/03/1990", "001190023456", 912345679, "ĐH", "Cộng tác viên", ""),
        (unicodedata.normalize("NFD", "Lê Thị Hồng Đào"), None, dt.datetime(1992, 7, 15), 1192034567,
         "0987 654 321", "Cao đẳng", "CTV", "CCCD mất số 0 đầu"),
        (None, None, None, None, None, None, None, None),  # a blank row in the middle
        ("Phạm Văn Cường", 1978, None, "001078045678", "0905111222", "Thạc sĩ", "Cộng tác viên", ""),
        ("Nguyễn Văn An", 1985, None, "001085012345", "0912345678", "Đại học", "Cộng tác viên", "nhập trùng"),
        ("Đỗ Thị Mai", None, "31/02/1995", "00119501", "12345", "Trung cấp", "Cộng tác viên", ""),  # 3 errors
        ("Hoàng Văn Đức", "=1980+1", None, "001081056789", "0933444555", "Đại học", "Cộng tác viên", ""),
        ("Vũ Thị Lan", None, 1988, "001188067890", "0944555666", "Kỹ sư", "Cộng tác viên", ""),
    ]
    r = 7
    for row in rows:
        for col, value in enumerate(row, start=2):
            ws.cell(r, col, value)
        if row[0]:
            ws.cell(r, 1, r - 6)
        r += 1
    ws.cell(r + 1, 2, "Tổng cộng: 8 người")
    ws.cell(r + 3, 8, "Người lập biểu")
    wb.save(path)
    return with_cached_values(path, {"1980+1": "1981"})


def with_cached_values(path: Path, values: dict[str, str]) -> Path:
    """Give formula cells the value Excel would have stored beside them (openpyxl writes none)."""
    with zipfile.ZipFile(path) as src:
        members = [(item, src.read(item.filename)) for item in src.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for item, data in members:
            if item.filename.startswith("xl/worksheets/"):
                text = data.decode()
                for formula, value in values.items():
                    text = text.replace(f"<f>{formula}</f><v />", f"<f>{formula}</f><v>{value}</v>")
                data = text.encode()
            dst.writestr(item, data)
    return path


def large_roster(path: Path, rows: int, seed: int = 1) -> Path:
    """A plain roster of `rows` people (the benchmark's and the volume test's file)."""
    rng = random.Random(seed)
    names = Names(rng)
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Danh sách")
    ws.append(["DANH SÁCH ĐỘI NGŨ CÔNG TÁC XÃ HỘI"])
    ws.append([])
    ws.append(["STT", "Họ và tên", "Giới tính", "Ngày sinh", "Số CCCD", "Số điện thoại", "Loại nhân lực",
               "Trình độ", "Chuyên ngành", "Ngày bắt đầu"])
    for i in range(1, rows + 1):
        full_name, gender = names.person()
        birth = dt.date(1960, 1, 1) + dt.timedelta(days=rng.randrange(40 * 365))
        ws.append([i, full_name, "Nam" if gender == "NAM" else "Nữ", birth, f"{rng.randint(1, 96):03d}{i:09d}",
                   f"09{rng.randrange(10**8):08d}", rng.choice(["Cộng tác viên", "Chuyên trách", "Kiêm nhiệm"]),
                   rng.choice(["Đại học", "Cao đẳng", "Trung cấp"]), "Công tác xã hội",
                   (birth + dt.timedelta(days=25 * 365)).strftime("%d/%m/%Y")])
    wb.save(path)
    return path


def with_member(source: Path, target: Path, member: str, data: bytes = b"<x/>") -> Path:
    """A copy of a workbook with one more zip member (a macro project, an external link…)."""
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(target, "w") as dst:
        for item in src.infolist():
            dst.writestr(item, src.read(item.filename))
        dst.writestr(member, data)
    return target


def beneficiary_list(path: Path) -> Path:
    """A commune's list of children in special circumstances and other people: title rows, groups written
    as labels with ";" and ",", a person twice, a bad date, an unknown group, a footer."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Danh sách"
    ws["A1"] = "UBND PHƯỜNG BA ĐÌNH"
    ws["A2"] = "DANH SÁCH TRẺ EM CÓ HOÀN CẢNH ĐẶC BIỆT VÀ ĐỐI TƯỢNG BẢO TRỢ XÃ HỘI"
    headers = ["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Số định danh", "Địa chỉ", "Người chăm sóc",
               "Nhóm đối tượng", "Ngày tiếp nhận", "Hoàn cảnh"]
    for col, text in enumerate(headers, start=1):
        ws.cell(4, col, text)
    rows = [
        ("Nguyễn Văn Bé", "01/02/2016", "Nam", "001216012345", "Tổ 5", "Nguyễn Thị Mẹ", "Trẻ khuyết tật; hộ nghèo",
         "05/01/2026", "Bại não, cần phục hồi chức năng"),
        ("Trần Thị Na", dt.datetime(2012, 5, 3), "Nữ", None, "Tổ 7", "Bà ngoại", "Mồ côi, tự kỷ", "10/02/2026", ""),
        ("Lê Văn Cụ", 1940, "Nam", "001040099999", "Tổ 2", None, "Người cao tuổi", None, "Sống một mình"),
        ("Nguyễn Văn Bé", "01/02/2016", "Nam", "001216012345", "Tổ 5", None, "Trẻ khuyết tật", None, "nhập trùng"),
        ("Phạm Thị Lỗi", "30/02/2015", "Nữ", None, "Tổ 9", None, "Trẻ có hoàn cảnh lạ", None, ""),
    ]
    for r, row in enumerate(rows, start=5):
        ws.cell(r, 1, r - 4)
        for col, value in enumerate(row, start=2):
            ws.cell(r, col, value)
    ws.cell(11, 2, "Tổng cộng: 5")
    wb.save(path)
    return path
