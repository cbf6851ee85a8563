"""Atomic writes: the old file or the whole new one, never a half."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.core.files import replace_atomically


def test_a_failed_write_leaves_the_old_file_and_no_partial(tmp_path: Path) -> None:
    target = tmp_path / "danh-sach.xlsx"
    target.write_bytes(b"old")

    def half_then_fail(partial: Path) -> None:
        partial.write_bytes(b"ne")
        raise OSError("USB stick pulled")

    with pytest.raises(OSError):
        replace_atomically(target, half_then_fail)
    assert target.read_bytes() == b"old"
    assert list(tmp_path.iterdir()) == [target]
    replace_atomically(target, lambda partial: partial.write_bytes(b"new"))
    assert target.read_bytes() == b"new" and list(tmp_path.iterdir()) == [target]
