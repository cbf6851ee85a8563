"""Roster rules and indicators against hand-computed examples."""

from __future__ import annotations

import datetime as dt

from desktop.core.domain.roster_rules import (
    Target,
    allowance_in_force,
    is_active,
    is_trained,
    roster_indicators,
    target_for_year,
)
from desktop.core.services import roster, training
from desktop.core.services.roster_extras import add_allowance, indicators, worker_page

D = dt.date


def test_active_trained_and_allowance_rules() -> None:
    on = D(2026, 11, 1)
    assert is_active({"status": "DANG_LAM", "start_date": D(2026, 1, 1), "end_date": None}, on)
    assert not is_active({"status": "DANG_LAM", "start_date": D(2026, 12, 1), "end_date": None}, on)
    assert not is_active({"status": "DANG_LAM", "start_date": None, "end_date": D(2026, 10, 31)}, on)
    assert not is_active({"status": "DA_NGHI", "start_date": None, "end_date": None}, on)
    assert is_trained({"sw_qualification": "CC_NGHIEP_VU_CTXH"}, 0)
    assert is_trained({"sw_qualification": "CHUA_DAO_TAO"}, 1)
    assert not is_trained({"sw_qualification": "CHUA_DAO_TAO", "education_level": "DAI_HOC"}, 0)
    history = [{"amount": 2_340_000, "effective_from": D(2024, 7, 1), "effective_to": None},
               {"amount": 2_530_000, "effective_from": D(2026, 7, 1), "effective_to": None},
               {"amount": 9, "effective_from": D(2025, 1, 1), "effective_to": D(2025, 2, 1)}]
    assert allowance_in_force(history, D(2026, 6, 30))["amount"] == 2_340_000
    assert allowance_in_force(history, D(2026, 7, 1))["amount"] == 2_530_000
    assert allowance_in_force(history, D(2024, 6, 30)) is None


def test_target_for_year() -> None:
    targets = [Target("QD112", 2025, 0.3, None, ""), Target("QD112", 2030, 0.4, None, "")]
    assert target_for_year(targets, 2024).minimum == 0.3
    assert target_for_year(targets, 2026).minimum == 0.4
    assert target_for_year(targets, 2031).minimum == 0.4
    assert Target("TT07", 2026, 1, 2, "").met_by(2) and not Target("TT07", 2026, 1, 2, "").met_by(3)


def test_indicators_by_hand() -> None:
    on = D(2026, 11, 1)
    active = {"status": "DANG_LAM", "start_date": None, "end_date": None}
    workers = [
        {"id": "a", "category": "CTV_CTXH", "sw_qualification": "CHUA_DAO_TAO", **active},  # trained by a course
        {"id": "b", "category": "CTV_CTXH", "sw_qualification": "TRUNG_CAP", **active},  # trained by degree
        {"id": "c", "category": "CTV_CTXH", "sw_qualification": None, **active},  # untrained
        {"id": "d", "category": "CHUYEN_TRACH", "sw_qualification": "DAI_HOC", **active},
        {"id": "e", "category": "CTV_CTXH", "sw_qualification": "DAI_HOC", "status": "DA_NGHI",
         "start_date": None, "end_date": None},  # left: not counted anywhere
    ]
    allowances = {"a": [{"amount": 2_530_000, "effective_from": D(2026, 7, 1), "effective_to": None}],
                  "b": [{"amount": 1_500_000, "effective_from": D(2025, 1, 1), "effective_to": None}]}
    result = roster_indicators(workers, {"a": 1}, allowances, on, 2_530_000,
                               [Target("TT07", 2026, 1, 2, "")], [Target("QD112", 2025, 0.3, None, ""),
                                                                   Target("QD112", 2030, 0.4, None, "")])
    assert (result.active, result.collaborators) == (4, 3)
    assert (result.trained, result.trained_share) == (3, 0.75)
    assert result.trained_target.minimum == 0.4  # 2026 is measured against the 2030 target
    assert (result.collaborators_with_allowance, result.collaborators_paid_at_least_base) == (2, 1)
    assert not result.collaborator_targets[0].met_by(result.collaborators)  # 3 > the 1–2 norm


def test_indicators_and_person_page_from_the_database(ctx) -> None:
    on = D(2026, 11, 1)
    a, _ = roster.create_worker(ctx, {"full_name": "Lê Thị Hoa", "category": "CTV_CTXH"})
    b, _ = roster.create_worker(ctx, {"full_name": "Phan Văn Tâm", "category": "CTV_CTXH",
                                      "sw_qualification": "CC_NGHIEP_VU_CTXH"})
    course, _ = training.create_course(ctx, {"title": "Tập huấn QLTH", "kind": "TAP_HUAN", "start_date": "01/03/2026"})
    training.add_attendance(ctx, {"course_id": course, "worker_id": a, "certificate_no": "CC-1"})
    add_allowance(ctx, {"worker_id": a, "amount": "2.530.000", "effective_from": "01/07/2026"})
    add_allowance(ctx, {"worker_id": b, "amount": "2340000", "effective_from": "01/07/2024"})
    result = indicators(ctx, on)
    assert result.base_salary == 2_530_000  # Hà Nội has no override; the national base salary from 1/7/2026
    assert (result.collaborators, result.trained, result.trained_share) == (2, 2, 1.0)
    assert result.collaborators_paid_at_least_base == 1
    assert [t.plan for t in result.collaborator_targets] == ["TT07_2013"]
    assert result.trained_target.plan == "QD112" and result.trained_target.minimum == 0.4
    page = worker_page(ctx, a, on)
    assert page["trained"] and [t["title"] for t in page["training"]] == ["Tập huấn QLTH"]
    assert page["allowances"][0]["amount"] == 2_530_000
    assert page["history"][-1]["created"] and page["history"][-1]["author"] == "canbo"


def test_hcmc_commune_is_measured_against_the_city_plan(tmp_path) -> None:
    from tests.conftest import make_profile

    ctx = make_profile(tmp_path / "hcm", province="79", commune="26740")
    roster.create_worker(ctx, {"full_name": "Võ Thị Lan", "category": "CTV_CTXH"})
    result = indicators(ctx, D(2026, 11, 1))
    assert result.trained_target.plan == "QD3359_HCM" and result.trained_target.minimum == 0.8
    assert result.trained_share == 0.0


def test_training_totals_count_person_attendances(ctx) -> None:
    a, _ = roster.create_worker(ctx, {"full_name": "Lê Thị Hoa", "category": "CTV_CTXH"})
    b, _ = roster.create_worker(ctx, {"full_name": "Phan Văn Tâm", "category": "CTV_CTXH"})
    one, _ = training.create_course(ctx, {"title": "Lớp 1", "kind": "TAP_HUAN", "start_date": "01/03/2026"})
    two, _ = training.create_course(ctx, {"title": "Lớp 2", "kind": "BOI_DUONG", "start_date": "01/04/2026"})
    for course in (one, two):
        training.add_attendance(ctx, {"course_id": course, "worker_id": a})
    training.add_attendance(ctx, {"course_id": two, "worker_id": b})
    assert training.totals(ctx) == {"courses": 2, "attendances": 3, "people": 2}
    training.delete_course(ctx, one)
    assert training.totals(ctx) == {"courses": 1, "attendances": 2, "people": 2}
