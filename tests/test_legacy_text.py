"""TCVN3 and VNI text back to Unicode: every letter and tone of both encodings, and text left alone."""

from __future__ import annotations

import shutil
import subprocess
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.core.excel.legacy_text import TCVN3, VNI, detect, guess_encoding

VOWELS = "aăâeêioôơuưy"
TONES = ["", "\u0300", "\u0309", "\u0303", "\u0301", "\u0323"]
LETTERS = [unicodedata.normalize("NFC", v + t) for v in VOWELS for t in TONES] + ["đ"]


def tcvn3_bytes(text: str) -> str:
    """Text as a .VnTime cell holds it: glibc's TCVN5712-1 encoder (an independent table), read as cp1252."""
    encoded = subprocess.run(["iconv", "-f", "UTF-8", "-t", "TCVN5712-1"], input=text.encode(),
                             capture_output=True, check=True).stdout
    return encoded.decode("latin-1")


# The VNI-Windows layout: base letter, then the shape mark, then the tone mark (lower-case font).
VNI_TONE = {"": "", "\u0300": "ø", "\u0309": "û", "\u0303": "õ", "\u0301": "ù", "\u0323": "ï"}
VNI_CIRCUMFLEX = {"": "â", "\u0300": "à", "\u0309": "å", "\u0303": "ã", "\u0301": "á", "\u0323": "ä"}
VNI_BREVE = {"": "ê", "\u0300": "è", "\u0309": "ú", "\u0303": "ü", "\u0301": "é", "\u0323": "ë"}
VNI_I = {"": "i", "\u0300": "ì", "\u0309": "æ", "\u0303": "ó", "\u0301": "í", "\u0323": "ò"}


def vni_bytes(letter: str) -> str:
    """One Unicode letter as VNI-Windows writes it."""
    if letter == "đ":
        return "ñ"
    vowel, tone = letter[0], ""
    decomposed = unicodedata.normalize("NFD", letter)
    for mark in decomposed[1:]:
        if mark in VNI_TONE and mark:
            tone = mark
    base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in VNI_TONE or not c))
    vowel = base
    if vowel == "i":
        return VNI_I[tone]
    if vowel == "y" and tone == "\u0323":
        return "î"
    if vowel in "âêô":
        return {"â": "a", "ê": "e", "ô": "o"}[vowel] + VNI_CIRCUMFLEX[tone]
    if vowel == "ă":
        return "a" + VNI_BREVE[tone]
    if vowel in "ơư":
        return {"ơ": "ô", "ư": "ö"}[vowel] + VNI_TONE[tone]
    return vowel + VNI_TONE[tone]


@pytest.mark.skipif(shutil.which("iconv") is None, reason="glibc iconv gives the independent TCVN3 table")
@pytest.mark.parametrize("letter", LETTERS)
def test_every_tcvn3_letter_and_tone(letter: str) -> None:
    word = f"{letter}an" if letter == "đ" else f"Ng{letter}n"  # inside a word, as in a name
    written = tcvn3_bytes(word)
    if written == word:
        assert detect(written, prefer=TCVN3) is None  # a plain vowel: TCVN3 writes it as ASCII
        return
    found = detect(written, prefer=TCVN3)
    assert found is not None and found.after == word
    # The capital font (.VnTimeH) draws the same bytes as capitals; its plain letters are capitals too.
    capital = tcvn3_bytes(word.upper().replace(letter.upper(), letter))
    found = detect(capital, prefer=TCVN3)
    assert found is not None and found.after == word.upper()


@pytest.mark.parametrize("letter", LETTERS)
@pytest.mark.parametrize("capital", [False, True])
def test_every_vni_letter_and_tone(letter: str, capital: bool) -> None:
    word, written = (f"{letter}an", vni_bytes(letter) + "an") if letter == "đ" else \
        (f"ng{letter}n", "ng" + vni_bytes(letter) + "n")
    if capital:
        word, written = word.upper(), written.upper()
    if written == word:
        return  # an unmarked letter: nothing to convert
    found = detect(written, prefer=VNI)
    assert found is not None and found.after == word


@pytest.mark.parametrize("written,encoding,meant", [
    ("NguyÔn V¨n A", TCVN3, "Nguyễn Văn A"),
    ("Lª ThÞ Hång §µo", TCVN3, "Lê Thị Hồng Đào"),
    ("Ng\xadêi cao tuæi tõ ®ñ 80 tuæi", TCVN3, "Người cao tuổi từ đủ 80 tuổi"),
    ("DANH S¸CH C¤NG T¸C VI£N", TCVN3, "DANH SÁCH CÔNG TÁC VIÊN"),
    ("Nguyeãn Vaên A", VNI, "Nguyễn Văn A"),
    ("Ngöôøi khuyeát taät ñaëc bieät naëng", VNI, "Người khuyết tật đặc biệt nặng"),
    ("Traàn Thò Bình", VNI, "Trần Thị Bình"),
    ("Treû em moà coâi caû cha vaø meï", VNI, "Trẻ em mồ côi cả cha và mẹ"),
])
def test_cells_from_the_field_are_detected_without_a_hint(written: str, encoding: str, meant: str) -> None:
    found = detect(written)
    assert found is not None and (found.encoding, found.after) == (encoding, meant)


@pytest.mark.parametrize("text", ["Lê Thị Hà", "Hà Lê", "Nguyễn Văn An", "37°C", "Café", "HIV/AIDS", "THPT",
                                  "Hoà Bình", "Số 5, tổ 3", "“Ngoặc kép” – gạch"])
def test_unicode_and_ascii_are_left_as_written(text: str) -> None:
    assert detect(text) is None


def test_the_sheet_decides_what_reads_both_ways() -> None:
    assert detect("Hoà Bình") is None  # Unicode as it stands…
    found = detect("Hoà Bình", prefer=VNI)  # …but on a VNI sheet those bytes draw "Hồ Bình"
    assert found is not None and found.after == "Hồ Bình"
    assert guess_encoding(["NguyÔn V¨n A", "Lª ThÞ Hång", "Hµ Néi", "THPT"]) == TCVN3
    assert guess_encoding(["Nguyeãn Vaên A", "Traàn Thò Bình"]) == VNI
    assert guess_encoding(["Nguyễn Văn A", "Lê Thị Hà"]) is None


@given(st.text(max_size=40))
def test_detect_never_fails_and_unicode_vietnamese_stays(text: str) -> None:
    found = detect(text)
    if found is not None:
        assert found.after != text and unicodedata.is_normalized("NFC", found.after)
