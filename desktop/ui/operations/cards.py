"""A citizen's card read from a picture for a dialog ("Đọc từ thẻ"): on the worker, never on the GUI thread."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from desktop.core.context import AppContext


def read_card_picture(ctx: AppContext, *, path: Path | None = None, data: bytes | None = None,
                      name: str = "") -> dict[str, Any]:
    """The card in a picture file (`path`) or in a picture's bytes (`data`, a pasted image), with the people
    already here who carry its numbers."""
    from desktop.core.qr_images import Picture
    from desktop.core.services.card_reading import read_card

    picture = Picture.from_file(path) if path is not None else Picture(data or b"", name)
    return read_card(ctx, picture)
