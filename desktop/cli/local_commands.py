"""The laptop's own ctxh subcommands: set-up, demo data, status, search, checks, backups, Excel lists, users."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from desktop.cli.common import (
    data_dir,
    emit,
    import_report,
    mapping_choices,
    new_passphrase,
    open_profile,
    passphrase,
    say,
    username,
)


def add_parsers(sub: Any, common: argparse.ArgumentParser) -> None:
    """Register the laptop's subcommands on `sub`."""
    p = sub.add_parser("init", parents=[common], help="thiết lập hồ sơ mới cho máy này")
    p.add_argument("--province", required=True, help="mã tỉnh/thành 2 chữ số, ví dụ 01")
    p.add_argument("--commune", required=True, help="mã xã/phường 5 chữ số, ví dụ 00004")
    p.add_argument("--device-name", required=True, help="tên máy, ví dụ «Máy cán bộ VHXH»")
    p.add_argument("--display-name", default="", help="họ tên hiển thị")
    p = sub.add_parser("demo", parents=[common], help="thêm dữ liệu mẫu (xác định theo --seed)")
    p.add_argument("--cases", type=int, default=2000)
    p.add_argument("--workers", type=int, default=12)
    p.add_argument("--seed", type=int, default=1)
    sub.add_parser("status", parents=[common], help="số bản ghi và mã băm nội dung")
    p = sub.add_parser("search", parents=[common], help="tìm người và hồ sơ (không cần dấu)")
    p.add_argument("text")
    p.add_argument("--limit", type=int, default=20)
    sub.add_parser("db-check", parents=[common], help="kiểm tra toàn vẹn cơ sở dữ liệu")
    roster = sub.add_parser("roster", parents=[common], help="danh sách đội ngũ: nhập/xuất Excel")
    roster_sub = roster.add_subparsers(dest="roster_command", metavar="import|export", required=True)
    p = roster_sub.add_parser("import", parents=[common], help="nhập danh sách từ tệp .xlsx")
    list_import_options(p)
    p.add_argument("--default-category", default="CTV_CTXH",
                   help="loại nhân lực khi tệp không có cột này (mặc định CTV_CTXH)")
    p = roster_sub.add_parser("export", parents=[common], help="xuất danh sách và lịch sử tập huấn ra .xlsx")
    p.add_argument("file", type=Path)
    training = sub.add_parser("training", parents=[common], help="lớp tập huấn, bồi dưỡng: nhập danh sách học viên")
    training_sub = training.add_subparsers(dest="training_command", metavar="import", required=True)
    p = training_sub.add_parser("import", parents=[common],
                                help="nhập danh sách học viên một lớp (người có trong danh sách đội ngũ)")
    list_import_options(p, duplicates=False)
    p.add_argument("--course-id", help="mã lớp đã có (mặc định: tạo lớp mới theo tiêu đề tệp hoặc các tùy chọn dưới)")
    p.add_argument("--title", help="tên lớp (mặc định: đọc ở phần tiêu đề của tệp)")
    p.add_argument("--kind", choices=("TAP_HUAN", "BOI_DUONG", "DAO_TAO"), help="loại lớp")
    p.add_argument("--start", help="ngày bắt đầu (dd/mm/yyyy)")
    p.add_argument("--end", help="ngày kết thúc (dd/mm/yyyy)")
    p.add_argument("--hours", type=int, help="số giờ")
    p.add_argument("--organiser", help="đơn vị tổ chức")
    case = sub.add_parser("case", parents=[common], help="đối tượng và hồ sơ: nhập/xuất Excel")
    case_sub = case.add_subparsers(
        dest="case_command", required=True,
        metavar="import|export|transfer|advance|submit|decide|close|reopen|note|timeline")
    p = case_sub.add_parser("import", parents=[common], help="nhập danh sách đối tượng từ .xlsx (mỗi người một hồ sơ)")
    list_import_options(p)
    p = case_sub.add_parser("export", parents=[common], help="xuất hồ sơ và dịch vụ đã cung cấp ra .xlsx")
    p.add_argument("file", type=Path)
    p = case_sub.add_parser("transfer", parents=[common],
                            help="đối tượng chuyển nơi ở: kết thúc hồ sơ ở đây, tỉnh mở lại ở xã/phường mới")
    p.add_argument("case", help="số hồ sơ (ví dụ 2026-00012) hoặc mã hồ sơ")
    p.add_argument("--to", required=True, help="mã xã/phường nơi đối tượng chuyển đến (5 số)")
    p.add_argument("--note", help="ghi chú cho bước đang làm")
    from desktop.cli.case_commands import add_parsers as add_case_workflow

    add_case_workflow(case_sub, common)
    user = sub.add_parser("user", parents=[common], help="tài khoản đăng nhập trên máy này")
    user_sub = user.add_subparsers(dest="user_command", metavar="add|list|deactivate|reset|passwd",
                                   required=True)
    p = user_sub.add_parser("add", parents=[common], help="thêm tài khoản (mật khẩu mới từ CTXH_NEW_PASSPHRASE)")
    p.add_argument("username")
    p.add_argument("--role", choices=("ADMIN", "OFFICER", "APPROVER", "COLLABORATOR", "VIEWER"),
                   default="COLLABORATOR")
    p.add_argument("--worker", help="mã người trong danh sách đội ngũ (bắt buộc với cộng tác viên)")
    p.add_argument("--display-name", default="")
    user_sub.add_parser("list", parents=[common], help="liệt kê tài khoản")
    p = user_sub.add_parser("deactivate", parents=[common], help="khóa hẳn một tài khoản")
    p.add_argument("username")
    p = user_sub.add_parser("reset", parents=[common], help="đặt mật khẩu mới cho một tài khoản (quản trị)")
    p.add_argument("username")
    user_sub.add_parser("passwd", parents=[common], help="đổi mật khẩu của chính mình")
    p = sub.add_parser("recover", parents=[common],
                       help="tỉnh khôi phục hồ sơ khi mất mật khẩu: mở bằng phiếu khôi phục, đặt mật khẩu mới")
    p.add_argument("--escrow-key", type=Path, required=True, help="tệp phiếu khôi phục của tỉnh")
    p = sub.add_parser("audit", parents=[common], help="nhật ký truy cập (quản trị): liệt kê, lọc")
    p.add_argument("--action", help="chỉ loại việc này, ví dụ sign_in_failed, export, view_case")
    p.add_argument("--by", help="chỉ người dùng này")
    p.add_argument("--limit", type=int, default=50)
    p = sub.add_parser("backup", parents=[common], help="sao lưu cơ sở dữ liệu, đã mã hóa (an toàn khi đang ghi)")
    p.add_argument("--out", type=Path, help="tệp hoặc thư mục đích, ví dụ USB (mặc định: thư mục backups của hồ sơ)")
    p = sub.add_parser("restore", parents=[common], help="khôi phục từ bản sao lưu (bản hiện tại được giữ lại)")
    p.add_argument("file", type=Path)


