"""Vietnamese text rules: NFC on input, a folded search form, and Vietnamese name order.

Folding: lowercase, no diacritics, đ→d, so "nguyen van a" finds "Nguyễn Văn A". SQLite FTS5's
remove_diacritics does not fold đ, which is why the folded text itself is what we index.

Sorting: Vietnamese people are sorted by given name, then middle names, then family name, and
letters follow the Vietnamese alphabet (a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y),
tones breaking ties in the order ngang, huyền, hỏi, ngã, sắc, nặng.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_SPACES = re.compile(r"\s+")
_TONE_MARKS = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}  # huyền hỏi ngã sắc nặng
_ALPHABET = "0123456789aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
_RANK = {ch: i for i, ch in enumerate(_ALPHABET)}
# Ranks become characters from '!' upwards; ' ' separates name parts and sorts below every letter.
_RANK_BASE = 0x21


def clean(text: str | None) -> str:
    """NFC-normalise, trim and collapse inner white space; None becomes ''."""
    if not text:
        return ""
    return _SPACES.sub(" ", unicodedata.normalize("NFC", text)).strip()


def _fold_table() -> dict[int, str | None]:
    """Precomposed Latin letters → their base letter; combining marks → removed; đ → d."""
    table: dict[int, str | None] = {}
    for code in [*range(0x00C0, 0x0250), *range(0x1E00, 0x1F00)]:
        base = "".join(c for c in unicodedata.normalize("NFD", chr(code)) if not unicodedata.combining(c))
        if base != chr(code):
            table[code] = base
    for code in range(0x0300, 0x0370):
        table[code] = None
    table[ord("đ")] = "d"
    table[ord("Đ")] = "d"
    return table


_FOLD = _fold_table()


def fold(text: str | None) -> str:
    """The search form of a text: lowercase, diacritics removed, đ→d, spaces collapsed.

    NFC first (so text typed in NFD folds the same), then one translate table: both run in C, which
    matters when an import folds every name of a 20,000-row file.
    """
    if not text:
        return ""
    folded = unicodedata.normalize("NFC", text).lower().translate(_FOLD)
    return _SPACES.sub(" ", folded).strip()


def _letter_and_tone(ch: str) -> tuple[str, int]:
    """Split one lowercase character into its Vietnamese letter (ă, ơ, … kept) and its tone."""
    decomposed = unicodedata.normalize("NFD", ch)
    tone = 0
    kept = []
    for mark in decomposed[1:]:
        if mark in _TONE_MARKS:
            tone = _TONE_MARKS[mark]
        else:
            kept.append(mark)
    return unicodedata.normalize("NFC", decomposed[0] + "".join(kept)), tone


@lru_cache(maxsize=65536)
def _word_key(word: str) -> str:
    """Letters first, then tones: "an" < "anh" < "ánh", and a word is settled before the next."""
    primary = []
    tones = []
    for ch in word:
        letter, tone = _letter_and_tone(ch)
        rank = _RANK.get(letter)
        primary.append(chr(_RANK_BASE + rank) if rank is not None else chr(_RANK_BASE + len(_ALPHABET) + ord(ch)))
        tones.append(str(tone))
    return "".join(primary) + "\x01" + "".join(tones)


def name_sort_key(full_name: str | None) -> str:
    """A string whose binary order is the Vietnamese order of people's names.

    "Nguyễn Thị Hồng Đào" sorts under Đào, then Hồng, then Thị, then Nguyễn. Store it in a column
    and ORDER BY it with the binary collation, on SQLite and PostgreSQL (COLLATE "C") alike.
    """
    words = clean(full_name).lower().split(" ")
    if words == [""]:
        return ""
    ordered = [words[-1], *words[1:-1], words[0]] if len(words) > 1 else words
    return " ".join(_word_key(w) for w in ordered)


def fts_query(text: str) -> str:
    """Turn what a user typed into an FTS5 query: every folded word must start a token."""
    words = [w for w in re.split(r"[^0-9a-z]+", fold(text)) if w]
    return " ".join(f'"{w}"*' for w in words)


def format_date(value: object) -> str:
    """A date the Vietnamese way, dd/mm/yyyy ('' for None)."""
    if value is None or value == "":
        return ""
    strftime = getattr(value, "strftime", None)
    return strftime("%d/%m/%Y") if strftime else str(value)


_DIGITS = ("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")
_GROUPS = ("", "nghìn", "triệu", "tỷ", "nghìn tỷ", "triệu tỷ")


def _three_digits(number: int, full: bool) -> list[str]:
    """Words of 0–999; `full` when a higher group precedes it (then 5 → "không trăm linh năm")."""
    hundreds, tens, units = number // 100, number // 10 % 10, number % 10
    words: list[str] = []
    if hundreds or full:
        words += [_DIGITS[hundreds], "trăm"]
    if tens == 0:
        if units and words:
            words.append("linh")
    elif tens == 1:
        words.append("mười")
    else:
        words += [_DIGITS[tens], "mươi"]
    if units:
        if units == 1 and tens > 1:
            words.append("mốt")
        elif units == 5 and tens:
            words.append("lăm")
        elif units == 4 and tens > 1:
            words.append("tư")
        else:
            words.append(_DIGITS[units])
    return words


def amount_in_words(amount: int) -> str:
    """An amount of đồng in words as a payment list writes it ("Một triệu ba trăm năm mươi nghìn đồng")."""
    if amount == 0:
        return "Không đồng"
    groups: list[int] = []
    rest = amount
    while rest:
        groups.append(rest % 1000)
        rest //= 1000
    words: list[str] = []
    for index in range(len(groups) - 1, -1, -1):
        if groups[index]:  # a group of zeros is not said ("một triệu đồng", not "… không nghìn …")
            words += [*_three_digits(groups[index], full=index < len(groups) - 1), _GROUPS[index]]
    text = " ".join(w for w in words if w)
    return text[0].upper() + text[1:] + " đồng"
