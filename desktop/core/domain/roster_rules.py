"""What the roster's figures are measured against: the programmes' targets (domain.md §8), and what counts as
untrained. Who is on the roster, trained or paid on a day is defined once, in report_rules.py."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

# A social-work qualification below these counts as "not trained" (domain.md §2, training enum).
UNTRAINED = {None, "", "CHUA_DAO_TAO"}


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
