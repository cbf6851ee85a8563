"""Shared fixtures: real profiles in temporary directories (real SQLite files, no mocks)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

PASSPHRASE = "mat-khau-thu-nghiem"


def make_profile(path: Path, commune: str = "00004", province: str = "01", user: str = "canbo"):
    """A freshly initialised profile (Hà Nội, Phường Ba Đình by default)."""
    from desktop.core.services.setup import SetupRequest, initialise_profile

    return initialise_profile(path, SetupRequest(province, commune, "Máy thử", user, PASSPHRASE))


@pytest.fixture
def ctx(tmp_path: Path):
    """An empty profile's context."""
    context = make_profile(tmp_path / "profile")
    yield context
    context.db.dispose()


@pytest.fixture(scope="session")
def demo_profile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A profile with 1,500 demo cases (seed 7), shared read-only by the tests that need volume."""
    from desktop.core.services.demo import generate

    path = tmp_path_factory.mktemp("demo") / "profile"
    context = make_profile(path)
    generate(context, cases=1500, workers=10, seed=7)
    context.db.dispose()
    return path
