"""Text typed in the pre-Unicode Vietnamese encodings, TCVN3 (ABC, the `.Vn…` fonts) and VNI (`VNI-…` fonts),
back to NFC Unicode.

Such a cell holds the font's bytes read as Windows-1252 ("NguyÔn V¨n A" for Nguyễn Văn A in `.VnTime`,
"Nguyeãn Vaên A" in `VNI-Times`). Both tables are built here from their definitions:

- TCVN3 is one byte per letter (TCVN 5712:1993, the VN3 set, the same byte positions as glibc's TCVN5712-1 from
  0xA1 up). Its fonts come in pairs: `.VnTime` for lower case and `.VnTimeH`, which draws the same bytes as
  capitals; a cell whose plain letters are all capitals was typed in the capital font and is upper-cased.
- VNI writes a base letter followed by one or two mark characters (a + ù = á, a + ê + ù = ắ, o + â = ô,
  ô = ơ, ö = ư, ñ = đ); the capital font uses the marks' capitals (AÙ = Á).

A cell is converted only when the converted text is Vietnamese and the text as written is not: real Unicode
Vietnamese ("Lê Thị Hà") is never touched, and a text both readings accept ("Hà Lê") is converted only on a
sheet whose other cells, or whose fonts, show the legacy encoding.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

TCVN3 = "tcvn3"
VNI = "vni"

# TCVN3's letters, as the byte (read as Windows-1252) and the letter it draws: the 134 letters of the VN3 set
# (the same positions as glibc's TCVN5712-1). The bytes VN3 leaves out are left alone: 0x80–0x9F are the curly
# quotes and dashes of ordinary text, 0xB0–0xB4 the loose tone marks ("37°C"), and the few capitals only the
# VN1 set has (0xC0 Ắ…) would turn a Unicode "ÁNH" into garbage.
_TCVN3_PAIRS = (
    "¡Ă ¢Â £Ê ¤Ô ¥Ơ ¦Ư §Đ ¨ă ©â ªê «ô ¬ơ \xadư ®đ "
    "µà ¶ả ·ã ¸á ¹ạ »ằ ¼ẳ ½ẵ ¾ắ Æặ Çầ Èẩ Éẫ Êấ Ëậ Ìè Îẻ Ïẽ Ðé Ñẹ Òề Óể Ôễ Õế Öệ ×ì Øỉ Üĩ Ýí Þị ßò "
    "áỏ âõ ãó äọ åồ æổ çỗ èố éộ êờ ëở ìỡ íớ îợ ïù ñủ òũ óú ôụ õừ öử ÷ữ øứ ùự úỳ ûỷ üỹ ýý þỵ"
)
_TCVN3 = {pair[0]: pair[1] for pair in _TCVN3_PAIRS.split()}
_TCVN3_RE = re.compile("[" + re.escape("".join(_TCVN3)) + "]")

# VNI: the mark characters (lower-case font; the capital font uses their capitals).
_VNI_TONES = {"ù": "\u0301", "ø": "\u0300", "û": "\u0309", "õ": "\u0303", "ï": "\u0323"}
_VNI_SHAPES = {"â": "\u0302", "ê": "\u0306"}  # circumflex (a e o), breve (a)
_VNI_SHAPE_TONES = {  # one character: a shape and a tone together
    "á": ("\u0302", "\u0301"), "à": ("\u0302", "\u0300"), "å": ("\u0302", "\u0309"), "ã": ("\u0302", "\u0303"),
    "ä": ("\u0302", "\u0323"), "é": ("\u0306", "\u0301"), "è": ("\u0306", "\u0300"), "ú": ("\u0306", "\u0309"),
    "ü": ("\u0306", "\u0303"), "ë": ("\u0306", "\u0323"),
}
_VNI_SINGLE = {"ô": "ơ", "ö": "ư", "ñ": "đ", "í": "í", "ì": "ì", "æ": "ỉ", "ó": "ĩ", "ò": "ị", "î": "ỵ"}
_VNI_MARKS = "".join([*_VNI_TONES, *_VNI_SHAPES, *_VNI_SHAPE_TONES])
_VNI_SINGLE_RE = re.compile("[" + "".join(_VNI_SINGLE) + "".join(_VNI_SINGLE).upper() + "]")
_VNI_RE = re.compile(r"([aeouyAEOUYơưƠƯ])([" + _VNI_MARKS + _VNI_MARKS.upper() + r"]{1,2})")

# Letters of Vietnamese Unicode; anything else from Latin-1's upper half marks a text as not (yet) Vietnamese.
_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
_UNICODE_ONLY = re.compile("[\u0102\u0103\u0110\u0111\u0128\u0129\u0168\u0169\u01a0\u01a1\u01af\u01b0"
                           "\u1ea0-\u1ef9]")
_WORD = re.compile(r"[^\W\d_]+")


def _vni_convert(text: str) -> str:
    def single(match: re.Match[str]) -> str:
        letter = _VNI_SINGLE[match[0].lower()]
        return letter.upper() if match[0].isupper() else letter

    def marked(match: re.Match[str]) -> str:
        combining = ""
        for mark in match[2].lower():
            if mark in _VNI_TONES:
                combining += _VNI_TONES[mark]
            elif mark in _VNI_SHAPES:
                combining = _VNI_SHAPES[mark] + combining
            else:
                shape, tone = _VNI_SHAPE_TONES[mark]
                combining = shape + combining + tone
        return unicodedata.normalize("NFC", match[1] + combining)

    # ơ and ư first (ô, ö): a tone may follow them ("ôù" is ớ).
    return unicodedata.normalize("NFC", _VNI_RE.sub(marked, _VNI_SINGLE_RE.sub(single, text)))


def _tcvn3_convert(text: str) -> str:
    converted = unicodedata.normalize("NFC", _TCVN3_RE.sub(lambda m: _TCVN3[m[0]], text))
    letters = [c for c in text if c.isascii() and c.isalpha()]
    capital_word = any(sum(1 for c in w if c.isascii()) >= 2 for w in _WORD.findall(text))
    if capital_word and all(c.isupper() for c in letters):
        converted = converted.upper()  # typed in the capital font (.VnTimeH): its bytes draw capitals
    return converted


CONVERTERS = {TCVN3: _tcvn3_convert, VNI: _vni_convert}


# A Vietnamese syllable: an onset, a vowel nucleus (with its glides) and a coda, tones set aside.
_NUCLEI = sorted("""a ă â e ê i o ô ơ u ư y ai ao au ay âu ây eo êu ia iê iu oa oă oe oi ôi ơi oo ua uâ uê uô
    ui ưi ưa ươ ưu uy yê iêu yêu oai oao oay oeo uây uôi ươi ươu uya uyê uyu""".split(), key=len, reverse=True)
_SYLLABLE = re.compile(r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|th|tr|qu|[bcdđghklmnprstvx])?(?:" + "|".join(_NUCLEI)
                       + r")(?:ch|ng|nh|[cmnpt])?")


def _plain_letters(word: str) -> tuple[str, int]:
    """A lower-case word without its tones (ă â ê ô ơ ư kept), and how many tones it had."""
    tones = 0
    kept = []
    for ch in unicodedata.normalize("NFD", word.lower()):
        if ch in _TONES:
            tones += 1
        else:
            kept.append(ch)
    return unicodedata.normalize("NFC", "".join(kept)), tones


def badness(text: str) -> int:
    """How far a text is from Vietnamese: its non-ASCII words that are no Vietnamese syllable (two tones, a
    letter Vietnamese lacks, vowels no syllable has), plus the symbols (¨ © ª « ¬ ® …) no word holds. 0 for
    Vietnamese and for plain ASCII."""
    bad = sum(1 for ch in text if 0xA1 <= ord(ch) <= 0xBF)
    for word in _WORD.findall(text):
        if word.isascii():
            continue
        letters, tones = _plain_letters(word)
        if tones > 1 or not _SYLLABLE.fullmatch(letters):
            bad += 1
    return bad


@dataclass(frozen=True)
class Conversion:
    """A cell's legacy text, what it reads as, and in which encoding."""

    encoding: str
    before: str
    after: str


