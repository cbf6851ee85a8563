"""Local columns derived from synced fields: the name sort key and the folded search text.

The services and (later) the sync merge both call these, so a record looks the same on every
replica whichever way its fields arrived.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from desktop.core.text import fold, name_sort_key


def _search_text(*parts: Any) -> str:
    return fold(" ".join(str(p) for p in parts if p))


def person_keys(values: Mapping[str, Any]) -> dict[str, str]:
    """sort_key and search_text of a worker or beneficiary."""
    return {
        "sort_key": name_sort_key(values.get("full_name")),
        "search_text": _search_text(values.get("full_name"), values.get("national_id"), values.get("phone")),
    }


def case_keys(case_no: str | None, beneficiary: Mapping[str, Any]) -> dict[str, str]:
    """sort_key and search_text of a case: its number and its beneficiary's name and ids."""
    return {
        "sort_key": name_sort_key(beneficiary.get("full_name")),
        "search_text": _search_text(
            case_no, beneficiary.get("full_name"), beneficiary.get("national_id"), beneficiary.get("phone")
        ),
    }
