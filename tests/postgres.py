"""A real PostgreSQL server for the hub tests: initdb and pg_ctl (on the machine) in a temp dir, on a free
loopback port, stopped at the end. Root cannot run PostgreSQL, so as root the server runs as `postgres`."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def available() -> str | None:
    """Why PostgreSQL cannot run here, or None if it can."""
    if not (shutil.which("initdb") and shutil.which("pg_ctl")):
        return "initdb and pg_ctl are not on PATH"
    try:
        import psycopg  # noqa: F401
    except ImportError:
        return "psycopg is not installed"
    if os.geteuid() == 0 and not shutil.which("runuser"):
        return "running as root without runuser"
    return None


@contextmanager
def postgres_server() -> Iterator[str]:
    """Start a throwaway server; yields a SQLAlchemy URL of an empty database `ctxh`."""
    import tempfile

    # Its own folder, readable on the way down: pytest's temp folders are private to root.
    base = Path(tempfile.mkdtemp(prefix="ctxh-pg-"))
    base.chmod(0o755)
    data = base / "pgdata"
    prefix: list[str] = []
    if os.geteuid() == 0:
        shutil.chown(base, "postgres")
        prefix = ["runuser", "-u", "postgres", "--"]
    port = _free_port()
    subprocess.run([*prefix, "initdb", "-D", str(data), "-U", "ctxh", "--auth=trust", "-E", "UTF8",
                    "--locale=C.UTF-8"], check=True, capture_output=True)
    subprocess.run([*prefix, "pg_ctl", "-D", str(data), "-o", f"-p {port} -k {base} -c listen_addresses=127.0.0.1",
                    "-l", str(base / "log.txt"), "-w", "start"], check=True, capture_output=True)
    try:
        import psycopg

        with psycopg.connect(f"host=127.0.0.1 port={port} user=ctxh dbname=postgres", autocommit=True) as conn:
            conn.execute("CREATE DATABASE ctxh")
        yield f"postgresql+psycopg://ctxh@127.0.0.1:{port}/ctxh"
    finally:
        subprocess.run([*prefix, "pg_ctl", "-D", str(data), "-m", "fast", "-w", "stop"], capture_output=True)
        shutil.rmtree(base, ignore_errors=True)


def new_database(url: str, name: str) -> str:
    """Create an empty database `name` on the server of `url`; returns its URL."""
    import psycopg

    server = url.rsplit("/", 1)[0]
    host_port = server.split("@", 1)[1]
    host, port = host_port.split(":")
    with psycopg.connect(f"host={host} port={port} user=ctxh dbname=postgres", autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return f"{server}/{name}"
