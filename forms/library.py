"""The definitions a profile works with: those shipped with the app, and those the province published in a
signed snapshot (a hub bundle carries it), whichever is newer for each code.

A snapshot lists the SHA-256 of every file it holds (form definitions, processes, reference sets). The hub
bundle's signature covers the snapshot; each file must match its hash, or the snapshot is refused as a whole,
so a form of one release never meets a code list of another (mix-and-match). Installed snapshots are checked
again when read: a file altered on the disk makes the profile fall back to the shipped definitions, with a
warning, instead of using it.
"""

from __future__ import annotations

import hashlib
import json
import logging
import shutil
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from forms.processes import PROCESS_DIR, Process, ProcessDefinitionError, load_processes, parse_process
from forms.schema import FORMS_DIR, FormDefinition, FormDefinitionError, load_forms, parse_form

log = logging.getLogger(__name__)

SNAPSHOT_DIR = "hub-snapshot"
# A snapshot's files by the folder they belong to; reference sets are applied to the database, not kept here.
FORM_PREFIX, PROCESS_PREFIX, REFERENCE_PREFIX = "forms/definitions/", "forms/processes/", "reference/"


class SnapshotError(ValueError):
    """A snapshot whose files do not match the hashes it lists, or that cannot be parsed."""


def content_hash(data: Any) -> str:
    """SHA-256 of a file's content as canonical JSON (sorted keys, no spaces, UTF-8): how a snapshot names it."""
    text = json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def check_snapshot(snapshot: Mapping[str, Any], files: Mapping[str, Any]) -> None:
    """Every listed file present with its hash, no file unlisted, and every definition parses; raises
    SnapshotError naming the first file that fails."""
    listed = snapshot.get("files")
    if not isinstance(listed, dict) or not isinstance(snapshot.get("serial"), int):
        raise SnapshotError("the snapshot has no serial or no file list")
    for path in sorted(set(listed) | set(files)):
        if path not in files:
            raise SnapshotError(f"{path}: listed in the snapshot but not sent")
        if path not in listed:
            raise SnapshotError(f"{path}: sent but not listed in the snapshot")
        if content_hash(files[path]) != listed[path]:
            raise SnapshotError(f"{path}: does not match the snapshot's hash")
    try:
        for path, data in files.items():
            if path.startswith(FORM_PREFIX):
                parse_form(data, path)
            elif path.startswith(PROCESS_PREFIX):
                parse_process(data, path)
            elif not path.startswith(REFERENCE_PREFIX):
                raise SnapshotError(f"{path}: not a form, process or reference file")
    except (FormDefinitionError, ProcessDefinitionError) as error:
        raise SnapshotError(str(error)) from error


def installed_serial(root: Path) -> int:
    """The serial of the snapshot installed in the profile at `root` (0: none)."""
    try:
        return int(json.loads((root / SNAPSHOT_DIR / "snapshot.json").read_text(encoding="utf-8"))["serial"])
    except (OSError, ValueError, KeyError, TypeError):
        return 0


def install_snapshot(root: Path, snapshot: Mapping[str, Any], files: Mapping[str, Any]) -> bool:
    """Keep a checked snapshot's form and process files in the profile, replacing an older snapshot whole;
    False (and nothing changed) if the one installed is as new. Raises SnapshotError if it does not check."""
    check_snapshot(snapshot, files)
    if snapshot["serial"] <= installed_serial(root):
        return False
    target = root / SNAPSHOT_DIR
    staging = root / f"{SNAPSHOT_DIR}.partial"
    shutil.rmtree(staging, ignore_errors=True)
    for path, data in files.items():
        if path.startswith((FORM_PREFIX, PROCESS_PREFIX)):
            (staging / path).parent.mkdir(parents=True, exist_ok=True)
            (staging / path).write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    staging.mkdir(parents=True, exist_ok=True)
    (staging / "snapshot.json").write_text(json.dumps(dict(snapshot), ensure_ascii=False), encoding="utf-8")
    old = root / f"{SNAPSHOT_DIR}.old"
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        target.rename(old)
    staging.rename(target)
    shutil.rmtree(old, ignore_errors=True)
    _CACHE.pop(root, None)
    return True


@dataclass
class Definitions:
    """The forms and processes of one profile, and a warning if its snapshot could not be used."""

    forms: dict[str, FormDefinition]
    processes: dict[str, Process]
    serial: int = 0
    warning: str = ""
    sources: dict[str, str] = field(default_factory=dict)  # code -> "shipped" | "snapshot N"


_CACHE: dict[Path | None, tuple[float, Definitions]] = {}


def _snapshot_files(root: Path) -> tuple[dict[str, Any], dict[str, Any]]:
    folder = root / SNAPSHOT_DIR
    snapshot = json.loads((folder / "snapshot.json").read_text(encoding="utf-8"))
    files = {}
    for path in snapshot["files"]:
        if path.startswith((FORM_PREFIX, PROCESS_PREFIX)):
            files[path] = json.loads((folder / path).read_text(encoding="utf-8"))
    kept = {path: digest for path, digest in snapshot["files"].items() if path in files}
    check_snapshot({**snapshot, "files": kept}, files)
    return snapshot, files


def definitions(root: Path | None = None) -> Definitions:
    """The shipped definitions, with a profile's snapshot laid over them (a newer version of a code wins).
    Read once per installed snapshot."""
    stamp = _stamp(root)
    cached = _CACHE.get(root)
    if cached is not None and cached[0] == stamp:
        return cached[1]
    found = Definitions(load_forms(FORMS_DIR), load_processes(PROCESS_DIR))
    found.sources = {code: "shipped" for code in [*found.forms, *found.processes]}
    if root is not None and (root / SNAPSHOT_DIR / "snapshot.json").exists():
        try:
            snapshot, files = _snapshot_files(root)
        except (OSError, ValueError, KeyError, TypeError) as error:
            found.warning = f"the province's form snapshot is damaged and is not used: {error}"
            log.warning(found.warning)
        else:
            found.serial = snapshot["serial"]
            for path, data in files.items():
                item: FormDefinition | Process
                if path.startswith(FORM_PREFIX):
                    item = parse_form(data, path)
                    held: Any = found.forms
                else:
                    item = parse_process(data, path)
                    held = found.processes
                if item.code not in held or item.version >= held[item.code].version:
                    held[item.code] = item
                    found.sources[item.code] = f"snapshot {found.serial}"
    _CACHE[root] = (stamp, found)
    return found


def _stamp(root: Path | None) -> float:
    if root is None:
        return 0.0
    try:
        return (root / SNAPSHOT_DIR / "snapshot.json").stat().st_mtime
    except OSError:
        return 0.0
