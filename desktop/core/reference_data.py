"""Reference data (administrative units, code lists, rates, targets, holidays): load the shipped sets and the
hub's newer ones, and look codes and their labels up. Below the services: opening a profile loads it."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from desktop.core.models import AdminUnit, CodeItem, PublicHoliday, ReferenceRate, ReferenceTarget
from desktop.core.repositories import reference as repo
from desktop.core.text import fold
from desktop.paths import resources_dir


def _read(name: str) -> dict[str, Any]:
    return json.loads((resources_dir() / "reference" / name).read_text(encoding="utf-8"))


def read_admin_units_file(path: Path | None = None) -> dict[str, Any]:
    """The shipped (or given) administrative-units file as parsed JSON."""
    if path is not None:
        return json.loads(path.read_text(encoding="utf-8"))
    return _read("admin_units.json")


def _older(session: Session, kind: str, shipped: str) -> bool:
    """True when the database has no copy of a set or an older one. Versions are ISO dates, so a newer
    set received from the hub is never replaced by the one shipped with an older app."""
    loaded = repo.loaded_version(session, kind)
    return loaded is None or loaded < shipped


def _admin_unit_rows(units: dict[str, Any]) -> list[dict[str, Any]]:
    rows = []
    for province in units["provinces"]:
        rows.append(dict(code=province["code"], level="province", name=province["name"],
                         division_type=province["type"], parent_code=None, folded=fold(province["name"])))
        rows.extend(dict(code=code, level="commune", name=name, division_type=kind, parent_code=province["code"],
                         folded=fold(name)) for code, name, kind in province["communes"])
    return rows


GENERIC_MARK = "?"  # a phrase that fits several codes: offered with its candidates, never given one of them


def _mapping(value: Any) -> dict[str, Any]:
    return {str(k): v for k, v in value.items()} if isinstance(value, dict) else {}


def _texts(value: Any) -> list[str]:
    return [v[:200] for v in value if isinstance(v, str)] if isinstance(value, list) else []


def _code_rows(data: dict[str, Any]) -> list[dict[str, Any]]:
    """Code items with the phrases lists write for them; a generic phrase ("Người cao tuổi") goes to each of its
    candidate codes, marked, so the matcher asks instead of choosing."""
    phrases: dict[tuple[str, str], list[str]] = {}
    # A province publishes its own phrases with its code lists: anything not shaped as lists of text is skipped.
    for list_name, by_code in _mapping(data.get("phrases")).items():
        for code, items in _mapping(by_code).items():
            phrases.setdefault((list_name, code), []).extend(_texts(items))
    for list_name, by_phrase in _mapping(data.get("generic")).items():
        for phrase, codes in _mapping(by_phrase).items():
            for code in _texts(codes):
                phrases.setdefault((list_name, code), []).append(GENERIC_MARK + str(phrase)[:200])
    return [
        dict(list_name=list_name, code=item[0], label_vi=item[1], label_en=item[2], position=i,
             retired=item[3:4] == ["retired"],  # [code, vi, en] or [code, vi, en, "retired"]
             phrases=json.dumps(phrases[(list_name, item[0])], ensure_ascii=False)
             if (list_name, item[0]) in phrases else None)
        for list_name, items in data["lists"].items() for i, item in enumerate(items)]


# kind (and file name) -> (table, rows of the file). Each set is versioned and replaced as a whole.
REFERENCE_SETS: dict[str, tuple[type, Any]] = {
    "admin_units": (AdminUnit, _admin_unit_rows),
    "code_lists": (CodeItem, lambda d: _code_rows(d)),
    "rates": (ReferenceRate, lambda d: [
        dict(kind=r["kind"], province_code=r.get("province"), value=r["value"],
             effective_from=dt.date.fromisoformat(r["from"]), basis=r["basis"], status=r["status"])
        for r in d["rates"]]),
    "targets": (ReferenceTarget, lambda d: [
        dict(plan=t["plan"], province_code=t.get("province"), year=t["year"], indicator=t["indicator"],
             minimum=t.get("min"), maximum=t.get("max"), note=t["note"], baseline_year=t.get("baseline_year"))
        for t in d["targets"]]),
    "holidays": (PublicHoliday, lambda d: [
        dict(day=dt.date.fromisoformat(h["date"]), name=h["name"], status=h["status"]) for h in d["holidays"]]),
}


def load_reference_set(session: Session, kind: str, data: dict[str, Any]) -> bool:
    """Replace one reference set with `data` if it is newer than the one held; True if it was. A set from the
    hub and one shipped with the app go through here alike."""
    if kind not in REFERENCE_SETS:
        raise ValueError(f"unknown reference set {kind!r}")
    model, rows_of = REFERENCE_SETS[kind]
    if not _older(session, kind, data["version"]):
        return False
    repo.replace_rows(session, model, rows_of(data))
    repo.set_version(session, kind, data["version"], data["source"])
    return True


def load_reference_data(session: Session) -> list[str]:
    """Load the shipped reference sets that the database lacks or holds older; returns their kinds."""
    return [kind for kind in REFERENCE_SETS if load_reference_set(session, kind, _read(f"{kind}.json"))]


@dataclass
class CodeBook:
    """Every code list in memory: membership checks for validation and labels for display."""

    labels: dict[str, dict[str, tuple[str, str]]]
    retired: frozenset[tuple[str, str]] = frozenset()  # (list, code): known, never offered
    phrases: dict[str, dict[str, list[str]]] = field(default_factory=dict)  # list -> code -> phrases

    def known(self, list_name: str, code: str) -> bool:
        """True if `code` is in `list_name` (retired codes too: records hold them)."""
        return code in self.labels.get(list_name, {})

    def label(self, list_name: str, code: str | None, language: str = "vi") -> str:
        """The label of a code (the code itself if unknown, '' for None)."""
        if not code:
            return ""
        pair = self.labels.get(list_name, {}).get(code)
        return code if pair is None else pair[0 if language == "vi" else 1]

    def items(self, list_name: str, language: str = "vi") -> list[tuple[str, str]]:
        """(code, label) pairs of a list, in its order."""
        return [(c, p[0 if language == "vi" else 1]) for c, p in self.labels.get(list_name, {}).items()
                if (list_name, c) not in self.retired]


def read_codebook(session: Session) -> CodeBook:
    """Load every code list from the database."""
    labels: dict[str, dict[str, tuple[str, str]]] = {}
    retired = set()
    phrases: dict[str, dict[str, list[str]]] = {}
    for item in repo.all_code_items(session):
        labels.setdefault(item.list_name, {})[item.code] = (item.label_vi, item.label_en)
        if item.retired:
            retired.add((item.list_name, item.code))
        if item.phrases:
            phrases.setdefault(item.list_name, {})[item.code] = json.loads(item.phrases)
    return CodeBook(labels, frozenset(retired), phrases)
