"""The larger-text setting: the style sheet's font sizes scaled by a chosen per cent."""

from __future__ import annotations

import re

TEXT_SIZES = (100, 115, 130)  # per cent of the system's font: Cài đặt › Cỡ chữ


def scaled_style(style: str, percent: object) -> str:
    """The style sheet with every font size scaled (a larger-text setting for officers who need it: the
    sheet names its sizes in points, so scaling the application's font alone would change nothing)."""
    size = percent if isinstance(percent, int) and percent in TEXT_SIZES else 100
    if size == 100:
        return style
    return re.sub(r"font-size:\s*(\d+(?:\.\d+)?)pt", lambda m: f"font-size: {float(m[1]) * size / 100:.1f}pt", style)

