"""The `ctxh` command line: parse, run the subcommand, turn errors into messages and exit codes.

Exit 0 done, 1 some input rejected, 2 unusable. Every subcommand takes --data-dir DIR (before or after its
name), --json and --lang. The window sits above the command line, so `ctxh` without a subcommand (or `ctxh gui`)
calls the `gui` function its entry point hands in (desktop/__main__.py) instead of importing the window here.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from pathlib import Path

from desktop.cli import (
    allowance_commands,
    card_commands,
    hub_commands,
    local_commands,
    report_commands,
    sync_commands,
)
from desktop.cli.common import common_options, data_dir, open_profile

# (data dir, user, language, page) → exit code
GuiLauncher = Callable[[Path, str | None, str | None, str | None], int]
GUIDE_PAGE = "guide"  # the window opens on its first page with the user guide beside it
PAGES = ("overview", "todo", "roster", "cases", "allowances", "training", "reports", "sync", "settings")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of ctxh (also used to render `ctxh --help` in the README)."""
    common = common_options()
    parser = argparse.ArgumentParser(
        prog="ctxh", parents=[common],
        description="CTXH Desk — quản lý đội ngũ và hồ sơ công tác xã hội cấp xã. "
                    "Không có lệnh con: mở cửa sổ ứng dụng.",
    )
    from desktop.version import VERSION

    parser.add_argument("--version", action="version", version=f"CTXH Desk {VERSION}")
    sub = parser.add_subparsers(dest="command", metavar="LỆNH")
    p = sub.add_parser("gui", parents=[common], help="mở cửa sổ ứng dụng (mặc định)")
    p.add_argument("--page", choices=PAGES, help="mở ở trang này")
    p.add_argument("--guide", action="store_true", help="mở kèm Hướng dẫn sử dụng / open with the user guide")
    local_commands.add_parsers(sub, common)
    sync_commands.add_parsers(sub, common)
    report_commands.add_parsers(sub, common)
    allowance_commands.add_parsers(sub, common)
    card_commands.add_parsers(sub, common)
    hub_commands.add_parsers(sub, common)
    return parser


def run(argv: list[str], gui: GuiLauncher | None = None,
        render_pdf: report_commands.PdfRenderer | None = None) -> int:
    """Parse `argv`, run the subcommand, turn CtxhError into a message in the chosen language and an exit code.
    A reader that stops early (`ctxh status | head`) ends the command quietly. `render_pdf` prints HTML to a
    PDF file (Qt's printing, which the entry point hands in)."""
    try:
        code = _run(argv, gui, render_pdf)
        sys.stdout.flush()  # inside the try: a closed pipe surfaces here, not at interpreter exit
        return code
    except BrokenPipeError:
        # Python's advice (signal docs): point stdout at devnull so that the final flush cannot fail again.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0


def _run(argv: list[str], gui: GuiLauncher | None, render_pdf: report_commands.PdfRenderer | None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0)
    command = args.command or "gui"
    if command == "gui":
        if gui is None:
            print("ctxh: cửa sổ không có trong lệnh này / no window in this entry point", file=sys.stderr)
            return 2
        page = GUIDE_PAGE if getattr(args, "guide", False) else getattr(args, "page", None)
        return gui(data_dir(args), getattr(args, "user", None), getattr(args, "lang", None), page)
    from desktop.core.messages import current_language, set_language

    before = current_language()  # put back after the command: run() is also called in-process
    set_language(getattr(args, "lang", None) or "vi")
    try:
        return _command(args, command, render_pdf)
    finally:
        set_language(before)


def _command(args: argparse.Namespace, command: str, render_pdf: report_commands.PdfRenderer | None) -> int:
    try:
        if command == "report":
            return report_commands.cmd_report(args, render_pdf)
        if command == "allowance":
            return allowance_commands.cmd_allowance(args, render_pdf)
        if command == "hub":
            return hub_commands.cmd_hub(args, data_dir(args))
        if command in card_commands.COMMANDS:
            return card_commands.COMMANDS[command](args)
        if command in sync_commands.COMMANDS:
            return sync_commands.COMMANDS[command](args, open_profile(args))
        return local_commands.COMMANDS[command](args)
    except KeyboardInterrupt:
        return 130
    except Exception as exc:
        from desktop.core.errors import CtxhError
        from desktop.core.messages import describe_error, format_message

        if not isinstance(exc, CtxhError) and _disk_full(exc):
            exc = CtxhError("E_PROFILE_DISK_FULL", folder=str(data_dir(args)))
        if not isinstance(exc, CtxhError):
            # A defect: no traceback (its values may be personal data) — a line to the fault log, an id here.
            from desktop.core.fault_log import log_path, record_fault

            logs = data_dir(args) / "logs"
            exc = CtxhError("E_INTERNAL", file=f"ctxh {command}", incident=record_fault(exc, logs, f"ctxh {command}"),
                            log=str(log_path(logs)))

        lines = describe_error(exc)
        if getattr(args, "json", False):
            import json

            print(json.dumps({"error": exc.code, "params": exc.params, "message": format_message(exc.code, exc.params),
                              "details": lines}, ensure_ascii=False, default=str))
        else:
            from desktop.cli.common import say

            for line in lines:
                print(f"{say('Lỗi', 'Error')}: {line}", file=sys.stderr)
        return exc.exit_code


def _disk_full(error: BaseException) -> bool:
    """The profile's disk is full (SQLite's "database or disk is full", or the OS's ENOSPC): not a defect.
    Only the kind is looked at; the message, which may hold values, is never shown."""
    import errno

    while error is not None:
        if isinstance(error, OSError) and error.errno in (errno.ENOSPC, errno.EDQUOT):
            return True
        if type(error).__name__ == "OperationalError" and "disk is full" in str(getattr(error, "args", ("",))[0]):
            return True
        error = error.__cause__ or error.__context__  # type: ignore[assignment]
    return False
