"""Where the shipped resources live, in a source checkout and in a frozen build."""

from __future__ import annotations

import sys
from pathlib import Path


def app_root() -> Path:
    """The folder that holds resources/, forms/ and the migrations, frozen or not."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root)
    return Path(__file__).resolve().parent.parent


def resources_dir() -> Path:
    """The shipped resources folder (icons, translations, reference data)."""
    return app_root() / "resources"


def migrations_dir() -> Path:
    """The Alembic script folder (frozen builds ship it as data files)."""
    return app_root() / "desktop" / "core" / "migrations"
