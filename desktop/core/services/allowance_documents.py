"""The month's lists for the district, laid out as communes hand them in: the payment list (danh sách chi trả)
of the monthly allowance, that of care support, and the list of increases and decreases (danh sách tăng,
giảm) — the unit and the national motto, the title and the month, the standard, the numbered table with its
total and the total in words, the signature block. As an .xlsx on A4 and as HTML that Qt prints to PDF.

These lists are the commune's own payment documents: names are printed in full (they are signed for), and
nothing is hidden as a report's small counts are.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from pathlib import Path
from typing import Any

from desktop.core.context import AppContext
from desktop.core.domain.allowance_rules import clause_reference
from desktop.core.errors import CtxhError
from desktop.core.services.allowances import ChangeLine, PaymentList, RegisterLine
from desktop.core.text import amount_in_words, format_date

MOTTO = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")
PAY_COLUMNS = (("STT", 5), ("Họ và tên", 24), ("Ngày sinh", 11), ("Địa chỉ", 18),
               ("Diện hưởng (NĐ 20/2021)", 20), ("Hệ số", 7), ("Số tiền (đồng)", 13), ("Ký nhận", 14))
CHANGE_COLUMNS = (("STT", 5), ("Họ và tên", 24), ("Ngày sinh", 11), ("Địa chỉ", 18), ("Trước (đồng)", 12),
                  ("Sau (đồng)", 12), ("Lý do", 30))
# Shares of the A4 width in the PDF (a date and an amount never wrap)
PAY_HTML_WIDTHS = (6, 22, 12, 12, 19, 6, 12, 11)
CHANGE_HTML_WIDTHS = (5, 22, 12, 12, 12, 12, 25)
KINDS = (("TANG", "I. ĐỐI TƯỢNG TĂNG"), ("GIAM", "II. ĐỐI TƯỢNG GIẢM"), ("DIEU_CHINH", "III. ĐIỀU CHỈNH MỨC HƯỞNG"))


def _money(value: int) -> str:
    return f"{value:,}".replace(",", ".")


def _coefficient(value: float) -> str:
    return f"{value:g}".replace(".", ",")


def _unit_heading(unit: str) -> str:
    return f"UBND {unit}".upper() if unit else "UBND"


def _month_line(plist: PaymentList) -> str:
    return f"Tháng {plist.month.month:02d} năm {plist.month.year}"


def _standard_line(plist: PaymentList) -> str:
    if plist.standard is None:
        return "(Chưa có mức chuẩn trợ giúp xã hội cho tháng này)"
    return f"(Mức chuẩn trợ giúp xã hội: {_money(plist.standard)} đồng/tháng)"


def pay_cells(line: RegisterLine) -> list[Any]:
    """A payment line's cells after its number: name, birth date, address, clause, coefficient, amount."""
    decision = line.decision
    payee = decision.get("payee_name")
    name = str(line.person.get("full_name") or "")
    return [f"{name} (người nhận: {payee})" if payee else name, format_date(line.person.get("birth_date")),
            line.person.get("address") or "", clause_reference(decision["clause"], decision.get("sub_clause")),
            _coefficient(line.coefficient), line.amount]


def change_cells(change: ChangeLine) -> list[Any]:
    """An increase or decrease after its number: name, birth date, address, before, after, reason."""
    reason = ("Hỗ trợ chăm sóc: " if change.care_support else "") + change.reason
    return [str(change.person.get("full_name") or ""), format_date(change.person.get("birth_date")),
            change.person.get("address") or "", change.before, change.after, reason]


def write_payments_xlsx(plist: PaymentList, path: Path) -> dict[str, int]:
    """The month's lists as one .xlsx: a sheet for the allowance, one for care support (when any is paid) and
    one for the increases and decreases; each on A4 with its title block and signatures. Amounts are numbers
    the district can add up. Returns the rows written per sheet."""
    from openpyxl import Workbook

    from desktop.core.excel.scratch import worksheets_beside
    from desktop.core.files import replace_atomically

    workbook = Workbook()
    first: Any = workbook.active
    workbook.remove(first)
    written = {"Chi trả trợ cấp": _pay_sheet(workbook, "Chi trả trợ cấp", plist, plist.allowance,
                                              "DANH SÁCH CHI TRẢ TRỢ CẤP XÃ HỘI HẰNG THÁNG")}
    if plist.care:
        written["Hỗ trợ chăm sóc"] = _pay_sheet(workbook, "Hỗ trợ chăm sóc", plist, plist.care,
                                                "DANH SÁCH CHI TRẢ KINH PHÍ HỖ TRỢ CHĂM SÓC, NUÔI DƯỠNG")
    written["Tăng giảm"] = _change_sheet(workbook, plist)
    with worksheets_beside(path):
        replace_atomically(path, workbook.save)
    return written


