"""The hybrid logical clock never goes backwards, whatever the wall clock does."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from desktop.core.hlc import HybridClock, Version


@given(st.lists(st.integers(min_value=0, max_value=2**41), min_size=1, max_size=50))
def test_versions_strictly_increase_for_any_wall_clock(walls: list[int]) -> None:
    ticks = iter(walls)
    clock = HybridClock("dev-a", wall_ms=lambda: next(ticks))
    issued = [clock.now() for _ in walls]
    assert issued == sorted(issued) and len(set(issued)) == len(issued)
    assert [Version.parse(v) for v in issued] == sorted(Version.parse(v) for v in issued)


def test_observe_moves_past_a_remote_version() -> None:
    clock = HybridClock("dev-a", wall_ms=lambda: 1000)
    remote = str(Version(5000, 7, "dev-b"))
    clock.observe(remote)
    assert clock.now() > remote


def test_string_order_is_tuple_order() -> None:
    a, b = Version(999, 5, "z"), Version(1000, 0, "a")
    assert (str(a) < str(b)) == (a < b)