def list_import_options(p: argparse.ArgumentParser, duplicates: bool = True) -> None:
    """What every Excel list import takes: the file, its sheet, what to do with people already here, where
    the annotated copy goes, and the answers of the mapping step."""
    p.add_argument("file", type=Path, help="tệp .xlsx, .xls, .xlsb hoặc .ods")
    p.add_argument("--sheet", help="tên trang tính (mặc định: trang đầu tiên đang hiện)")
    if duplicates:
        p.add_argument("--duplicates", choices=("skip", "merge"), default="skip",
                       help="người đã có (cùng CCCD, hoặc cùng họ tên và ngày sinh): bỏ qua hay gộp")
    p.add_argument("--annotated", type=Path, help="nơi lưu bản sao có đánh dấu lỗi (mặc định: cạnh tệp gốc)")
    p.add_argument("--map", action="append", default=[], metavar="DANH_MỤC:GIÁ_TRỊ=MÃ",
                   help="giá trị chưa xếp được vào mã, ví dụ «target_group:Người cao tuổi=TCXH_05C» (nhớ cho lần "
                        "sau); lặp lại được")
    p.add_argument("--keep", action="append", default=[], metavar="DANH_MỤC:GIÁ_TRỊ",
                   help="giữ nguyên giá trị như trong tệp (ghi vào việc cần làm để xếp sau); lặp lại được")