class _Sheet:
    """A sheet being laid out: Times New Roman, thin borders, the header block of a commune's document."""

    def __init__(self, workbook: Any, title: str, widths: tuple[int, ...]) -> None:
        from openpyxl.styles import Alignment, Border, Font, Side
        from openpyxl.utils import get_column_letter

        self.sheet = workbook.create_sheet(title)
        self.last = get_column_letter(len(widths))
        for index, width in enumerate(widths, start=1):
            self.sheet.column_dimensions[get_column_letter(index)].width = width
        self.bold, self.plain = Font(name="Times New Roman", bold=True, size=12), Font(name="Times New Roman", size=12)
        self.italic = Font(name="Times New Roman", italic=True, size=12)
        self.centre = Alignment(horizontal="center", vertical="center", wrap_text=True)
        self.left = Alignment(horizontal="left", vertical="center", wrap_text=True)
        self.right = Alignment(horizontal="right", vertical="center")
        thin = Side(style="thin")
        self.border = Border(left=thin, right=thin, top=thin, bottom=thin)
        self.cell_fonts = (Font(name="Times New Roman", size=12), Font(name="Times New Roman", size=12, bold=True))
        self.half = get_column_letter(max(len(widths) // 2 - 1, 1))
        self.second = get_column_letter(len(widths) // 2)

    def put(self, row: int, column: str, value: str, font: Any, merge_to: str | None = None, align: Any = None
            ) -> None:
        from desktop.core.excel.writing import set_text

        cell = self.sheet[f"{column}{row}"]
        set_text(cell, value)
        cell.font, cell.alignment = font, align or self.centre
        if merge_to:
            self.sheet.merge_cells(f"{column}{row}:{merge_to}{row}")

    def heading(self, plist: PaymentList, title: str) -> int:
        from openpyxl.styles import Font

        self.put(1, "A", _unit_heading(plist.unit), self.bold, self.half)
        self.put(1, self.second, MOTTO[0], self.bold, self.last)
        self.put(2, self.second, MOTTO[1], Font(name="Times New Roman", bold=True, size=13, underline="single"),
                 self.last)
        self.put(4, "A", title, Font(name="Times New Roman", bold=True, size=14), self.last)
        self.put(5, "A", _month_line(plist), self.bold, self.last)
        self.put(6, "A", _standard_line(plist), self.italic, self.last)
        return 8

    def header_row(self, row: int, columns: tuple[tuple[str, int], ...]) -> None:
        from desktop.core.excel.writing import set_text

        for index, (text, _width) in enumerate(columns, start=1):
            cell = self.sheet.cell(row, index)
            set_text(cell, text)
            cell.font, cell.alignment, cell.border = self.bold, self.centre, self.border
        self.sheet.row_dimensions[row].height = 32
        self.sheet.print_title_rows = f"{row}:{row}"

    def data_row(self, row: int, values: list[Any], money: set[int], bold: bool = False) -> None:
        from desktop.core.excel.writing import set_text

        for index, value in enumerate(values, start=1):
            cell = self.sheet.cell(row, index)
            if isinstance(value, int) and not isinstance(value, bool):
                cell.value = value
                cell.number_format = "#,##0"
            else:
                set_text(cell, value)
            cell.border = self.border
            cell.font = self.cell_fonts[bold]
            cell.alignment = self.right if index - 1 in money else (self.centre if index in (1, 3, 6) else self.left)

    def signatures(self, row: int) -> int:
        third = self.sheet.max_column // 3
        from openpyxl.utils import get_column_letter

        spans = (("A", get_column_letter(max(third, 1))),
                 (get_column_letter(third + 1), get_column_letter(2 * third)),
                 (get_column_letter(2 * third + 1), self.last))
        titles = ("NGƯỜI LẬP DANH SÁCH", "KẾ TOÁN", "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH")
        notes = ("(Ký, ghi rõ họ tên)", "(Ký, ghi rõ họ tên)", "(Ký, ghi rõ họ tên, đóng dấu)")
        for (start, end), title, note in zip(spans, titles, notes, strict=True):
            self.put(row, start, title, self.bold, end if end != start else None)
            self.put(row + 1, start, note, self.italic, end if end != start else None)
        self.sheet.row_dimensions[row].height = 32
        return row + 6

    def page(self, last_row: int) -> None:
        from desktop.core.excel.writing import fit_a4_portrait

        fit_a4_portrait(self.sheet, f"A1:{self.last}{last_row}", left=0.7, right=0.4)


def _pay_sheet(workbook: Any, name: str, plist: PaymentList, lines: list[RegisterLine], title: str) -> int:
    sheet = _Sheet(workbook, name, tuple(w for _t, w in PAY_COLUMNS))
    row = sheet.heading(plist, title)
    sheet.header_row(row, PAY_COLUMNS)
    for number, line in enumerate(lines, start=1):
        row += 1
        sheet.data_row(row, [number, *pay_cells(line), ""], {6})
    row += 1
    total = sum(line.amount for line in lines)
    sheet.data_row(row, ["", "Tổng cộng", "", "", f"{len({ln.person['id'] for ln in lines})} người", "", total, ""],
                   {6}, bold=True)
    sheet.put(row + 1, "A", f"Số tiền bằng chữ: {amount_in_words(total)}.", sheet.italic, sheet.last, sheet.left)
    return _finish(sheet, row + 3, len(lines))


def _change_sheet(workbook: Any, plist: PaymentList) -> int:
    sheet = _Sheet(workbook, "Tăng giảm", tuple(w for _t, w in CHANGE_COLUMNS))
    row = sheet.heading(plist, "DANH SÁCH ĐỐI TƯỢNG TĂNG, GIẢM, ĐIỀU CHỈNH MỨC HƯỞNG TRỢ CẤP XÃ HỘI")
    sheet.header_row(row, CHANGE_COLUMNS)
    written = 0
    for kind, heading in KINDS:
        row += 1
        sheet.data_row(row, [heading, "", "", "", "", "", ""], set(), bold=True)
        sheet.sheet.merge_cells(f"A{row}:{sheet.last}{row}")
        items = [c for c in plist.changes if c.kind == kind]
        if not items:
            row += 1
            sheet.data_row(row, ["", "Không có", "", "", "", "", ""], set())
        for number, change in enumerate(items, start=1):
            row += 1
            sheet.data_row(row, [number, *change_cells(change)], {4, 5})
            written += 1
    return _finish(sheet, row + 2, written)


def _finish(sheet: _Sheet, row: int, written: int) -> int:
    last = sheet.signatures(row)
    sheet.page(last)
    return written


def payments_html(plist: PaymentList) -> str:
    """The month's lists as HTML of the subset Qt's rich text prints, for an A4 PDF: the payment list, the care
    support list when any is paid, then the increases and decreases, each starting a page."""
    parts = ["<html><body style='font-family: \"Times New Roman\", \"Noto Serif\", serif; font-size: 10pt;'>"]
    sections = [("DANH SÁCH CHI TRẢ TRỢ CẤP XÃ HỘI HẰNG THÁNG", plist.allowance)]
    if plist.care:
        sections.append(("DANH SÁCH CHI TRẢ KINH PHÍ HỖ TRỢ CHĂM SÓC, NUÔI DƯỠNG", plist.care))
    for index, (title, lines) in enumerate(sections):
        parts.append(_html_heading(plist, title, index > 0))
        parts.append(_html_table([t for t, _w in PAY_COLUMNS], list(PAY_HTML_WIDTHS),
                                 [[str(n), *map(_cell, pay_cells(line)), ""] for n, line in enumerate(lines, 1)],
                                 {6}))
        total = sum(line.amount for line in lines)
        parts.append(f"<p><b>Tổng cộng: {_money(total)} đồng</b> "
                     f"({len({ln.person['id'] for ln in lines})} người).<br/><i>Số tiền bằng chữ: "
                     f"{escape(amount_in_words(total))}.</i></p>")
        parts.append(_html_signatures())
    parts.append(_html_heading(plist, "DANH SÁCH ĐỐI TƯỢNG TĂNG, GIẢM, ĐIỀU CHỈNH MỨC HƯỞNG", True))
    for kind, heading in KINDS:
        items = [c for c in plist.changes if c.kind == kind]
        parts.append(f"<p><b>{escape(heading)}</b></p>")
        rows = [[str(n), *map(_cell, change_cells(c))] for n, c in enumerate(items, 1)] or [["", "Không có"] +
                                                                                           [""] * 5]
        parts.append(_html_table([t for t, _w in CHANGE_COLUMNS], list(CHANGE_HTML_WIDTHS), rows, {4, 5}))
    parts.append(_html_signatures())
    parts.append("</body></html>")
    return "".join(parts)


def _cell(value: Any) -> str:
    return _money(value) if isinstance(value, int) else str(value)


def _html_heading(plist: PaymentList, title: str, new_page: bool) -> str:
    e = escape
    brk = " style='page-break-before: always;'" if new_page else ""
    return (f"<table width='100%' cellspacing='0' cellpadding='0'{brk}><tr>"
            f"<td width='40%' align='center' valign='top'><b>{e(_unit_heading(plist.unit))}</b></td>"
            f"<td width='60%' align='center' valign='top'><b>{e(MOTTO[0])}</b><br/><b><u>{e(MOTTO[1])}</u></b>"
            "</td></tr></table><br/>"
            f"<p align='center' style='font-size: 13pt;'><b>{e(title)}</b><br/><b>{e(_month_line(plist))}</b><br/>"
            f"<i>{e(_standard_line(plist))}</i></p>")


def _html_table(headers: list[str], widths: list[int], rows: list[list[str]], money: set[int]) -> str:
    total = sum(widths)
    parts = ["<table width='100%' border='1' cellspacing='0' cellpadding='3'><tr>"]
    for header, width in zip(headers, widths, strict=True):
        parts.append(f"<td width='{round(100 * width / total)}%' align='center'><b>{escape(header)}</b></td>")
    parts.append("</tr>")
    for row in rows:
        cells = []
        for index, value in enumerate(row):
            align = "right" if index in money else ("center" if index in (0, 2, 5) else "left")
            cells.append(f"<td align='{align}'>{escape(value)}</td>")
        parts.append("<tr>" + "".join(cells) + "</tr>")
    parts.append("</table>")
    return "".join(parts)


def _html_signatures() -> str:
    return ("<br/><table width='100%'><tr>"
            "<td width='33%' align='center'><b>NGƯỜI LẬP DANH SÁCH</b><br/><i>(Ký, ghi rõ họ tên)</i></td>"
            "<td width='33%' align='center'><b>KẾ TOÁN</b><br/><i>(Ký, ghi rõ họ tên)</i></td>"
            "<td width='34%' align='center'><b>TM. ỦY BAN NHÂN DÂN<br/>CHỦ TỊCH</b><br/>"
            "<i>(Ký, ghi rõ họ tên, đóng dấu)</i></td></tr></table>")


def export_payments(ctx: AppContext, plist: PaymentList, path: Path,
                    render_pdf: Callable[[str, Path], object] | None = None) -> dict[str, Any]:
    """Save the month's lists as .xlsx, or as .pdf through `render_pdf` (Qt's printing, handed in); audited as
    an export."""
    from desktop.core.services.access import require
    from desktop.core.services.audit import record

    require(ctx, "export")
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        written = write_payments_xlsx(plist, path)
    elif suffix == ".pdf" and render_pdf is not None:
        render_pdf(payments_html(plist), path)
        written = {"pdf": len(plist.allowance) + len(plist.care)}
    else:
        raise CtxhError("E_REPORT_OUT", file=path.name)
    record(ctx, "export", f"file:{path.name}", kind="allowance:payments", month=plist.month.isoformat()[:7])
    return {"file": str(path), "month": plist.month.isoformat()[:7], "rows": written,
            "allowance_total": plist.allowance_total, "care_total": plist.care_total,
            "increases": sum(1 for c in plist.changes if c.kind == "TANG"),
            "decreases": sum(1 for c in plist.changes if c.kind == "GIAM"),
            "adjusted": sum(1 for c in plist.changes if c.kind == "DIEU_CHINH")}
