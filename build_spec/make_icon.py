"""Draw the app's icon (a house and a heart on the teal of the sidebar: a commune's social work) at the sizes
Windows asks for, into resources/icons/ctxh.ico and ctxh.png. Run once when the icon changes; the files are
committed, so a build needs no drawing.

    QT_QPA_PLATFORM=offscreen python build_spec/make_icon.py
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter, QPainterPath, QPen

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "resources" / "icons"
TEAL, ORANGE, WHITE = QColor("#0f4c5c"), QColor("#e36414"), QColor("#ffffff")


def draw(size: int) -> QImage:
    """The icon at `size`×`size` pixels."""
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    s = size / 256
    p.setBrush(TEAL)
    p.setPen(Qt.PenStyle.NoPen)
    p.drawRoundedRect(QRectF(8 * s, 8 * s, 240 * s, 240 * s), 44 * s, 44 * s)
    house = QPainterPath()
    house.moveTo(128 * s, 44 * s)
    house.lineTo(216 * s, 120 * s)
    house.lineTo(192 * s, 120 * s)
    house.lineTo(192 * s, 208 * s)
    house.lineTo(64 * s, 208 * s)
    house.lineTo(64 * s, 120 * s)
    house.lineTo(40 * s, 120 * s)
    house.closeSubpath()
    p.setBrush(WHITE)
    p.drawPath(house)
    heart = QPainterPath()
    top = QPointF(128 * s, 142 * s)
    heart.moveTo(top)
    heart.cubicTo(128 * s, 116 * s, 88 * s, 116 * s, 92 * s, 146 * s)
    heart.cubicTo(96 * s, 166 * s, 118 * s, 176 * s, 128 * s, 190 * s)
    heart.cubicTo(138 * s, 176 * s, 160 * s, 166 * s, 164 * s, 146 * s)
    heart.cubicTo(168 * s, 116 * s, 128 * s, 116 * s, 128 * s, 142 * s)
    p.setBrush(ORANGE)
    p.setPen(QPen(ORANGE, max(1.0, 2 * s)))
    p.drawPath(heart)
    p.end()
    return image


def main() -> None:
    """Write the PNG (256 px, the window's icon) and the ICO (16 to 256 px, the .exe's and the installer's)."""
    _app = QGuiApplication([])
    OUT.mkdir(parents=True, exist_ok=True)
    draw(256).save(str(OUT / "ctxh.png"))
    # Qt's ICO writer stores one image per file; Windows wants several sizes in one: write the ICO by hand
    # (a directory of PNG images, which Windows reads since Vista).
    import struct

    from PySide6.QtCore import QBuffer, QIODevice

    sizes = (16, 24, 32, 48, 64, 128, 256)
    blobs = []
    for size in sizes:
        buffer = QBuffer()
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        draw(size).save(buffer, "PNG")
        blobs.append(bytes(buffer.data()))
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = 6 + 16 * len(sizes)
    entries = b""
    for size, blob in zip(sizes, blobs, strict=True):
        entries += struct.pack("<BBBBHHII", size % 256, size % 256, 0, 0, 1, 32, len(blob), offset)
        offset += len(blob)
    (OUT / "ctxh.ico").write_bytes(header + entries + b"".join(blobs))
    print("wrote", OUT / "ctxh.png", OUT / "ctxh.ico")


if __name__ == "__main__":
    main()