def cmd_init(args: argparse.Namespace) -> int:
    from desktop.core.errors import CtxhError
    from desktop.core.services.setup import SetupRequest
    from sync.laptop_setup import set_up_laptop

    if not getattr(args, "user", None):
        raise CtxhError("E_NO_USER")
    ctx = set_up_laptop(data_dir(args), SetupRequest(
        province_code=args.province, commune_code=args.commune, device_name=args.device_name,
        username=args.user, passphrase=passphrase(confirm=True), display_name=args.display_name,
    ))
    data = {"data_dir": str(ctx.profile.root), "device_id": ctx.device_id, "partition": ctx.partition}
    emit(args, data, lambda: say(f"Đã thiết lập hồ sơ tại {ctx.profile.root} (máy {ctx.device_name}, {ctx.partition}).",
                                 f"Profile set up in {ctx.profile.root} (laptop {ctx.device_name}, {ctx.partition})."))
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    from desktop.core.errors import CtxhError
    from desktop.core.progress import ProgressSink
    from desktop.core.services.demo import generate

    if args.cases < 0 or args.workers < 0:
        raise CtxhError("E_ARGS", detail="--cases và --workers phải ≥ 0")
    ctx = open_profile(args)
    quiet = getattr(args, "json", False)

    def report(done: int, total: int, _label: str) -> None:
        if not quiet:
            print(f"\r  {done:,}/{total:,} hồ sơ".replace(",", "."), end="", file=sys.stderr, flush=True)

    created = generate(ctx, args.cases, args.workers, args.seed, ProgressSink(report))
    if not quiet:
        print(file=sys.stderr)
    emit(args, {"created": created}, lambda: "Đã tạo: " + ", ".join(f"{k} {v}" for k, v in created.items()))
    return 0


def cmd_status(args: argparse.Namespace) -> int:
    from desktop.core.messages import format_message
    from desktop.core.services.status import status
    from sync.status import latest_receipt, sync_warnings

    ctx = open_profile(args)
    data = status(ctx)
    data["province"] = sync_warnings(ctx)  # T18: how old the newest hub bundle is; a fork the hub found
    data["province"]["receipt_code"] = latest_receipt(ctx)  # issue 18: read over the phone with the district
    fresh, fork = data["province"]["freshness"], data["province"]["fork_notice"]

    def human() -> str:
        lines = [format_message("STATUS_DEVICE", {"name": data["device"]["name"],
                                                  "partition": data["device"]["partition"]})]
        lines += [f"  {k}: {v}" for k, v in data["counts"].items()]
        lines.append(format_message("STATUS_DIGEST", {"digest": data["digest"]}))
        if data["province"]["receipt_code"]:
            lines.append(format_message("STATUS_RECEIPT", data["province"]["receipt_code"]))
        if fresh["age_days"] is None:
            lines.append(format_message("STATUS_NO_HUB_BUNDLE"))
        else:
            lines.append(format_message("STATUS_HUB_AGE", {"days": fresh["age_days"], "limit": fresh["freeze_days"]}))
        if fresh["frozen"]:
            lines.append(format_message("STATUS_FROZEN", {"days": fresh["age_days"], "limit": fresh["freeze_days"]}))
        if fork:
            lines.append(format_message("STATUS_FORK", {"epoch": fork["new_epoch"]}))
        return "\n".join(lines)

    emit(args, data, human)
    return 0


def cmd_search(args: argparse.Namespace) -> int:
    from desktop.core.services.search import search
    from desktop.core.text import format_date

    found = search(open_profile(args), args.text, args.limit)
    data = {
        "people": [
            {"kind": kind, "id": r["id"], "full_name": r["full_name"], "birth_date": r["birth_date"]}
            for kind, key in (("worker", "workers"), ("beneficiary", "beneficiaries")) for r in found[key]
        ],
        "cases": [
            {"id": r["id"], "case_no": r["case_no"], "full_name": r["full_name"], "status": r["status"]}
            for r in found["cases"]
        ],
    }
    emit(args, data, lambda: "\n".join(
        [f"Người ({len(data['people'])}):"]
        + [f"  {p['full_name']} — {format_date(p['birth_date'])}" for p in data["people"]]
        + [f"Hồ sơ ({len(data['cases'])}):"] + [f"  {c['case_no']} {c['full_name']}" for c in data["cases"]]
    ))
    return 0


