"""What ND 20/2021 pays, month by month (domain.md §4.1, §5): the coefficient a clause gives by age and
severity, the standard in force, the amount, and the rule that a person gets the highest group only
(TCXH_04 may be added to groups 5, 6 and 8). Care support (hỗ trợ chăm sóc, Art. 20) is counted apart.

Plain rows in, plain rows out: the repository reads them, the services and the reports call these rules.

Choices the text leaves to the reader, written down in docs/allowances.md:
- A coefficient by age follows the age on the first day of the month: a child who turns 4 during a month is
  paid 2.5 that month and 1.5 from the next ("từ tháng sau tháng đủ tuổi").
- A standard (national, or a province's higher one, ND 20 Art. 4.3) applies from the month it takes effect
  in; where both are in force the higher is paid.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import NamedTuple

CARE_PREFIX = "CS_"
STANDARD = "SOCIAL_ASSISTANCE_STANDARD"
COMBINABLE_WITH_04 = ("TCXH_05", "TCXH_06", "TCXH_08")  # prefixes: Art. 5 groups 5, 6 and 8
SINGLE_PARENT = "TCXH_04"
CHILD_AGE = 16
ELDERLY_AGE = 60


class DecisionRow(NamedTuple):
    """One live decision, as the register reads it."""

    id: str
    beneficiary_id: str
    clause: str
    sub_clause: str | None
    decision_no: str
    decision_date: dt.date
    coefficient: float | None
    children: int | None
    start_month: dt.date
    end_month: dt.date | None
    end_reason: str | None


class StandardRow(NamedTuple):
    """A value of the standard from a date, national (province None) or a province's."""

    value: int
    effective_from: dt.date
    province_code: str | None


class Payment(NamedTuple):
    """What one decision pays in one month (amount 0 when the highest-only rule leaves it out)."""

    decision_id: str
    clause: str
    coefficient: float
    amount: int
    paid: bool


def month_start(day: dt.date) -> dt.date:
    """The first day of the month of `day`."""
    return day.replace(day=1)


