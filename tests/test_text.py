"""Vietnamese text rules with real names, typed in NFC and NFD."""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from desktop.core.text import clean, fold, format_date, fts_query, name_sort_key


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


def test_fold_removes_diacritics_and_folds_d() -> None:
    assert fold("Nguyễn Thị Hồng Đào") == "nguyen thi hong dao"
    assert fold("Đặng Văn Ánh") == "dang van anh"
    assert fold("  PHẠM   Thị   Ngọc  ") == "pham thi ngoc"


def test_nfd_input_is_stored_as_nfc_and_folds_the_same() -> None:
    name = "Nguyễn Thị Hồng Đào"
    assert nfd(name) != name
    assert clean(nfd(name)) == name
    assert fold(nfd(name)) == fold(name)
    assert name_sort_key(nfd(name)) == name_sort_key(name)


def test_vietnamese_name_order() -> None:
    names = ["Nguyễn Văn Bình", "Trần Thị Ánh", "Lê Văn An", "Phạm Thị Dung", "Vũ Anh", "Đặng Văn Đức",
             "Hoàng Thị Anh", "Bùi Ăn", "Ngô Thị Ấn", "Trần Ánh"]
    ordered = sorted(names, key=name_sort_key)
    # By given name first: An < Anh < Ánh < Ăn < Ấn < Bình < Dung < Đức (a ă â … d đ …, tones after letters).
    given = [n.split()[-1] for n in ordered]
    assert given == ["An", "Anh", "Anh", "Ánh", "Ánh", "Ăn", "Ấn", "Bình", "Dung", "Đức"]
    # Same given name: the middle name decides next, then the family name.
    assert ordered[ordered.index("Trần Thị Ánh") + 1] == "Trần Ánh"


def test_given_name_decides_before_family_name() -> None:
    assert name_sort_key("Vũ Anh") < name_sort_key("Trần Ánh")
    assert name_sort_key("Zô Dung") < name_sort_key("An Đức")


def test_fts_query_is_safe() -> None:
    assert fts_query('Nguyễn "van') == '"nguyen"* "van"*'
    assert fts_query("  ") == ""
    assert fts_query("OR AND NOT *") == '"or"* "and"* "not"*'


def test_format_date() -> None:
    import datetime as dt

    assert format_date(dt.date(2026, 1, 5)) == "05/01/2026"
    assert format_date(None) == ""


@given(st.text(alphabet="aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ ",
               max_size=30))
def test_fold_is_ascii_and_stable_under_normalisation(text: str) -> None:
    folded = fold(text)
    assert folded.isascii()
    assert fold(nfd(text)) == folded
    assert fold(folded) == folded