def cmd_db_check(args: argparse.Namespace) -> int:
    from desktop.core.services.maintenance import db_check

    result = db_check(open_profile(args))
    emit(args, result, lambda: "Cơ sở dữ liệu toàn vẹn." if result["ok"] else "\n".join(result["problems"]))
    return 0 if result["ok"] else 1


def cmd_backup(args: argparse.Namespace) -> int:
    from desktop.core.services.maintenance import backup

    path = backup(open_profile(args), args.out)
    emit(args, {"backup": str(path)}, lambda: say(f"Đã sao lưu và kiểm tra: {path}", f"Backed up and checked: {path}"))
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    from desktop.core.services.restore import restore

    done = restore(open_profile(args), args.file)
    emit(args, done, lambda: say(
        f"Đã khôi phục từ {args.file}. Bản trước khi khôi phục: {done['replaced_copy']}. "
        f"Máy bắt đầu kỳ đồng bộ mới ({done['epoch']}): lần xuất tới sẽ gửi lại mọi thay đổi.",
        f"Restored from {args.file}. The copy from before: {done['replaced_copy']}. The laptop starts a new sync "
        f"series ({done['epoch']}): the next export sends every change again."))
    return 0


def cmd_roster(args: argparse.Namespace) -> int:
    if args.roster_command == "export":
        from desktop.core.services.roster_export import export_roster

        counts = export_roster(open_profile(args), args.file)
        emit(args, {"file": str(args.file), **counts},
               lambda: say(f"Đã xuất {counts['workers']} người và {counts['attendances']} lượt tập huấn ra "
                           f"{args.file}.",
                           f"Exported {counts['workers']} people and {counts['attendances']} attendances to "
                           f"{args.file}."))
        return 0
    from desktop.core.services.roster_import import import_roster

    ctx = open_profile(args)
    report = import_roster(ctx, args.file, args.sheet, args.duplicates, args.default_category,
                           annotate_to=args.annotated, choices=mapping_choices(ctx, args))
    return import_report(args, report, "người")


def cmd_training(args: argparse.Namespace) -> int:
    from desktop.core.errors import CtxhError
    from desktop.core.excel.values import cell_date
    from desktop.core.services.training_import import CourseDetails, import_training

    def day(text: str | None, field: str) -> Any:
        try:
            return cell_date(text) if text else None
        except ValueError:
            raise CtxhError("E_DATE", field=field, value=text) from None

    course = CourseDetails(title=args.title, kind=args.kind, start_date=day(args.start, "start_date"),
                           end_date=day(args.end, "end_date"), hours=args.hours, organiser=args.organiser)
    ctx = open_profile(args)
    done = import_training(ctx, args.file, course, args.course_id, args.sheet, args.annotated,
                           mapping_choices(ctx, args))

    def human() -> str:
        lines = [f"Lớp «{done.course.title}»: ghi nhận {done.report.imported} học viên; "
                 f"{done.already} đã có trong lớp; {len(done.not_on_roster)} người không có trong danh sách đội "
                 f"ngũ; {len({p.row for p in done.report.rejected})} dòng bị từ chối."]
        lines += [f"  Dòng {p['row']}: {p['full_name']} — không có trong danh sách đội ngũ" for p in done.not_on_roster]
        lines += [f"  Dòng {p.row}, cột {p.column or p.field}: {p.reason}" for p in done.report.rejected]
        return "\n".join(lines)

    emit(args, done.as_json(), human)
    return 1 if done.report.rejected or done.not_on_roster else 0


