"""QR codes read from a picture: a phone photo of a citizen's card sent over chat, a webcam frame, a scan or a
photo of a printed form.

The picture is opened with Pillow (JPEG, PNG, WebP, BMP, GIF, TIFF; never more than MAX_PIXELS, so a
decompression bomb is refused before it is decoded) and handed to zxing-cpp. A phone's 12-megapixel JPEG is
decoded at half its size (the JPEG's own reduced-size decoding, several times faster than decoding it whole):
a card's QR still has several pixels a module there. Only when nothing is found is the picture read again at
full size. The picture is read from memory and never written anywhere.
"""

from __future__ import annotations

import io
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.core.errors import CtxhError

if TYPE_CHECKING:
    from PIL.Image import Image

FORMATS = frozenset({"JPEG", "MPO", "PNG", "WEBP", "BMP", "GIF", "TIFF"})
MAX_BYTES = 40 * 1024 * 1024
MAX_PIXELS = 60_000_000  # a 48-megapixel phone camera's photo, with room
WORK_SIDE = 1800  # the long side a large photo is first decoded at
UPSCALE_BELOW = 2000  # pixels, the long side of a picture worth enlarging when nothing is found


@dataclass(frozen=True)
class Picture:
    """A picture's bytes and the name to speak of it by in a message."""

    data: bytes
    name: str

    @classmethod
    def from_file(cls, path: Path) -> Picture:
        """Read a picture file (E_IMAGE_READ, E_IMAGE_TOO_LARGE naming the file)."""
        try:
            size = path.stat().st_size
            if size > MAX_BYTES:
                raise CtxhError("E_IMAGE_TOO_LARGE", file=path.name)
            return cls(path.read_bytes(), path.name)
        except OSError:
            raise CtxhError("E_IMAGE_READ", file=path.name) from None


def _open(picture: Picture) -> Image:
    from PIL import Image as PILImage

    if len(picture.data) > MAX_BYTES:
        raise CtxhError("E_IMAGE_TOO_LARGE", file=picture.name)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", PILImage.DecompressionBombWarning)
            image = PILImage.open(io.BytesIO(picture.data))
    except (PILImage.DecompressionBombError, PILImage.DecompressionBombWarning):
        raise CtxhError("E_IMAGE_TOO_LARGE", file=picture.name) from None
    except (OSError, ValueError, SyntaxError):
        raise CtxhError("E_IMAGE_FORMAT", file=picture.name) from None
    if image.format not in FORMATS:
        raise CtxhError("E_IMAGE_FORMAT", file=picture.name)
    width, height = image.size
    if width * height > MAX_PIXELS or width < 1 or height < 1:
        raise CtxhError("E_IMAGE_TOO_LARGE", file=picture.name)
    return image


def _gray(picture: Picture, side: int | None) -> Image:
    """The picture in grey, its long side reduced towards `side` by the JPEG decoder itself when it can."""
    image = _open(picture)
    if side is not None and image.format in ("JPEG", "MPO") and max(image.size) > side * 2:
        scale = side / max(image.size)
        image.draft("L", (int(image.size[0] * scale), int(image.size[1] * scale)))
    try:
        return image.convert("L")
    except (OSError, ValueError, SyntaxError):
        raise CtxhError("E_IMAGE_FORMAT", file=picture.name) from None


def _attempts(picture: Picture) -> Iterator[Image]:
    """The picture as zxing is given it, cheapest first: reduced (a large JPEG), whole, then for a small
    picture (a 720p webcam frame, a chat app's copy) enlarged twice, which finds QR codes of two or three
    pixels a module that zxing misses at their own size."""
    from PIL.Image import Resampling

    reduced = _gray(picture, WORK_SIDE)
    yield reduced
    whole = _gray(picture, None)
    if whole.size != reduced.size:
        yield whole
    width, height = whole.size
    if max(width, height) <= UPSCALE_BELOW:
        yield whole.resize((width * 2, height * 2), Resampling.BICUBIC)


def read_qr_codes(picture: Picture) -> list[bytes]:
    """The bytes of every QR code found in the picture, as encoded (the caller decodes the text: a card's QR is
    UTF-8 whatever zxing would guess). Empty when there is none."""
    import zxingcpp

    for image in _attempts(picture):
        found = zxingcpp.read_barcodes(image, formats=zxingcpp.barcode_formats_from_str("QRCode"))
        if found:
            return [bytes(code.bytes) for code in found]
    return []
