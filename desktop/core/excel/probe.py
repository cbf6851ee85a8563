"""A workbook opened first in a child process, so that a file built to exhaust memory cannot end the program.

calamine lays a sheet out as a dense grid from its first to its last cell: a workbook with one cell at A1 and
one at XFD1048576 (or an .xls whose cell record is damaged to say so) asks for hundreds of gigabytes, and Rust
ends the process when the allocation fails. No exception reaches Python, so the only protection is to let a
child meet the file first: it opens the workbook and lays out every sheet, under a memory limit where the system
has one. The window or the command line goes on only when the child came back with sane sizes; otherwise the
file is refused with the usual message, and the program is still there to say it.

The child is this Python with a two-line script (or, in the frozen build, the program itself with PROBE_FLAG):
it imports nothing but python-calamine, so it costs a fraction of a second.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from desktop.core.errors import CtxhError

PROBE_FLAG = "--probe-workbook"  # the frozen program's hidden argument: desktop/__main__.py hands it here
MAX_CELLS = 40_000_000  # a commune's list has thousands; 40 million cells is several hundred megabytes laid out
MEMORY_LIMIT = 3 * 1024 ** 3  # bytes of address space for the child, where the system can limit it
TIMEOUT = 120.0
_SCRIPT = "import sys; from desktop.core.excel.probe import child_main; sys.exit(child_main(sys.argv[1]))"


def child_main(path: str) -> int:
    """In the child: open the workbook, lay out every sheet, print the largest sheet's cell count as JSON."""
    try:
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))
    except (ImportError, ValueError, OSError):
        pass  # Windows: no limit to set; an absurd allocation still fails, in the child
    from python_calamine import CalamineWorkbook

    try:
        workbook = CalamineWorkbook.from_path(path)
        largest = 0
        for name in workbook.sheet_names:
            try:
                sheet = workbook.get_sheet_by_name(name)
            except Exception:
                continue
            largest = max(largest, sheet.height * sheet.width)
        workbook.close()
    except Exception:
        largest = -1
    print(json.dumps({"cells": largest}))
    return 0


def _command(path: Path) -> list[str]:
    if getattr(sys, "frozen", False):
        return [sys.executable, PROBE_FLAG, str(path)]
    return [sys.executable, "-c", _SCRIPT, str(path)]


def check_layout(path: Path) -> None:
    """E_XLSX_TOO_BIG when the workbook's sheets lay out past MAX_CELLS or its child ran out of memory
    opening them (the file is refused; this process never tries); nothing when they are sane."""
    import os

    root = str(Path(__file__).resolve().parents[3])
    env = {**os.environ, "PYTHONPATH": root + os.pathsep + os.environ.get("PYTHONPATH", "")}
    try:
        done = subprocess.run(_command(path), capture_output=True, text=True, timeout=TIMEOUT, env=env,
                              stdin=subprocess.DEVNULL, cwd=root)
    except subprocess.TimeoutExpired:
        raise CtxhError("E_XLSX_TOO_BIG", file=path.name) from None
    try:
        cells = int(json.loads(done.stdout.strip().splitlines()[-1])["cells"]) if done.returncode == 0 else None
    except (ValueError, IndexError, KeyError, TypeError):
        cells = None
    if cells is None or cells > MAX_CELLS:
        raise CtxhError("E_XLSX_TOO_BIG", file=path.name)
