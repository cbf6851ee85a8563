"""Runs Alembic programmatically against an engine (no alembic.ini needed, frozen or not)."""

from __future__ import annotations

from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

from desktop.paths import migrations_dir


def alembic_config(engine: Engine | None = None) -> Config:
    """An Alembic Config pointing at our migrations, bound to `engine` if given."""
    config = Config()
    config.set_main_option("script_location", str(migrations_dir()))
    if engine is not None:
        config.attributes["engine"] = engine
    return config


def known_revisions() -> set[str]:
    """Every revision id this version of the app knows."""
    script = ScriptDirectory.from_config(alembic_config())
    return {rev.revision for rev in script.walk_revisions()}


def head_revision() -> str:
    """The newest revision id."""
    return ScriptDirectory.from_config(alembic_config()).get_current_head() or ""


def run_upgrade(engine: Engine, target: str = "head") -> None:
    """Upgrade to `target` in one transaction."""
    command.upgrade(alembic_config(engine), target)


def run_downgrade(engine: Engine, target: str) -> None:
    """Downgrade to `target` (tests use it; officers never do)."""
    command.downgrade(alembic_config(engine), target)
