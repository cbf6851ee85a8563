"""T18 (mix-and-match): the province publishes forms, processes and reference sets as one signed snapshot; a
laptop takes it whole or not at all, keeps the newest valid one, and stops using files altered on its disk."""

from __future__ import annotations

import json
import os
from pathlib import Path

from desktop.core.repositories.reference import loaded_version
from desktop.core.services import case_forms
from desktop.core.services.workflow import processes
from desktop.paths import app_root
from forms.library import SNAPSHOT_DIR, definitions, installed_serial
from sync.hub import outbox
from sync.hub.publish import snapshot_lines
from sync.status import sync_overview
from tests.sync_helpers import card_of, import_


def _publish_form(hub, code: str, version: int) -> dict:
    """The province puts a newer definition of `code` in its publish folder."""
    data = json.loads((app_root() / "forms" / "definitions" / f"{code}.json").read_text(encoding="utf-8"))
    data["version"] = version
    data["title"] = [f"{data['title'][0]} (bản {version})", data["title"][1]]
    folder = hub.profile.root / "publish" / "forms" / "definitions"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{code}.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return data


def _reference_version(ctx, kind: str) -> str | None:
    with ctx.db.reader() as session:
        return loaded_version(session, kind)


def test_a_published_snapshot_reaches_the_laptop_whole(province, tmp_path: Path) -> None:
    hub, a1, _a2, _b1 = province
    _publish_form(hub, "ND56_M05", 2)
    rates = json.loads((app_root() / "resources" / "reference" / "rates.json").read_text(encoding="utf-8"))
    rates["version"] = "2999-01-01"
    (hub.profile.root / "publish" / "reference").mkdir(parents=True)
    (hub.profile.root / "publish" / "reference" / "rates.json").write_text(json.dumps(rates), encoding="utf-8")
    [path] = [p for p in outbox.export_all(hub, tmp_path / "out") if a1.device_id[-12:] in p.name]
    [outcome] = import_(a1, path)
    assert outcome.ok, outcome
    assert case_forms.form_definition("ND56_M05", a1.profile.root).version == 2
    assert "(bản 2)" in case_forms.forms(a1.profile.root)["ND56_M05"].title[0]
    assert processes(a1.profile.root)["ND56_2017"].version >= 1
    assert _reference_version(a1, "rates") == "2999-01-01"
    assert installed_serial(a1.profile.root) == 1
    # Nothing changed at the province: the next export carries the same serial, which the laptop skips.
    assert snapshot_lines(hub)[0]["serial"] == 1


def test_a_file_that_does_not_match_the_snapshot_refuses_the_bundle(province, tmp_path: Path) -> None:
    """Form version 3 sent under the hash of version 2: the whole bundle is refused (E_SNAPSHOT), and the
    laptop keeps the snapshot it had, forms and code lists alike."""
    hub, a1, _a2, _b1 = province
    _publish_form(hub, "ND56_M05", 2)
    good = snapshot_lines(hub)
    assert import_(a1, outbox.hub_bundle(hub, card_of(a1), good, tmp_path / "good"))[0].ok
    rates_before = _reference_version(a1, "rates")

    third = _publish_form(hub, "ND56_M05", 3)
    mixed = [dict(line) for line in good]
    for line in mixed:
        if line.get("path") == "forms/definitions/ND56_M05.json":
            line["data"] = third  # the snapshot line still lists version 2's hash
        if line.get("kind") == "rates":
            line["data"] = {**line["data"], "version": "2999-06-01"}
    snapshot = next(line for line in mixed if line["type"] == "snapshot")
    snapshot["serial"] = 2
    [outcome] = import_(a1, outbox.hub_bundle(hub, card_of(a1), mixed, tmp_path / "mixed"))
    assert (outcome.ok, outcome.error) == (False, "E_SNAPSHOT")
    assert case_forms.form_definition("ND56_M05", a1.profile.root).version == 2
    assert _reference_version(a1, "rates") == rates_before
    assert installed_serial(a1.profile.root) == 1

    unlisted = [*good, {"type": "file", "path": "forms/definitions/EXTRA.json", "data": third}]
    [outcome] = import_(a1, outbox.hub_bundle(hub, card_of(a1), unlisted, tmp_path / "unlisted"))
    assert outcome.error == "E_SNAPSHOT"


def test_an_older_snapshot_in_a_newer_bundle_is_not_installed(province, tmp_path: Path) -> None:
    hub, a1, _a2, _b1 = province
    _publish_form(hub, "ND56_M05", 2)
    first = snapshot_lines(hub)
    _publish_form(hub, "ND56_M05", 3)
    second = snapshot_lines(hub)
    assert (first[0]["serial"], second[0]["serial"]) == (1, 2)
    assert import_(a1, outbox.hub_bundle(hub, card_of(a1), second, tmp_path / "second"))[0].ok
    assert import_(a1, outbox.hub_bundle(hub, card_of(a1), first, tmp_path / "first"))[0].ok
    assert case_forms.form_definition("ND56_M05", a1.profile.root).version == 3
    assert installed_serial(a1.profile.root) == 2


def test_a_form_file_altered_on_the_disk_is_not_used(province, tmp_path: Path) -> None:
    hub, a1, _a2, _b1 = province
    _publish_form(hub, "ND56_M05", 2)
    assert import_(a1, outbox.hub_bundle(hub, card_of(a1), snapshot_lines(hub), tmp_path / "s"))[0].ok
    assert definitions(a1.profile.root).warning == ""
    assert sync_overview(a1)["definitions"] == {"serial": 1, "installed": 1, "warning": ""}
    stored = a1.profile.root / SNAPSHOT_DIR / "forms" / "definitions" / "ND56_M05.json"
    data = json.loads(stored.read_text(encoding="utf-8"))
    data["sections"][0]["fields"][0]["label"] = ["Sửa tay", "Edited by hand"]
    stored.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    snapshot_file = a1.profile.root / SNAPSHOT_DIR / "snapshot.json"
    stamp = snapshot_file.stat()
    os.utime(snapshot_file, (stamp.st_atime, stamp.st_mtime + 5))  # as if the app started again
    found = definitions(a1.profile.root)
    assert "ND56_M05" in found.warning and found.serial == 0
    assert case_forms.form_definition("ND56_M05", a1.profile.root).version == 1  # the shipped one
    facts = sync_overview(a1)["definitions"]  # the Đồng bộ page shows the warning
    assert facts["serial"] == 0 and facts["installed"] == 1 and "ND56_M05" in facts["warning"]
