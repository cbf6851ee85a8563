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


def write_version_file() -> Path:
    """The Windows version resource of both executables (File › Properties › Details), from VERSION."""
    sys.path.insert(0, str(ROOT))
    import pyinstaller_versionfile

    from desktop.version import VERSION

    WORK.mkdir(parents=True, exist_ok=True)
    path = WORK / "version.txt"
    pyinstaller_versionfile.create_versionfile(
        output_file=str(path), version=f"{VERSION}.0", company_name="CTXH Desk",
        file_description="CTXH Desk — công tác xã hội cấp xã", internal_name="ctxh",
        legal_copyright="CTXH Desk", original_filename="CTXH Desk.exe", product_name="CTXH Desk",
        translations=[0x042A, 1200])  # Vietnamese, Unicode
    return path


def build() -> Path:
    """Run PyInstaller on build_spec/ctxh.spec; returns the frozen command line's path (the window's
    executable, "CTXH Desk", sits beside it)."""
    write_version_file()
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
