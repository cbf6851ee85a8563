"""Intake from the citizen's card (issue 18): the QR's two layouts read exactly, the number checked against the
card's own birth date and sex, pictures as they arrive decoded, and the people already here found by number."""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.core.domain.citizen_card import (
    LAYOUT_CAN_CUOC,
    LAYOUT_CHIP,
    CardData,
    CardTextError,
    card_text,
    id_problems,
    parse_card_text,
)
from desktop.core.errors import CtxhError
from desktop.core.qr_images import Picture, read_qr_codes
from desktop.core.services.card_reading import card_from_picture, existing_people
from tests.card_corpus import CardSample, corpus

# The chip CCCD's QR as printed on a real card's front (a made-up person, in the card's own layout).
CHIP = "001089012345|123456789|Nguyễn Văn An|01011989|Nam|Số 1 ngõ 2 phố Hàng Bông, Phường Hoàn Kiếm, Hà Nội|15082021"
# The căn cước's: the cancelled number, then the father's and mother's names.
CAN_CUOC = ("036195001234||Trần Thị Bích Ngọc|23061995|Nữ|Xóm 3, Xã Hải Hậu, Tỉnh Ninh Bình|01072024|"
            "163195123|Trần Văn Bình|Lê Thị Hoa")


def test_the_chip_cards_seven_fields() -> None:
    card = parse_card_text(CHIP.encode())
    assert card.layout == LAYOUT_CHIP
    assert (card.national_id, card.old_national_id, card.full_name) == ("001089012345", "123456789", "Nguyễn Văn An")
    assert (card.birth_date, card.gender, card.id_issued_on) == (dt.date(1989, 1, 1), "NAM", dt.date(2021, 8, 15))
    assert card.address == "Số 1 ngõ 2 phố Hàng Bông, Phường Hoàn Kiếm, Hà Nội"
    assert card.problems == ()


def test_the_can_cuocs_cancelled_number_and_parents() -> None:
    card = parse_card_text(CAN_CUOC.encode())
    assert card.layout == LAYOUT_CAN_CUOC
    assert card.old_national_id is None and card.cancelled_id == "163195123"
    assert (card.father_name, card.mother_name) == ("Trần Văn Bình", "Lê Thị Hoa")
    assert card.gender == "NU" and card.problems == ()
    # The cancelled number is the old number a form asks for (ND 70/2024 Art. 12: not to be asked again).
    assert card.fields()["old_national_id"] == "163195123"


def test_unknown_fields_a_trailing_bar_and_decomposed_letters_are_taken_in_stride() -> None:
    import unicodedata

    text = unicodedata.normalize("NFD", CAN_CUOC) + "|X9|future field|"
    card = parse_card_text(("\ufeff" + text + "\r\n").encode())
    assert card.full_name == "Trần Thị Bích Ngọc"  # NFC again
    assert card.extra == ("X9", "future field")
    only_mother = parse_card_text(CAN_CUOC.replace("Trần Văn Bình", "").encode())
    assert (only_mother.father_name, only_mother.mother_name) == (None, "Lê Thị Hoa")


@pytest.mark.parametrize("text", [
    "https://dichvucong.gov.vn/p/home/dvc-trang-chu.html",  # a QR that is not a card's
    "00020101021138570010A00000072701270006970436011300123456789",  # a VietQR payment code
    "001089012345|123456789|Nguyễn Văn An",  # cut short
    "12345|123456789|Nguyễn Văn An|01011989|Nam|Hà Nội|15082021",  # not a 12-digit number
    "001089012345|123456789||01011989|Nam|Hà Nội|15082021",  # no name
])
def test_what_is_not_a_cards_qr_is_refused(text: str) -> None:
    with pytest.raises(CardTextError) as refused:
        parse_card_text(text.encode())
    assert refused.value.code == "E_CARD_QR_NOT_CARD"


def test_text_that_is_not_utf8_is_refused_not_guessed() -> None:
    with pytest.raises(CardTextError) as refused:
        parse_card_text(CHIP.encode("utf-16"))
    assert refused.value.code == "E_CARD_QR_ENCODING"


@pytest.mark.parametrize(("number", "born", "sex", "flags"), [
    ("001089012345", dt.date(1989, 1, 1), "NAM", []),
    ("001189012345", dt.date(1989, 1, 1), "NU", []),
    ("079205000123", dt.date(2005, 6, 30), "NAM", []),
    ("079305000123", dt.date(2005, 6, 30), "NU", []),
    ("001189012345", dt.date(1989, 1, 1), "NAM", ["CARD_ID_SEX"]),
    ("001088012345", dt.date(1989, 1, 1), "NAM", ["CARD_ID_YEAR"]),
    ("001289012345", dt.date(1989, 1, 1), "NAM", ["CARD_ID_CENTURY"]),
    ("003089012345", dt.date(1989, 1, 1), "NAM", ["CARD_ID_PROVINCE"]),  # 003 is no province's code
    ("099089012345", dt.date(1989, 1, 1), "NAM", ["CARD_ID_PROVINCE"]),
])
def test_the_numbers_digits_against_the_cards_birth_date_and_sex(number: str, born: dt.date, sex: str,
                                                                  flags: list[str]) -> None:
    assert id_problems(number, born, sex) == flags


