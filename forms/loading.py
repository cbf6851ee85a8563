"""What the process and form loaders share: bilingual texts and reading a folder of JSON definitions."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")


def pair(value: Any, where: str, error: type[ValueError]) -> tuple[str, str]:
    """A [Vietnamese, English] pair of non-empty texts, or `error` naming `where`."""
    if not (isinstance(value, list) and len(value) == 2 and all(isinstance(v, str) and v for v in value)):
        raise error(f"{where}: expected [Vietnamese, English] texts")
    return value[0], value[1]


def load_folder(folder: Path, parse: Callable[[Any, str], T], code_of: Callable[[T], str],
                error: type[ValueError]) -> dict[str, T]:
    """Parse every *.json file of `folder` with `parse`, by code; a file that is not JSON raises `error`."""
    loaded: dict[str, T] = {}
    for path in sorted(folder.glob("*.json")):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except ValueError as exc:
            raise error(f"{path.name}: not valid JSON ({exc})") from None
        item = parse(data, path.name)
        loaded[code_of(item)] = item
    return loaded
