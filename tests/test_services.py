"""Lists, search and the content digest on real profiles."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from desktop.core.errors import CtxhError
from desktop.core.services import cases, roster, search, status
from desktop.core.services.setup import SetupRequest, initialise_profile
from desktop.core.text import name_sort_key
from tests.conftest import PASSPHRASE, make_profile, reopen


def test_keyset_pages_cover_every_case_once_in_vietnamese_order(demo_profile: Path) -> None:
    ctx = reopen(demo_profile)
    seen, after = [], None
    while True:
        page = cases.list_cases(ctx, after=after, limit=170)
        seen.extend(page)
        if len(page) < 170:
            break
        after = (page[-1]["sort_key"], page[-1]["id"])
    assert len(seen) == cases.count_cases(ctx) == 1500
    assert len({r["id"] for r in seen}) == 1500
    keys = [(name_sort_key(r["full_name"]), r["id"]) for r in seen]
    assert keys == sorted(keys)


@pytest.mark.parametrize("sort,field", [("opened_on", "opened_on"), ("case_no", "case_no")])
def test_other_sorts_page_in_both_directions(demo_profile: Path, sort: str, field: str) -> None:
    ctx = reopen(demo_profile)
    for descending in (False, True):
        first = cases.list_cases(ctx, sort=sort, descending=descending, limit=300)
        second = cases.list_cases(ctx, sort=sort, descending=descending,
                                  after=(first[-1][field], first[-1]["id"]), limit=300)
        keys = [(r[field], r["id"]) for r in first + second]
        assert keys == sorted(keys, reverse=descending)
        assert len(set(keys)) == 600


def test_search_without_diacritics_and_in_nfd(ctx) -> None:
    case_id, _ = cases.open_case(ctx, {"full_name": "Nguyễn Thị Hồng Đào", "national_id": "001306001234"},
                                 {"opened_on": "02/03/2026"})
    cases.open_case(ctx, {"full_name": "Trần Văn Đạo"}, {"opened_on": "02/03/2026"})
    for query in ("nguyen thi hong dao", "NGUYEN dao", unicodedata.normalize("NFD", "Hồng Đào"), "hồng đào",
                  "001306001234", "2026-00001", "ngu ho"):
        assert [r["id"] for r in cases.list_cases(ctx, query)] == [case_id], query
    assert cases.count_cases(ctx, "dao") == cases.count_cases(ctx, "đào") == 2  # folding: Đào and Đạo
    assert cases.count_cases(ctx, "dao nguyen tran") == 0
    found = search.search(ctx, "hong dao")
    assert [b["full_name"] for b in found["beneficiaries"]] == ["Nguyễn Thị Hồng Đào"]


def test_renaming_a_beneficiary_updates_case_search_and_order(ctx) -> None:
    case_id, _ = cases.open_case(ctx, {"full_name": "Lê Văn An"}, {"opened_on": "02/03/2026"})
    case = cases.get_case(ctx, case_id)
    cases.update_beneficiary(ctx, case["beneficiary_id"], {"full_name": "Lê Văn Bảo"})
    assert cases.list_cases(ctx, "bao")[0]["id"] == case_id
    assert cases.list_cases(ctx, "an") == []


def test_deleted_records_leave_lists_and_come_back_on_restore(ctx) -> None:
    worker_id, _ = roster.create_worker(ctx, {"full_name": "Phạm Thị Dung", "category": "CTV_CTXH"})
    roster.delete_worker(ctx, worker_id)
    assert roster.count_workers(ctx) == 0 and roster.list_workers(ctx, "dung") == []
    roster.restore_worker(ctx, worker_id)
    assert [w["id"] for w in roster.list_workers(ctx, "dung")] == [worker_id]


def test_demo_is_deterministic_and_digest_is_equal_for_equal_content(tmp_path: Path) -> None:
    from desktop.core.services.demo import generate

    a = make_profile(tmp_path / "a")
    b = make_profile(tmp_path / "b", user="khac")
    generate(a, cases=300, workers=6, seed=42)
    generate(b, cases=300, workers=6, seed=42)
    assert status.status(a)["digest"] == status.status(b)["digest"]
    assert status.status(a)["counts"] == status.status(b)["counts"]
    c = make_profile(tmp_path / "c")
    generate(c, cases=300, workers=6, seed=43)
    assert status.status(c)["digest"] != status.status(a)["digest"]


def test_digest_ignores_write_order_and_versions_but_not_content(tmp_path: Path) -> None:
    from desktop.core.derived import person_keys
    from desktop.core.models import Worker
    from desktop.core.services.changes import Writing

    rows = [{"id": f"0190{i:04d}-0000-7000-8000-000000000000", "full_name": name, "category": "CTV_CTXH",
             "status": "DANG_LAM", **person_keys({"full_name": name})}
            for i, name in enumerate(["Lê Văn An", "Trần Thị Bình", "Võ Văn Cường"])]
    one, two = make_profile(tmp_path / "one"), make_profile(tmp_path / "two")
    with Writing(one) as w:
        w.create_many(Worker, rows)
    for row in reversed(rows):
        with Writing(two) as w:
            w.create(Worker, row)
    assert status.status(one)["digest"] == status.status(two)["digest"]
    roster.update_worker(two, rows[0]["id"], {"phone": "0912345678"})
    assert status.status(one)["digest"] != status.status(two)["digest"]
    roster.update_worker(one, rows[0]["id"], {"phone": "0912345678"})
    assert status.status(one)["digest"] == status.status(two)["digest"]
    roster.delete_worker(one, rows[1]["id"])
    assert status.status(one)["digest"] != status.status(two)["digest"]


def test_setup_refuses_wrong_units_and_leaves_nothing(tmp_path: Path) -> None:
    for province, commune, code in (("99", "00004", "E_UNKNOWN_UNIT"), ("01", "99999", "E_UNKNOWN_UNIT"),
                                    ("79", "00004", "E_COMMUNE_PROVINCE")):
        with pytest.raises(CtxhError) as info:
            initialise_profile(tmp_path / code, SetupRequest(province, commune, "Máy", "canbo", PASSPHRASE))
        assert info.value.code == code
        assert not (tmp_path / code / "ctxh.sqlite3").exists()
    with pytest.raises(CtxhError) as info:
        initialise_profile(tmp_path / "short", SetupRequest("01", "00004", "Máy", "canbo", "ngan"))
    assert info.value.code == "E_PASSPHRASE_SHORT"


def test_reference_data_is_the_2025_map(ctx) -> None:
    from sqlalchemy import func, select

    from desktop.core.models import AdminUnit

    with ctx.db.reader() as session:
        levels = dict(session.execute(select(AdminUnit.level, func.count()).group_by(AdminUnit.level)).all())
        hcmc = session.get(AdminUnit, "79")
    assert levels == {"province": 34, "commune": 3321}
    assert hcmc.name == "Thành phố Hồ Chí Minh"


def test_sign_in(ctx) -> None:
    from desktop.core.errors import AuthError
    from desktop.core.services.auth import sign_in

    assert sign_in(ctx, "CANBO", PASSPHRASE).username == "canbo"
    with pytest.raises(AuthError):
        sign_in(ctx, "canbo", "sai-mat-khau")
    with pytest.raises(AuthError):
        sign_in(ctx, "khong-co", PASSPHRASE)


def _brute_force(ctx, query: str) -> list[str]:
    """Live cases whose folded search text has, for every typed word, a word starting with it."""
    from sqlalchemy import select

    from desktop.core.models import Case
    from desktop.core.text import fold

    words = fold(query).split()
    with ctx.db.reader() as session:
        rows = session.execute(select(Case.id, Case.sort_key, Case.search_text).where(Case.deleted.is_(False))).all()
    hits = [(key, cid) for cid, key, text in rows
            if all(any(token.startswith(w) for token in text.split()) for w in words)]
    return [cid for _key, cid in sorted(hits)]


@pytest.mark.parametrize("sparse_limit", [2000, 5], ids=["few-matches-plan", "many-matches-plan"])
def test_both_search_plans_return_exactly_the_matching_rows_in_order(demo_profile: Path, monkeypatch,
                                                                       sparse_limit: int) -> None:
    from desktop.core.repositories import lists

    monkeypatch.setattr(lists, "SPARSE_MATCHES", sparse_limit)
    ctx = reopen(demo_profile)
    for query in ("nguyen", "nguyen thi", "ng t", "tran van", "2024-0", "an", "zzz"):
        expected = _brute_force(ctx, query)
        got, after = [], None
        while True:
            page = cases.list_cases(ctx, query, after=after, limit=37)
            got.extend(r["id"] for r in page)
            if len(page) < 37:
                break
            after = (page[-1]["sort_key"], page[-1]["id"])
        assert got == expected, query
        assert cases.count_cases(ctx, query) == len(expected)
        assert cases.count_cases(ctx, query, cap=10) == min(len(expected), 11)


def test_services_and_attendance_edit_delete_restore(ctx) -> None:
    from desktop.core.services import training

    case_id, _ = cases.open_case(ctx, {"full_name": "Hồ Văn Tư"}, {"opened_on": "01/11/2026"})
    service_id, _ = cases.add_service(ctx, {"case_id": case_id, "service_type": "THAM_VAN",
                                            "delivered_on": "02/11/2026", "duration_minutes": "45"})
    cases.update_service(ctx, service_id, {"service_type": "KET_NOI"})
    assert [s["service_type"] for s in cases.get_case(ctx, case_id)["services"]] == ["KET_NOI"]
    cases.delete_service(ctx, service_id)
    assert cases.get_case(ctx, case_id)["services"] == []
    cases.restore_service(ctx, service_id)
    assert len(cases.get_case(ctx, case_id)["services"]) == 1

    worker_id, _ = roster.create_worker(ctx, {"full_name": "Lý Thị Mai", "category": "CTV_CTXH"})
    course_id, _ = training.create_course(ctx, {"title": "Tập huấn bảo vệ trẻ em", "kind": "TAP_HUAN",
                                                "start_date": "05/10/2026", "hours": "16"})
    attendance_id, _ = training.add_attendance(ctx, {"course_id": course_id, "worker_id": worker_id})
    training.update_attendance(ctx, attendance_id, {"certificate_no": "CC-001"})
    assert training.attendances_of_course(ctx, course_id)[0]["certificate_no"] == "CC-001"
    training.delete_attendance(ctx, attendance_id)
    assert training.attendances_of_course(ctx, course_id) == []
    assert training.list_courses(ctx)[0]["attendees"] == 0
    training.restore_attendance(ctx, attendance_id)
    assert training.list_courses(ctx)[0]["attendees"] == 1


def test_setup_remembers_the_first_user_for_sign_in(ctx) -> None:
    assert ctx.profile.read_settings()["last_user"] == "canbo"
