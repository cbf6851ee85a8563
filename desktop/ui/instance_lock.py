"""One window per profile: a second copy of the app on the same profile would write beside the first and
show each other stale lists. Qt's lock file notices a lock left by a copy that crashed or was killed."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLockFile

LOCK_NAME = "window.lock"


def hold(folder: Path) -> QLockFile | None:
    """Take the profile's window lock, or None if another running copy holds it. Keep the returned lock
    alive while the window runs: it is released when dropped (or when the process ends)."""
    folder.mkdir(parents=True, exist_ok=True)
    lock = QLockFile(str(folder / LOCK_NAME))
    lock.setStaleLockTime(0)  # held as long as its process lives, however long the window stays open
    if lock.tryLock(200):
        return lock
    lock.removeStaleLockFile()  # a copy that crashed: its process is gone
    return lock if lock.tryLock(200) else None