def add_months(month: dt.date, count: int) -> dt.date:
    """The first day of the month `count` months after (or before) `month`'s."""
    index = month.year * 12 + month.month - 1 + count
    return dt.date(index // 12, index % 12 + 1, 1)


def age_on(birth: dt.date, day: dt.date) -> int:
    """Completed years on `day`."""
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


def is_care_support(clause: str) -> bool:
    """True for a care-support clause (Art. 20), kept apart from the monthly allowance."""
    return clause.startswith(CARE_PREFIX)


AGE_FREE: dict[str, float] = {
    "TCXH_02": 1.5, "TCXH_05B": 1.0, "TCXH_05C": 1.0, "TCXH_05D": 3.0, "TCXH_07": 1.5, "TCXH_08": 1.5,
    "CS_KT_THAI_CON": 1.5, "CS_KT_THAI_VA_CON": 2.0, "CS_HGD_KT_DBN": 1.0, "CS_NHAN_KT_DBN": 1.5,
    "CS_NHAN_NCT": 1.5,
}
BY_AGE = {"TCXH_01", "TCXH_03", "TCXH_05A", "TCXH_06_NANG", "TCXH_06_DBN", "CS_NHAN_TRE"}


def clause_coefficient(clause: str, birth: dt.date | None, month: dt.date, children: int | None = None
                       ) -> float | None:
    """The coefficient Art. 6 (care support: Art. 20) gives a clause in a month, or None when it cannot be
    told (an age-dependent clause with no birth date, an unknown clause, TCXH_06 with no level)."""
    if clause in AGE_FREE:
        return AGE_FREE[clause]
    if clause == SINGLE_PARENT:
        return 1.0 * max(children or 1, 1)
    if clause not in BY_AGE or birth is None:
        return None
    age = age_on(birth, month_start(month))
    if clause in ("TCXH_01", "CS_NHAN_TRE"):
        return 2.5 if age < 4 else 1.5
    if clause == "TCXH_03":
        return 2.5 if age < 4 else 2.0
    if clause == "TCXH_05A":
        return 2.0 if age >= 80 else 1.5
    child_or_elderly = age < CHILD_AGE or age >= ELDERLY_AGE
    if clause == "TCXH_06_NANG":
        return 2.0 if child_or_elderly else 1.5
    return 2.5 if child_or_elderly else 2.0  # TCXH_06_DBN


def standard_in(standards: Iterable[StandardRow], month: dt.date, province: str | None) -> int | None:
    """The standard paid in a month: the national value in force, or the province's when it is higher."""
    last_day = add_months(month_start(month), 1) - dt.timedelta(days=1)
    national: StandardRow | None = None
    local: StandardRow | None = None
    for row in standards:
        if row.effective_from > last_day:
            continue
        if row.province_code is None:
            if national is None or row.effective_from > national.effective_from:
                national = row
        elif row.province_code == province and (local is None or row.effective_from > local.effective_from):
            local = row
    values = [r.value for r in (national, local) if r is not None]
    return max(values) if values else None


def in_force(decision: DecisionRow, month: dt.date) -> bool:
    """True if the decision pays in this month (from its start month to its end month, both included)."""
    month = month_start(month)
    return decision.start_month <= month and (decision.end_month is None or month <= decision.end_month)


def amount(standard: int, coefficient: float) -> int:
    """Standard × coefficient in whole đồng (a coefficient has at most one decimal: exact)."""
    return round(standard * coefficient)


def month_payments(decisions: Sequence[DecisionRow], birth: dt.date | None, month: dt.date, standard: int
                   ) -> list[Payment]:
    """What each decision of one person in force in `month` pays, care support included.

    Of the monthly allowances only the most favourable set is paid: the highest single group, or TCXH_04
    with the highest of groups 5, 6 and 8 (Art. 6.3), whichever gives more; the others show unpaid. A
    decision whose coefficient cannot be told pays nothing and shows with coefficient 0.
    """
    payments: list[Payment] = []
    allowance: list[Payment] = []
    for decision in sorted(decisions, key=lambda d: (d.start_month, d.decision_date, d.id)):
        if not in_force(decision, month):
            continue
        coefficient = decision.coefficient
        if coefficient is None:
            coefficient = clause_coefficient(decision.clause, birth, month, decision.children)
        value = amount(standard, coefficient) if coefficient else 0
        payment = Payment(decision.id, decision.clause, coefficient or 0.0, value, bool(value))
        (payments if is_care_support(decision.clause) else allowance).append(payment)
    return [*payments, *_highest_only(allowance)]


def _highest_only(allowance: list[Payment]) -> list[Payment]:
    if len(allowance) < 2:
        return allowance
    best = max(allowance, key=lambda p: p.amount)  # the first of equals: the oldest decision
    chosen = {best.decision_id}
    single = [p for p in allowance if p.clause == SINGLE_PARENT]
    combinable = [p for p in allowance if p.clause.startswith(COMBINABLE_WITH_04)]
    if single and combinable:
        pair = (max(single, key=lambda p: p.amount), max(combinable, key=lambda p: p.amount))
        if sum(p.amount for p in pair) > best.amount:
            chosen = {p.decision_id for p in pair}
    return [p if p.decision_id in chosen else p._replace(amount=0, paid=False) for p in allowance]


def payable_total(payments: Iterable[Payment], care: bool = False) -> int:
    """The month's total of the allowance (or, with care=True, of the care support) from these payments."""
    return sum(p.amount for p in payments if p.paid and is_care_support(p.clause) == care)


_REFERENCES = {
    "TCXH_01": "Khoản 1 Điều 5", "TCXH_02": "Khoản 2 Điều 5", "TCXH_03": "Khoản 3 Điều 5",
    "TCXH_04": "Khoản 4 Điều 5", "TCXH_05A": "Điểm a khoản 5 Điều 5", "TCXH_05B": "Điểm b khoản 5 Điều 5",
    "TCXH_05C": "Điểm c khoản 5 Điều 5", "TCXH_05D": "Điểm d khoản 5 Điều 5",
    "TCXH_06_NANG": "Khoản 6 Điều 5 (nặng)", "TCXH_06_DBN": "Khoản 6 Điều 5 (đặc biệt nặng)",
    "TCXH_07": "Khoản 7 Điều 5", "TCXH_08": "Khoản 8 Điều 5",
}


def clause_reference(clause: str, sub_clause: str | None = None) -> str:
    """How a payment list cites a clause: "Điểm a khoản 1 Điều 5"; care support cites Art. 20."""
    if is_care_support(clause):
        return "Điều 20"
    text = _REFERENCES.get(clause, clause)
    if sub_clause and text.startswith("Khoản"):
        text = f"Điểm {sub_clause} {text[0].lower()}{text[1:]}"
    return text
