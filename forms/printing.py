"""A filled form as printable HTML, laid out like the paper Mẫu: the commune and the national motto at
the top, the title, the answers by section, then the place and date and a box for each signature.

Plain HTML of the subset Qt's rich text understands (tables, no CSS layout), so the window prints it
with QTextDocument to paper or PDF, and the command line or tests can read it without Qt.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from html import escape
from typing import Any

from forms.schema import Field, FormDefinition

MOTTO = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")
WORDS = {
    "vi": {"case": "Hồ sơ số", "person": "Đối tượng", "born": "sinh ngày", "yes": "Có", "no": "Không",
           "sign": "(Ký, ghi rõ họ tên)", "retired": "Thông tin ghi theo phiên bản trước của biểu mẫu",
           "date": "{place}, ngày {d:02d} tháng {m:02d} năm {y}", "version": "Phiên bản biểu mẫu {v}"},
    "en": {"case": "Case no.", "person": "Person", "born": "born", "yes": "Yes", "no": "No",
           "sign": "(Signature and full name)", "retired": "Answers given under an earlier version of the form",
           "date": "{place}, {d:02d}/{m:02d}/{y}", "version": "Form version {v}"},
}
CodeLabel = Callable[[str, str], str]
SEAL_COLUMN = 24  # per cent of the width: the check code's column in the signature row
# The kinds of commune-level unit since 1/7/2025 (and the towns of before), as their names begin.
UNIT_KINDS = ("Đặc khu", "Thị trấn", "Phường", "Xã")


def split_unit(name: str) -> tuple[str, str]:
    """("Phường", "Ba Đình") from "Phường Ba Đình": the kind of unit and its place name (the place a
    document is dated at, ND 30/2020); ("", name) when the name starts with no known kind."""
    for kind in UNIT_KINDS:
        if name.startswith(kind + " "):
            return kind, name[len(kind) + 1:]
    return "", name


def for_unit(text: str, kind: str) -> str:
    """A form's Vietnamese wording written for a commune ("Chủ tịch UBND xã") said of this unit's kind
    ("Chủ tịch UBND phường")."""
    import re

    # "xã hội" (social) is a word of its own, not the commune.
    return re.sub(r"\bxã\b(?!\s+hội)", kind.lower(), text) if kind and kind != "Xã" else text


def letterhead(unit_name: str) -> str:
    """The two-column heading of an administrative paper (ND 30/2020): on the left the issuing body,
    ỦY BAN NHÂN DÂN over the unit in capitals with a short rule; on the right the national name and the
    motto, each on one line."""
    e = escape
    return (
        "<table width='100%' cellspacing='0' cellpadding='0'><tr>"
        "<td width='38%' align='center' valign='top' style='white-space: nowrap;'>ỦY BAN NHÂN DÂN<br/>"
        f"<b>{e(unit_name.upper())}</b><br/>———————</td>"
        "<td width='62%' align='center' valign='top' style='white-space: nowrap;'>"
        f"<b>{e(MOTTO[0])}</b><br/><b>{e(MOTTO[1])}</b><br/>———————————</td>"
        "</tr></table>"
    )


def _text(pair: tuple[str, str], lang: str) -> str:
    return pair[0] if lang == "vi" else pair[1]


def value_text(field: Field, value: Any, lang: str, code_label: CodeLabel) -> str:
    """An answer as a reader sees it: labels for codes, dd/mm/yyyy dates, Có/Không."""
    words = WORDS[lang]
    if value in (None, "", []):
        return ""
    if field.type == "boolean":
        return words["yes"] if value else words["no"]
    if field.type == "date":
        try:
            return dt.date.fromisoformat(str(value)).strftime("%d/%m/%Y")
        except ValueError:
            return str(value)
    if field.type in ("choice", "multichoice"):
        inline = {c[0]: (c[1], c[2]) for c in field.choices}

        def one(code: str) -> str:
            if code in inline:
                return _text(inline[code], lang)
            return code_label(field.code_list, code) if field.code_list else code

        return "; ".join(one(str(c)) for c in (value if isinstance(value, list) else [value]))
    if field.type == "number" and isinstance(value, int | float):
        return f"{value:,}".replace(",", ".") if lang == "vi" else f"{value:,}"
    return str(value)


def form_html(form: FormDefinition, layout: Mapping[str, Any], header: Mapping[str, Any], lang: str,
              code_label: CodeLabel, seal: str = "") -> str:
    """The HTML of one filled form. `layout` is what forms.schema.read_answers gives; `header` holds
    "commune", "case_no", "person", "birth_date" and "filled_on" (dates as datetime.date). `seal` is the
    HTML of the paper's check code, printed at the left of the signatures."""
    words = WORDS["en" if lang == "en" else "vi"]
    lang = "en" if lang == "en" else "vi"
    answers = layout["answers"]
    e = escape
    unit = str(header.get("commune", ""))
    kind, place = split_unit(unit)
    parts = [
        "<html><body style='font-family: \"Times New Roman\", \"Noto Serif\", serif; font-size: 12pt;'>",
        letterhead(unit), "<br/>",
        f"<p align='center' style='font-size: 14pt;'><b>{e(_text(form.title, lang).upper())}</b></p>",
    ]
    if form.basis:
        parts.append(f"<p align='center'><i>{e(form.basis)}</i></p>")
    born = header.get("birth_date")
    person = e(str(header.get("person", "")))
    if born:
        person += f" ({words['born']} {born.strftime('%d/%m/%Y')})"
    parts.append(f"<p>{words['case']}: <b>{e(str(header.get('case_no', '')))}</b> &nbsp;&nbsp; "
                 f"{words['person']}: <b>{person}</b></p>")
    for section in form.sections:
        rows = []
        for field in section.fields:
            if field.show_when is not None and not field.show_when.holds(answers):
                continue
            shown = e(value_text(field, answers.get(field.code), lang, code_label)).replace("\n", "<br/>")
            rows.append(f"<tr><td width='38%' valign='top'>{e(_text(field.label, lang))}</td>"
                        f"<td valign='top'>{shown or '&nbsp;'}</td></tr>")
        if rows:
            parts.append(f"<h3>{e(_text(section.title, lang))}</h3>")
            parts.append("<table width='100%' border='1' cellspacing='0' cellpadding='5'>" + "".join(rows)
                         + "</table>")
    if layout.get("retired"):
        parts.append(f"<h3>{e(words['retired'])}</h3><table width='100%' border='1' cellspacing='0' cellpadding='5'>")
        parts.extend(f"<tr><td width='38%'>{e(k)}</td><td>{e(str(v))}</td></tr>" for k, v in layout["retired"].items())
        parts.append("</table>")
    filled = header.get("filled_on") or dt.date.today()
    place = place or "……"
    dated = words["date"].format(place=place, d=filled.day, m=filled.month, y=filled.year)
    parts.append(f"<br/><p align='right'><i>{e(dated)}</i></p>")
    # The check code sits beside the signatures, the block a page break never splits from the date.
    width = (100 - (SEAL_COLUMN if seal else 0)) // max(1, len(form.signatures))
    cells = "".join(f"<td width='{width}%' align='center' valign='top'>"
                    f"<b>{e(for_unit(_text(s, lang), kind).upper())}</b><br/>"
                    f"<i>{e(words['sign'])}</i><br/><br/><br/><br/><br/></td>" for s in form.signatures)
    if seal:
        cells = f"<td width='{SEAL_COLUMN}%' align='left' valign='top'>{seal}</td>" + cells
    parts.append(f"<table width='100%'><tr>{cells}</tr></table>")
    parts.append(f"<p style='font-size: 8pt; color: #666;'>{e(form.code)} · "
                 f"{e(words['version'].format(v=layout.get('answered_version', form.version)))}</p>")
    parts.append("</body></html>")
    return "".join(parts)
