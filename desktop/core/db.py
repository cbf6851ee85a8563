"""The only place that opens a database: PRAGMAs, engine, sessions, and in-place upgrades.

SQLite runs in WAL mode with synchronous=FULL (a save that returned is on disk) and foreign keys
on. pysqlite's own transaction handling is switched off and SQLAlchemy emits BEGIN itself, so that
DDL is transactional too: a failed migration rolls back instead of leaving half a schema.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.orm import Session, sessionmaker

from desktop.core.errors import CtxhError

# The newest migration; a test keeps it equal to Alembic's head, so start-up need not load Alembic
# just to learn that nothing is to be done.
HEAD_REVISION = "0009_ledger_prev_hash"

SQLITE_PRAGMAS = (
    "PRAGMA journal_mode=WAL",
    "PRAGMA synchronous=FULL",
    "PRAGMA foreign_keys=ON",
    "PRAGMA busy_timeout=10000",
    "PRAGMA temp_store=MEMORY",
    # Checkpoint the WAL every 64 MB instead of every 4 MB: a sync import commits a few MB per bundle, and
    # copying its pages into the database after every commit cost a tenth of a hub import. The WAL is cut
    # back to 64 MB after a checkpoint, so a laptop's disk does not keep a large one.
    "PRAGMA wal_autocheckpoint=16384",
    "PRAGMA journal_size_limit=67108864",
)


def connect_sqlite(path: Path | str) -> sqlite3.Connection:
    """Open a DB-API connection to a SQLite file with the app's PRAGMAs, in autocommit mode."""
    conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
    for pragma in SQLITE_PRAGMAS:
        conn.execute(pragma)
    return conn


def make_engine(target: Path | str) -> Engine:
    """An engine for a SQLite file path or a database URL (postgresql+psycopg://… for a hub)."""
    if isinstance(target, str) and "://" in target:
        return create_engine(target, future=True)
    path = Path(target)
    engine = create_engine("sqlite://", creator=lambda: connect_sqlite(path), future=True)

    @event.listens_for(engine, "begin")
    def _begin(conn) -> None:
        conn.exec_driver_sql("BEGIN")

    return engine


class Database:
    """An engine and its session factory. Sessions are short-lived and owned by services."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._sessions = sessionmaker(engine, expire_on_commit=False, autoflush=False)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session whose transaction commits when the block ends and rolls back on error."""
        with self._sessions() as session, session.begin():
            yield session

    @contextmanager
    def reader(self) -> Iterator[Session]:
        """A session for reads; nothing is committed."""
        with self._sessions() as session:
            yield session

    def dispose(self) -> None:
        """Close every pooled connection (before a file is copied or removed)."""
        self.engine.dispose()


def current_revision(engine: Engine) -> str | None:
    """The Alembic revision stamped in the database, or None for an empty database."""
    with engine.connect() as conn:
        if engine.dialect.name == "sqlite":
            exists = conn.exec_driver_sql(
                "SELECT 1 FROM sqlite_master WHERE type='table' AND name='alembic_version'"
            ).first()
        else:
            exists = conn.execute(text("SELECT to_regclass('alembic_version')")).scalar()
        if not exists:
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def backup_sqlite(source: Path, target: Path) -> Path:
    """Copy a live SQLite database with the backup API and check the copy's integrity."""
    from desktop.core.files import replace_atomically

    target.parent.mkdir(parents=True, exist_ok=True)

    def copy(partial: Path) -> None:
        src = sqlite3.connect(str(source))
        try:
            dst = sqlite3.connect(str(partial))
            try:
                src.backup(dst)
                ok = dst.execute("PRAGMA integrity_check").fetchone()[0]
            finally:
                dst.close()
        finally:
            src.close()
        if ok != "ok":
            raise CtxhError("E_BACKUP_CHECK", path=str(target))

    return replace_atomically(target, copy)


def read_only_engine(path: Path) -> Engine:
    """An engine that reads a SQLite file without changing it (no PRAGMAs, no journal mode set): for a backup
    an officer points at, which must stay as it is."""
    return create_engine("sqlite://", creator=lambda: sqlite3.connect(f"file:{path}?mode=ro", uri=True),
                         future=True)


def sqlite_file_ok(path: Path) -> bool:
    """True if `path` opens read-only as SQLite and passes integrity_check."""
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            return conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        return False


def upgrade(engine: Engine, sqlite_path: Path | None = None, backup_dir: Path | None = None) -> bool:
    """Bring the schema to the newest revision; returns True if anything was done.

    An existing SQLite database is first backed up to `backup_dir`; the upgrade runs in one
    transaction, so on failure the old file is left as it was and the error names the backup.
    """
    revision = current_revision(engine)
    if revision == HEAD_REVISION:
        return False
    from desktop.core.migrations.runner import known_revisions, run_upgrade

    if revision is not None and revision not in known_revisions():
        raise CtxhError("E_DB_NEWER", revision=revision)
    backup: Path | None = None
    if revision is not None and sqlite_path is not None and backup_dir is not None:
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        backup = backup_sqlite(sqlite_path, backup_dir / f"before-upgrade-{revision}-{stamp}.sqlite3")
    try:
        run_upgrade(engine)
    except Exception as exc:
        raise CtxhError("E_UPGRADE_FAILED", backup=str(backup or "")) from exc
    return True
