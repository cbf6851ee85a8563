"""Roster rules of the programmes (domain.md §1, §2, §8): pure functions over plain values.

One rule each, so the roster page, the reports and the hub count the same way.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

# A social-work qualification below these counts as "not trained" (domain.md §2, training enum).
UNTRAINED = {None, "", "CHUA_DAO_TAO"}
COLLABORATOR_CATEGORIES = {"CTV_CTXH"}


def is_active(worker: Mapping[str, Any], on: dt.date) -> bool:
    """Working on `on`: status active, started (or no start date) and not ended before that day."""
    if worker.get("status") != "DANG_LAM":
        return False
    start, end = worker.get("start_date"), worker.get("end_date")
    return (start is None or start <= on) and (end is None or end >= on)


def is_trained(worker: Mapping[str, Any], completed_courses: int) -> bool:
    """P4 of Decision 112: trained (đào tạo, bồi dưỡng or tập huấn) in social work.

    A person counts as trained when their social-work qualification is recorded (a degree, a title or
    skills certificate, or a short course), or when they completed at least one course on the roster's
    training list. General education alone (e.g. a law degree) does not count.
    """
    return worker.get("sw_qualification") not in UNTRAINED or completed_courses > 0


def allowance_in_force(allowances: Iterable[Mapping[str, Any]], on: dt.date) -> Mapping[str, Any] | None:
    """The allowance paid on `on`: the latest one that started by then and has not ended."""
    current = None
    for a in allowances:
        if a["effective_from"] <= on and (a.get("effective_to") is None or a["effective_to"] >= on):
            if current is None or a["effective_from"] > current["effective_from"]:
                current = a
    return current


@dataclass(frozen=True)
class Target:
    """A programme target for a year (a minimum, a maximum, or both)."""

    plan: str
    year: int
    minimum: float | None
    maximum: float | None
    note: str

    def met_by(self, value: float) -> bool:
        """True if `value` is within the target."""
        return (self.minimum is None or value >= self.minimum) and (self.maximum is None or value <= self.maximum)


def target_for_year(targets: Iterable[Target], year: int) -> Target | None:
    """The target to measure a year against: the first target year at or after it, else the last one."""
    ordered = sorted(targets, key=lambda t: t.year)
    for target in ordered:
        if target.year >= year:
            return target
    return ordered[-1] if ordered else None


@dataclass(frozen=True)
class RosterIndicators:
    """The three figures of the roster page, each with what it is measured against."""

    on: dt.date
    active: int
    collaborators: int
    collaborator_targets: list[Target]
    trained: int
    trained_share: float | None
    trained_target: Target | None
    base_salary: int | None
    collaborators_paid_at_least_base: int
    collaborators_with_allowance: int


def roster_indicators(
    workers: Sequence[Mapping[str, Any]], completed: Mapping[str, int],
    allowances: Mapping[str, Sequence[Mapping[str, Any]]],
    on: dt.date, base_salary: int | None, collaborator_targets: list[Target], trained_targets: list[Target],
) -> RosterIndicators:
    """Compute the roster indicators of one commune on a date from plain rows.

    `completed` maps worker id → completed courses; `allowances` maps worker id → allowance rows.
    """
    active = [w for w in workers if is_active(w, on)]
    collaborators = [w for w in active if w.get("category") in COLLABORATOR_CATEGORIES]
    trained = sum(1 for w in active if is_trained(w, completed.get(w["id"], 0)))
    paid = [allowance_in_force(allowances.get(w["id"], []), on) for w in collaborators]
    with_allowance = [a for a in paid if a is not None]
    at_least = sum(1 for a in with_allowance if base_salary is not None and a["amount"] >= base_salary)
    year_targets = [t for t in collaborator_targets if t.year <= on.year] or collaborator_targets
    latest_by_plan: dict[str, Target] = {}
    for t in sorted(year_targets, key=lambda t: t.year):
        latest_by_plan[t.plan] = t
    return RosterIndicators(
        on=on, active=len(active), collaborators=len(collaborators),
        collaborator_targets=list(latest_by_plan.values()),
        trained=trained, trained_share=(trained / len(active)) if active else None,
        trained_target=target_for_year(trained_targets, on.year),
        base_salary=base_salary, collaborators_paid_at_least_base=at_least,
        collaborators_with_allowance=len(with_allowance),
    )
