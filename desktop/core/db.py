"""The only place that opens a database: PRAGMAs, engine, sessions, and in-place upgrades.

A profile's SQLite file is SQLCipher 4 (through `sqlcipher3`, a DB-API drop-in for `sqlite3`), opened with the
profile's raw 256-bit data key (desktop/core/vault.py); its WAL and every backup are encrypted under the same key.

SQLite runs in WAL mode with synchronous=FULL (a save that returned is on disk) and foreign keys
on. pysqlite's own transaction handling is switched off and SQLAlchemy emits BEGIN itself, so that
DDL is transactional too: a failed migration rolls back instead of leaving half a schema.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.orm import Session, sessionmaker

from desktop.core.errors import CtxhError

# The newest migration; a test keeps it equal to Alembic's head, so start-up need not load Alembic
# just to learn that nothing is to be done.
CACHE_KIB = 131072  # see the cache_size pragma below
BULK_CACHE_KIB = 8192
HEAD_REVISION = "0015_card_fields"

SQLITE_PRAGMAS = (
    "PRAGMA journal_mode=WAL",
    "PRAGMA synchronous=FULL",
    "PRAGMA foreign_keys=ON",
    "PRAGMA busy_timeout=10000",
    "PRAGMA temp_store=MEMORY",
    # 128 MiB of page cache at most (SQLite's default is 2 MiB): SQLCipher decrypts and authenticates a page
    # each time it is read into the cache, where SQLite in clear re-reads it from the OS cache for a memcpy. The
    # filtered case list of a 100,000-case profile touches some 60 MB of pages: its query took 970 ms with the
    # default cache, 430 ms with 32 MiB and 65 ms with this, warm (measured by hand; bench/ "The officer's day"
    # gives 116 ms for the whole page and count). The cache grows only as pages are read.
    f"PRAGMA cache_size=-{CACHE_KIB}",
    # Checkpoint the WAL every 64 MB instead of every 4 MB: a sync import commits a few MB per bundle, and
    # copying its pages into the database after every commit cost a tenth of a hub import. The WAL is cut
    # back to 64 MB after a checkpoint, so a laptop's disk does not keep a large one.
    "PRAGMA wal_autocheckpoint=16384",
    "PRAGMA journal_size_limit=67108864",
)


PLAIN_HEADER = b"SQLite format 3\x00"


@contextmanager
def small_cache(session: Any, kib: int = BULK_CACHE_KIB) -> Iterator[None]:
    """A bulk write's own page cache size: a 100,000-row import writes some 300 MB of pages, and with the
    reading cache every one of them would stay in memory until the commit (WAL spills dirty pages as it goes,
    so a small cache costs the import nothing measurable). The connection's cache is restored after. A
    PostgreSQL session (a hub's) is left as it is: the server keeps its own cache."""
    if session.get_bind().dialect.name != "sqlite":
        yield
        return
    session.execute(text(f"PRAGMA cache_size=-{kib}"))
    try:
        yield
    finally:
        session.execute(text(f"PRAGMA cache_size=-{CACHE_KIB}"))


def driver() -> Any:
    """The DB-API module of every profile database: SQLCipher's build of SQLite."""
    import sqlcipher3.dbapi2 as sqlcipher

    return sqlcipher


def _keyed(conn: Any, key: bytes | None) -> Any:
    if key is not None:  # must be the first statement on the connection
        from desktop.core.vault import hex_key

        conn.execute(f'PRAGMA key = "{hex_key(key)}"')
    return conn


def connect_sqlite(path: Path | str, key: bytes | None = None) -> Any:
    """Open a DB-API connection to a profile database with the app's PRAGMAs, in autocommit mode; `key` is
    the data key (None only for a file in clear: an older profile being converted, or a throw-away test)."""
    conn = _keyed(driver().connect(str(path), isolation_level=None, check_same_thread=False), key)
    for pragma in SQLITE_PRAGMAS:
        conn.execute(pragma)
    return conn


def is_plain_sqlite(path: Path) -> bool:
    """True if `path` is an SQLite file in clear (its first 16 bytes are SQLite's header)."""
    try:
        with open(path, "rb") as handle:
            return handle.read(16) == PLAIN_HEADER
    except OSError:
        return False


WRITES = "ctxh_writes"  # the execution option that marks a write session's connection


def make_engine(target: Path | str, key: bytes | None = None) -> Engine:
    """An engine for a SQLite file path (encrypted with `key`) or a database URL (postgresql+psycopg://… for
    a hub)."""
    if isinstance(target, str) and "://" in target:
        try:
            return create_engine(target, future=True)
        except ModuleNotFoundError:
            # A laptop's build carries no PostgreSQL driver: the hub's server is installed with `.[hub]`.
            from desktop.core.errors import CtxhError

            raise CtxhError("E_HUB_DRIVER") from None
    path = Path(target)
    engine = create_engine("sqlite://", creator=lambda: connect_sqlite(path, key), module=driver(), future=True)

    @event.listens_for(engine, "begin")
    def _begin(conn) -> None:
        # A write session takes the write lock at once (waiting up to busy_timeout for another writer): a
        # deferred BEGIN that reads first and then writes fails at once with "database is locked" if another
        # connection committed in between (SQLite's BUSY_SNAPSHOT), which no waiting can cure.
        conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get(WRITES) else "BEGIN")

    return engine


