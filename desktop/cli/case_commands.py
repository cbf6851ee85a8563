"""`ctxh case advance|submit|decide|close|reopen|note|timeline`: a case worked through its process from the
command line, with the same checks as the case page (the window's twin for tests and scripts)."""

from __future__ import annotations

import argparse
import datetime as dt
from typing import Any

from desktop.cli.common import emit, open_profile, say

ACTIONS = ("advance", "submit", "decide", "close", "reopen", "note", "timeline")


def add_parsers(case_sub: Any, common: argparse.ArgumentParser) -> None:
    """The workflow subcommands under `ctxh case`."""
    def parser(name: str, help_text: str) -> argparse.ArgumentParser:
        p: argparse.ArgumentParser = case_sub.add_parser(name, parents=[common], help=help_text)
        p.add_argument("case", help="số hồ sơ (ví dụ 2026-K7QX-00012) hoặc mã hồ sơ / case no. or id")
        return p

    def done_on(p: argparse.ArgumentParser) -> None:
        p.add_argument("--on", help="ngày thực hiện nếu đã làm trên giấy (dd/mm/yyyy [hh:mm]) / the day it was done")

    p = parser("advance", "hoàn thành bước đang làm, chuyển sang bước sau")
    done_on(p)
    p.add_argument("--note", help="ghi chú cho bước vừa xong")
    done_on(parser("submit", "trình Chủ tịch UBND xã phê duyệt bước đang làm"))
    p = parser("decide", "ghi quyết định phê duyệt của Chủ tịch UBND xã")
    p.add_argument("decision", choices=("approved", "rejected"))
    p.add_argument("--number", help="số quyết định, ví dụ 21/QĐ-UBND")
    p.add_argument("--date", help="ngày ký quyết định (dd/mm/yyyy)")
    p.add_argument("--approver", help="họ tên người ký (bắt buộc khi phê duyệt)")
    done_on(p)
    p = parser("close", "kết thúc hồ sơ với lý do (mã trong danh mục closure_reason)")
    p.add_argument("--reason", required=True)
    p.add_argument("--note")
    done_on(p)
    p = parser("reopen", "mở lại hồ sơ đã kết thúc, ghi rõ lý do")
    p.add_argument("--reason", required=True)
    p = parser("note", "ghi chép tiến trình của hồ sơ")
    p.add_argument("text")
    p.add_argument("--on", help="ngày (dd/mm/yyyy), mặc định hôm nay")
    parser("timeline", "mọi việc đã xảy ra với hồ sơ, theo thứ tự thời gian")


def _moment(value: str | None) -> dt.datetime | None:
    """"25/11/2026" (at 08:00, the office's start) or "25/11/2026 14:30"."""
    if not value:
        return None
    from desktop.core.errors import CtxhError
    from desktop.dates import parse_date

    day, _, clock = value.strip().partition(" ")
    try:
        hour, minute = (int(x) for x in clock.split(":")) if clock else (8, 0)
        return dt.datetime.combine(parse_date(day), dt.time(hour, minute))
    except (ValueError, TypeError):
        raise CtxhError("E_DATE", field="noted_on", value=value) from None


def event_line(ctx: Any, event: Any) -> str:
    """One event of a case's timeline as a line: when, what happened, who entered it."""
    from desktop.core.services.case_log import event_text

    when = event.on.strftime("%d/%m/%Y %H:%M") if event.on.time() != dt.time(0, 0) else event.on.strftime("%d/%m/%Y")
    by = f" — {event.by}" if event.by else ""
    return f"{when}  {event_text(ctx, event)}{by}"


def cmd_case_workflow(args: argparse.Namespace) -> int:
    """Run one workflow subcommand on the case named by number or id."""
    from desktop.core.messages import current_language
    from desktop.core.services import case_log, workflow
    from desktop.core.services.cases import find_case
    from desktop.core.services.records import codebook

    ctx = open_profile(args)
    case = find_case(ctx, args.case)
    number, action = case["case_no"], args.case_command
    if action == "timeline":
        events = case_log.timeline(ctx, case["id"])
        emit(args, [e.as_json() for e in events], lambda: "\n".join(event_line(ctx, e) for e in events))
        return 0
    if action == "note":
        note_id, _ = case_log.add_note(ctx, case["id"], args.text, args.on)
        emit(args, {"case_no": number, "note": note_id},
             lambda: say(f"Đã ghi chép vào hồ sơ {number}.", f"Note written in case {number}."))
        return 0
    at = _moment(getattr(args, "on", None))
    if action == "advance":
        workflow.advance(ctx, case["id"], at, args.note)
    elif action == "submit":
        workflow.request_approval(ctx, case["id"], at)
    elif action == "decide":
        from desktop.dates import parse_date

        workflow.decide(ctx, case["id"], args.decision.upper(), at, decision_no=args.number,
                        decision_date=parse_date(args.date) if args.date else None, approver_name=args.approver)
    elif action == "close":
        workflow.close_case(ctx, case["id"], args.reason, at, args.note)
    elif action == "reopen":
        workflow.reopen_case(ctx, case["id"], args.reason)
    after = find_case(ctx, case["id"])
    book, language = codebook(ctx), current_language()
    step = book.label("case_step", after["step"], language)
    status = book.label("case_status", after["status"], language)
    emit(args, {"case_no": number, "step": after["step"], "status": after["status"]},
         lambda: say(f"Hồ sơ {number}: {step} · {status}.", f"Case {number}: {step} · {status}."))
    return 0
