"""The QR code of a citizen's card, read into a person's fields, and the card number checked against them.

Two layouts are in the field (ND 70/2024 Art. 12 lets an agency scan them):

- the chip CCCD (2021–2024): seven `|`-separated fields in UTF-8 — ID number | old 9-digit CMND (may be
  empty) | full name | birth date `ddmmyyyy` | sex | permanent address | issue date `ddmmyyyy`;
- the căn cước (from 1/7/2024, QR on the back): the same seven, then the cancelled ID number and, on some
  cards, the father's and the mother's names. Fields past those are kept as they are, not refused, so a
  later card still reads.

A 12-digit number says where the birth was registered and the century, sex and year of birth
(TT 59/2021/TT-BCA Art. 7): digits 1–3 the province, digit 4 the century and sex (0/1 the 1900s, 2/3 the
2000s, …; even for a man), digits 5–6 the year's last two digits. A number that disagrees with the card's
own birth date and sex is flagged: a misread or a forged card, never silently saved.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field

# The 63 province codes of the numbering (TT 59/2021/TT-BCA, Phụ lục: the provinces before the 2025 merger;
# numbers already issued keep them, and the 34 provinces since use codes of this list).
PROVINCE_CODES = frozenset(
    "001 002 004 006 008 010 011 012 014 015 017 019 020 022 024 025 026 027 030 031 033 034 035 036 037 038 "
    "040 042 044 045 046 048 049 051 052 054 056 058 060 062 064 066 067 068 070 072 074 075 077 079 080 082 "
    "083 084 086 087 089 091 092 093 094 095 096".split())
LAYOUT_CHIP, LAYOUT_CAN_CUOC = "cccd_chip", "can_cuoc"
_SEX = {"nam": "NAM", "nu": "NU", "male": "NAM", "female": "NU"}
MAX_PAYLOAD = 2000  # bytes: a card's QR holds a few hundred; anything far larger is not one


class CardTextError(ValueError):
    """The QR's text is not a citizen card's; `code` is the message code."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


@dataclass(frozen=True)
class CardData:
    """What a card's QR says, in the program's own terms (NFC text, dates, gender codes)."""

    national_id: str
    old_national_id: str | None
    full_name: str
    birth_date: dt.date | None
    gender: str | None
    address: str | None
    id_issued_on: dt.date | None
    layout: str
    cancelled_id: str | None = None
    father_name: str | None = None
    mother_name: str | None = None
    extra: tuple[str, ...] = ()
    problems: tuple[str, ...] = field(default=())

    def fields(self) -> dict[str, object]:
        """The person's fields a form can take from the card (absent ones left out)."""
        values: dict[str, object] = {
            "national_id": self.national_id, "old_national_id": self.old_national_id or self.cancelled_id,
            "full_name": self.full_name, "birth_date": self.birth_date, "gender": self.gender,
            "address": self.address, "id_issued_on": self.id_issued_on,
            "father_name": self.father_name, "mother_name": self.mother_name,
        }
        return {k: v for k, v in values.items() if v not in (None, "")}


def _text(raw: bytes | str) -> str:
    if isinstance(raw, bytes):
        if len(raw) > MAX_PAYLOAD:
            raise CardTextError("E_CARD_QR_NOT_CARD")
        try:
            raw = raw.decode("utf-8")
        except UnicodeDecodeError:
            raise CardTextError("E_CARD_QR_ENCODING") from None
    if len(raw) > MAX_PAYLOAD or "\x00" in raw:
        raise CardTextError("E_CARD_QR_NOT_CARD")
    return unicodedata.normalize("NFC", raw.removeprefix("\ufeff")).strip()


def _clean(text: str) -> str:
    return " ".join(text.split())


def _date(text: str) -> dt.date | None:
    digits = re.sub(r"[\s/.\-]", "", text)
    if not re.fullmatch(r"\d{8}", digits):
        return None
    try:
        return dt.date(int(digits[4:]), int(digits[2:4]), int(digits[:2]))
    except ValueError:
        return None


def _gender(text: str) -> str | None:
    folded = "".join(c for c in unicodedata.normalize("NFD", text.lower()) if not unicodedata.combining(c))
    return _SEX.get(folded.replace("đ", "d").strip())


