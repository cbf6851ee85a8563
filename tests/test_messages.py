"""Every text a person reads is a sentence in their language: no field name, code or English word shows
through a Vietnamese message, and every field a message can name has a label in both languages."""

from __future__ import annotations

import re

import pytest

from desktop.core.messages import FIELD_LABELS, MESSAGES, format_message, set_language
from desktop.core.models import MODEL_BY_ENTITY

# What an internal text looks like: a code (E_CASE_CLOSED, TCXH_01), a field or column name (referred_to),
# or a word of English a Vietnamese officer would not expect in a Vietnamese sentence.
_CODE = re.compile(r"\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\b")
_IDENTIFIER = re.compile(r"\b[a-z]+_[a-z0-9_]+\b")
# ("to" and "do" are Vietnamese words too: not in the list.)
_ENGLISH = re.compile(r"\b(the|is|are|required|invalid|cancel|system|error|field|not|and|of|with)\b", re.I)
# Kept on purpose: what an officer types at the command line (a command, an option, an example of an
# argument), file names, addresses, and the placeholders filled in later.
_ALLOWED = re.compile(r"ctxh [^»”]*|--[a-z-]+|\(ví dụ [^)]*\)|«[^»]*\.(xlsx|xls|ods|pdf|sqlite3|ctxhb)»"
                      r"|[\w.-]+@[\w.-]+|\{[a-z_]+\}")


def _bare(text: str) -> str:
    return _ALLOWED.sub(" ", text)


def _problems(text: str) -> list[str]:
    bare = _bare(text)
    return [m.group(0) for pattern in (_CODE, _IDENTIFIER, _ENGLISH) for m in pattern.finditer(bare)]


def test_every_stored_field_has_a_label_in_both_languages() -> None:
    from sync.merge import _rules

    fields = {f for model in MODEL_BY_ENTITY.values() for f in model.__synced_fields__}
    fields |= {f for rules in _rules().values() for f in rules}
    missing = sorted(f for f in fields if f not in FIELD_LABELS)
    assert missing == [], f"fields a message could name without a label: {missing}"
    assert all(vi and en for vi, en in FIELD_LABELS.values())


@pytest.mark.parametrize("code", sorted(MESSAGES))
def test_vietnamese_message_has_no_internal_text(code: str) -> None:
    vi, en = MESSAGES[code]
    assert vi and en and vi != en
    assert _problems(vi) == [], f"{code}: {vi}"


def test_vietnamese_labels_have_no_internal_text() -> None:
    bad = {field: vi for field, (vi, _en) in FIELD_LABELS.items() if _problems(vi)}
    assert bad == {}


def test_a_field_is_named_by_its_label_never_by_its_column() -> None:
    set_language("vi")
    try:
        assert format_message("E_REQUIRED", {"field": "referred_to"}) == "«Nơi chuyển tuyến đến» là bắt buộc."
        set_language("en")
        assert format_message("E_REQUIRED", {"field": "referred_to"}) == "“Referred to” is required."
    finally:
        set_language("vi")


def test_the_checker_catches_what_it_is_for() -> None:
    # The guard itself: each kind of leak is found.
    assert _problems("«referred_to» là bắt buộc") == ["referred_to"]
    assert _problems("giá trị TCXH_01 không hợp lệ") == ["TCXH_01"]
    assert _problems("Bấm Cancel để dừng") == ["Cancel"]
    assert _problems("Gõ lệnh ctxh trust add province.card") == []


def test_the_window_s_vietnamese_has_no_internal_text() -> None:
    from desktop.ui.i18n_tools import read_ts

    bad = {source: vi for source, vi in read_ts().items() if vi and _problems(vi)}
    assert bad == {}


def test_qt_s_own_buttons_speak_vietnamese(qapp) -> None:
    """OK and Cancel of a question box, the edit menu of a text box: Qt's own words, which PySide6 has no
    Vietnamese for, come from our qt_vi catalogue."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QDialogButtonBox

    from desktop.ui.i18n import install_translator

    install_translator(qapp, "vi")
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
                           | QDialogButtonBox.StandardButton.Close)
    assert [box.button(b).text() for b in (QDialogButtonBox.StandardButton.Ok, QDialogButtonBox.StandardButton.Cancel,
                                           QDialogButtonBox.StandardButton.Close)] == ["Đồng ý", "Hủy", "Đóng"]
    assert QCoreApplication.translate("QLineEdit", "&Paste") == "&Dán"
