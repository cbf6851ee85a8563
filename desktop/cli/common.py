"""What every ctxh subcommand shares: the common options, the profile it acts on, the passphrase, and printing
(JSON with --json, lines otherwise)."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from desktop.core.context import AppContext

# json and getpass are imported where used: the window path (no subcommand) should load as little
# as possible before the first window shows.

PASSPHRASE_ENV = "CTXH_PASSPHRASE"  # the signing-in account's passphrase
NEW_PASSPHRASE_ENV = "CTXH_NEW_PASSPHRASE"  # a passphrase being set: a new account's, a reset, a change


def common_options() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--data-dir", type=Path, default=argparse.SUPPRESS,
                        help="thư mục hồ sơ dữ liệu (CSDL, khóa, thiết lập) / profile directory")
    common.add_argument("--json", action="store_true", default=argparse.SUPPRESS,
                        help="in kết quả dạng JSON / print JSON")
    common.add_argument("--lang", choices=("vi", "en"), default=argparse.SUPPRESS,
                        help="ngôn ngữ thông báo / message language")
    common.add_argument("--user", default=argparse.SUPPRESS,
                        help="tài khoản đăng nhập (mặc định: người dùng lần trước; mật khẩu từ CTXH_PASSPHRASE "
                             "hoặc nhập khi được hỏi) / account to sign in as")
    return common


def data_dir(args: argparse.Namespace) -> Path:
    if getattr(args, "data_dir", None):
        return Path(args.data_dir)
    from desktop.core.profile import default_data_dir

    return default_data_dir()


def passphrase(confirm: bool, env: str = PASSPHRASE_ENV, prompt: str = "PROMPT_PASSPHRASE") -> str:
    """A passphrase from the environment variable `env`, else asked on the terminal (twice when `confirm`);
    E_NO_PASSPHRASE (exit 2) when there is neither."""
    import getpass

    from desktop.core.errors import CtxhError
    from desktop.core.messages import format_message

    value = os.environ.get(env)
    if value:
        return value
    if not sys.stdin.isatty():
        raise CtxhError("E_NO_PASSPHRASE", env=env)
    first = getpass.getpass(format_message(prompt) + " ")
    if confirm and getpass.getpass(format_message("PROMPT_PASSPHRASE_AGAIN") + " ") != first:
        raise CtxhError("E_PASSPHRASE_MISMATCH")
    return first


def new_passphrase() -> str:
    """The passphrase being set (CTXH_NEW_PASSPHRASE, or asked twice)."""
    return passphrase(confirm=True, env=NEW_PASSPHRASE_ENV, prompt="PROMPT_NEW_PASSPHRASE")


def username(args: argparse.Namespace) -> str:
    """The account to sign in as: --user, else the profile's last user; E_NO_USER (exit 2) if neither."""
    from desktop.core.errors import CtxhError
    from desktop.core.profile import Profile

    name = getattr(args, "user", None) or Profile(data_dir(args)).read_settings().get("last_user")
    if not name:
        raise CtxhError("E_NO_USER")
    return str(name)


def say(vi: str, en: str) -> str:
    """A line of command-line output in the language chosen with --lang (Vietnamese unless told)."""
    from desktop.core.messages import current_language

    return en if current_language() == "en" else vi


def emit(args: argparse.Namespace, data: Any, human: Callable[[], str]) -> None:
    import json

    if getattr(args, "json", False):
        print(json.dumps(data, ensure_ascii=False, indent=2, default=str))
    else:
        print(human())


def open_profile(args: argparse.Namespace) -> AppContext:
    """Sign in to the profile as the named account: without a user name and a passphrase nothing is opened."""
    from desktop.core.context import open_context
    from desktop.core.errors import CtxhError
    from desktop.core.profile import Profile

    profile = Profile(data_dir(args))
    if not profile.exists() and not profile.read_settings().get("db_url"):
        raise CtxhError("E_NOT_INITIALISED", path=str(profile.root))
    return open_context(profile.root, username(args), passphrase(confirm=False))


