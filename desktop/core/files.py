"""Atomic file writes: a user's file is either the old one or the complete new one, never half of it."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path


def replace_atomically(target: Path, write: Callable[[Path], object]) -> Path:
    """Let `write` fill `target.partial`, fsync it, rename it over `target`, then fsync the folder.

    If `write` raises, the partial file is removed and `target` is left as it was.
    """
    partial = target.with_name(target.name + ".partial")
    try:
        write(partial)
        with open(partial, "rb") as fh:
            os.fsync(fh.fileno())
        os.replace(partial, target)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    if os.name == "posix":  # a rename is durable only once its folder is synced; Windows cannot open folders
        folder = os.open(target.parent, os.O_RDONLY)
        try:
            os.fsync(folder)
        finally:
            os.close(folder)
    return target


def overwrite(path: Path) -> None:
    """Overwrite a file's bytes in place with zeros and flush them to the disk (the file stays, emptied)."""
    size = path.stat().st_size
    with open(path, "r+b") as handle:
        block = b"\0" * 65536
        left = size
        while left > 0:
            left -= handle.write(block[:min(left, len(block))])
        handle.flush()
        os.fsync(handle.fileno())


def shred(path: Path) -> None:
    """Overwrite a file's bytes in place with zeros, flush them to the disk, then remove it.

    This is what can be done from a program: on a hard disk it destroys the old contents; on an SSD or a
    copy-on-write file system the drive may keep the old blocks, which is why the data is encrypted at rest
    and a file in clear is only ever a left-over of an older version being converted.
    """
    if not path.exists():
        return
    overwrite(path)
    path.unlink()
