"""First-run setup of a laptop: the profile (desktop.core.services.setup), then this laptop's keys."""

from __future__ import annotations

from pathlib import Path

from desktop.core.context import AppContext
from desktop.core.services.setup import SetupRequest, initialise_profile
from sync.keys import load_device_keys


def set_up_laptop(data_dir: Path, request: SetupRequest) -> AppContext:
    """Create the profile in `data_dir` and this laptop's signing and receiving keys (made once, here, so
    that the device card can be read out at once)."""
    ctx = initialise_profile(data_dir, request)
    load_device_keys(ctx.profile.root)
    return ctx
