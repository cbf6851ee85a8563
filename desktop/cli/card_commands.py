"""`ctxh card read IMAGE`: a citizen's card read from a photo, the headless twin of "Đọc từ thẻ"; and
`ctxh verify-print IMAGE`: whether a printed form or report is genuine and still matches its record."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from desktop.cli.common import emit, open_profile, say


def add_parsers(sub: Any, common: argparse.ArgumentParser) -> None:
    """`ctxh card read` and `ctxh verify-print`."""
    card = sub.add_parser("card", parents=[common], help="đọc thẻ CCCD / căn cước từ ảnh chụp mã QR")
    card_sub = card.add_subparsers(dest="card_command", metavar="read", required=True)
    p = card_sub.add_parser("read", parents=[common], help="đọc mã QR của thẻ trong một ảnh (JPEG, PNG…)")
    p.add_argument("image", type=Path)
    p.add_argument("--find", action="store_true",
                   help="tìm người đã có số CCCD / CMND này trong hồ sơ (cần đăng nhập) / look up who has it")
    p = sub.add_parser("verify-print", parents=[common],
                       help="kiểm tra mã QR trên biểu mẫu, báo cáo đã in (ảnh chụp hoặc bản quét)")
    p.add_argument("image", type=Path)


def _card_lines(data: dict[str, Any]) -> str:
    from desktop.core.messages import field_label, format_message

    layout = say("thẻ CCCD gắn chip", "chip CCCD") if data["layout"] == "cccd_chip" else say("thẻ căn cước",
                                                                                              "căn cước card")
    lines = [say(f"Đã đọc {layout}:", f"Read a {layout}:")]
    for name, value in data["fields"].items():
        if name in ("birth_date", "id_issued_on"):
            value = f"{value[8:10]}/{value[5:7]}/{value[:4]}"
        elif name == "gender":
            value = {"NAM": say("Nam", "Male"), "NU": say("Nữ", "Female")}.get(value, value)
        lines.append(f"  {field_label(name)}: {value}")
    if data["extra_fields"]:
        lines.append(say(f"  ({data['extra_fields']} trường khác của thẻ không dùng đến)",
                         f"  ({data['extra_fields']} other field(s) of the card not used)"))
    for problem in data["problems"]:
        lines.append(say("Cảnh báo: ", "Warning: ") + format_message(problem["code"], problem["params"]))
    existing = data.get("existing")
    if existing is not None:
        for person in existing["beneficiaries"]:
            cases = ", ".join(c["case_no"] for c in person["cases"])
            lines.append(say(f"Đã có đối tượng: {person['full_name']}", f"Already here: {person['full_name']}")
                         + (f" ({cases})" if cases else ""))
        for worker in existing["workers"]:
            lines.append(say(f"Đã có trong danh sách đội ngũ: {worker['full_name']}",
                             f"Already on the roster: {worker['full_name']}"))
        if not existing["beneficiaries"] and not existing["workers"]:
            lines.append(say("Chưa có ai mang số này trong hồ sơ.", "Nobody here carries this number yet."))
    return "\n".join(lines)


def cmd_card(args: argparse.Namespace) -> int:
    """Read the card in args.image; exit 1 when its number contradicts its own fields."""
    from desktop.core.qr_images import Picture
    from desktop.core.services.card_reading import read_card

    ctx = open_profile(args) if args.find else None
    data = read_card(ctx, Picture.from_file(args.image))
    emit(args, data, lambda: _card_lines(data))
    return 1 if data["problems"] else 0


def cmd_verify_print(args: argparse.Namespace) -> int:
    """Check the seals in args.image: exit 0 when every one is genuine and current, 1 otherwise."""
    from desktop.core.qr_images import Picture
    from sync.hub.print_check import check_print_here
    from sync.print_seals import verdict_lines

    results = check_print_here(open_profile(args), Picture.from_file(args.image))
    emit(args, results, lambda: "\n".join(line for r in results for line in verdict_lines(r) if line))
    return 0 if all(r["verdict"] == "current" for r in results) else 1


COMMANDS = {"card": cmd_card, "verify-print": cmd_verify_print}
