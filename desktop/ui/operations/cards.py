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


def check_print(ctx: AppContext, *, path: Path | None = None, data: bytes | None = None,
                name: str = "") -> list[dict[str, Any]]:
    """The seals on a photo or scan of a printed paper, checked here: at the hub against every enrolled laptop
    and what the communes sent, on a laptop against its own and its peers' keys and its own records."""
    from desktop.core.qr_images import Picture
    from sync.hub.print_check import check_print_here

    return check_print_here(ctx, Picture.from_file(path) if path is not None else Picture(data or b"", name))
