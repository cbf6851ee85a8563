"""A report laid out as the paper the district receives: the unit and the national motto, the title and the
period, numbered tables (this period, the period before, the target), and the signature block. As rows for
the window's preview, as an .xlsx on A4 and as HTML that Qt prints to PDF.

A report that leaves the commune (a file) hides counts of people in hardship from 1 to 4 as "<5", with
complementary suppression (desktop/core/domain/small_cells.py); the commune's own screen shows them exactly.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from html import escape
from pathlib import Path
from typing import Any

from desktop.core.context import AppContext
from desktop.core.domain.report_rules import Figure
from desktop.core.domain.small_cells import HIDDEN, hidden_cells, is_small, share_hidden
from desktop.core.reference_data import CodeBook
from desktop.core.services.reports import Report

MOTTO = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")
_COUNT = re.compile(r"\d{1,3}(?:\.\d{3})*")  # 12, 1.234: a count as the report prints it in Vietnamese


@dataclass(frozen=True)
class Line:
    """One line of a report: a figure, or (with `code_list`) a table of the figures under `key`."""

    number: str
    key: str
    label: tuple[str, str]
    unit: tuple[str, str] = ("người", "people")
    code_list: str | None = None


@dataclass(frozen=True)
class Section:
    """A numbered part of a report."""

    number: str
    title: tuple[str, str]
    lines: tuple[Line, ...]


PEOPLE = ("người", "people")
CASES = ("hồ sơ", "cases")
TIMES = ("lượt", "times")
SHARE = ("%", "%")
STAFF_SECTION = Section("I", ("NHÂN LỰC CÔNG TÁC XÃ HỘI", "SOCIAL-WORK STAFF"), (
    Line("1", "staff.total", ("Tổng số người làm công tác xã hội cuối kỳ", "Staff and collaborators at the end")),
    Line("1.1", "staff.by_category", ("Chia theo loại", "By category"), code_list="worker_category"),
    Line("1.2", "staff.by_training_level", ("Chia theo trình độ đào tạo CTXH", "By social-work training"),
         code_list="training_level"),
    Line("2", "staff.trained_in_period", ("Được đào tạo, bồi dưỡng, tập huấn trong kỳ", "Trained in the period")),
    Line("3", "P4", ("Tỷ lệ đã qua đào tạo, bồi dưỡng (chỉ tiêu 4, QĐ 112)", "Share trained (P4)"), SHARE),
    Line("4", "collaborators", ("Cộng tác viên CTXH cuối kỳ", "Collaborators at the end")),
    Line("5", "allowance_at_least_base", ("Tháng-người cộng tác viên được phụ cấp ≥ mức lương cơ sở",
                                          "Collaborator-months paid at least the base salary"), SHARE),
))
CASE_SECTION = Section("II", ("QUẢN LÝ TRƯỜNG HỢP (TT 02/2020)", "CASE MANAGEMENT (TT 02/2020)"), (
    Line("1", "cases.opened", ("Hồ sơ tiếp nhận mới trong kỳ", "Cases opened in the period"), CASES),
    Line("1.1", "cases.opened.by_group", ("Chia theo nhóm đối tượng", "By group"), CASES, "target_group"),
    Line("2", "cases.open_at_end", ("Hồ sơ đang quản lý cuối kỳ", "Cases open at the end"), CASES),
    Line("2.1", "cases.open_at_end.by_group", ("Chia theo nhóm đối tượng", "By group"), CASES, "target_group"),
    Line("2.2", "cases.open_at_end.by_step", ("Chia theo bước", "By step"), CASES, "case_step"),
    Line("3", "cases.closed", ("Hồ sơ kết thúc trong kỳ", "Cases closed in the period"), CASES),
    Line("3.1", "cases.closed.by_reason", ("Chia theo lý do kết thúc", "By reason"), CASES, "closure_reason"),
))
CHILD_SECTION = Section("III", ("BẢO VỆ TRẺ EM (NĐ 56/2017)", "CHILD PROTECTION (ND 56/2017)"), (
    Line("1", "child.emergency_within_12h", ("Trẻ em bị tổn hại nghiêm trọng được can thiệp khẩn cấp trong 12 giờ",
                                             "Emergencies handled within 12 hours"), SHARE),
    Line("2", "child.plan_within_5_days", ("Kế hoạch hỗ trợ, can thiệp lập trong 5 ngày làm việc",
                                           "Plans made within 5 working days"), SHARE),
    Line("3", "child.approved_within_2_days", ("Kế hoạch được phê duyệt trong 2 ngày làm việc",
                                               "Plans approved within 2 working days"), SHARE),
))
SERVICE_SECTION = Section("IV", ("DỊCH VỤ CÔNG TÁC XÃ HỘI", "SOCIAL-WORK SERVICES"), (
    Line("1", "services.total", ("Lượt dịch vụ đã cung cấp trong kỳ", "Services delivered in the period"), TIMES),
    Line("1.1", "services.by_type", ("Chia theo loại dịch vụ", "By type"), TIMES, "service_type"),
    Line("2", "people.supported", ("Số người được tư vấn, trợ giúp", "People counselled or supported")),
    Line("3", "people.counselled", ("Trong đó: được tư vấn, tham vấn", "Of whom counselled")),
    Line("4", "people.counselled_vs_baseline", ("Số người được tư vấn, tham vấn so với năm gốc",
                                                "People counselled against the baseline year"), SHARE),
    Line("5", "referrals.made", ("Lượt chuyển tuyến, kết nối dịch vụ", "Referrals made"), TIMES),
))
TRAINING_SECTION = Section("V", ("ĐÀO TẠO, TẬP HUẤN", "TRAINING"), (
    Line("1", "training.classes", ("Lớp đào tạo, bồi dưỡng, tập huấn kết thúc trong kỳ", "Classes ended"),
         ("lớp", "classes")),
    Line("2", "training.attendances", ("Lượt người tham gia", "Person-attendances"), TIMES),
))
P112_SECTION = Section("", ("CHỈ TIÊU CHƯƠNG TRÌNH 112", "PROGRAM 112 INDICATORS"), (
    Line("1", "P1", ("Xã có người làm CTXH được hưởng phụ cấp ≥ mức lương cơ sở (chỉ tiêu 1)",
                     "Commune with CTXH staff paid at least the base salary (P1)"), ("đạt/không", "yes/no")),
    Line("2", "P2", ("Cơ sở trong quy hoạch cung cấp dịch vụ CTXH (chỉ tiêu 2)",
                     "Facilities in the master plan offering CTXH services (P2)"), SHARE),
    Line("3", "P3", ("Người gặp khó khăn được tư vấn, trợ giúp so với năm gốc (chỉ tiêu 3)",
                     "People in hardship counselled or supported against the baseline (P3)"), SHARE),
    Line("4", "P4", ("Người làm CTXH đã qua đào tạo, bồi dưỡng (chỉ tiêu 4)",
                     "CTXH staff and collaborators trained (P4)"), SHARE),
    Line("5", "P5", ("Trẻ em thuộc nhóm ưu tiên được hỗ trợ (chỉ tiêu 5)", "Priority children supported (P5)"), SHARE),
    Line("6", "collaborators", ("Cộng tác viên CTXH của xã", "Collaborators in the commune")),
))
WORKFORCE_SECTIONS = (
    Section("I", ("ĐỘI NGŨ CUỐI KỲ", "STAFF AT THE END"), (
        Line("1", "staff.total", ("Tổng số", "Total")),
        Line("1.1", "staff.by_workplace", ("Chia theo nơi làm việc", "By workplace"), code_list="workplace_type"),
        Line("1.2", "staff.by_category", ("Chia theo loại", "By category"), code_list="worker_category"),
        Line("1.3", "staff.by_training_level", ("Chia theo trình độ đào tạo CTXH", "By social-work training"),
             code_list="training_level"),
        Line("2", "staff.formal_sw_training", ("Có trình độ trung cấp trở lên về CTXH",
                                               "Intermediate level or above in social work")),
        Line("3", "P4", ("Tỷ lệ đã qua đào tạo, bồi dưỡng", "Share trained"), SHARE),
    )),
    Section("II", ("BIẾN ĐỘNG TRONG KỲ", "CHANGES IN THE PERIOD"), (
        Line("1", "staff.joined", ("Bắt đầu làm việc", "Joined")),
        Line("2", "staff.left", ("Thôi làm việc", "Left")),
        Line("3", "staff.trained_in_period", ("Được đào tạo, bồi dưỡng, tập huấn", "Trained")),
        Line("4", "training.classes", ("Lớp kết thúc trong kỳ", "Classes ended"), ("lớp", "classes")),
        Line("5", "training.attendances", ("Lượt người tham gia", "Person-attendances"), TIMES),
    )),
)
LAYOUTS: dict[str, tuple[tuple[str, str], str, tuple[Section, ...]]] = {
    "tt02": (("BÁO CÁO KẾT QUẢ CÔNG TÁC XÃ HỘI", "SOCIAL-WORK REPORT"),
             "Thông tư 02/2020/TT-BLĐTBXH; Nghị định 56/2017/NĐ-CP",
             (STAFF_SECTION, CASE_SECTION, CHILD_SECTION, SERVICE_SECTION, TRAINING_SECTION)),
    "p112": (("BÁO CÁO CHỈ TIÊU CHƯƠNG TRÌNH PHÁT TRIỂN CÔNG TÁC XÃ HỘI",
              "PROGRAM 112 INDICATORS"), "Quyết định 112/QĐ-TTg ngày 22/01/2021", (P112_SECTION,)),
    "workforce": (("BÁO CÁO ĐỘI NGŨ NGƯỜI LÀM CÔNG TÁC XÃ HỘI", "SOCIAL-WORK WORKFORCE REPORT"),
                  "Quyết định 112/QĐ-TTg; kế hoạch của tỉnh", WORKFORCE_SECTIONS),
}


@dataclass(frozen=True)
class Row:
    """A row of the laid-out report. `level` 0 is a section heading, 1 a figure, 2 a line of a table."""

    number: str
    label: str
    unit: str
    value: str
    previous: str
    target: str
    note: str
    level: int
    key: str = ""
    met: bool | None = None


def _pick(pair: tuple[str, str], lang: str) -> str:
    return pair[1] if lang == "en" else pair[0]


def _number(value: float, lang: str) -> str:
    text = f"{value:,.0f}"
    return text.replace(",", ".") if lang == "vi" else text


def _percent(value: float, lang: str, sign: bool = False) -> str:
    text = f"{value * 100:+.1f}%" if sign else f"{value * 100:.1f}%"
    return text.replace(".", ",") if lang == "vi" else text


def value_text(figure: Figure | None, lang: str = "vi", hide: bool = False) -> str:
    """A figure as the report prints it: 12; 60,0% (3/5); +15,0% (46 / 40); Đạt."""
    if figure is None:
        return ""
    if hide:
        return HIDDEN
    if figure.value is None:
        return "—"
    if figure.unit == "yes_no":
        return ("Đạt" if figure.value else "Chưa đạt") if lang == "vi" else ("Met" if figure.value else "Not met")
    if figure.unit == "share":
        return f"{_percent(figure.value, lang)} ({figure.numerator}/{figure.denominator})"
    if figure.unit == "change":
        return f"{_percent(figure.value, lang, sign=True)} ({figure.numerator} / {figure.denominator})"
    return _number(figure.value, lang)


def target_text(figure: Figure | None, lang: str = "vi") -> str:
    """The target a figure is measured against: ≥ 30% (2025), ≥ 2."""
    if figure is None or not figure.targets:
        return ""
    parts = []
    for t in figure.targets:
        if t.minimum is None:
            continue
        if figure.unit in ("share", "change", "yes_no"):
            shown = _percent(t.minimum, lang, sign=figure.unit == "change")
        else:
            shown = f"{t.minimum:g}"
        parts.append(f"≥ {shown} ({t.year})")
    return "; ".join(parts)


def _hide_single(figure: Figure | None, outgoing: bool) -> bool:
    if not outgoing or figure is None or not figure.people:
        return False
    if figure.unit in ("share", "change"):
        return share_hidden(figure.numerator, figure.denominator)
    return is_small(int(figure.value or 0))


def report_rows(report: Report, book: CodeBook, lang: str = "vi", outgoing: bool = False) -> list[Row]:
    """The report laid out as rows, the small counts hidden when it leaves the commune (`outgoing`)."""
    _title, _basis, sections = LAYOUTS[report.kind]
    rows: list[Row] = []
    for section in sections:
        rows.append(Row(section.number, _pick(section.title, lang), "", "", "", "", "", 0))
        for line in section.lines:
            if line.code_list is None:
                figure = report.figures.get(line.key)
                before = report.previous.get(line.key)
                rows.append(Row(line.number, _pick(line.label, lang), _pick(line.unit, lang),
                                value_text(figure, lang, _hide_single(figure, outgoing)),
                                value_text(before, lang, _hide_single(before, outgoing)),
                                target_text(figure, lang), figure.source if figure else "", 1, line.key,
                                figure.met() if figure else None))
                continue
            rows.append(Row(line.number, _pick(line.label, lang), _pick(line.unit, lang), "", "", "", "", 1))
            rows.extend(_table_rows(report, line, book, lang, outgoing))
    return rows


def _table_rows(report: Report, line: Line, book: CodeBook, lang: str, outgoing: bool) -> list[Row]:
    prefix = line.key + "."
    found = {k[len(prefix):] for k in (*report.figures, *report.previous) if k.startswith(prefix)
             and "." not in k[len(prefix):]}
    order = {code: i for i, (code, _label) in enumerate(book.items(line.code_list or "", lang))}
    codes = sorted(found, key=lambda c: (order.get(c, len(order)), c))
    parent = line.key.rsplit(".", 1)[0]

    def hidden_of(figures: dict[str, Figure]) -> set[int]:
        cells = [int(figures[prefix + c].value or 0) if prefix + c in figures else 0 for c in codes]
        people = any(figures[prefix + c].people for c in codes if prefix + c in figures)
        if not outgoing or not people:
            return set()
        total = figures.get(parent)
        return hidden_cells(cells, int(total.value or 0) if total is not None and total.value is not None else None)

    now_hidden, before_hidden = hidden_of(report.figures), hidden_of(report.previous)
    rows = []
    for i, code in enumerate(codes):
        figure, before = report.figures.get(prefix + code), report.previous.get(prefix + code)
        rows.append(Row("-", book.label(line.code_list or "", code, lang), _pick(line.unit, lang),
                        value_text(figure, lang, i in now_hidden) if figure else "0",
                        value_text(before, lang, i in before_hidden) if before else "0", "", "", 2, prefix + code))
    return rows


def _unit_heading(unit: str) -> str:
    return f"UBND {unit}".upper() if unit else "UBND"


def _place(unit: str) -> str:
    words = unit.split(" ", 1)
    return words[1] if len(words) == 2 else unit or "……"


def _dated(report: Report) -> str:
    day = report.made_on
    return f"{_place(report.unit)}, ngày {day.day:02d} tháng {day.month:02d} năm {day.year}"


def _period_line(report: Report, lang: str) -> str:
    p = report.period
    if lang == "en":
        return f"Period: {p.label} ({p.start:%d/%m/%Y} – {p.end:%d/%m/%Y})"
    return f"Kỳ báo cáo: {p.label} (từ ngày {p.start:%d/%m/%Y} đến ngày {p.end:%d/%m/%Y})"


def _columns(lang: str, report: Report) -> list[str]:
    previous = report.previous_period.label if report.previous_period else ""
    if lang == "en":
        return ["No.", "Indicator", "Unit", "This period", f"Previous ({previous})", "Target", "Source"]
    return ["STT", "Chỉ tiêu", "Đơn vị tính", "Kỳ này", f"Kỳ trước ({previous})", "Mục tiêu", "Căn cứ"]


def write_xlsx(report: Report, path: Path, book: CodeBook, lang: str = "vi") -> int:
    """The report as an .xlsx laid out for A4 (portrait, fitted to the page width, the table's header repeated
    on every page); returns the rows of figures written. Small counts are hidden: the file leaves the
    commune."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, Side

    from desktop.core.excel.scratch import worksheets_beside
    from desktop.core.excel.writing import fit_a4_portrait, set_text
    from desktop.core.files import replace_atomically

    title, basis, _sections = LAYOUTS[report.kind]
    rows = report_rows(report, book, lang, outgoing=True)
    workbook = Workbook()
    sheet: Any = workbook.active  # a new workbook's one worksheet
    sheet.title = "Báo cáo"
    widths = (6, 50, 10, 16, 16, 14, 26)
    for index, width in enumerate(widths):
        sheet.column_dimensions["ABCDEFG"[index]].width = width
    bold, centre = Font(name="Times New Roman", bold=True, size=12), Alignment(horizontal="center", vertical="center",
                                                                                wrap_text=True)
    plain = Font(name="Times New Roman", size=12)

    def put(cell: str, value: str, font: Font = plain, align: Alignment = centre, merge: str | None = None) -> None:
        set_text(sheet[cell], value)
        sheet[cell].font, sheet[cell].alignment = font, align
        if merge:
            sheet.merge_cells(f"{cell}:{merge}")

    put("A1", _unit_heading(report.unit), bold, merge="C1")
    put("D1", MOTTO[0], bold, merge="G1")
    put("A2", "Số: ……/BC-UBND", plain, merge="C2")
    put("D2", MOTTO[1], Font(name="Times New Roman", bold=True, size=13, underline="single"), merge="G2")
    put("D3", _dated(report), Font(name="Times New Roman", italic=True, size=12), merge="G3")
    put("A5", _pick(title, lang), Font(name="Times New Roman", bold=True, size=14), merge="G5")
    put("A6", _period_line(report, lang), plain, merge="G6")
    put("A7", f"(Căn cứ: {basis})", Font(name="Times New Roman", italic=True, size=11), merge="G7")
    thin = Side(style="thin")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    header_row = 9
    for index, text in enumerate(_columns(lang, report)):
        cell = sheet.cell(header_row, index + 1)
        set_text(cell, text)
        cell.font, cell.alignment, cell.border = bold, centre, border
    left = Alignment(horizontal="left", vertical="center", wrap_text=True)
    right = Alignment(horizontal="right", vertical="center", wrap_text=True)
    current = header_row
    hidden_any = False
    for row in rows:
        current += 1
        values = (row.number, ("    " if row.level == 2 else "") + row.label, row.unit, row.value, row.previous,
                  row.target, row.note)
        hidden_any = hidden_any or HIDDEN in (row.value, row.previous)
        for index, value in enumerate(values):
            cell = sheet.cell(current, index + 1)
            if index in (3, 4) and _COUNT.fullmatch(value):
                cell.value = int(value.replace(".", ""))  # a count stays a number the district can add up
                cell.number_format = "#,##0"
            else:
                set_text(cell, value)
            cell.border = border
            cell.font = Font(name="Times New Roman", size=11 if row.level else 12, bold=row.level == 0,
                             italic=row.level == 2)
            cell.alignment = right if 3 <= index <= 5 else (centre if index in (0, 2) else left)
        if row.level == 0:
            sheet.merge_cells(start_row=current, start_column=2, end_row=current, end_column=7)
    current += 2
    if hidden_any:
        put(f"A{current}", "Ghi chú: «<5» là số từ 1 đến 4, không ghi cụ thể để bảo vệ thông tin cá nhân.",
            Font(name="Times New Roman", italic=True, size=10), left, merge=f"G{current}")
        current += 2
    put(f"A{current}", "NGƯỜI LẬP BIỂU", bold, merge=f"C{current}")
    put(f"D{current}", "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH", bold, merge=f"G{current}")
    sheet.row_dimensions[current].height = 32
    put(f"A{current + 1}", "(Ký, ghi rõ họ tên)", Font(name="Times New Roman", italic=True, size=11),
        merge=f"C{current + 1}")
    put(f"D{current + 1}", "(Ký, ghi rõ họ tên, đóng dấu)", Font(name="Times New Roman", italic=True, size=11),
        merge=f"G{current + 1}")
    last = current + 6
    sheet.print_title_rows = f"{header_row}:{header_row}"
    fit_a4_portrait(sheet, f"A1:G{last}")
    sheet.print_options.horizontalCentered = True
    with worksheets_beside(path):
        replace_atomically(path, workbook.save)
    return sum(1 for r in rows if r.level)


