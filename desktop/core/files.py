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
