"""The headless layers never load Qt (design.md §2)."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_core_and_sync_import_without_qt() -> None:
    code = (
        "import sys, pkgutil, importlib\n"
        "import desktop, desktop.core, sync, forms\n"
        "for pkg in (desktop.core, sync, forms):\n"
        "    for m in pkgutil.walk_packages(pkg.__path__, pkg.__name__ + '.'):\n"
        "        if '.migrations.versions' in m.name or m.name.endswith('migrations.env'):\n"
        "            continue\n"
        "        importlib.import_module(m.name)\n"
        "import desktop.cli, desktop.__main__\n"
        "print(sorted(m for m in sys.modules if m.startswith('PySide6')))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert out.stdout.strip() == "[]"


def test_no_qt_import_outside_ui() -> None:
    offenders = []
    for base in ("desktop", "sync", "forms"):
        for path in (ROOT / base).rglob("*.py"):
            if "ui" in path.relative_to(ROOT).parts:
                continue
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                names = []
                if isinstance(node, ast.Import):
                    names = [a.name for a in node.names]
                elif isinstance(node, ast.ImportFrom) and node.module:
                    names = [node.module]
                if any(n.split(".")[0] in ("PySide6", "shiboken6") for n in names):
                    offenders.append(str(path.relative_to(ROOT)))
    assert offenders == []


def test_desktop_package_init_is_empty() -> None:
    assert (ROOT / "desktop" / "__init__.py").read_text().strip() == ""


def test_no_sql_in_widgets() -> None:
    """Widgets reach the data only through services: desktop/ui imports neither SQLAlchemy nor sqlite3,
    nor the repositories."""
    offenders = []
    for path in (ROOT / "desktop" / "ui").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else (
                [node.module] if isinstance(node, ast.ImportFrom) and node.module else [])
            if any(n.split(".")[0] in ("sqlalchemy", "sqlite3") or "repositories" in n for n in names):
                offenders.append(f"{path.name}: {names}")
    assert offenders == []
