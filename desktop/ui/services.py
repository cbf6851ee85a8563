"""Lazy access to the core services from the window.

The services import SQLAlchemy, which takes longer to import than Qt takes to show a window, so
the window reaches them only through svc(), called inside work that runs on the database worker.
"""

from __future__ import annotations

import importlib
from types import ModuleType


def svc(name: str) -> ModuleType:
    """The module desktop.core.services.<name>, imported on first use."""
    return importlib.import_module(f"desktop.core.services.{name}")
