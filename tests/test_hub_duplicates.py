"""The province finds the people two communes both hold: a synthetic province with planted duplicates of every
kind and look-alikes, measured for recall and precision on SQLite and PostgreSQL; the double payment first; a
decision that reaches both communes' to-do lists and never brings the pair back."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from desktop.core.domain import person_linkage as linkage
from sync.hub import duplicates, inbox, outbox
from tests.conftest import PASSPHRASE
from tests.province_people import province_people, rows_by_partition
from tests.sync_helpers import export, import_


@pytest.mark.parametrize(("a", "b", "level"), [
    ("nguyen van hung", "nguyen van hung", "NAME_EXACT"),
    ("van hung nguyen", "nguyen van hung", "NAME_REORDERED"),
    ("nguyen hung", "nguyen van hung", "NAME_MIDDLE"),
    ("nguyen van hunhg", "nguyen van hung", "NAME_TYPO"),
    ("ngueyn van hung", "nguyen van hung", "NAME_TYPO"),
    ("nguyen van dung", "nguyen van hung", "NAME_DIFFERENT"),  # another first letter: twins' names
    ("nguyen van nam", "nguyen van lam", "NAME_DIFFERENT"),
    ("nguyen van nan", "nguyen van nam", "NAME_TYPO"),
    ("nguyen thu hang", "nguyen thi hang", "NAME_DIFFERENT"),  # middle names one letter apart are two names
    ("tran thi lan", "nguyen van hung", "NAME_DIFFERENT"),
])
def test_name_levels(a, b, level):
    assert linkage.name_level(a, b) == level


def test_two_names_in_use_are_not_a_typo():
    in_use = {"toan", "tuan", "lan", "loan", "nguyen", "van", "thi"}.__contains__
    assert linkage.name_level("nguyen van toan", "nguyen van tuan", in_use) == "NAME_DIFFERENT"
    assert linkage.name_level("nguyen thi lan", "nguyen thi loan", in_use) == "NAME_DIFFERENT"
    assert linkage.name_level("nguyen van toan", "nguyen van toam", in_use) == "NAME_TYPO"


@pytest.mark.parametrize(("a", "b", "level"), [
    (19800312, 19800312, "DATE_EXACT"), (19800312, 19801203, "DATE_SWAPPED"), (19800101, 19800312, "DATE_YEAR_ONLY"),
    (19800313, 19800312, "DATE_SAME_YEAR"), (19810312, 19800312, "DATE_DIFFERENT"), (0, 19800312, None),
])
def test_date_levels(a, b, level):
    assert linkage.date_level(a, b) == level


def _hub(tmp_path: Path, hub_db):
    from sync.hub.profile import init_hub

    return init_hub(tmp_path / "hub", "01", "Sở Y tế Hà Nội", hub_db, user=("quantri", PASSPHRASE))


def _load(hub, province) -> None:
    from desktop.core.derived import person_keys
    from desktop.core.models import Beneficiary
    from desktop.core.services.changes import Writing

    with Writing(hub) as writer:
        for partition, rows in rows_by_partition(province, "01"):
            writer.create_many(Beneficiary, [{**r, "target_groups": "", "partition": partition, **person_keys(r)}
                                             for r in rows])


def test_a_synthetic_province_recall_and_precision(tmp_path: Path, hub_db) -> None:
    from desktop.core.repositories.reference import communes as communes_of

    hub = _hub(tmp_path, hub_db)
    with hub.db.reader() as session:
        communes = [c.code for c in communes_of(session, "01")][:60]
    province = province_people(communes, per_commune=150, seed=16)
    _load(hub, province)
    found = duplicates.find_duplicates(hub)
    reported = {province.pair(*(r["id"] for r in p["records"])): p for p in found}
    same_id = len(province.same_id & set(reported)) / len(province.same_id)
    fuzzy = len(set(province.fuzzy) & set(reported)) / len(province.fuzzy)
    planted = province.same_id | set(province.fuzzy)
    precision = len(planted & set(reported)) / len(reported)
    missed = {kind: sum(1 for k, v in province.fuzzy.items() if v == kind and k not in reported)
              for kind in set(province.fuzzy.values())}
    assert same_id >= 0.99, same_id
    assert fuzzy >= 0.95, (fuzzy, missed)
    assert precision >= 0.95, (precision, [p["evidence"] for k, p in reported.items() if k not in planted][:5])
    assert not province.lookalikes & set(reported)
    assert all(reported[k]["kind"] == "cccd" for k in province.same_id if k in reported)
    # Every kind of planted fuzzy pair is found.
    assert {v for k, v in province.fuzzy.items() if k in reported} == set(province.fuzzy.values())
    hub.db.dispose()


def _send(ctx, hub, folder: Path) -> dict:
    folder.mkdir(parents=True)
    for path in export(ctx, folder.parent / f"{folder.name}-out"):
        shutil.copy(path, folder / path.name)
    return inbox.import_folder(hub, folder).as_json()


def _deliver(hub, laptops, folder: Path) -> None:
    for path in outbox.export_all(hub, folder):
        for ctx in laptops:
            import_(ctx, path)


def test_a_person_paid_by_two_communes_is_found_decided_and_both_hear(province, tmp_path: Path) -> None:
    from desktop.core.services.allowances import add_recipient
    from desktop.core.services.duplicate_notices import mark_handled, open_notices

    hub, a1, a2, b1 = province
    month = dt.date.today().replace(day=1)
    decision = {"clause": "TCXH_05A", "decision_no": "15/QĐ-UBND", "decision_date": month, "start_month": month}
    add_recipient(a1, {"full_name": "Đặng Thị Thu", "birth_date": "05/06/1950", "national_id": "001150012345",
                       "gender": "NU"}, decision)
    add_recipient(b1, {"full_name": "Dang Thi Thu", "birth_date": "05/06/1950", "national_id": "001150012345",
                       "gender": "NU"}, {**decision, "decision_no": "88/QĐ-UBND"})
    add_recipient(b1, {"full_name": "Đặng Thị Thu", "birth_date": "09/09/1988", "gender": "NU"},
                  {**decision, "clause": "TCXH_08"})  # the same name, another person: not a pair
    _send(a1, hub, tmp_path / "in-a")
    _send(b1, hub, tmp_path / "in-b")
    [pair] = duplicates.find_duplicates(hub)
    assert pair["kind"] == "cccd" and pair["both_paid"]
    assert {r["commune"] for r in pair["records"]} == {"00004", "00008"}
    assert "CCCD_SAME" in [e["code"] for e in pair["evidence"]]
    from desktop.core.errors import CtxhError

    with pytest.raises(CtxhError) as error:
        duplicates.decide(hub, pair["short"], "same")  # which commune keeps her must be said
    assert error.value.code == "E_DUPLICATE_KEEPER"
    duplicates.decide(hub, pair["short"], "same", keeper="00004", notes="Bà Thu đã chuyển về Ba Đình")
    assert duplicates.find_duplicates(hub) == []  # decided: not asked again
    _deliver(hub, [a1, a2, b1], tmp_path / "back")
    [told_b] = open_notices(b1)
    assert (told_b["action"], told_b["other_partition"], told_b["full_name"]) == ("END", "01:00004", "Dang Thi Thu")
    assert [n["action"] for n in open_notices(a1)] == ["KEEP"] == [n["action"] for n in open_notices(a2)]
    mark_handled(b1, told_b["id"])
    assert open_notices(b1) == []
    _send(b1, hub, tmp_path / "in-b2")
    [decided] = duplicates.decisions(hub)
    assert decided["handled"]["01:00008"] is not None and decided["handled"]["01:00004"] is None


def test_a_pair_decided_different_never_comes_back_and_the_command_line(province, tmp_path: Path, capsys) -> None:
    import json

    from desktop.cli.main import run
    from desktop.core.services.allowances import add_recipient

    hub, a1, _a2, b1 = province
    decision = {"clause": "TCXH_05C", "decision_no": "1", "decision_date": dt.date(2026, 1, 5),
                "start_month": dt.date(2026, 1, 1)}
    add_recipient(a1, {"full_name": "Lê Văn Tám", "birth_date": "12/03/1940", "gender": "NAM"}, decision)
    add_recipient(b1, {"full_name": "Lê Văn Tám", "birth_date": "12/03/1940", "gender": "NAM"}, decision)
    _send(a1, hub, tmp_path / "in-a")
    _send(b1, hub, tmp_path / "in-b")
    base = ["--data-dir", str(hub.profile.root), "--user", "quantri", "--json"]
    assert run(["hub", "duplicates", *base]) == 0
    [pair] = json.loads(capsys.readouterr().out)["pairs"]
    assert pair["kind"] == "name_birth"
    assert run(["hub", "duplicates", "decide", "zzzzzz", "different", *base]) == 2
    assert json.loads(capsys.readouterr().out)["error"] == "E_DUPLICATE_PAIR"
    assert run(["hub", "duplicates", "decide", pair["short"], "different", *base]) == 0
    capsys.readouterr()
    assert run(["hub", "duplicates", *base]) == 0
    assert json.loads(capsys.readouterr().out)["pairs"] == []


def test_compact_columns_give_back_what_they_hold():
    from desktop.core.text import fold

    people = linkage.People()
    people.add_rows([("01a2344c-6eaa-783a-97f5-83dbe9ff6f96", "01:00004", "Nguyễn Văn An", "1950-01-01", "NAM",
                      "001150012345", False),
                     ("hub-made-id-42", "01:00008", "Trần Thị Bình", None, "NU", None, False),
                     ("01A2344C-6EAA-783A-97F5-83DBE9FF6F96", "01:00008", "Le Van C", None, None, "12345", True)],
                    fold)  # (an id in upper case is kept as text)
    assert [people.id_of(i) for i in range(3)] == ["01a2344c-6eaa-783a-97f5-83dbe9ff6f96", "hub-made-id-42",
                                                    "01A2344C-6EAA-783A-97F5-83DBE9FF6F96"]
    assert isinstance(people.ids[0], bytes) and len(people.ids[0]) == 16
    assert people.cccds[0] == 1150012345 and people.cccds[1] == 0 and people.cccds[2] > 10**12
    assert people.partitions == ["01:00004", "01:00008"] and list(people.part) == [0, 1, 1]
    assert people.names == ["nguyen van an", "tran thi binh", "le van c"] and list(people.births) == [19500101, 0, 0]
    assert list(people.genders) == [1, 2, 0] and list(people.guardians) == [0, 0, 1]
    assert people.marks[0] and people.marks[2] == 0  # written with marks; typed without
    assert linkage._one_digit_off(linkage.cccd_number("001150012345"), linkage.cccd_number("001150012346"))
    assert not linkage._one_digit_off(linkage.cccd_number("001150012345"), linkage.cccd_number("001150099999"))


def test_the_threshold_rises_with_the_province():
    assert linkage.threshold_for(500) == linkage.threshold_for(10_000) == linkage.THRESHOLD
    assert linkage.threshold_for(1_000_000) == pytest.approx(linkage.THRESHOLD + 6.64, abs=0.01)