def test_a_card_whose_number_disagrees_is_flagged_when_read() -> None:
    card = parse_card_text(CHIP.replace("|Nam|", "|Nữ|").encode())
    assert card.problems == ("CARD_ID_SEX",)


names = st.text(st.sampled_from("aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợù"
                                "úủũụừứửữựỳýỷỹỵANĐƯ "), min_size=1, max_size=40)
names = names.map(lambda s: " ".join(s.split())).filter(bool)
dates = st.dates(dt.date(1900, 1, 1), dt.date(2099, 12, 31))


@st.composite
def cards(draw: st.DrawFn) -> CardData:
    born, gender = draw(dates), draw(st.sampled_from(["NAM", "NU"]))
    digit = (born.year - 1900) // 100 * 2 + (gender == "NU")
    province, serial = draw(st.sampled_from(["001", "079", "096"])), draw(st.integers(0, 999999))
    number = f"{province}{digit}{born.year % 100:02d}{serial:06d}"
    layout = draw(st.sampled_from([LAYOUT_CHIP, LAYOUT_CAN_CUOC]))
    parents = layout == LAYOUT_CAN_CUOC and draw(st.booleans())
    return CardData(
        national_id=number, old_national_id=draw(st.none() | st.from_regex(r"\d{9}", fullmatch=True)),
        full_name=draw(names), birth_date=born, gender=gender, address=draw(st.none() | names),
        id_issued_on=draw(st.none() | dates), layout=layout,
        cancelled_id=draw(st.none() | st.from_regex(r"\d{12}", fullmatch=True)) if layout == LAYOUT_CAN_CUOC else None,
        father_name=draw(names) if parents else None, mother_name=draw(names) if parents else None)


@given(cards())
def test_every_field_is_read_back_exactly(card: CardData) -> None:
    assert parse_card_text(card_text(card).encode()) == card


@settings(max_examples=400)
@given(st.binary(max_size=600) | st.text(max_size=300).map(str.encode)
       | st.lists(st.text(max_size=20), max_size=12).map(lambda p: "|".join(p).encode()))
def test_any_bytes_give_a_card_or_a_refusal_never_a_crash(raw: bytes) -> None:
    try:
        parse_card_text(raw)
    except CardTextError as refused:
        assert refused.code in ("E_CARD_QR_NOT_CARD", "E_CARD_QR_ENCODING")


@pytest.fixture(scope="session")
def card_pictures(tmp_path_factory: pytest.TempPathFactory) -> list[CardSample]:
    """The 220 pictures of cards: 120 phone photos, 60 1080p and 40 720p webcam frames."""
    return corpus(tmp_path_factory.mktemp("cards"))


@pytest.mark.slow
def test_pictures_as_they_arrive_are_read_and_every_field_exactly(card_pictures: list[CardSample]) -> None:
    read: dict[str, list[bool]] = {}
    for sample in card_pictures:
        try:
            card = card_from_picture(Picture.from_file(sample.path))
        except CtxhError as error:
            assert error.code == "E_CARD_NO_QR"
            read.setdefault(sample.kind, []).append(False)
            continue
        assert card == parse_card_text(sample.text)
        assert card.fields()["full_name"] == sample.card.full_name
        # A number that disagrees with its card is always flagged; one that agrees never is.
        assert bool(card.problems) == sample.bad_digits, sample.path.name
        read.setdefault(sample.kind, []).append(True)
    assert len(card_pictures) >= 200
    rate = {kind: sum(hits) / len(hits) for kind, hits in read.items()}
    assert rate["phone"] >= 0.99 and rate["1080p"] >= 0.95, rate


def test_a_picture_without_a_qr_and_a_picture_of_another_qr_are_told_apart(tmp_path: Path) -> None:
    import segno
    from PIL import Image

    blank = io.BytesIO()
    Image.new("RGB", (1280, 720), (200, 190, 180)).save(blank, "JPEG")
    with pytest.raises(CtxhError) as none:
        card_from_picture(Picture(blank.getvalue(), "anh-the.jpg"))
    assert none.value.code == "E_CARD_NO_QR" and none.value.params["file"] == "anh-the.jpg"
    other = io.BytesIO()
    segno.make("https://dichvucong.gov.vn").save(other, kind="png", scale=8)
    with pytest.raises(CtxhError) as not_card:
        card_from_picture(Picture(other.getvalue(), "ma-qr.png"))
    assert not_card.value.code == "E_CARD_QR_NOT_CARD"


