"""The sync subcommands of ctxh: device card, trust, bundle export|verify|import|ledger, conflicts."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from desktop.cli.common import bundle_outcome_line, emit, say


def add_parsers(sub: Any, common: argparse.ArgumentParser) -> None:
    """Add the sync subcommands to the ctxh parser."""
    device = sub.add_parser("device", parents=[common], help="máy này: thẻ công khai để đăng ký với tỉnh")
    device_sub = device.add_subparsers(dest="device_command", metavar="card", required=True)
    p = device_sub.add_parser("card", parents=[common], help="in hoặc lưu thẻ công khai của máy (khóa, dấu vân tay)")
    p.add_argument("--out", type=Path, help="lưu thẻ vào tệp này")
    trust = sub.add_parser("trust", parents=[common], help="tin cậy thẻ của tỉnh/huyện hoặc máy cùng xã")
    trust_sub = trust.add_subparsers(dest="trust_command", metavar="add|list", required=True)
    p = trust_sub.add_parser("add", parents=[common], help="cài thẻ (hub hoặc máy cùng xã) từ tệp")
    p.add_argument("file", type=Path)
    trust_sub.add_parser("list", parents=[common], help="các thẻ đang tin cậy")
    bundle = sub.add_parser("bundle", parents=[common], help="gói dữ liệu đồng bộ: xuất, kiểm tra, nhập")
    bundle_sub = bundle.add_subparsers(dest="bundle_command", metavar="export|verify|import|ledger", required=True)
    p = bundle_sub.add_parser("export", parents=[common], help="xuất các thay đổi thành gói đã ký và mã hóa")
    p.add_argument("--out", type=Path, required=True, help="thư mục đích (USB, thư mục gửi thư)")
    p.add_argument("--max-mb", type=float, default=20, help="cỡ tối đa mỗi tệp (MB, mặc định 20: vừa tệp đính kèm)")
    p.add_argument("--from", dest="after", type=int,
                   help="xuất lại từ sau số thứ tự này (mặc định: sau lần xuất trước)")
    p = bundle_sub.add_parser("verify", parents=[common], help="kiểm tra gói (chữ ký, toàn vẹn, phạm vi) mà không nhập")
    p.add_argument("files", type=Path, nargs="+")
    p = bundle_sub.add_parser("import", parents=[common], help="nhập gói từ tỉnh/huyện hoặc máy cùng xã")
    p.add_argument("files", type=Path, nargs="+")
    bundle_sub.add_parser("ledger", parents=[common], help="sổ các gói đã xuất và nhập")
    conflicts = sub.add_parser("conflicts", parents=[common], help="các xung đột chờ cán bộ giải quyết")
    conflicts_sub = conflicts.add_subparsers(dest="conflicts_command", metavar="list|resolve")
    conflicts_sub.add_parser("list", parents=[common], help="liệt kê xung đột")
    p = conflicts_sub.add_parser("resolve", parents=[common], help="giải quyết một xung đột")
    p.add_argument("id", type=int)
    p.add_argument("choice", choices=("kept", "other"), help="kept: giữ giá trị đang dùng; other: lấy giá trị kia")


def cmd_device(args: argparse.Namespace, ctx: Any) -> int:
    from sync.cards import save_this_laptop_card, this_laptop_card

    card = save_this_laptop_card(ctx, args.out) if args.out else this_laptop_card(ctx)
    emit(args, card, lambda: say(f"Máy {card['name']} ({card['partition']})\nDấu vân tay: {card['fingerprint']}",
                                 f"Laptop {card['name']} ({card['partition']})\nFingerprint: {card['fingerprint']}")
         + (say(f"\nĐã lưu thẻ: {args.out}", f"\nCard saved: {args.out}") if args.out else ""))
    return 0


def cmd_trust(args: argparse.Namespace, ctx: Any) -> int:
    from sync.cards import trust_card_file, trusted_cards

    if args.trust_command == "list":
        cards = trusted_cards(ctx)
        emit(args, {"cards": cards}, lambda: "\n".join(
            f"{c['kind']}\t{c['name']}\t{c['partition']}\t{c['fingerprint']}" for c in cards)
            or say("(chưa có)", "(none)"))
        return 0
    card = trust_card_file(ctx, args.file)
    emit(args, card, lambda: say(
        f"Đã tin cậy {card['name']} — dấu vân tay {card['fingerprint']}. "
        "Hãy đọc dấu vân tay này qua điện thoại với người gửi.",
        f"Trusted {card['name']} — fingerprint {card['fingerprint']}. Read it over the phone with the sender."))
    return 0


def _files_exit(outcomes: list[Any]) -> int:
    refused = sum(not o.ok for o in outcomes)
    return 0 if not refused else (2 if refused == len(outcomes) else 1)


def cmd_bundle(args: argparse.Namespace, ctx: Any) -> int:
    if args.bundle_command == "export":
        from sync.exporting import export_bundles

        result = export_bundles(ctx, args.out, int(args.max_mb * 1024 * 1024), args.after)
        emit(args, result.as_json(), lambda: (
            f"Đã xuất và kiểm tra {result.changes} thay đổi (số {result.seq_from + 1}–{result.seq_to}) vào "
            f"{len(result.files)} tệp:\n" + "\n".join(f"  {f}" for f in result.files)) if result.files
            else "Không có thay đổi mới để xuất.")
        return 0
    if args.bundle_command == "ledger":
        from desktop.core.repositories import sync_store as store

        with ctx.db.reader() as session:
            rows = store.ledger(session)
        emit(args, {"bundles": rows}, lambda: "\n".join(
            f"{r['at']:%d/%m/%Y %H:%M}\t{r['direction']}\t{r['state']}\t{r['changes']}\t{r['file_name']}"
            for r in rows) or "(chưa có gói nào)")
        return 0
    from desktop.core.context import HUB
    from sync.importing import import_files, verify_files

    if ctx.role == HUB:  # a province officer checks (or takes) a file as `hub import` would
        from sync.hub import inbox

        outcomes = inbox.verify_paths(ctx, args.files) if args.bundle_command == "verify" else \
            inbox.import_paths(ctx, args.files).files
    else:
        outcomes = (verify_files if args.bundle_command == "verify" else import_files)(ctx, args.files)
    emit(args, {"files": [o.as_json() for o in outcomes]}, lambda: "\n".join(bundle_outcome_line(o) for o in outcomes))
    return _files_exit(outcomes)


def cmd_conflicts(args: argparse.Namespace, ctx: Any) -> int:
    from desktop.core.services.conflicts import list_conflicts, resolve_conflict

    if getattr(args, "conflicts_command", None) == "resolve":
        resolve_conflict(ctx, args.id, args.choice)
        emit(args, {"resolved": args.id}, lambda: say(f"Đã giải quyết xung đột {args.id}.",
                                                      f"Conflict {args.id} resolved."))
        return 0
    rows = list_conflicts(ctx)
    emit(args, {"conflicts": rows}, lambda: "\n".join(
        f"{r['id']}\t{r['entity']}\t{r['label']}\t{r['field']}: «{r['kept_value']}» ({r['kept_author']}) / "
        f"«{r['other_value']}» ({r['other_author']})" for r in rows) or "Không có xung đột.")
    return 0


COMMANDS = {"device": cmd_device, "trust": cmd_trust, "bundle": cmd_bundle, "conflicts": cmd_conflicts}
