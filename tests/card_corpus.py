"""Pictures of citizens' cards as an officer receives them, made with known contents (issue 18).

Each sample is a card (the chip CCCD's front or the căn cước's back, its QR in place, text lines, a portrait
and a chip) lying on a desk or held to a webcam: turned up to ±20°, a little out of focus, unevenly lit, in
sensor noise, saved as JPEG at quality 50–90. Three sets:

- phone photos as they arrive over chat: 12-megapixel originals (either way up), and the 2560 and 1280-pixel
  copies Zalo and Messenger send on;
- 1080p webcam frames, the card held at 45–70% of the frame's width;
- 720p webcam frames, the same.

The contents are drawn from Vietnamese names and places with numbers whose digits agree with the birth date
and sex; `bad_digits=True` samples carry a number that disagrees (a misread or a forgery to flag).
"""

from __future__ import annotations

import datetime as dt
import io
import random
from dataclasses import dataclass
from pathlib import Path

from desktop.core.domain.citizen_card import LAYOUT_CAN_CUOC, LAYOUT_CHIP, PROVINCE_CODES, CardData, card_text

FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô",
          "Dương", "Lý", "Đinh", "Lò", "Hà", "Sùng"]
MIDDLE_M, MIDDLE_F = ["Văn", "Đức", "Minh", "Quốc", "Hữu", "Thành"], ["Thị", "Ngọc", "Thu", "Thanh", "Bích", "Kim"]
GIVEN_M = ["An", "Bình", "Cường", "Dũng", "Hùng", "Khoa", "Long", "Nam", "Phúc", "Quân", "Sơn", "Tuấn", "Việt"]
GIVEN_F = ["Anh", "Chi", "Diệp", "Hà", "Hằng", "Hương", "Lan", "Linh", "Mai", "Ngọc", "Thảo", "Trang", "Yến"]
PLACES = ["Thôn Đông, Xã Tân Lập, Tỉnh Phú Thọ", "Số 12 ngõ 34 phố Hàng Bạc, Phường Hoàn Kiếm, Thành phố Hà Nội",
          "Tổ 5, Phường Đồng Xuân, Thành phố Hà Nội", "Bản Nà Phặc, Xã Ngân Sơn, Tỉnh Cao Bằng",
          "Ấp Phú Hòa, Xã Long Điền, Tỉnh Cà Mau", "Khu phố 3, Phường Sài Gòn, Thành phố Hồ Chí Minh",
          "Xóm 7, Xã Diễn Châu, Tỉnh Nghệ An", "Thôn Trung Yên, Xã Hòa Vang, Thành phố Đà Nẵng"]
# 12-megapixel originals, and the copies chat apps send on (Zalo: 2560 "HD" or 1280 pixels the long side).
PHONE_SIZES = [(4032, 3024), (3024, 4032), (2560, 1920), (1920, 2560), (1600, 1200), (1280, 960), (960, 1280)]


@dataclass(frozen=True)
class CardSample:
    """One picture and what its QR says."""

    path: Path
    kind: str  # phone, 1080p, 720p
    card: CardData
    text: str
    bad_digits: bool


def person(rng: random.Random, layout: str, bad_digits: bool = False) -> CardData:
    """A citizen with a card number that agrees with their birth date and sex (unless `bad_digits`)."""
    female = rng.random() < 0.5
    name = " ".join([rng.choice(FAMILY), rng.choice(MIDDLE_F if female else MIDDLE_M),
                     rng.choice(GIVEN_F if female else GIVEN_M)])
    born = dt.date(1930, 1, 1) + dt.timedelta(days=rng.randrange(0, 365 * 93))
    digit = (born.year - 1900) // 100 * 2 + (1 if female else 0)
    number = f"{rng.choice(sorted(PROVINCE_CODES))}{digit}{born.year % 100:02d}{rng.randrange(10**6):06d}"
    if bad_digits:
        spoil = rng.choice(("sex", "year", "province"))
        if spoil == "sex":
            number = number[:3] + str(digit ^ 1) + number[4:]
        elif spoil == "year":
            number = number[:4] + f"{(born.year + 7) % 100:02d}" + number[6:]
        else:
            number = "003" + number[3:]
    issued = dt.date(2021, 3, 1) + dt.timedelta(days=rng.randrange(0, 1700))
    old = f"{rng.randrange(10**8, 10**9)}" if rng.random() < 0.6 and born.year < 2005 else None
    can_cuoc = layout == LAYOUT_CAN_CUOC
    parents = can_cuoc and rng.random() < 0.5
    return CardData(
        national_id=number, old_national_id=old, full_name=name, birth_date=born, gender="NU" if female else "NAM",
        address=rng.choice(PLACES), id_issued_on=issued, layout=layout,
        cancelled_id=(old or f"{rng.randrange(10**11, 10**12)}") if can_cuoc and rng.random() < 0.7 else None,
        father_name=f"{rng.choice(FAMILY)} {rng.choice(MIDDLE_M)} {rng.choice(GIVEN_M)}" if parents else None,
        mother_name=f"{rng.choice(FAMILY)} {rng.choice(MIDDLE_F)} {rng.choice(GIVEN_F)}" if parents else None)


