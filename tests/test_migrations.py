"""Schema migrations: models == head, empty → head → base → head, and every released schema upgrades intact."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from desktop.core.context import open_context
from desktop.core.db import HEAD_REVISION, current_revision, make_engine, upgrade
from desktop.core.errors import CtxhError
from desktop.core.migrations.runner import head_revision, run_downgrade, run_upgrade
from desktop.core.models import Base
from desktop.core.services.status import status
from tests.conftest import reopen

FIXTURE_PASSPHRASE = "mat-khau-mau-1"  # tests/fixtures/make_schema_fixture.py

FIXTURES = Path(__file__).parent / "fixtures" / "schema"


def test_head_constant_matches_alembic() -> None:
    assert head_revision() == HEAD_REVISION


def test_models_match_migration_head(tmp_path: Path) -> None:
    engine = make_engine(tmp_path / "db.sqlite3")
    upgrade(engine)
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), Base.metadata)
    # FTS5 shadow tables are created by the migration on purpose and have no model.
    diff = [d for d in diff if not (d[0] == "remove_table" and d[1].name.endswith(("_fts", "_fts_data", "_fts_idx",
                                                                                  "_fts_docsize", "_fts_config")))]
    assert diff == []


def test_upgrade_downgrade_upgrade(tmp_path: Path) -> None:
    engine = make_engine(tmp_path / "db.sqlite3")
    assert current_revision(engine) is None
    run_upgrade(engine)
    assert current_revision(engine) == HEAD_REVISION
    run_downgrade(engine, "base")
    with engine.connect() as conn:
        tables = {r[0] for r in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type='table'")}
    assert tables <= {"alembic_version", "sqlite_sequence"}
    run_upgrade(engine)
    assert current_revision(engine) == HEAD_REVISION


def _table_snapshot(db: Path, columns_of: dict[str, list[str]] | None = None) -> dict[str, list[tuple]]:
    """Every row of every table (FTS shadow tables and bookkeeping aside), restricted to given columns; an
    encrypted profile's database is read with its data key."""
    from desktop.core.db import driver
    from desktop.core.vault import hex_key, key_of

    conn = driver().connect(str(db))
    if (db.parent / "keys" / "vault.json").exists():  # unlocked in this process by the sign-in before
        conn.execute(f'PRAGMA key = "{hex_key(key_of(db.parent))}"')
    try:
        tables = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' "
            "AND name NOT LIKE '%_fts%' AND name NOT IN ('alembic_version')")]
        snapshot = {}
        for table in tables:
            if columns_of is not None and table not in columns_of:
                continue
            columns = columns_of[table] if columns_of else [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]
            names = ", ".join(f'"{c}"' for c in columns)
            snapshot[table] = sorted(conn.execute(f"SELECT {names} FROM {table}").fetchall(), key=repr)
        return snapshot
    finally:
        conn.close()


@pytest.mark.parametrize("fixture", sorted(FIXTURES.glob("*.sqlite3")), ids=lambda p: p.stem)
def test_released_schema_upgrades_with_data_intact(fixture: Path, tmp_path: Path) -> None:
    """Every row of every table of an old database is still there after the upgrade, column for column."""
    expected = json.loads(fixture.with_suffix(".json").read_text())
    profile = tmp_path / "old"
    profile.mkdir()
    shutil.copy(fixture, profile / "ctxh.sqlite3")
    conn = sqlite3.connect(profile / "ctxh.sqlite3")
    old_columns = {t: [r[1] for r in conn.execute(f"PRAGMA table_info({t})")] for (t,) in conn.execute(
        "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%_fts%' "
        "AND name NOT IN ('alembic_version', 'reference_versions', 'code_items', 'reference_targets', "
        "'reference_rates')")}
    conn.close()
    # Accounts change on purpose (0010): the first officer becomes the ADMIN, the hashes give way to key wraps.
    old_columns["users"] = [c for c in old_columns["users"] if c not in ("role", "password_hash")]
    before = _table_snapshot(profile / "ctxh.sqlite3", old_columns)
    (profile / "backups").mkdir()
    shutil.copy(fixture, profile / "backups" / "ctxh-older.sqlite3")  # a backup the older version made, in clear
    ctx = open_context(profile, "canbo", FIXTURE_PASSPHRASE)  # the first sign-in encrypts the profile in place
    assert current_revision(ctx.db.engine) == HEAD_REVISION
    ctx.db.dispose()
    # Nothing in clear is left: the database, its backups (the older one and the one made before the upgrade)
    # are encrypted, and the clear file was overwritten and removed.
    for path in [profile / "ctxh.sqlite3", *(profile / "backups").iterdir()]:
        assert not path.read_bytes().startswith(b"SQLite format 3"), path.name
    assert not [p.name for p in profile.iterdir() if p.name.endswith((".plain", ".encrypting"))]
    # Reference sets may be replaced by newer shipped versions; everything else must be untouched.
    assert _table_snapshot(profile / "ctxh.sqlite3", old_columns) == before
    ctx = open_context(profile, "canbo", FIXTURE_PASSPHRASE)
    assert ctx.actor.role == "ADMIN"
    facts = status(ctx)
    assert {k: v for k, v in facts["counts"].items() if k in expected["counts"]} == expected["counts"]
    assert all(n == 0 for k, n in facts["counts"].items() if k not in expected["counts"])  # kinds added later
    from desktop.core.services.maintenance import db_check

    assert db_check(ctx)["ok"]
    # 0011: the old TCXH_06 (severe and extremely severe together) stays on its records, readable, and each
    # of them is listed for the officer to choose the level; nobody else is.
    from desktop.core.services.workflow import todo

    with sqlite3.connect(fixture) as old:
        holders = {r[0] for r in old.execute(
            "SELECT full_name FROM beneficiaries WHERE deleted = 0 AND ' ' || target_groups || ' ' LIKE '% TCXH_06 %'")}
    listed = todo(ctx)["to_map"]
    assert {r["full_name"] for r in listed} == holders and all("TCXH_06" in r["target_groups"] for r in listed)


