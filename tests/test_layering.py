"""The headless layers never load Qt (design.md §2)."""

from __future__ import annotations

import ast
import json
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


# Where SQL may be written: the repositories, the connect function, the bulk helpers, the schema.
SQL_HOMES = ("desktop/core/repositories/", "desktop/core/db.py", "desktop/core/bulk.py", "desktop/core/migrations/",
             "desktop/core/models/")
SQL_BUILDERS = {"select", "insert", "update", "delete", "text", "func", "bindparam", "literal_column", "exists",
                "union_all", "tuple_", "and_", "or_", "not_"}
SQL_CALLS = {"execute", "executemany", "scalar", "scalars", "query", "exec_driver_sql"}


def sql_outside_repositories(root: Path) -> list[str]:
    """Every SQL statement (a SQLAlchemy statement builder imported, or a statement run) outside its homes."""
    found = []
    for base in ("desktop", "sync", "forms"):
        for path in sorted((root / base).rglob("*.py")):
            name = path.relative_to(root).as_posix()
            if name.startswith(SQL_HOMES):
                continue
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("sqlalchemy"):
                    found += [f"{name}:{node.lineno} imports {a.name}" for a in node.names if a.name in SQL_BUILDERS]
                elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                      and node.func.attr in SQL_CALLS):
                    found.append(f"{name}:{node.lineno} calls .{node.func.attr}()")
    return found


def test_sql_lives_in_repositories() -> None:
    """Services, sync, the hub and the window reach the database only through desktop/core/repositories."""
    assert sql_outside_repositories(ROOT) == []


def test_the_sql_check_finds_a_statement_written_elsewhere(tmp_path: Path) -> None:
    """The check above is not blind: a service with its own query is caught."""
    service = tmp_path / "desktop" / "core" / "services" / "sneaky.py"
    service.parent.mkdir(parents=True)
    service.write_text("from sqlalchemy import select\n\ndef f(s, t):\n    return s.execute(select(t))\n")
    assert sql_outside_repositories(tmp_path) == [
        "desktop/core/services/sneaky.py:1 imports select", "desktop/core/services/sneaky.py:4 calls .execute()"]


def test_import_contracts_hold() -> None:
    """The layers of pyproject.toml's import-linter contracts (also run by `make test` on its own)."""
    linter = Path(sys.executable).with_name("lint-imports")
    out = subprocess.run([str(linter), "--no-cache"], capture_output=True, text=True, cwd=ROOT)
    assert out.returncode == 0, out.stdout[-3000:]


def test_the_window_names_its_operations_and_never_looks_a_service_up_by_string() -> None:
    """Everything the window does is a typed function of desktop/ui/operations/: no importlib, no svc()."""
    offenders = []
    for path in (ROOT / "desktop" / "ui").rglob("*.py"):
        source = path.read_text(encoding="utf-8")
        if "importlib" in source or "svc(" in source:
            offenders.append(path.name)
    assert offenders == []


def test_every_operation_takes_its_values_by_keyword() -> None:
    """One small keyword-only function per action: the context (or the profile folder) first, the rest named."""
    code = (
        "import inspect, json, pkgutil, importlib\n"
        "import desktop.ui.operations as ops\n"
        "found = {}\n"
        "for m in pkgutil.iter_modules(ops.__path__):\n"
        "    module = importlib.import_module(f'desktop.ui.operations.{m.name}')\n"
        "    for name, fn in inspect.getmembers(module, inspect.isfunction):\n"
        "        if fn.__module__ == module.__name__ and not name.startswith('_'):\n"
        "            params = list(inspect.signature(fn).parameters.values())[1:]\n"
        "            found[f'{m.name}.{name}'] = [p.name for p in params if p.kind != p.KEYWORD_ONLY]\n"
        "print(json.dumps(found))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    found = json.loads(out.stdout)
    assert len(found) > 50 and "workflow.advance_step" in found
    assert {name: positional for name, positional in found.items() if positional} == {}
