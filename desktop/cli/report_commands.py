"""`ctxh report`: a commune's TT 02/2020 report, Program 112 indicators or workforce report over a period, as
.xlsx or .pdf for the district, or its figures as JSON. PDF is printed by Qt, which only the window layer may
import: the entry point hands the printing function in (as it hands in the window)."""

from __future__ import annotations

import argparse
import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from desktop.cli.common import emit, open_profile
from desktop.core.errors import CtxhError

# (HTML, path) → None: lays the HTML out on A4 and writes a PDF
PdfRenderer = Callable[[str, Path], object]


def add_parsers(sub: Any, common: argparse.ArgumentParser) -> None:
    """`ctxh report`."""
    p = sub.add_parser("report", parents=[common],
                       help="báo cáo của xã (TT 02/2020, chỉ tiêu Chương trình 112, đội ngũ) ra .xlsx, .pdf hoặc JSON")
    p.add_argument("--kind", choices=("tt02", "p112", "workforce"), default="tt02",
                   help="tt02: báo cáo 6 tháng/năm; p112: chỉ tiêu P1–P5; workforce: đội ngũ")
    p.add_argument("--year", type=int, help="năm báo cáo")
    group = p.add_mutually_exclusive_group()
    group.add_argument("--half", type=int, choices=(1, 2), help="6 tháng đầu (1) hoặc cuối (2) năm")
    group.add_argument("--quarter", type=int, choices=(1, 2, 3, 4), help="quý")
    group.add_argument("--month", type=int, choices=range(1, 13), metavar="1..12", help="tháng")
    p.add_argument("--from", dest="start", metavar="YYYY-MM-DD", help="ngày đầu kỳ (kèm --to)")
    p.add_argument("--to", dest="end", metavar="YYYY-MM-DD", help="ngày cuối kỳ (kèm --from)")
    p.add_argument("--out", type=Path, help="lưu ra tệp .xlsx hoặc .pdf")


def _day(text: str | None, option: str) -> dt.date | None:
    if text is None:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise CtxhError("E_PERIOD_VALUE", what=f"{option} {text}") from None


def period_from_args(args: argparse.Namespace) -> Any:
    """The period the options --year, --half, --quarter, --month, --from and --to choose."""
    from desktop.core.services.reports import period_of

    start, end = _day(args.start, "--from"), _day(args.end, "--to")
    try:
        return period_of(getattr(args, "kind", "tt02"), args.year, args.half, args.quarter, args.month, start, end)
    except ValueError:  # a year no calendar holds (--year 0)
        raise CtxhError("E_PERIOD_VALUE", what=f"--year {args.year}") from None


def cmd_report(args: argparse.Namespace, render_pdf: PdfRenderer | None) -> int:
    """Build the report; save it when --out is given; print its figures (JSON) or a summary."""
    from desktop.core.services.report_documents import export_report, report_rows
    from desktop.core.services.reports import build_report, report_json

    period = period_from_args(args)
    if args.out is not None and args.out.suffix.lower() not in (".xlsx", ".pdf"):
        raise CtxhError("E_REPORT_OUT", file=args.out.name)
    if args.out is not None and args.out.suffix.lower() == ".pdf" and render_pdf is None:
        raise CtxhError("E_REPORT_OUT", file=args.out.name)
    ctx = open_profile(args)
    report = build_report(ctx, args.kind, period)
    lang = getattr(args, "lang", None) or "vi"
    seal = ""
    if args.out is not None and args.out.suffix.lower() == ".pdf":
        from sync.print_seals import report_seal_html

        seal = report_seal_html(ctx, report, lang)
    saved = export_report(ctx, report, args.out, lang, render_pdf, seal) if args.out is not None else None

    def human() -> str:
        from desktop.core.services.records import codebook

        book = codebook(ctx)
        lines = [f"{report.unit} — {period.label} ({period.start:%d/%m/%Y}–{period.end:%d/%m/%Y})"]
        for row in report_rows(report, book, lang):
            if row.level == 0:
                lines.append(f"{row.number} {row.label}".strip())
            elif row.value:
                target = f"  [mục tiêu {row.target}]" if row.target else ""
                lines.append(f"  {row.number} {row.label}: {row.value}{target}")
        if saved is not None:
            lines.append(f"Đã lưu {args.out}.")
        return "\n".join(lines)

    data = report_json(report)
    emit(args, data if saved is None else {**data, "_file": saved}, human)
    return 0
