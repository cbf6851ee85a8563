"""UUIDv7 record ids (RFC 9562): time-ordered, so new rows append to the index."""

from __future__ import annotations

import os
import random
import time
import uuid


def uuid7_from(ms: int, rand_a: int, rand_b: int) -> str:
    """A UUIDv7 string from its parts: 48-bit milliseconds, 12-bit rand_a, 62-bit rand_b."""
    value = (ms & ((1 << 48) - 1)) << 80
    value |= 0x7 << 76
    value |= (rand_a & 0xFFF) << 64
    value |= 0b10 << 62
    value |= rand_b & ((1 << 62) - 1)
    return str(uuid.UUID(int=value))


def new_id() -> str:
    """A fresh UUIDv7 from the clock and the system's random source."""
    rand = int.from_bytes(os.urandom(10), "big")
    return uuid7_from(time.time_ns() // 1_000_000, rand >> 62, rand)


class SeededIds:
    """Deterministic UUIDv7s for demo data: the same seed gives the same ids on every machine."""

    def __init__(self, seed: int, start_ms: int = 1_735_689_600_000) -> None:  # 2025-01-01 UTC
        self._rng = random.Random(seed)
        self._ms = start_ms

    def __call__(self) -> str:
        self._ms += 1
        return uuid7_from(self._ms, self._rng.getrandbits(12), self._rng.getrandbits(62))
