"""Build the one-folder app with PyInstaller into build/pyinstaller/dist/ctxh and report its size."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "build" / "pyinstaller"


def folder_size(path: Path) -> int:
    """Bytes of every regular file under `path` (links to other files are not counted twice)."""
    return sum(p.lstat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def build() -> Path:
    """Run PyInstaller on build_spec/ctxh.spec; returns the frozen executable's path."""
    subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
         "--distpath", str(WORK / "dist"), "--workpath", str(WORK / "work"), str(ROOT / "build_spec" / "ctxh.spec")],
        check=True, cwd=ROOT,
    )
    exe = WORK / "dist" / "ctxh" / ("ctxh.exe" if sys.platform == "win32" else "ctxh")
    print(f"{exe}: {folder_size(exe.parent) / 1e6:.1f} MB")
    return exe


if __name__ == "__main__":
    build()