def _card_image(text: str, layout: str, rng: random.Random, width: int) -> object:
    """The card at `width` pixels (85.6 × 54 mm), its QR where each kind of card has it."""
    import segno
    from PIL import Image, ImageDraw

    height = round(width * 54 / 85.6)
    tint = (214, 228, 240) if layout == LAYOUT_CHIP else (228, 226, 218)
    card = Image.new("RGB", (width, height), tint)
    draw = ImageDraw.Draw(card)
    for y in range(0, height, max(1, height // 40)):  # the guilloche's faint bands
        shade = tuple(max(0, c - rng.randrange(0, 14)) for c in tint)
        draw.rectangle([0, y, width, y + height // 80], fill=shade)
    qr = segno.make(text, error="m", micro=False)
    qr_side = round(width * (0.19 if layout == LAYOUT_CHIP else 0.23))
    modules = qr.symbol_size(scale=1, border=2)[0]
    buffer = io.BytesIO()
    qr.save(buffer, kind="png", scale=max(1, qr_side // modules + 1), border=2)
    code = Image.open(io.BytesIO(buffer.getvalue())).convert("RGB").resize((qr_side, qr_side), Image.Resampling.NEAREST)
    at = (width - qr_side - width // 25, height // 12) if layout == LAYOUT_CHIP else (width // 25, height // 10)
    card.paste(code, at)
    if layout == LAYOUT_CHIP:
        draw.rectangle([width // 25, height // 3, width // 4, height * 5 // 6], fill=(150, 160, 175))  # portrait
    else:
        draw.rectangle([width * 3 // 5, height // 8, width * 4 // 5, height // 3], fill=(200, 170, 90))  # chip
    left = width * 3 // 10 if layout == LAYOUT_CHIP else width // 25
    top = height * 12 // 25 if layout == LAYOUT_CHIP else height * 3 // 5
    for i in range(6):  # the printed lines, clear of the QR as on a real card
        y = top + i * height // 14
        draw.rectangle([left, y, left + rng.randrange(width // 5, width // 2), y + height // 40], fill=(40, 40, 60))
    return card


_NOISE: dict[tuple[int, int], object] = {}


def _noise(size: tuple[int, int]) -> object:
    """Sensor noise of a frame size (made once a size: Pillow's noise is the slowest step of a picture)."""
    from PIL import Image

    if size not in _NOISE:
        _NOISE[size] = Image.effect_noise((size[0] // 2, size[1] // 2), 10).resize(size).convert("RGB")
    return _NOISE[size]


def _desk(size: tuple[int, int], rng: random.Random) -> object:
    from PIL import Image

    desk = Image.new("RGB", size, tuple(rng.randrange(90, 200) for _ in range(3)))
    return Image.blend(desk, _noise(size), 0.2)


def picture(card: CardData, kind: str, size: tuple[int, int], rng: random.Random) -> bytes:
    """A JPEG of the card lying on a desk (phone) or held to a webcam, turned, blurred, lit and compressed."""
    from PIL import Image, ImageEnhance, ImageFilter

    fraction = rng.uniform(0.55, 0.9) if kind == "phone" else rng.uniform(0.45, 0.7)
    card_width = round(min(size) * fraction * (1.0 if size[0] < size[1] else 1.25))
    card_width = min(card_width, round(size[0] * 0.92))
    image = _card_image(card_text(card), card.layout, rng, card_width)
    scale = max(size) / 1920
    # Out of focus: the card is blurred, not the desk around it (the same to the reader, and far cheaper).
    radius = rng.uniform(0.0, 1.4) * scale if kind == "phone" else rng.uniform(0.0, 0.9)
    if radius > 0.2:
        image = image.filter(ImageFilter.GaussianBlur(radius))
    turned = image.convert("RGBA").rotate(rng.uniform(-20, 20), resample=Image.Resampling.BILINEAR, expand=True)
    frame = _desk(size, rng)
    x = rng.randrange(0, max(1, size[0] - turned.width))
    y = rng.randrange(0, max(1, size[1] - turned.height))
    frame.paste(turned, (x, y), turned)
    frame = ImageEnhance.Brightness(frame).enhance(rng.uniform(0.75, 1.2))
    frame = Image.blend(frame, _noise(size), rng.uniform(0.03, 0.08))
    out = io.BytesIO()
    frame.save(out, "JPEG", quality=rng.randrange(50, 91))
    return out.getvalue()


def _make(job: tuple[Path, CardData, str, tuple[int, int], str]) -> None:
    path, card, kind, size, seed = job
    path.write_bytes(picture(card, kind, size, random.Random(seed)))


def corpus(directory: Path, phone: int = 120, hd: int = 60, sd: int = 40, seed: int = 18) -> list[CardSample]:
    """Write the three sets into `directory` (pictures already there are kept) and describe them. The pictures
    are made in a pool of processes, each with its own draws, so they are the same however many there are."""
    from concurrent.futures import ProcessPoolExecutor

    rng = random.Random(seed)
    directory.mkdir(parents=True, exist_ok=True)
    plan = ([("phone", PHONE_SIZES[i % len(PHONE_SIZES)]) for i in range(phone)]
            + [("1080p", (1920, 1080))] * hd + [("720p", (1280, 720))] * sd)
    samples, jobs = [], []
    for i, (kind, size) in enumerate(plan):
        layout = LAYOUT_CHIP if i % 2 == 0 else LAYOUT_CAN_CUOC
        bad = i % 10 == 7
        card = person(rng, layout, bad_digits=bad)
        path = directory / f"{i:03d}-{kind}.jpg"
        if not path.exists():
            jobs.append((path, card, kind, size, f"{seed}-{i}"))
        samples.append(CardSample(path, kind, card, card_text(card), bad))
    if jobs:
        with ProcessPoolExecutor() as pool:
            list(pool.map(_make, jobs, chunksize=8))
    return samples