def mapping_choices(ctx: Any, args: argparse.Namespace) -> dict[tuple[str, str], str | None]:
    """The --map LIST:VALUE=CODE and --keep LIST:VALUE answers, checked against the code lists and remembered
    for the profile (as the window's mapping step does)."""
    from desktop.core.errors import CtxhError
    from desktop.core.services.records import codebook
    from desktop.core.services.value_mappings import remember
    from desktop.core.text import fold

    book = codebook(ctx)
    choices: dict[tuple[str, str], str | None] = {}
    written: dict[str, str] = {}
    for text, keep in [*((t, False) for t in args.map), *((t, True) for t in args.keep)]:
        list_name, _, rest = text.partition(":")
        value, _, code = rest.rpartition("=") if not keep else (rest, "", "")
        if not list_name or not value.strip() or list_name not in book.labels or (
                not keep and not book.known(list_name, code.strip())):
            raise CtxhError("E_MAP_ARG", value=text)
        choices[(list_name, value.strip())] = None if keep else code.strip()
        written[fold(value)] = value.strip()
    remember(ctx, choices, written)
    return {(name, fold(value)): code for (name, value), code in choices.items()}


def import_report(args: argparse.Namespace, report: Any, what: str) -> int:
    """Print an import's report (JSON or lines); exit 1 when some rows were rejected."""
    data = report.as_json()

    def human() -> str:
        refused = len({p.row for p in report.rejected})
        lines = [say(f"Đã nhập {report.imported} {what}, gộp {report.merged}, bỏ qua {report.skipped} người trùng; "
                     f"{refused} dòng bị từ chối.",
                     f"Imported {report.imported}, merged {report.merged}, skipped {report.skipped} already here; "
                     f"{refused} row(s) refused.")]
        lines += [say(f"  Dòng {p.row}, cột {p.column or p.field}: {p.reason}",
                      f"  Row {p.row}, column {p.column or p.field}: {p.reason}") for p in report.rejected]
        if report.unplaced:
            lines.append(f"{report.as_written} người có giá trị chưa xếp được vào danh mục (giữ nguyên như trong "
                         "tệp; xếp bằng --map DANH_MỤC:GIÁ_TRỊ=MÃ hoặc trong cửa sổ):")
            lines += [f"  «{u['written']}» ({u['rows']} dòng)" + (f": có thể là {', '.join(u['candidates'])}"
                                                                  if u["candidates"] else "")
                      for u in report.unplaced]
        if report.converted:
            lines.append(say(f"Đã chuyển {report.converted} ô từ bảng mã TCVN3/VNI sang Unicode.",
                             f"Converted {report.converted} cells from TCVN3/VNI to Unicode."))
        if report.after_footer:
            lines.append(f"Cảnh báo: {len(report.after_footer)} dòng bên dưới phần chữ ký (từ dòng "
                         f"{report.after_footer[0]}) trông như dữ liệu và không được đọc.")
        if report.annotated:
            lines.append(say(f"Bản sao có đánh dấu lỗi: {report.annotated}",
                             f"A copy with the refused rows marked: {report.annotated}"))
        return "\n".join(lines)

    emit(args, data, human)
    return 1 if report.rejected else 0


def bundle_outcome_line(outcome: Any) -> str:
    """One line for one bundle file — its name, what became of it and why — in the chosen language."""
    from desktop.core.messages import format_message

    name = Path(outcome.file).name
    if not outcome.ok:
        reason = format_message(outcome.error, outcome.reason_params())
        key = "OUT_QUARANTINED" if outcome.state == "quarantined" else "OUT_REFUSED"
        return format_message(key, {"file": name, "code": outcome.error, "reason": reason})
    if outcome.state == "duplicate":
        return format_message("OUT_DUPLICATE", {"file": name, "changes": outcome.changes})
    if not outcome.state:
        return format_message("OUT_VALID", {"file": name, "changes": outcome.changes})
    line = format_message("OUT_APPLIED", {"file": name, "changes": outcome.changes, "applied": outcome.applied})
    if outcome.conflicts:
        line += format_message("OUT_CONFLICTS", {"conflicts": outcome.conflicts})
    if outcome.waiting:
        line += format_message("OUT_WAITING", {"waiting": outcome.waiting, "first": outcome.gap[0],
                                               "last": outcome.gap[1]})
    return line
