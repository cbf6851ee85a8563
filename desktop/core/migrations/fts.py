"""Full-text indexes over the folded `search_text` column (SQLite FTS5, external content).

The index follows its table through triggers. A migration that rebuilds one of these tables in
batch mode drops its triggers with it: it must call create_search_index() again afterwards, which
also rebuilds the index from the table. PostgreSQL (the hub) has no FTS5; there the functions do
nothing and search falls back to LIKE on the folded column.
"""

from __future__ import annotations

from alembic import op

SEARCH_TABLES = ("workers", "beneficiaries", "cases")


def create_search_index(table: str) -> None:
    """Create (or re-create) the FTS5 index and its triggers for `table`, then fill it."""
    if op.get_bind().dialect.name != "sqlite":
        return
    drop_search_index(table)
    fts = f"{table}_fts"
    op.execute(
        f"CREATE VIRTUAL TABLE {fts} USING fts5(search_text, content='{table}', content_rowid='rowid', "
        "tokenize='unicode61 remove_diacritics 0', prefix='1 2 3')"
    )
    op.execute(
        f"CREATE TRIGGER {fts}_ai AFTER INSERT ON {table} BEGIN "
        f"INSERT INTO {fts}(rowid, search_text) VALUES (new.rowid, new.search_text); END"
    )
    op.execute(
        f"CREATE TRIGGER {fts}_ad AFTER DELETE ON {table} BEGIN "
        f"INSERT INTO {fts}({fts}, rowid, search_text) VALUES ('delete', old.rowid, old.search_text); END"
    )
    op.execute(
        f"CREATE TRIGGER {fts}_au AFTER UPDATE OF search_text ON {table} BEGIN "
        f"INSERT INTO {fts}({fts}, rowid, search_text) VALUES ('delete', old.rowid, old.search_text); "
        f"INSERT INTO {fts}(rowid, search_text) VALUES (new.rowid, new.search_text); END"
    )
    op.execute(f"INSERT INTO {fts}({fts}) VALUES ('rebuild')")


def drop_search_index(table: str) -> None:
    """Remove the FTS5 index and triggers of `table` if they exist."""
    if op.get_bind().dialect.name != "sqlite":
        return
    fts = f"{table}_fts"
    for suffix in ("ai", "ad", "au"):
        op.execute(f"DROP TRIGGER IF EXISTS {fts}_{suffix}")
    op.execute(f"DROP TABLE IF EXISTS {fts}")