def test_database_from_a_newer_version_is_refused_untouched(tmp_path: Path) -> None:
    from tests.conftest import make_profile, reopen

    ctx = make_profile(tmp_path / "p")
    ctx.db.dispose()
    from tests.conftest import raw_db

    db = tmp_path / "p" / "ctxh.sqlite3"
    conn = raw_db(tmp_path / "p")
    conn.execute("UPDATE alembic_version SET version_num='9999_from_the_future'")
    conn.commit()
    conn.close()
    before = db.read_bytes()
    with pytest.raises(CtxhError) as info:
        reopen(tmp_path / "p")
    assert info.value.code == "E_DB_NEWER"
    assert db.read_bytes() == before


BROKEN_MIGRATION = '''
import sqlalchemy as sa
from alembic import op

revision = "9999_broken"
down_revision = "{head}"
branch_labels = None
depends_on = None


def upgrade():
    op.add_column("workers", sa.Column("extra", sa.Integer()))
    op.execute("UPDATE workers SET full_name = 'ĐÃ HỎNG'")
    raise RuntimeError("migration fails half-way")


def downgrade():
    pass
'''


def test_failed_upgrade_leaves_data_untouched_and_a_checked_backup(tmp_path: Path, monkeypatch) -> None:
    from desktop.core import db as db_module
    from desktop.core.migrations import runner
    from desktop.core.services.demo import generate
    from desktop.paths import migrations_dir
    from tests.conftest import make_profile

    ctx = make_profile(tmp_path / "p")
    generate(ctx, cases=20, workers=3, seed=5)
    before = status(ctx)
    ctx.db.dispose()

    scripts = tmp_path / "migrations"
    shutil.copytree(migrations_dir(), scripts, ignore=shutil.ignore_patterns("__pycache__"))
    (scripts / "versions" / "9999_broken.py").write_text(BROKEN_MIGRATION.replace("{head}", HEAD_REVISION))
    monkeypatch.setattr(runner, "migrations_dir", lambda: scripts)
    monkeypatch.setattr(db_module, "HEAD_REVISION", "9999_broken")

    with pytest.raises(CtxhError) as info:
        reopen(tmp_path / "p")
    assert info.value.code == "E_UPGRADE_FAILED"
    backups = list((tmp_path / "p" / "backups").glob(f"before-upgrade-{HEAD_REVISION}-*.sqlite3"))
    assert len(backups) == 1
    from desktop.core.db import sqlite_file_ok
    from desktop.core.vault import key_of

    assert sqlite_file_ok(backups[0], key_of(tmp_path / "p"))  # checked, and encrypted like the profile

    monkeypatch.undo()
    after = reopen(tmp_path / "p")
    assert current_revision(after.db.engine) == HEAD_REVISION
    assert status(after)["digest"] == before["digest"]
    from tests.conftest import raw_db

    columns = [r[1] for r in raw_db(tmp_path / "p").execute("PRAGMA table_info(workers)")]
    assert "extra" not in columns


def test_the_same_migrations_run_on_postgresql(postgres_url: str) -> None:
    """A hub on PostgreSQL: empty → head matches the models, → base → head again."""
    import uuid

    from tests.postgres import new_database

    engine = make_engine(new_database(postgres_url, f"mig_{uuid.uuid4().hex[:12]}"))
    run_upgrade(engine)
    assert current_revision(engine) == HEAD_REVISION
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), Base.metadata)
    assert diff == []
    run_downgrade(engine, "base")
    run_upgrade(engine)
    assert current_revision(engine) == HEAD_REVISION
    engine.dispose()
