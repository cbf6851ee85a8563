"""Entry point of `ctxh`: the window when no subcommand is given, else the command line.

Kept light: the window path must not import SQLAlchemy before the first window shows. This module is the one
place that knows both the window and the command line; the command line never imports the window.
"""

from __future__ import annotations

import sys
from pathlib import Path


def open_window(data_dir: Path, user: str | None, language: str | None, page: str | None) -> int:
    """`ctxh` / `ctxh gui`: the window on the profile at `data_dir`."""
    from desktop.ui.app import run_gui

    return run_gui(data_dir, user=user, language=language, page=page)


def render_pdf(html: str, path: Path) -> Path:
    """`ctxh report --out FILE.pdf`: Qt's printing, without a window."""
    from desktop.ui.printing import save_pdf_headless

    return save_pdf_headless(html, path)


def main(argv: list[str] | None = None) -> int:
    """Run ctxh with `argv` (default: sys.argv[1:]) and return the exit code."""
    args = sys.argv[1:] if argv is None else argv
    if args[:1] == ["--probe-workbook"] and len(args) == 2:
        # The frozen program as the workbook probe's child (desktop/core/excel/probe.py): nothing else loads.
        from desktop.core.excel.probe import child_main

        return child_main(args[1])
    from desktop.cli import run

    return run(args, gui=open_window, render_pdf=render_pdf)


if __name__ == "__main__":
    sys.exit(main())
