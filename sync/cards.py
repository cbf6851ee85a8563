"""Cards as an officer handles them: this laptop's card saved to a file (for the province or a second laptop
of the commune), and a card received as a file, checked and trusted. The command line and the window use the
same functions, so a refusal reads the same in both."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from desktop.core.context import AppContext
from desktop.core.errors import CtxhError
from sync.keys import TrustError, TrustStore, device_card, load_device_keys


def this_laptop_card(ctx: AppContext) -> dict[str, Any]:
    """This laptop's public card: its name, commune, keys and the fingerprint to read aloud."""
    return device_card(load_device_keys(ctx.profile.root), ctx.device_id, ctx.device_name, ctx.partition)


def save_this_laptop_card(ctx: AppContext, path: Path) -> dict[str, Any]:
    """Write this laptop's card to `path` (whole or not at all) and return it."""
    from desktop.core.files import replace_atomically

    card = this_laptop_card(ctx)
    text = json.dumps(card, ensure_ascii=False, indent=2)
    replace_atomically(path, lambda partial: partial.write_text(text, encoding="utf-8"))
    return card


def read_card_file(path: Path) -> Any:
    """The JSON of a card file; E_CARD (naming the file) when it cannot be read as JSON."""
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError, UnicodeDecodeError):
        raise CtxhError("E_CARD", file=path.name) from None


def check_card_file(path: Path) -> dict[str, Any]:
    """A card file read and checked (its kind, keys and fingerprint), not installed: what the window shows
    before the officer confirms the fingerprint with the sender."""
    from sync.keys import check_card

    try:
        return check_card(read_card_file(path))
    except TrustError as error:
        raise CtxhError(error.code, detail=error.detail) from None


def trust_card_file(ctx: AppContext, path: Path) -> dict[str, Any]:
    """Install the card in `path`: the province's (hub) card, or another laptop of this commune's."""
    card = read_card_file(path)
    try:
        return TrustStore(ctx.profile.root).add(card, ctx.partition, ctx.device_id)
    except TrustError as error:
        raise CtxhError(error.code, detail=error.detail) from None


def trusted_cards(ctx: AppContext) -> list[dict[str, Any]]:
    """The cards this laptop trusts: the province's first, then the commune's other laptops."""
    store = TrustStore(ctx.profile.root)
    hub = store.hub()
    return ([hub] if hub else []) + list(store.peers().values())
