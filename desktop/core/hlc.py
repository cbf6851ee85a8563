"""Hybrid logical clock: versions that order edits across devices without trusting wall time.

A version is (wall milliseconds, logical counter, device id), written as a fixed-width string
so that comparing two strings compares the tuples. A device whose clock says 2015 still produces
versions above every version it has seen, so its edits are ordered after what it edited.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass

_MS_WIDTH = 13
_COUNTER_WIDTH = 6


@dataclass(frozen=True, order=True)
class Version:
    """One HLC timestamp; ordering is (ms, counter, device)."""

    ms: int
    counter: int
    device: str

    def __str__(self) -> str:
        return f"{self.ms:0{_MS_WIDTH}d}.{self.counter:0{_COUNTER_WIDTH}d}.{self.device}"

    @classmethod
    def parse(cls, text: str) -> Version:
        """Read a version written by str(); raises ValueError on anything else."""
        ms, counter, device = text.split(".", 2)
        if len(ms) != _MS_WIDTH or len(counter) != _COUNTER_WIDTH or not device:
            raise ValueError(f"not an HLC version: {text!r}")
        return cls(int(ms), int(counter), device)


class HybridClock:
    """Issues strictly increasing versions for one device; thread-safe."""

    def __init__(self, device: str, last: str | None = None, wall_ms=None) -> None:
        self.device = device
        self._wall_ms = wall_ms or (lambda: time.time_ns() // 1_000_000)
        self._lock = threading.Lock()
        self._last = Version.parse(last) if last else Version(0, 0, device)

    def now(self) -> str:
        """A new version above every version this clock has issued or observed."""
        with self._lock:
            wall = self._wall_ms()
            if wall > self._last.ms:
                self._last = Version(wall, 0, self.device)
            else:
                self._last = Version(self._last.ms, self._last.counter + 1, self.device)
            return str(self._last)

    def observe(self, remote: str) -> None:
        """Move past a version received from another device, so later local edits order after it."""
        seen = Version.parse(remote)
        with self._lock:
            if (seen.ms, seen.counter) > (self._last.ms, self._last.counter):
                self._last = Version(seen.ms, seen.counter, self.device)
