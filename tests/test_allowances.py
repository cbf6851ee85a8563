"""The allowance register (ND 20/2021): amounts against hand-computed examples for every clause, age band and
severity; the highest-only rule and its TCXH_04 exception; a standard change mid-year; a new standard waiting
for the officer; the month's payment list and its increases and decreases."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop.core.domain import allowance_rules as rules
from desktop.core.domain.allowance_rules import DecisionRow, StandardRow
from desktop.core.errors import CtxhError, ValidationError

D = dt.date
JAN = D(2026, 1, 1)


START = D(2025, 1, 1)


def decision(clause: str, coefficient: float | None = None, start: dt.date = START,
             end: dt.date | None = None, children: int | None = None, ident: str | None = None) -> DecisionRow:
    return DecisionRow(ident or clause, "p", clause, None, "01/QĐ", D(2024, 12, 20), coefficient, children, start,
                       end, None)


# (clause, birth date, month, coefficient by hand): every clause, each side of each age band and severity.
CASES = [
    ("TCXH_01", D(2022, 6, 10), D(2026, 6, 1), 2.5),  # 3 years 11 months on 1 June
    ("TCXH_01", D(2022, 6, 10), D(2026, 7, 1), 1.5),  # turned 4 in June: 1.5 from July
    ("TCXH_01", D(2022, 6, 1), D(2026, 6, 1), 1.5),  # 4 on the month's first day
    ("TCXH_02", D(2008, 3, 1), JAN, 1.5),
    ("TCXH_03", D(2023, 1, 15), JAN, 2.5),
    ("TCXH_03", D(2020, 1, 15), JAN, 2.0),
    ("TCXH_05A", D(1960, 5, 5), JAN, 1.5),  # 65
    ("TCXH_05A", D(1946, 1, 1), JAN, 2.0),  # 80 on 1 January
    ("TCXH_05A", D(1946, 1, 2), JAN, 1.5),  # 80 the day after: 2.0 from February
    ("TCXH_05B", D(1950, 5, 5), JAN, 1.0),
    ("TCXH_05C", D(1940, 5, 5), JAN, 1.0),
    ("TCXH_05D", D(1950, 5, 5), JAN, 3.0),
    ("TCXH_06_NANG", D(1990, 5, 5), JAN, 1.5),  # adult
    ("TCXH_06_NANG", D(2015, 5, 5), JAN, 2.0),  # child
    ("TCXH_06_NANG", D(1960, 5, 5), JAN, 2.0),  # elderly
    ("TCXH_06_DBN", D(1990, 5, 5), JAN, 2.0),
    ("TCXH_06_DBN", D(2012, 5, 5), JAN, 2.5),
    ("TCXH_06_DBN", D(1950, 5, 5), JAN, 2.5),
    ("TCXH_06_DBN", D(2010, 1, 1), JAN, 2.0),  # 16 on 1 January: no longer a child
    ("TCXH_07", D(2024, 5, 5), JAN, 1.5),
    ("TCXH_08", D(1985, 5, 5), JAN, 1.5),
    ("CS_HGD_KT_DBN", D(1990, 5, 5), JAN, 1.0),
    ("CS_KT_THAI_CON", D(1995, 5, 5), JAN, 1.5),
    ("CS_KT_THAI_VA_CON", D(1995, 5, 5), JAN, 2.0),
    ("CS_NHAN_TRE", D(2023, 5, 5), JAN, 2.5),
    ("CS_NHAN_TRE", D(2015, 5, 5), JAN, 1.5),
    ("CS_NHAN_KT_DBN", D(1980, 5, 5), JAN, 1.5),
    ("CS_NHAN_NCT", D(1940, 5, 5), JAN, 1.5),
]


@pytest.mark.parametrize(("clause", "birth", "month", "expected"), CASES)
def test_the_coefficient_of_every_clause_age_and_severity(clause, birth, month, expected):
    assert rules.clause_coefficient(clause, birth, month) == expected
    # The amount at the 2024 standard (500,000) and at the 2026 one (540,000), in whole đồng.
    assert rules.month_payments([decision(clause)], birth, month, 500_000)[0].amount == int(500_000 * expected)
    assert rules.month_payments([decision(clause)], birth, month, 540_000)[0].amount == int(540_000 * expected)


def test_a_single_parent_is_paid_per_child_and_an_age_clause_needs_a_birth_date():
    assert rules.clause_coefficient("TCXH_04", None, JAN, children=3) == 3.0
    assert rules.clause_coefficient("TCXH_04", None, JAN) == 1.0
    assert rules.clause_coefficient("TCXH_01", None, JAN) is None
    assert rules.clause_coefficient("TCXH_06", D(1990, 1, 1), JAN) is None  # the old code with no level
    payment = rules.month_payments([decision("TCXH_05A")], None, JAN, 540_000)[0]
    assert (payment.amount, payment.paid) == (0, False)


def test_only_the_highest_group_is_paid():
    # An elderly poor person with a severe disability: 05A (1.5 → 810,000) and 06_NANG (elderly: 2.0 →
    # 1,080,000). Only the disability pays.
    birth = D(1955, 3, 3)
    paid = {p.clause: p.amount for p in rules.month_payments(
        [decision("TCXH_05A"), decision("TCXH_06_NANG")], birth, JAN, 540_000)}
    assert paid == {"TCXH_05A": 0, "TCXH_06_NANG": 1_080_000}


def test_a_single_parent_adds_to_groups_5_6_and_8_only():
    # TCXH_04 with 2 children (2.0 → 1,080,000) and HIV (08: 1.5 → 810,000): both paid, 1,890,000.
    birth = D(1990, 3, 3)
    both = rules.month_payments([decision("TCXH_04", children=2), decision("TCXH_08")], birth, JAN, 540_000)
    assert sorted(p.amount for p in both) == [810_000, 1_080_000]
    # TCXH_04 (1 child, 540,000) with TCXH_02 (studying, 1.5 → 810,000): not combinable, the higher alone.
    young = rules.month_payments([decision("TCXH_04"), decision("TCXH_02")], D(2006, 1, 1), JAN, 540_000)
    assert {p.clause: p.amount for p in young} == {"TCXH_04": 0, "TCXH_02": 810_000}
    # TCXH_04 + 06_DBN + 05A (elderly): the best of 5/6/8 (06_DBN elderly 2.5) with 04 beats 06_DBN alone.
    old = rules.month_payments([decision("TCXH_04"), decision("TCXH_05A"), decision("TCXH_06_DBN")],
                               D(1950, 1, 1), JAN, 500_000)
    assert {p.clause: p.amount for p in old} == {"TCXH_04": 500_000, "TCXH_05A": 0, "TCXH_06_DBN": 1_250_000}
    # Care support is never weighed against the allowance.
    care = rules.month_payments([decision("TCXH_06_DBN"), decision("CS_HGD_KT_DBN")], D(1990, 1, 1), JAN,
                                500_000)
    assert {p.clause: p.amount for p in care} == {"TCXH_06_DBN": 1_000_000, "CS_HGD_KT_DBN": 500_000}


def test_the_standard_in_force_and_a_provinces_higher_one():
    standards = [StandardRow(360_000, D(2021, 7, 1), None), StandardRow(500_000, D(2024, 7, 1), None),
                 StandardRow(540_000, D(2026, 7, 1), None), StandardRow(600_000, D(2025, 1, 1), "79")]
    assert rules.standard_in(standards, D(2024, 6, 1), None) == 360_000
    assert rules.standard_in(standards, D(2024, 7, 1), None) == 500_000
    assert rules.standard_in(standards, D(2026, 7, 1), "01") == 540_000
    assert rules.standard_in(standards, D(2025, 3, 1), "79") == 600_000  # the province's, higher
    assert rules.standard_in([*standards, StandardRow(500_000, D(2021, 1, 1), "48")], D(2026, 8, 1), "48") \
        == 540_000  # the national one overtook it
    # In force from a day inside the month: that month.
    assert rules.standard_in([StandardRow(540_000, D(2026, 10, 5), None)], D(2026, 10, 1), None) == 540_000


# --- through the service, on a real profile -------------------------------------------------------------------

def _person(ctx, name: str, birth: dt.date | None, **extra) -> str:
    from desktop.core.services.allowances import add_recipient, decisions_of

    first = add_recipient(ctx, {"full_name": name, "birth_date": birth, **extra},
                          {"clause": "TCXH_05C", "decision_no": "0", "decision_date": D(2020, 1, 1),
                           "start_month": D(2020, 1, 1), "end_month": D(2020, 1, 1), "end_reason": "KHAC"})[0]
    from desktop.core.models import AllowanceDecision
    from desktop.core.services.records import get_record

    person = get_record(ctx, AllowanceDecision, first)["beneficiary_id"]
    assert [d["id"] for d in decisions_of(ctx, person)] == [first]
    return person


def _grant(ctx, person: str, clause: str, start: str, number: str = "12/QĐ-UBND", **extra) -> str:
    from desktop.core.services.allowances import add_decision

    return add_decision(ctx, {"beneficiary_id": person, "clause": clause, "decision_no": number,
                              "decision_date": D(2025, 12, 20), "start_month": D.fromisoformat(start + "-01"),
                              **extra})[0]


def test_a_standard_change_mid_year_and_the_payment_list(ctx):
    from desktop.core.services import allowances as service

    an = _person(ctx, "Nguyễn Văn An", D(1950, 2, 2))  # 76: 05A 1.5
    binh = _person(ctx, "Trần Thị Bình", D(2023, 8, 8))  # a child under 4 in 2026
    _grant(ctx, an, "TCXH_05A", "2026-01")
    _grant(ctx, binh, "TCXH_01", "2026-03", sub_clause="a")
    year = {m: service.register(ctx, D(2026, m, 1)).allowance_total for m in range(1, 13)}
    # Jan–Feb: An alone at 500,000 × 1.5; Mar–Jun with Bình at 500,000 × 2.5; from July the 540,000 standard.
    assert year[1] == year[2] == 750_000
    assert year[3] == year[6] == 750_000 + 1_250_000
    assert year[7] == year[12] == 810_000 + 1_350_000
    payments = service.payment_list(ctx, D(2026, 7, 1))
    assert payments.standard == 540_000 and payments.allowance_total == 2_160_000
    assert [(c.kind, c.before, c.after) for c in payments.changes] == [
        ("DIEU_CHINH", 750_000, 810_000), ("DIEU_CHINH", 1_250_000, 1_350_000)]  # by name: An, Bình
    assert "500.000 → 540.000" in payments.changes[0].reason
    march = service.payment_list(ctx, D(2026, 3, 1))
    assert [(c.kind, c.person["full_name"], c.after) for c in march.changes] == [
        ("TANG", "Trần Thị Bình", 1_250_000)]
    assert "12/QĐ-UBND" in march.changes[0].reason


def test_ending_a_decision_lists_the_decrease_with_its_reason(ctx):
    from desktop.core.services import allowances as service

    an = _person(ctx, "Lê Văn Cường", D(1940, 1, 1))
    decision_id = _grant(ctx, an, "TCXH_05A", "2026-01")
    service.end_decision(ctx, decision_id, D(2026, 8, 1), "CHET")
    assert service.register(ctx, D(2026, 8, 1)).allowance_total == 1_080_000  # 80+: 2.0 × 540,000
    september = service.payment_list(ctx, D(2026, 9, 1))
    assert september.allowance == []
    assert [(c.kind, c.before, c.after, c.reason) for c in september.changes] == [
        ("GIAM", 1_080_000, 0, "Chết")]
    with pytest.raises(CtxhError):
        service.end_decision(ctx, decision_id, D(2025, 12, 1), "CHET")  # before it started


def test_the_register_flags_what_needs_a_look(ctx):
    from desktop.core.services import allowances as service

    dung = _person(ctx, "Phạm Thị Dung", D(1955, 4, 4))
    _grant(ctx, dung, "TCXH_05A", "2026-02")
    _grant(ctx, dung, "TCXH_06_NANG", "2026-01", coefficient="1,5")  # elderly: the clause gives 2.0
    nameless = _person(ctx, "Hoàng Văn Em", None)
    _grant(ctx, nameless, "TCXH_01", "2026-01")
    lines = {(ln.person["full_name"], ln.decision["clause"]): ln for ln in service.register(ctx, D(2026, 9, 1)).lines}
    assert lines[("Phạm Thị Dung", "TCXH_06_NANG")].flags == ["COEFFICIENT_DIFFERS"]
    assert lines[("Phạm Thị Dung", "TCXH_06_NANG")].amount == 810_000  # what the decision says, flagged
    assert lines[("Phạm Thị Dung", "TCXH_05A")].flags == ["HIGHEST_ONLY"]  # equal amounts: the older decision pays
    assert lines[("Hoàng Văn Em", "TCXH_01")].flags == ["NO_COEFFICIENT"]


def test_bad_decisions_are_refused_naming_the_field(ctx):
    from desktop.core.services.allowances import add_decision

    person = _person(ctx, "Vũ Thị Giang", D(1950, 1, 1))
    with pytest.raises(ValidationError) as error:
        add_decision(ctx, {"beneficiary_id": person, "clause": "TCXH_99", "decision_no": "",
                           "decision_date": D(2026, 1, 1), "start_month": D(2026, 1, 1), "coefficient": "abc"})
    assert {p[0] for p in error.value.problems} == {"clause", "decision_no", "coefficient"}
    with pytest.raises(CtxhError):
        add_decision(ctx, {"beneficiary_id": "no-such-person", "clause": "TCXH_05A", "decision_no": "1",
                           "decision_date": D(2026, 1, 1), "start_month": D(2026, 1, 1)})


def test_a_new_standard_waits_until_the_officer_has_seen_what_it_changes(ctx):
    from desktop.core.models import ReferenceRate
    from desktop.core.services import allowances as service

    hoa = _person(ctx, "Đỗ Thị Hoa", D(1960, 6, 6))
    _grant(ctx, hoa, "TCXH_05A", "2026-01")
    assert service.register(ctx, D(2027, 1, 1)).allowance_total == 810_000  # first read: what is held is accepted
    with ctx.db.session() as session:  # the province's HĐND sets 650,000 from 2027 (a hub publishes it)
        session.add(ReferenceRate(kind=rules.STANDARD, province_code=ctx.province_code, value=650_000,
                                  effective_from=D(2027, 1, 1), basis="NQ HĐND", status="V"))
    changes = service.standard_changes(ctx, months=2)
    assert [(c["month"], c["before"], c["after"]) for c in changes] == [
        ("2027-01", 810_000, 975_000), ("2027-02", 810_000, 975_000)]
    assert service.register(ctx, D(2027, 1, 1)).allowance_total == 810_000  # not yet accepted
    assert service.register(ctx, D(2027, 1, 1)).waiting_standards
    assert service.accept_standards(ctx) == 1
    assert service.register(ctx, D(2027, 1, 1)).allowance_total == 975_000
    assert service.standard_changes(ctx) == []