class Database:
    """An engine and its session factory. Sessions are short-lived and owned by services."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._sessions = sessionmaker(engine, expire_on_commit=False, autoflush=False)
        self._write_sessions = sessionmaker(engine.execution_options(**{WRITES: True}), expire_on_commit=False,
                                            autoflush=False)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session whose transaction commits when the block ends and rolls back on error."""
        with self._write_sessions() as session, session.begin():
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


def backup_sqlite(source: Path, target: Path, key: bytes | None) -> Path:
    """Copy a live database with the backup API (encrypted under `key`, as the source is) and check the copy's
    integrity."""
    from desktop.core.files import replace_atomically

    target.parent.mkdir(parents=True, exist_ok=True)

    def copy(partial: Path) -> None:
        src = _keyed(driver().connect(str(source)), key)
        try:
            dst = _keyed(driver().connect(str(partial)), key)
            try:
                src.backup(dst)
                ok = dst.execute("PRAGMA integrity_check").fetchone()[0]
            finally:
                dst.close()
        finally:
            src.close()
        if ok != "ok":
            raise CtxhError("E_BACKUP_CHECK", path=str(target))
        os.chmod(partial, 0o600)

    return replace_atomically(target, copy)


def read_only_engine(path: Path, key: bytes | None) -> Engine:
    """An engine that reads a database file without changing it (no PRAGMAs, no journal mode set): for a backup
    an officer points at, which must stay as it is."""
    return create_engine("sqlite://", creator=lambda: _keyed(driver().connect(f"file:{path}?mode=ro", uri=True), key),
                         module=driver(), future=True)


def sqlite_file_ok(path: Path, key: bytes | None) -> bool:
    """True if `path` opens read-only with `key` and passes integrity_check (False for another key's file)."""
    try:
        conn = _keyed(driver().connect(f"file:{path}?mode=ro", uri=True), key)
        try:
            return conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        finally:
            conn.close()
    except driver().DatabaseError:
        return False


def _tables(conn: Any) -> list[str]:
    return [r[0] for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'").fetchall()]


def encrypted_copy(plain: Path, target: Path, data_key: bytes) -> None:
    """Write an encrypted, checked copy of the clear database `plain` to `target` (sqlcipher_export; the copy is
    checked for integrity and the row count of every table, and flushed). Used to convert an older profile."""
    from desktop.core.vault import hex_key

    for leftover in (target, *(target.with_name(target.name + s) for s in ("-wal", "-shm", "-journal"))):
        leftover.unlink(missing_ok=True)
    conn = driver().connect(str(plain), isolation_level=None)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        counts = {t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in _tables(conn)}
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        conn.execute(f"ATTACH DATABASE ? AS encrypted KEY \"{hex_key(data_key)}\"", (str(target),))
        conn.execute("SELECT sqlcipher_export('encrypted')")
        conn.execute(f"PRAGMA encrypted.user_version = {int(version)}")
        conn.execute("DETACH DATABASE encrypted")
    finally:
        conn.close()
    check = driver().connect(str(target))
    try:
        check.execute(f'PRAGMA key = "{hex_key(data_key)}"')
        ok = check.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        copied = {t: check.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in _tables(check)}
    finally:
        check.close()
    if not ok or copied != counts:
        target.unlink(missing_ok=True)
        raise CtxhError("E_ENCRYPT_CHECK", path=str(plain))
    with open(target, "rb") as handle:
        os.fsync(handle.fileno())


def upgrade(engine: Engine, sqlite_path: Path | None = None, backup_dir: Path | None = None,
            key: bytes | None = None) -> bool:
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
        backup = backup_sqlite(sqlite_path, backup_dir / f"before-upgrade-{revision}-{stamp}.sqlite3", key)
    try:
        run_upgrade(engine)
    except Exception as exc:
        raise CtxhError("E_UPGRADE_FAILED", backup=str(backup or "")) from exc
    return True