def _number(text: str, lengths: tuple[int, ...]) -> str | None:
    digits = re.sub(r"\s", "", text)
    return digits if digits.isdigit() and len(digits) in lengths else None


def parse_card_text(raw: bytes | str) -> CardData:
    """The fields of a card's QR (bytes as read, or text); CardTextError when it is not a card's QR."""
    parts = [_clean(p) for p in _text(raw).split("|")]
    layout = LAYOUT_CAN_CUOC if len(parts) > 7 else LAYOUT_CHIP  # the căn cước's eighth field may be empty
    while len(parts) > 7 and parts[-1] == "":
        parts.pop()
    national_id = _number(parts[0], (12,)) if parts else None
    if len(parts) < 7 or national_id is None:
        raise CardTextError("E_CARD_QR_NOT_CARD")
    full_name = parts[2]
    if not full_name or any(ch.isdigit() for ch in full_name):
        raise CardTextError("E_CARD_QR_NOT_CARD")
    problems: list[str] = []
    old = None
    if parts[1]:
        old = _number(parts[1], (9, 12))
        if old is None:
            problems.append("CARD_OLD_ID")
    birth = _date(parts[3])
    if birth is None:
        problems.append("CARD_BIRTH_DATE")
    gender = _gender(parts[4])
    if gender is None:
        problems.append("CARD_SEX")
    issued = _date(parts[6]) if parts[6] else None
    if parts[6] and issued is None:
        problems.append("CARD_ISSUE_DATE")
    rest = parts[7:]
    cancelled = father = mother = None
    if rest:
        if rest[0] == "" or _number(rest[0], (9, 12)) is not None:
            cancelled = _number(rest[0], (9, 12)) if rest[0] else None
            rest = rest[1:]
        parents: list[str] = []
        while rest and len(parents) < 2 and not any(ch.isdigit() for ch in rest[0]):
            parents.append(rest.pop(0))
        father = (parents[0] if parents else "") or None
        mother = (parents[1] if len(parents) > 1 else "") or None
    problems.extend(id_problems(national_id, birth, gender))
    return CardData(
        national_id=national_id, old_national_id=old, full_name=full_name, birth_date=birth, gender=gender,
        address=parts[5] or None, id_issued_on=issued, layout=layout,
        cancelled_id=cancelled, father_name=father, mother_name=mother,
        extra=tuple(p for p in rest if p), problems=tuple(problems))


def id_problems(national_id: str, birth: dt.date | None, gender: str | None) -> list[str]:
    """What a 12-digit number's own digits contradict: its province code, and (when known) the century and
    sex digit and the year of birth. Empty when the number agrees."""
    if not re.fullmatch(r"\d{12}", national_id):
        return ["CARD_ID_FORMAT"]
    problems = []
    if national_id[:3] not in PROVINCE_CODES:
        problems.append("CARD_ID_PROVINCE")
    digit = int(national_id[3])
    if birth is not None:
        if 1900 + 100 * (digit // 2) != birth.year // 100 * 100:
            problems.append("CARD_ID_CENTURY")
        if national_id[4:6] != f"{birth.year % 100:02d}":
            problems.append("CARD_ID_YEAR")
    if gender is not None and ("NAM" if digit % 2 == 0 else "NU") != gender:
        problems.append("CARD_ID_SEX")
    return problems


def card_text(card: CardData) -> str:
    """The QR text a card with these fields carries (the inverse of parse_card_text, for tests and demos)."""
    def date(d: dt.date | None) -> str:
        return d.strftime("%d%m%Y") if d else ""

    sex = {"NAM": "Nam", "NU": "Nữ"}.get(card.gender or "", "")
    parts = [card.national_id, card.old_national_id or "", card.full_name, date(card.birth_date), sex,
             card.address or "", date(card.id_issued_on)]
    if card.layout == LAYOUT_CAN_CUOC:
        parts.append(card.cancelled_id or "")
        if card.father_name or card.mother_name:
            parts += [card.father_name or "", card.mother_name or ""]
        parts += list(card.extra)
    return "|".join(parts)
