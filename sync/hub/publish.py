"""What the province publishes to every laptop: the reference sets, the form definitions and the processes, as
one snapshot that names each file's hash (forms.library checks it on the laptop).

The files are those shipped with the app, each replaced by a file of the same name that the province put in
the hub profile's `publish/` folder (`publish/reference/rates.json`, `publish/forms/definitions/TT02_M01.json`…).
The snapshot's serial grows whenever the set of files changes, so a laptop keeps the newest one.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from desktop.core.context import AppContext
from desktop.core.repositories import sync_store as store
from desktop.paths import app_root
from forms.library import FORM_PREFIX, PROCESS_PREFIX, REFERENCE_PREFIX, content_hash
from sync.trust import FREEZE_DAYS

REFERENCE_SETS = ("code_lists", "rates", "targets", "holidays", "admin_units")
PUBLISH_DIR = "publish"


def published_files(ctx: AppContext) -> dict[str, Any]:
    """Every published file by its snapshot path, the province's own versions over the shipped ones."""
    shipped = {
        **{f"{REFERENCE_PREFIX}{kind}.json": app_root() / "resources" / "reference" / f"{kind}.json"
           for kind in REFERENCE_SETS},
        **{f"{FORM_PREFIX}{p.name}": p for p in sorted((app_root() / "forms" / "definitions").glob("*.json"))},
        **{f"{PROCESS_PREFIX}{p.name}": p for p in sorted((app_root() / "forms" / "processes").glob("*.json"))},
    }
    own = ctx.profile.root / PUBLISH_DIR
    for prefix in (REFERENCE_PREFIX, FORM_PREFIX, PROCESS_PREFIX):
        for path in sorted((own / prefix).glob("*.json")):
            shipped[f"{prefix}{path.name}"] = path
    return {name: json.loads(Path(path).read_text(encoding="utf-8")) for name, path in shipped.items()}


def snapshot_lines(ctx: AppContext) -> list[dict[str, Any]]:
    """The snapshot line, then a line per file: reference sets as `reference` lines (kind, data), forms and
    processes as `file` lines (path, data)."""
    files = published_files(ctx)
    hashes = {path: content_hash(data) for path, data in sorted(files.items())}
    digest = content_hash(hashes)
    with ctx.db.session() as session:
        serial = store.get_state(session, "snapshot_serial", 0)
        if store.get_state(session, "snapshot_digest", "") != digest:
            serial += 1
            store.set_state(session, "snapshot_serial", serial)
            store.set_state(session, "snapshot_digest", digest)
        freeze_days = store.get_state(session, "freeze_days", FREEZE_DAYS)
    # freeze_days: how long a laptop may go without a fresh hub bundle before it warns (T18); not a file, so
    # changing it does not change the serial.
    lines: list[dict[str, Any]] = [{"type": "snapshot", "serial": serial, "files": hashes,
                                    "freeze_days": freeze_days}]
    for path, data in sorted(files.items()):
        if path.startswith(REFERENCE_PREFIX):
            lines.append({"type": "reference", "kind": path[len(REFERENCE_PREFIX):-len(".json")], "data": data})
        else:
            lines.append({"type": "file", "path": path, "data": data})
    return lines
