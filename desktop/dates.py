"""Reading a date as Vietnamese lists and forms write it: a leaf below every layer, so that the form
definitions (forms/) and the core's validation share one rule."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from typing import Any

_DATE_PATTERNS = (
    re.compile(r"^(?P<d>\d{1,2})[/.\-](?P<m>\d{1,2})[/.\-](?P<y>\d{4})$"),
    re.compile(r"^(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})$"),
)


def parse_date(value: Any) -> dt.date:
    """A date from a date, a datetime, 'dd/mm/yyyy' (also with . or -) or ISO 'yyyy-mm-dd'.

    Raises ValueError for anything else, including impossible dates such as 31/02/2020.
    """
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = " ".join(unicodedata.normalize("NFC", str(value)).split())
    for pattern in _DATE_PATTERNS:
        match = pattern.match(text)
        if match:
            return dt.date(int(match["y"]), int(match["m"]), int(match["d"]))
    raise ValueError(f"not a date: {value!r}")


def local_time(utc: dt.datetime) -> dt.datetime:
    """A record's stamp (naive UTC, as the records keep it) on the laptop's clock, like the workflow's own
    times and what the officer reads."""
    return utc.replace(tzinfo=dt.UTC).astimezone().replace(tzinfo=None)