def test_what_is_not_a_picture_or_is_a_bomb_is_refused_by_name(tmp_path: Path) -> None:
    import struct
    import zlib

    with pytest.raises(CtxhError) as text:
        read_qr_codes(Picture(b"%PDF-1.7 not a picture", "the.pdf"))
    assert text.value.code == "E_IMAGE_FORMAT"
    # A real PNG whose header is made to claim 100,000 × 100,000 pixels: refused from it, never decoded.
    from PIL import Image

    small = io.BytesIO()
    Image.new("L", (8, 8)).save(small, "PNG")
    chunk = b"IHDR" + struct.pack(">IIBBBBB", 100_000, 100_000, 8, 0, 0, 0, 0)
    png = small.getvalue()
    bomb = png[:8] + struct.pack(">I", 13) + chunk + struct.pack(">I", zlib.crc32(chunk)) + png[33:]
    with pytest.raises(CtxhError) as big:
        read_qr_codes(Picture(bomb, "bomb.png"))
    assert big.value.code == "E_IMAGE_TOO_LARGE"
    huge = tmp_path / "huge.jpg"
    huge.write_bytes(b"\xff\xd8" + b"\0" * (41 * 1024 * 1024))
    with pytest.raises(CtxhError) as large:
        Picture.from_file(huge)
    assert large.value.code == "E_IMAGE_TOO_LARGE"


def _card_picture(text: str, path: Path) -> Path:
    import segno

    segno.make(text, error="m").save(str(path), kind="png", scale=6)
    return path


def test_the_people_already_here_are_found_by_the_cccd_or_the_old_number(ctx) -> None:
    from desktop.core.services.cases import open_case
    from desktop.core.services.roster import create_worker

    case_id, _ = open_case(ctx, {"full_name": "Nguyễn Văn An", "old_national_id": "123456789"},
                           {"process_type": "TT02_2020", "opened_on": dt.date(2026, 3, 1)})
    create_worker(ctx, {"full_name": "Nguyễn Văn An", "national_id": "001089012345", "category": "CTV_CTXH",
                        "status": "DANG_LAM"})
    found = existing_people(ctx, parse_card_text(CHIP).fields())
    assert [p["full_name"] for p in found["beneficiaries"]] == ["Nguyễn Văn An"]
    assert found["beneficiaries"][0]["cases"][0]["id"] == case_id
    assert [w["full_name"] for w in found["workers"]] == ["Nguyễn Văn An"]
    assert existing_people(ctx, {"national_id": "079305000123"}) == {"beneficiaries": [], "workers": []}


def test_ctxh_card_read_is_the_dialogs_twin_and_keeps_nothing(tmp_path: Path, capsys) -> None:
    from desktop.cli.main import run
    from tests.conftest import make_profile

    profile = tmp_path / "profile"
    make_profile(profile).db.dispose()
    picture = _card_picture(CAN_CUOC, tmp_path / "zalo-anh-the.png")
    before = {p.relative_to(profile) for p in profile.rglob("*")}
    assert run(["--data-dir", str(profile), "card", "read", str(picture), "--find", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["fields"]["mother_name"] == "Lê Thị Hoa" and data["fields"]["id_issued_on"] == "2024-07-01"
    assert data["existing"] == {"beneficiaries": [], "workers": []}
    after = {p.relative_to(profile) for p in profile.rglob("*")}
    # No copy of the picture, nor a file of its own, is left in the profile.
    assert {p for p in after - before if not p.name.startswith("ctxh.sqlite3")} == set()
    raw = picture.read_bytes()[:4096]
    assert not any(raw in p.read_bytes() for p in profile.rglob("*") if p.is_file())
    assert run(["card", "read", str(_card_picture(CHIP.replace("|Nam|", "|Nữ|"), tmp_path / "b.png"))]) == 1
    out = capsys.readouterr().out
    assert "Nguyễn Văn An" in out and "không khớp giới tính" in out
    assert run(["card", "read", str(tmp_path / "missing.jpg"), "--lang", "en"]) == 2
    assert "Could not read the picture file “missing.jpg”" in capsys.readouterr().err


@settings(max_examples=150, deadline=None)
@given(st.integers(0, 4000), st.sampled_from([b"", b"\xff\xd8\xff\xe0", b"\x89PNG\r\n\x1a\n", b"RIFF", b"GIF89a"]),
       st.binary(max_size=300))
def test_damaged_and_random_pictures_give_a_message_never_a_crash(cut: int, magic: bytes, noise: bytes) -> None:
    """A photo cut short in the chat's download, or bytes that only begin like a picture."""
    import random

    from tests.card_corpus import picture

    whole = _SMALL.setdefault("jpeg", picture(parse_card_text(CHIP), "720p", (1280, 720), random.Random(1)))
    for data in (whole[:cut], magic + noise, whole[:cut] + noise):
        try:
            card_from_picture(Picture(data, "anh.jpg"))
        except CtxhError as error:
            assert error.code in ("E_IMAGE_FORMAT", "E_CARD_NO_QR", "E_IMAGE_TOO_LARGE"), error.code


_SMALL: dict[str, bytes] = {}
