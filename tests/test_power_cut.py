"""T2 by simulation: a power cut keeps of each file only what was last fsynced. An APSW VFS shim over the
real SQLite file system records every file's bytes at each xSync (and forgets a file SQLite deleted); a cut at
any moment is the set of those images, opened afresh. With the app's PRAGMAs every commit that returned is
in every cut and the database is sound — on an SQLite built to default to synchronous=NORMAL in WAL mode too
(the connection is put there first), so dropping `synchronous=FULL` from SQLITE_PRAGMAS fails this test.

The file here is plain SQLite: APSW's SQLite has no SQLCipher codec to shim. What is tested — which bytes an
fsync makes durable under the app's journal and sync PRAGMAs — is the pager's, the same with the codec on
(SQLCipher encrypts each page as the pager writes it); the kill rounds of test_durability run on encrypted
profiles."""

from __future__ import annotations

import random
import sqlite3
from pathlib import Path

import pytest

apsw = pytest.importorskip("apsw", reason="apsw (the VFS shim of the power-cut simulation) is not installed")

from desktop.core.db import SQLITE_PRAGMAS  # noqa: E402


class _Durable:
    """What survives a power cut: each file's bytes as of its last fsync."""

    def __init__(self) -> None:
        self.images: dict[str, bytes] = {}

    def cut(self, db: Path, into: Path) -> Path:
        """Write the surviving files next to `into` under its name; returns the database to open."""
        for name, data in self.images.items():
            (into.parent / (into.name + name[len(str(db)):])).write_bytes(data)
        return into


def _vfs(durable: _Durable, name: str):  # type: ignore[no-untyped-def]
    class File(apsw.VFSFile):
        def __init__(self, inherit: str, filename, flags) -> None:  # type: ignore[no-untyped-def]
            self.path = filename.filename() if isinstance(filename, apsw.URIFilename) else filename
            super().__init__(inherit, filename, flags)

        def xSync(self, flags: int) -> None:
            super().xSync(flags)
            durable.images[self.path] = Path(self.path).read_bytes()

    class Vfs(apsw.VFS):
        def __init__(self) -> None:
            super().__init__(name, "")

        def xOpen(self, filename, flags):  # type: ignore[no-untyped-def]
            return File("", filename, flags)

        def xDelete(self, filename: str, syncdir: bool) -> None:
            super().xDelete(filename, syncdir)
            durable.images.pop(filename, None)

    return Vfs()


def _cuts_lose_a_commit(tmp_path: Path, pragmas: tuple[str, ...], rounds: int = 40) -> list[str]:
    """Run commits through the shim, cut the power after random ones; the problems found."""
    durable = _Durable()
    name = f"durable-{len(pragmas)}-{random.random()}"
    vfs = _vfs(durable, name)
    db = tmp_path / f"cut-{len(pragmas)}.sqlite3"
    connection = apsw.Connection(str(db), vfs=name)
    # As an SQLite built with SQLITE_DEFAULT_WAL_SYNCHRONOUS=1 would start; the app's PRAGMAs must fix it.
    connection.execute("PRAGMA synchronous=NORMAL")
    for pragma in pragmas:
        list(connection.execute(pragma))
    connection.execute("CREATE TABLE saved (n INTEGER PRIMARY KEY, note TEXT)")
    rng = random.Random(2)
    problems = []
    for n in range(1, rounds + 1):
        with connection:
            connection.execute("INSERT INTO saved VALUES (?, ?)", (n, "Nguyễn Văn A " * rng.randrange(1, 400)))
        if rng.random() < 0.5:  # the officer saw "saved"; the power goes now
            cut = durable.cut(db, tmp_path / f"after-{len(pragmas)}-{n}.sqlite3")
            reader = sqlite3.connect(cut)
            try:
                sound = reader.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
                kept = reader.execute("SELECT count(*) FROM saved").fetchone()[0]
            except sqlite3.DatabaseError as error:
                sound, kept = False, f"unreadable: {error}"
            finally:
                reader.close()
            if not sound or kept != n:
                problems.append(f"after commit {n}: sound={sound}, rows={kept}")
    connection.close()
    vfs.unregister()
    return problems


def test_every_commit_that_returned_survives_a_power_cut(tmp_path: Path) -> None:
    assert _cuts_lose_a_commit(tmp_path, SQLITE_PRAGMAS) == []


def test_the_simulation_catches_a_commit_that_was_not_synced(tmp_path: Path) -> None:
    """The control: the same PRAGMAs without synchronous=FULL lose commits that returned in this simulation
    (otherwise the test above could not fail)."""
    weaker = tuple(p for p in SQLITE_PRAGMAS if "synchronous" not in p)
    assert _cuts_lose_a_commit(tmp_path, weaker)
