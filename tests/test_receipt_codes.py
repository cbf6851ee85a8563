"""The receipt code read over the phone (issue 18, part 3): twelve digits in three groups of four, stable,
and different for different receipts."""

from __future__ import annotations

import itertools
import re

from hypothesis import given
from hypothesis import strategies as st

from sync.receipt_codes import receipt_code


def test_the_same_receipt_gives_the_same_code_and_any_change_another() -> None:
    code = receipt_code("3f6c1e2a-0000-4000-8000-0123456789ab", 1, 1840)
    assert re.fullmatch(r"[1-9]\d{3} [1-9]\d{3} [1-9]\d{3}", code)
    assert receipt_code("3f6c1e2a-0000-4000-8000-0123456789ab", 1, 1840) == code
    assert receipt_code("3f6c1e2a-0000-4000-8000-0123456789ab", 1, 1841) != code
    assert receipt_code("3f6c1e2a-0000-4000-8000-0123456789ab", 2, 1840) != code
    assert receipt_code("3f6c1e2a-0000-4000-8000-0123456789ac", 1, 1840) != code


def test_a_province_s_receipts_all_differ() -> None:
    """168 communes, two laptops each, a year of weekly receipts: no two codes alike."""
    devices = [f"{commune:05d}-{laptop}" for commune in range(168) for laptop in range(2)]
    codes = [receipt_code(device, 1, 500 * week) for device, week in itertools.product(devices, range(1, 53))]
    assert len(set(codes)) == len(codes)


@given(st.text(min_size=1, max_size=40), st.integers(1, 50), st.integers(0, 10**9))
def test_any_receipt_has_a_twelve_digit_code(device: str, epoch: int, through: int) -> None:
    digits = receipt_code(device, epoch, through).replace(" ", "")
    assert len(digits) == 12 and digits.isdigit()
