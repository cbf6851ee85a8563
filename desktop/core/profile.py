"""A profile directory: the database, settings, backups and (later) keys of one installation."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Literal

DB_FILE = "ctxh.sqlite3"

Role = Literal["laptop", "hub"]
LAPTOP: Role = "laptop"
HUB: Role = "hub"


def default_data_dir() -> Path:
    """The per-user data directory used when --data-dir is not given."""
    from platformdirs import user_data_dir

    return Path(user_data_dir("CTXH Desk", "CTXH", roaming=False))


class Profile:
    """Paths inside one profile directory. (A plain class: the window imports this before its first
    paint, and `dataclasses` alone costs several milliseconds to import.)"""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)

    def __repr__(self) -> str:
        return f"Profile({self.root!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Profile) and other.root == self.root

    def __hash__(self) -> int:
        return hash(self.root)

    @property
    def db_path(self) -> Path:
        """The SQLite database file."""
        return self.root / DB_FILE

    @property
    def backups_dir(self) -> Path:
        """Where automatic and manual backups go."""
        return self.root / "backups"

    @property
    def logs_dir(self) -> Path:
        """Where the fault log goes (desktop/core/fault_log.py: no personal data in it)."""
        return self.root / "logs"

    @property
    def settings_path(self) -> Path:
        """Small per-installation settings (language, last user), never personal data."""
        return self.root / "settings.json"

    def exists(self) -> bool:
        """True once `ctxh init` (or first-run setup) has created the database."""
        return self.db_path.exists()

    @property
    def role(self) -> Role:
        """What this replica is: a hub (`ctxh hub init` writes it in the settings) or a laptop. The one place
        that reads it; an open profile carries it as `AppContext.role`."""
        return HUB if self.read_settings().get("role") == HUB else LAPTOP

    def read_settings(self) -> dict[str, Any]:
        """The settings, or {} when there are none or the file is unreadable."""
        try:
            return json.loads(self.settings_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}

    def write_settings(self, settings: dict[str, Any]) -> None:
        """Replace the settings atomically (temp file, fsync, rename)."""
        from desktop.core.files import replace_atomically

        self.root.mkdir(parents=True, exist_ok=True)
        text = json.dumps(settings, ensure_ascii=False, indent=2)
        replace_atomically(self.settings_path, lambda partial: partial.write_text(text, encoding="utf-8"))
