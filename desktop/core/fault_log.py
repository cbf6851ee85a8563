"""A record of unexpected errors that holds no personal data: the kind of error and where in the program it
happened (file, line, function), never its message or values — the message of a database error carries the
SQL parameters, which are names, CCCD and phone numbers. The officer is shown only the incident's id."""

from __future__ import annotations

import datetime as dt
import os
import traceback
import uuid
from pathlib import Path

LOG_NAME = "faults.log"


_default_dir: list[Path] = []


def set_fault_dir(log_dir: Path) -> None:
    """Where record_fault writes when it is given no folder (the window sets its profile's at start)."""
    _default_dir[:] = [log_dir]


def record_fault(error: BaseException, log_dir: Path | None, action: str) -> str:
    """Append one line about `error` (raised while doing `action`) to log_dir/faults.log (or the folder
    set_fault_dir named); returns its incident id. Never raises: a full disk must not turn one error into two."""
    incident = uuid.uuid4().hex[:8]
    frames = " < ".join(f"{Path(frame.filename).name}:{frame.lineno} {frame.name}"
                        for frame in reversed(traceback.extract_tb(error.__traceback__)))
    line = f"{dt.datetime.now(dt.UTC).isoformat(timespec='seconds')} {incident} {action} " \
           f"{type(error).__module__}.{type(error).__qualname__} at {frames}\n"
    log_dir = log_dir or (_default_dir[0] if _default_dir else None)
    if log_dir is None:
        return incident
    try:
        log_dir.mkdir(parents=True, exist_ok=True)
        with open(log_dir / LOG_NAME, "a", encoding="utf-8") as handle:
            handle.write(line)
            handle.flush()
            os.fsync(handle.fileno())
    except OSError:
        pass
    return incident


def log_path(log_dir: Path) -> Path:
    """Where record_fault writes."""
    return log_dir / LOG_NAME