def report_html(report: Report, book: CodeBook, lang: str = "vi", seal: str = "") -> str:
    """The report as HTML of the subset Qt's rich text prints (tables with cell widths, no CSS layout), for an
    A4 PDF. Small counts are hidden: a PDF leaves the commune. The basis of each figure is left to the Excel
    file: on A4 portrait it would squeeze the figures. `seal` is the HTML of the paper's check code."""
    title, basis, _sections = LAYOUTS[report.kind]
    rows = report_rows(report, book, lang, outgoing=True)
    e = escape
    headers = _columns(lang, report)[:6]
    headers[4] = "Previous" if lang == "en" else "Kỳ trước"
    previous = report.previous_period.label if report.previous_period else "—"
    compared = f"Compared with: {previous}" if lang == "en" else f"So với kỳ trước: {previous}"
    parts = [
        "<html><body style='font-family: \"Times New Roman\", \"Noto Serif\", serif; font-size: 11pt;'>",
        "<table width='100%' cellspacing='0' cellpadding='0'><tr>",
        f"<td width='40%' align='center' valign='top' style='white-space: nowrap;'>"
        f"<b>{e(_unit_heading(report.unit))}</b><br/>"
        "Số: ……/BC-UBND</td>",
        f"<td width='60%' align='center' valign='top' style='white-space: nowrap;'>"
        f"<span style='font-size: 10pt;'><b>{e(MOTTO[0])}</b></span><br/>"
        f"<b><u>{e(MOTTO[1])}</u></b><br/><i>{e(_dated(report))}</i></td>",
        "</tr></table><br/>",
        f"<p align='center' style='font-size: 14pt;'><b>{e(_pick(title, lang))}</b></p>",
        f"<p align='center'>{e(_period_line(report, lang))}<br/>{e(compared)}<br/><i>(Căn cứ: {e(basis)})</i></p>",
        "<table width='100%' border='1' cellspacing='0' cellpadding='3'><tr>",
    ]
    widths = (6, 45, 9, 13, 13, 14)
    for width, text in zip(widths, headers, strict=True):
        parts.append(f"<td width='{width}%' align='center' valign='middle'><b>{e(text)}</b></td>")
    parts.append("</tr>")
    for row in rows:
        if row.level == 0:
            parts.append(f"<tr><td align='center'><b>{e(row.number)}</b></td><td colspan='5'><b>{e(row.label)}</b>"
                         "</td></tr>")
            continue
        label = e(row.label) if row.level == 1 else f"&nbsp;&nbsp;&nbsp;<i>{e(row.label)}</i>"
        parts.append(
            f"<tr><td align='center'>{e(row.number)}</td><td>{label}</td><td align='center'>{e(row.unit)}</td>"
            f"<td align='right'>{e(row.value)}</td><td align='right'>{e(row.previous)}</td>"
            f"<td align='right'>{e(row.target)}</td></tr>")
    parts.append("</table>")
    if any(HIDDEN in (r.value, r.previous) for r in rows):
        parts.append("<p style='font-size: 9pt;'><i>Ghi chú: «&lt;5» là số từ 1 đến 4, không ghi cụ thể để bảo vệ "
                     "thông tin cá nhân.</i></p>")
    code = f"<td width='24%' align='left' valign='top'>{seal}</td>" if seal else ""
    half = "38%" if seal else "50%"
    parts.append(f"<br/><table width='100%'><tr>{code}"
                 f"<td width='{half}' align='center' valign='top'><b>NGƯỜI LẬP BIỂU</b><br/>"
                 "<i>(Ký, ghi rõ họ tên)</i></td>"
                 f"<td width='{half}' align='center' valign='top'><b>TM. ỦY BAN NHÂN DÂN<br/>CHỦ TỊCH</b><br/>"
                 "<i>(Ký, ghi rõ họ tên, đóng dấu)</i></td></tr></table>")
    parts.append(f"<p style='font-size: 8pt; color: #666;'>CTXH Desk · {e(report.kind)} · "
                 f"{report.made_on:%d/%m/%Y}</p></body></html>")
    return "".join(parts)


def export_report(ctx: AppContext, report: Report, path: Path, lang: str = "vi",
                  render_pdf: Callable[[str, Path], object] | None = None, seal: str = "") -> dict[str, Any]:
    """Save a report as .xlsx, or as .pdf through `render_pdf` (Qt's printing, handed in by the window or the
    entry point) with `seal`, the HTML of its check code; audited as an export."""
    from desktop.core.errors import CtxhError
    from desktop.core.services.access import require
    from desktop.core.services.audit import record
    from desktop.core.services.records import codebook

    require(ctx, "export")
    book = codebook(ctx)
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        written = write_xlsx(report, path, book, lang)
    elif suffix == ".pdf" and render_pdf is not None:
        render_pdf(report_html(report, book, lang, seal), path)
        written = len(report.figures)
    else:
        raise CtxhError("E_REPORT_OUT", file=path.name)
    record(ctx, "export", f"file:{path.name}", kind=f"report:{report.kind}", period=report.period.label)
    return {"file": str(path), "rows": written, "period": report.period.to_json()}
