"""`ctxh allowance`: the commune's register of monthly social allowances (ND 20/2021) — import the commune's
own list, list the register in a month, the month's payment list and its increases and decreases (.xlsx or
.pdf), a decision added or ended, and the new standard the officer sees before it applies."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import Any

from desktop.cli.common import emit, import_report, mapping_choices, open_profile, say
from desktop.cli.report_commands import PdfRenderer
from desktop.core.errors import CtxhError


def add_parsers(sub: Any, common: argparse.ArgumentParser) -> None:
    """`ctxh allowance import|list|payments|add|end|standards`."""
    from desktop.cli.local_commands import list_import_options

    allowance = sub.add_parser("allowance", parents=[common],
                               help="trợ cấp xã hội hằng tháng (NĐ 20/2021): nhập danh sách, danh sách chi trả")
    allowance_sub = allowance.add_subparsers(dest="allowance_command", metavar="import|list|payments|add|end|standards",
                                             required=True)
    p = allowance_sub.add_parser("import", parents=[common],
                                 help="nhập danh sách đối tượng hưởng trợ cấp của xã (.xlsx, .xls, .ods)")
    list_import_options(p, duplicates=False)
    p = allowance_sub.add_parser("list", parents=[common], help="sổ theo dõi: mọi quyết định và số tiền trong tháng")
    p.add_argument("--month", metavar="YYYY-MM", help="tháng (mặc định: tháng này)")
    p = allowance_sub.add_parser("payments", parents=[common],
                                 help="danh sách chi trả và danh sách tăng, giảm của tháng ra .xlsx hoặc .pdf")
    p.add_argument("--month", metavar="YYYY-MM", required=True, help="tháng chi trả")
    p.add_argument("--out", type=Path, required=True, help="tệp .xlsx hoặc .pdf")
    p = allowance_sub.add_parser("add", parents=[common], help="thêm quyết định hưởng cho một người đã có")
    p.add_argument("--person", required=True, help="mã người (như trong ctxh allowance list --json)")
    p.add_argument("--clause", required=True, help="diện hưởng, ví dụ TCXH_05A, TCXH_06_DBN, CS_HGD_KT_DBN")
    p.add_argument("--decision-no", required=True, help="số quyết định")
    p.add_argument("--decision-date", required=True, metavar="YYYY-MM-DD", help="ngày ký quyết định")
    p.add_argument("--from", dest="start", metavar="YYYY-MM", help="hưởng từ tháng (mặc định: tháng ký)")
    p.add_argument("--coefficient", help="hệ số nếu quyết định ghi khác hệ số của diện hưởng")
    p.add_argument("--children", type=int, help="TCXH_04: số con đang nuôi")
    p = allowance_sub.add_parser("end", parents=[common], help="thôi hưởng: tháng cuối cùng được chi trả và lý do")
    p.add_argument("decision", help="mã quyết định")
    p.add_argument("--last-month", required=True, metavar="YYYY-MM", help="tháng cuối cùng được chi trả")
    p.add_argument("--reason", required=True,
                   choices=("CHET", "CHUYEN_DI", "KHONG_DU_DK", "HUU_TRI_XH", "CO_SO_TGXH", "KHAC"))
    p = allowance_sub.add_parser("standards", parents=[common],
                                 help="mức chuẩn mới chờ chấp nhận và những gì nó thay đổi; --accept để áp dụng")
    p.add_argument("--accept", action="store_true", help="chấp nhận (từ nay sổ chi trả theo mức chuẩn mới)")


def month_of(text: str | None, option: str = "--month") -> dt.date:
    """A month from "YYYY-MM" (this month when None); E_MONTH_VALUE naming the option otherwise."""
    if text is None:
        return dt.date.today().replace(day=1)
    try:
        year, month = text.split("-")
        return dt.date(int(year), int(month), 1)
    except ValueError:
        raise CtxhError("E_MONTH_VALUE", what=f"{option} {text}") from None


def _day(text: str, option: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise CtxhError("E_DAY_VALUE", what=f"{option} {text}") from None


def _money(value: int | None) -> str:
    return "—" if value is None else f"{value:,}".replace(",", ".")


def cmd_allowance(args: argparse.Namespace, render_pdf: PdfRenderer | None) -> int:
    """Run one `ctxh allowance` subcommand."""
    from desktop.core.services import allowances as service

    command = args.allowance_command
    if command == "payments":  # the options first: a wrong month is said before the passphrase is asked
        month = month_of(args.month)
        if args.out.suffix.lower() not in (".xlsx", ".pdf"):
            raise CtxhError("E_REPORT_OUT", file=args.out.name)
    ctx = open_profile(args)
    if command == "import":
        from desktop.core.services.allowance_import import import_allowances

        result = import_allowances(ctx, args.file, args.sheet, annotate_to=args.annotated,
                                   choices=mapping_choices(ctx, args))
        code = import_report(args, result.report, "người mới") if not args.json else 0
        if args.json:
            emit(args, result.as_json(), str)
        else:
            print(f"Đã ghi {result.decisions} quyết định hưởng ({result.already} đã có từ trước).")
            for d in result.differences:
                what = "hệ số" if d["field"] == "coefficient" else "số tiền"
                print(f"  Dòng {d['row']}: {what} trong danh sách {d['written']} khác {what} theo diện hưởng "
                      f"{d['by_clause']} — giữ như danh sách, cần xem lại.")
        return 1 if result.rejected else code
    if command == "list":
        reg = service.register(ctx, month_of(args.month))
        emit(args, reg.as_json(), lambda: "\n".join(
            [f"Tháng {reg.month:%m/%Y}: mức chuẩn {_money(reg.standard)} đ; trợ cấp {_money(reg.allowance_total)} đ, "
             f"hỗ trợ chăm sóc {_money(reg.care_total)} đ."]
            + [f"{ln.person.get('full_name')}\t{ln.decision['clause']}\t{ln.coefficient:g}\t{_money(ln.amount)}"
               + (f"\t{', '.join(ln.flags)}" if ln.flags else "") for ln in reg.lines]))
        return 0
    if command == "payments":
        from desktop.core.services.allowance_documents import export_payments

        done = export_payments(ctx, service.payment_list(ctx, month), args.out, render_pdf)
        emit(args, done, lambda: (
            f"Đã lưu danh sách chi trả tháng {month:%m/%Y} ra {args.out}: trợ cấp {_money(done['allowance_total'])} đ, "
            f"hỗ trợ chăm sóc {_money(done['care_total'])} đ; tăng {done['increases']}, giảm {done['decreases']}, "
            f"điều chỉnh {done['adjusted']}."))
        return 0
    if command == "add":
        values = {"beneficiary_id": args.person, "clause": args.clause, "decision_no": args.decision_no,
                  "decision_date": _day(args.decision_date, "--decision-date"),
                  "start_month": month_of(args.start, "--from") if args.start else
                  _day(args.decision_date, "--decision-date"),
                  "coefficient": args.coefficient, "children": args.children}
        decision_id, _changed = service.add_decision(ctx, {k: v for k, v in values.items() if v is not None})
        emit(args, {"decision": decision_id}, lambda: say(f"Đã thêm quyết định {decision_id}.",
                                                          f"Decision {decision_id} added."))
        return 0
    if command == "end":
        last = month_of(args.last_month, "--last-month")
        service.end_decision(ctx, args.decision, last, args.reason)
        emit(args, {"decision": args.decision, "last_month": last.isoformat()[:7], "reason": args.reason},
             lambda: say(f"Đã ghi thôi hưởng từ sau tháng {last:%m/%Y}.", f"Ended after {last:%m/%Y}."))
        return 0
    changes = service.standard_changes(ctx)
    accepted = service.accept_standards(ctx) if args.accept and changes else 0
    emit(args, {"changes": changes, "accepted": accepted}, lambda: "\n".join(
        [f"{c['month']}\t{c['full_name']}\t{c['clause']}\t{_money(c['before'])} → {_money(c['after'])}"
         for c in changes] + [f"Đã chấp nhận {accepted} mức chuẩn mới." if accepted else
                              ("Không có mức chuẩn mới." if not changes else
                               "Chạy lại với --accept để áp dụng.")]))
    return 0