def unicode_vietnamese(text: str) -> bool:
    """True for text that can only be Unicode Vietnamese (it holds ă, đ, ơ, ư or a letter like ạ, ế)."""
    return bool(_UNICODE_ONLY.search(text))


def detect(text: str, prefer: str | None = None) -> Conversion | None:
    """The conversion of `text` from TCVN3 or VNI, if it was typed in one; None for text to keep as written.

    `prefer` is the encoding the sheet shows elsewhere (its fonts or its other cells): with it, a text that
    reads as Vietnamese either way is converted too."""
    if text.isascii() or _UNICODE_ONLY.search(text):
        return None
    as_written = badness(text)
    best: Conversion | None = None
    best_score = as_written
    for encoding in (prefer, TCVN3, VNI):
        if encoding is None:
            continue
        after = CONVERTERS[encoding](text)
        if after == text:
            continue
        score = badness(after)
        better = score < best_score or (score == 0 and as_written == 0 and encoding == prefer and best is None)
        if better:
            best, best_score = Conversion(encoding, text, after), score
    return best


def guess_encoding(samples: list[str]) -> str | None:
    """The legacy encoding most text cells of a sheet show, if any does (a majority of the cells that show
    one)."""
    votes = {TCVN3: 0, VNI: 0}
    for text in samples:
        found = detect(text)
        if found is not None:
            votes[found.encoding] += 1
    encoding = max(votes, key=lambda k: votes[k])
    return encoding if votes[encoding] else None


LEGACY_FONTS = {TCVN3: (b".Vn", ".Vn"), VNI: (b"VNI-", "VNI-")}


def encoding_of_font(name: str) -> str | None:
    """TCVN3 for `.VnTime`, `.VnArialH`…; VNI for `VNI-Times`…; None otherwise."""
    if name.startswith(".Vn"):
        return TCVN3
    if name.upper().startswith("VNI-") or name.upper().startswith("VNI "):
        return VNI
    return None