def cmd_case(args: argparse.Namespace) -> int:
    from desktop.cli.case_commands import ACTIONS, cmd_case_workflow

    if args.case_command in ACTIONS:
        return cmd_case_workflow(args)
    if args.case_command == "transfer":
        from desktop.core.services.cases import find_case
        from desktop.core.services.workflow import transfer_case

        ctx = open_profile(args)
        case = find_case(ctx, args.case)
        transfer_case(ctx, case["id"], args.to, notes=args.note)
        emit(args, {"case": case["id"], "case_no": case["case_no"], "to": args.to},
               lambda: say(f"Đã kết thúc hồ sơ {case['case_no']} (chuyển nơi ở). Sau lần đồng bộ tới, tỉnh sẽ mở "
                           f"lại hồ sơ ở xã/phường {args.to}.",
                           f"Case {case['case_no']} closed here (moved away). After the next exchange the province "
                           f"opens it in commune {args.to}."))
        return 0
    if args.case_command == "export":
        from desktop.core.services.case_export import export_cases

        counts = export_cases(open_profile(args), args.file)
        emit(args, {"file": str(args.file), **counts},
               lambda: say(f"Đã xuất {counts['cases']} hồ sơ và {counts['services']} lượt dịch vụ ra {args.file}.",
                           f"Exported {counts['cases']} cases and {counts['services']} services to {args.file}."))
        return 0
    from desktop.core.services.case_import import import_cases

    ctx = open_profile(args)
    report = import_cases(ctx, args.file, args.sheet, args.duplicates, annotate_to=args.annotated,
                          choices=mapping_choices(ctx, args))
    return import_report(args, report, "hồ sơ")


def cmd_user(args: argparse.Namespace) -> int:
    from desktop.core.messages import format_message
    from desktop.core.services import auth

    ctx = open_profile(args)
    command = args.user_command
    if command == "list":
        users = auth.list_users(ctx)
        emit(args, {"users": users}, lambda: "\n".join(
            f"{u['username']}\t{u['role']}\t{u['display_name']}" + ("" if u["active"] else "\t—")
            for u in users))
        return 0
    if command == "add":
        user_id = auth.create_user(ctx, args.username, new_passphrase(), args.role, args.worker, args.display_name)
        emit(args, {"user_id": user_id, "username": args.username, "role": args.role},
             lambda: format_message("USER_ADDED", {"username": args.username, "role": args.role}))
        return 0
    if command == "deactivate":
        auth.deactivate_user(ctx, args.username)
        emit(args, {"deactivated": args.username},
             lambda: format_message("USER_DEACTIVATED", {"username": args.username}))
        return 0
    if command == "reset":
        auth.reset_passphrase(ctx, args.username, new_passphrase())
        emit(args, {"reset": args.username}, lambda: format_message("USER_RESET", {"username": args.username}))
        return 0
    auth.change_passphrase(ctx, passphrase(confirm=False), new_passphrase())
    emit(args, {"changed": ctx.actor.username}, lambda: format_message("USER_PASSWD"))
    return 0


def cmd_recover(args: argparse.Namespace) -> int:
    from desktop.core.messages import format_message
    from desktop.core.services.auth import escrow_identity, recover

    identity = escrow_identity(args.escrow_key)
    name = username(args)
    ctx = recover(data_dir(args), identity, name, new_passphrase())
    ctx.db.dispose()
    emit(args, {"recovered": name}, lambda: format_message("RECOVERED", {"username": name}))
    return 0


def cmd_audit(args: argparse.Namespace) -> int:
    from desktop.core.services.audit import list_entries

    rows = list_entries(open_profile(args), action=args.action, username=args.by, limit=args.limit)
    emit(args, {"entries": rows}, lambda: "\n".join(
        f"{r['seq']}\t{r['at']}\t{r['username']}\t{r['action']}\t{r['subject']}" for r in rows))
    return 0


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "init": cmd_init, "demo": cmd_demo, "status": cmd_status, "search": cmd_search,
    "db-check": cmd_db_check, "backup": cmd_backup, "restore": cmd_restore, "roster": cmd_roster,
    "case": cmd_case, "training": cmd_training, "user": cmd_user, "recover": cmd_recover, "audit": cmd_audit,
}
