"""`ctxh hub …`: the province's side — init, card, enroll, revoke, devices, import, export, status."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from desktop.cli.common import bundle_outcome_line, emit
from desktop.core.errors import CtxhError
from desktop.core.messages import format_message


def add_parsers(sub: Any, common: argparse.ArgumentParser) -> None:
    """Add `ctxh hub` and its subcommands."""
    hub = sub.add_parser("hub", parents=[common], help="máy chủ tỉnh/huyện: nhận, kiểm tra, hợp nhất gói của các xã")
    hub_sub = hub.add_subparsers(dest="hub_command", required=True,
                                 metavar="init|card|enroll|revoke|devices|rotate-root|import|export|status|report|duplicates")
    p = hub_sub.add_parser("init", parents=[common], help="tạo hồ sơ máy chủ: khóa gốc, khóa dự phòng, CSDL")
    p.add_argument("--province", required=True, help="mã tỉnh/thành (2 số)")
    p.add_argument("--name", required=True, help="tên đơn vị, ví dụ «Sở Y tế Hà Nội»")
    p.add_argument("--db", help="CSDL PostgreSQL (postgresql+psycopg://…); mặc định: tệp SQLite trong hồ sơ")
    p.add_argument("--escrow-out", type=Path, required=True,
                   help="tệp phiếu khôi phục (khóa dự phòng) mang đi, ví dụ trên USB — không nằm trong hồ sơ máy chủ")
    p = hub_sub.add_parser("card", parents=[common], help="thẻ công khai của máy chủ cho các máy xã")
    p.add_argument("--out", type=Path, required=True)
    p = hub_sub.add_parser("enroll", parents=[common], help="đăng ký máy xã từ thẻ (sau khi đọc dấu vân tay)")
    p.add_argument("card", type=Path)
    p.add_argument("--out", type=Path, required=True, help="thư mục ghi gói chứng nhận gửi về máy xã")
    p = hub_sub.add_parser("revoke", parents=[common], help="thu hồi một máy (mất, hỏng, nghỉ việc)")
    p.add_argument("device")
    hub_sub.add_parser("devices", parents=[common], help="các máy đã đăng ký")
    hub_sub.add_parser("rotate-root", parents=[common],
                       help="thay khóa gốc của máy chủ (khóa cũ và mới cùng ký; các máy xã tự chuyển theo)")
    p = hub_sub.add_parser("import", parents=[common], help="nhập mọi gói trong thư mục")
    p.add_argument("folder", type=Path)
    p = hub_sub.add_parser("export", parents=[common], help="gói trả về cho từng máy: xác nhận, thu hồi, danh mục")
    p.add_argument("--out", type=Path, required=True)
    hub_sub.add_parser("status", parents=[common], help="theo từng xã: máy, gói cuối, gói còn thiếu, mã băm")
    p = hub_sub.add_parser("report", parents=[common],
                           help="chỉ tiêu của mọi xã trong tỉnh và toàn tỉnh (kỳ này, kỳ trước) ra tệp .xlsx; "
                                "--commune: báo cáo đầy đủ của một xã")
    p.add_argument("--year", type=int)
    group = p.add_mutually_exclusive_group()
    group.add_argument("--half", type=int, choices=(1, 2))
    group.add_argument("--quarter", type=int, choices=(1, 2, 3, 4))
    group.add_argument("--month", type=int, choices=range(1, 13), metavar="1..12")
    p.add_argument("--from", dest="start", metavar="YYYY-MM-DD")
    p.add_argument("--to", dest="end", metavar="YYYY-MM-DD")
    p.add_argument("--commune", metavar="MÃ_XÃ", help="báo cáo của một xã (như máy của xã lập)")
    p.add_argument("--kind", choices=("tt02", "p112", "workforce"), default="p112")
    p.add_argument("--out", type=Path)
    p = hub_sub.add_parser("duplicates", parents=[common],
                           help="người có ở hai xã (cùng CCCD, cùng họ tên và ngày sinh, hoặc có thể trùng), "
                                "người đang hưởng trợ cấp ở cả hai xã trước; «decide CẶP same|different»")
    p.add_argument("action", nargs="?", choices=("list", "decide", "decided"), default="list")
    p.add_argument("pair", nargs="?", help="mã cặp (ít nhất 6 ký tự đầu)")
    p.add_argument("decision", nargs="?", choices=("same", "different"),
                   help="same: cùng một người; different: hai người khác nhau")
    p.add_argument("--keep", metavar="MÃ_XÃ", help="same: xã/phường giữ hồ sơ (xã kia được báo thôi chi trả)")
    p.add_argument("--note", help="ghi chú gửi kèm quyết định")


def cmd_hub(args: argparse.Namespace, data_dir: Path) -> int:
    """Run one `ctxh hub` subcommand on the hub profile at `data_dir`."""
    from desktop.core.profile import HUB, Profile

    if args.hub_command == "init":
        from desktop.cli.common import passphrase
        from sync.hub import profile as hub_profile

        if not getattr(args, "user", None):
            raise CtxhError("E_NO_USER")
        ctx = hub_profile.init_hub(data_dir, args.province, args.name, args.db,
                                   user=(args.user, passphrase(confirm=True)), escrow_out=args.escrow_out)
        card = hub_profile.card(ctx)
        sheet = args.escrow_out.read_text(encoding="utf-8")
        emit(args, {**card, "escrow_sheet": str(args.escrow_out)}, lambda: "\n".join([
            format_message("HUB_INIT_DONE", {"name": card["name"], "fingerprint": card["fingerprint"],
                                            "sheet": args.escrow_out}), "", sheet]))
        return 0
    if Profile(data_dir).role != HUB:  # refused before the database is touched
        raise CtxhError("E_NOT_HUB", path=str(data_dir))
    from desktop.cli.common import open_profile

    ctx = open_profile(args)
    return HUB_COMMANDS[args.hub_command](args, ctx)


def _card(args: argparse.Namespace, ctx: Any) -> int:
    from desktop.core.files import replace_atomically
    from sync.hub.profile import card

    text = json.dumps(card(ctx), ensure_ascii=False, indent=2)
    replace_atomically(args.out, lambda partial: partial.write_text(text, encoding="utf-8"))
    emit(args, card(ctx), lambda: f"Đã lưu thẻ máy chủ: {args.out} (dấu vân tay {card(ctx)['fingerprint']})")
    return 0


def _enroll(args: argparse.Namespace, ctx: Any) -> int:
    from sync.cards import read_card_file
    from sync.hub.outbox import enrolment_bundle

    card = read_card_file(args.card)
    path = enrolment_bundle(ctx, card, args.out)
    emit(args, {"device": card["id"], "partition": card["partition"], "file": str(path)},
           lambda: f"Đã đăng ký {card['name']} ({card['partition']}), dấu vân tay {card['fingerprint']}.\n"
                   f"Gửi tệp này về máy xã để nhập: {path}")
    return 0


def _revoke(args: argparse.Namespace, ctx: Any) -> int:
    from sync.hub.devices import revoke

    at = revoke(ctx, args.device)
    emit(args, {"device": args.device, "revoked_at": at},
           lambda: f"Đã thu hồi máy {args.device} từ {at}. Gói «ctxh hub export» sẽ báo cho các máy khác.")
    return 0


def _devices(args: argparse.Namespace, ctx: Any) -> int:
    from sync.hub.devices import devices

    rows = devices(ctx)
    emit(args, {"devices": rows}, lambda: "\n".join(
        f"{d['partition']}\t{d['name']}\t{d['fingerprint']}" + ("\tĐÃ THU HỒI" if d["revoked_at"] else "")
        for d in rows) or "(chưa có máy nào)")
    return 0


def _import(args: argparse.Namespace, ctx: Any) -> int:
    from sync.hub.inbox import import_folder

    result = import_folder(ctx, args.folder)
    totals = result.totals()
    def human() -> str:
        lines = [bundle_outcome_line(outcome) for outcome in result.files]
        lines.append(format_message("HUB_IMPORT_TOTALS", totals))
        if result.transferred:
            lines.append(format_message("HUB_TRANSFERRED", {"count": len(result.transferred)}))
        lines += [format_message("HUB_RECEIPT_CODE", receipt) for receipt in result.receipts]
        return "\n".join(lines)

    emit(args, result.as_json(), human)
    return 0 if not totals["refused"] else (2 if totals["refused"] == totals["files"] else 1)


def _export(args: argparse.Namespace, ctx: Any) -> int:
    from sync.hub.outbox import export_all

    files = export_all(ctx, args.out)
    emit(args, {"files": [str(f) for f in files]},
           lambda: f"Đã ghi {len(files)} gói trả về vào {args.out}.")
    return 0


def _status(args: argparse.Namespace, ctx: Any) -> int:
    from sync.hub.status import hub_status

    data = hub_status(ctx)
    emit(args, data, lambda: "\n".join(
        f"{p}: {len(c['devices'])} máy, chờ {c['waiting']} (thiếu {c['gaps']} gói), cách ly {c['quarantined']}, "
        f"xung đột {c['conflicts']}, mã băm {c['digest'][:16]}…"
        for p, c in sorted(data["communes"].items())) + f"\nXung đột: {data['conflicts']}")
    return 0


def _report(args: argparse.Namespace, ctx: Any) -> int:
    from desktop.cli.report_commands import period_from_args
    from desktop.core.errors import CtxhError
    from sync.hub.report import commune_report, province_report, summary, write_report

    period = period_from_args(args)
    if args.out is not None and args.out.suffix.lower() != ".xlsx":
        raise CtxhError("E_REPORT_OUT", file=args.out.name)
    if args.commune:
        from desktop.core.services.report_documents import export_report
        from desktop.core.services.reports import report_json

        report = commune_report(ctx, args.commune, args.kind, period)
        if args.out is not None:
            export_report(ctx, report, args.out, getattr(args, "lang", None) or "vi")
        emit(args, report_json(report), lambda: f"{report.unit} — {period.label}"
             + (f": đã ghi {args.out}" if args.out else ""))
        return 0
    totals = write_report(ctx, period, args.out) if args.out is not None else summary(province_report(ctx, period))
    emit(args, totals, lambda: f"Báo cáo {period.label}: {totals['communes']} xã, {totals['communes_with_data']} xã "
         "đã gửi số liệu" + (f"; đã ghi {args.out}" if args.out else ""))
    return 0


def _duplicates(args: argparse.Namespace, ctx: Any) -> int:
    from desktop.core.errors import CtxhError
    from sync.hub import duplicates

    if args.action == "decide":
        if not args.pair or not args.decision:
            raise CtxhError("E_ARGS", detail="ctxh hub duplicates decide CẶP same|different [--keep MÃ_XÃ]")
        done = duplicates.decide(ctx, args.pair, args.decision, args.keep, args.note)
        emit(args, done, lambda: f"Đã ghi quyết định cho cặp {done['pair'][:8]}: "
             + ("cùng một người, xã " + str(done["keeper"]).split(":")[1] + " giữ hồ sơ"
                if done["decision"] == "same" else "hai người khác nhau")
             + ". Hai xã nhận được qua gói «ctxh hub export» tiếp theo.")
        return 0
    if args.action == "decided":
        rows = duplicates.decisions(ctx)
        emit(args, {"decisions": rows}, lambda: "\n".join(
            f"{r['pair'][:8]}\t{r['decision']}\t{r['keeper'] or ''}\t{r['decided_on']}" for r in rows))
        return 0
    pairs = duplicates.find_duplicates(ctx)

    def human() -> str:
        lines = [f"{len(pairs)} cặp chưa quyết định; {sum(p['both_paid'] for p in pairs)} người đang hưởng trợ cấp "
                 "ở cả hai xã."]
        for p in pairs:
            a, b = p["records"]
            paid = "CHI TRẢ HAI NƠI  " if p["both_paid"] else ""
            lines.append(f"{p['short']}  {p['kind']:<10} {p['score']:>5}  {paid}"
                         f"{a['full_name']} ({a['commune']}) — {b['full_name']} ({b['commune']}): "
                         + ", ".join(e["label"] for e in p["evidence"]))
        return "\n".join(lines)

    emit(args, {"pairs": pairs}, human)
    return 0


def _rotate_root(args: argparse.Namespace, ctx: Any) -> int:
    from sync.hub.profile import rotate_root

    card = rotate_root(ctx)
    emit(args, card, lambda: (
        f"Đã thay khóa gốc (phiên bản {card['root_version']}). Dấu vân tay mới: {card['fingerprint']}\n"
        "Các máy xã tự chuyển sang khóa mới khi nhập gói «ctxh hub export» tiếp theo; máy mới cài thẻ mới "
        "(ctxh hub card). Khóa gốc cũ đã bị hủy."))
    return 0


HUB_COMMANDS = {"card": _card, "rotate-root": _rotate_root, "enroll": _enroll, "revoke": _revoke, "devices": _devices,
                "import": _import,
                "export": _export, "status": _status, "report": _report, "duplicates": _duplicates}
