"""Where an officer's USB stick is: removable drives, found without Qt (Windows drive types, Linux and macOS
mount points), so the Đồng bộ page can offer them first."""

from __future__ import annotations

import os
import sys
from pathlib import Path

POSIX_MEDIA = ("/media/", "/run/media/", "/mnt/", "/Volumes/")


def removable_drives() -> list[Path]:
    """Mounted removable drives that can be written to, in a stable order."""
    if sys.platform == "win32":
        return _windows_removable()
    found = []
    try:
        with open("/proc/mounts", encoding="utf-8") as mounts:
            points = [line.split()[1].replace("\\040", " ") for line in mounts]
    except OSError:  # macOS has no /proc: list /Volumes
        volumes = Path("/Volumes")
        points = [str(p) for p in volumes.iterdir()] if volumes.is_dir() else []
    for point in points:
        if point.startswith(POSIX_MEDIA) and os.access(point, os.W_OK) and point != "/Volumes/Macintosh HD":
            found.append(Path(point))
    return sorted(set(found))


def _windows_removable() -> list[Path]:
    import ctypes
    import string

    kernel = ctypes.windll.kernel32  # type: ignore[attr-defined]
    mask = kernel.GetLogicalDrives()
    drives = []
    for index, letter in enumerate(string.ascii_uppercase):
        root = f"{letter}:\\"
        if mask & (1 << index) and kernel.GetDriveTypeW(root) == 2:  # DRIVE_REMOVABLE
            drives.append(Path(root))
    return drives
