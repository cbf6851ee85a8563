"""Where openpyxl puts a worksheet while it writes a workbook: beside the target, never in the temp folder.

openpyxl streams each worksheet to a temporary file (`openpyxl.worksheet._writer.create_temporary_file`, in the
system temp folder) before zipping it. A killed export used to leave those files there, every case row in clear.
Here they are `<target>.<n>.xml.partial` files in the folder the officer chose for the workbook itself, readable
by the owner only, and removed when the write ends, whether it succeeded or not.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

_lock = threading.Lock()  # the hook is process-wide: one workbook write at a time uses it


@contextmanager
def worksheets_beside(target: Path) -> Iterator[None]:
    """While the block runs, openpyxl's worksheet scratch files go beside `target` (see the module docstring)."""
    import openpyxl.worksheet._writer as writer

    made: list[Path] = []

    def create(suffix: str = "") -> str:
        path = target.with_name(f"{target.name}.{len(made)}{suffix or '.xml'}.partial")
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        os.close(fd)
        made.append(path)
        writer.ALL_TEMP_FILES.append(str(path))
        return str(path)

    with _lock:
        original = writer.create_temporary_file
        writer.create_temporary_file = create
        try:
            yield
        finally:
            writer.create_temporary_file = original
            for path in made:
                path.unlink(missing_ok=True)
                if str(path) in writer.ALL_TEMP_FILES:
                    writer.ALL_TEMP_FILES.remove(str(path))
