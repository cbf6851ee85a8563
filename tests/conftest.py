"""Shared fixtures: real profiles in temporary directories (real SQLite files, no mocks)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Hundreds of profiles are made: their passphrase wraps use tiny Argon2 parameters (recorded with each wrap).
# tests/test_security.py checks the real calibration once.
os.environ.setdefault("CTXH_TEST_WEAK_KDF", "1")

PASSPHRASE = "mat-khau-thu-nghiem"
# Commands run in-process (desktop.cli.main.run) sign in with it; the tests of signing in remove it.
os.environ.setdefault("CTXH_PASSPHRASE", PASSPHRASE)

EXIT_STATUS = pytest.StashKey[int]()


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


@pytest.fixture
def backend(qtbot):
    """A window backend (task runner, Vietnamese catalogue) with no profile open yet."""
    from PySide6.QtWidgets import QApplication

    from desktop.core.messages import set_language
    from desktop.ui.backend import Backend
    from desktop.ui.i18n import install_translator
    from desktop.ui.tasks import TaskRunner

    app = QApplication.instance()
    translator = install_translator(app, "vi")
    set_language("vi")
    from desktop.ui.gc_guard import GuiGarbageCollector

    runner = TaskRunner()
    collector = GuiGarbageCollector(runner=runner)  # as the app does: Qt objects are freed on the GUI thread
    yield Backend(runner)
    runner.wait_idle()
    runner.shutdown()
    collector.stop()
    if translator is not None:
        app.removeTranslator(translator)


def reopen(path: Path, user: str | None = None):
    """Sign in again to the profile at `path` as `user` (by default the account that made it), with the
    fixtures' passphrase."""
    from desktop.core.context import open_context
    from desktop.core.profile import Profile

    return open_context(path, user or Profile(path).read_settings()["last_user"], PASSPHRASE)


def raw_db(path: Path, user: str | None = None):
    """A bare DB-API connection to a profile's encrypted database (what a test needs to tamper with it)."""
    from desktop.core.db import driver
    from desktop.core.profile import Profile
    from desktop.core.vault import Vault, hex_key

    profile = Profile(path)
    key = Vault(path).unwrap(user or profile.read_settings()["last_user"], PASSPHRASE)
    conn = driver().connect(str(profile.db_path), isolation_level=None)
    conn.execute(f'PRAGMA key = "{hex_key(key)}"')
    return conn


def open_signed_in(backend, path: Path, user: str = "canbo"):
    """Open the profile at `path` into `backend`, signed in as the fixture officer (or `user`)."""
    from desktop.core.services.records import codebook

    ctx = reopen(path, user)
    backend.ctx, backend.codes = ctx, codebook(ctx)
    return ctx


def signed_in_window(qtbot, backend, path: Path, page: str, user: str = "canbo"):
    """The main window on the profile at `path`, signed in as `user`, shown on `page` and ready."""
    from desktop.ui.main_window import MainWindow

    open_signed_in(backend, path, user)
    win = MainWindow(backend, page)
    qtbot.addWidget(win)
    win.show()
    win.profile_ready("Phường Ba Đình, Thành phố Hà Nội", user)
    return win


def confirm_case_action(qtbot, page, button, fill=None, expect_refusal: str | None = None):
    """Press a case page's action button, answer its confirmation (fill(dialog) first) and wait: until the
    dialog closed and the write is done, or, with `expect_refusal`, until the dialog shows that text."""
    import shiboken6
    from PySide6.QtWidgets import QDialogButtonBox

    from desktop.ui.dialogs.case_action import CaseActionDialog

    button.click()
    qtbot.waitUntil(lambda: any(d.isVisible() for d in page.findChildren(CaseActionDialog)), timeout=5000)
    dialog = next(d for d in page.findChildren(CaseActionDialog) if d.isVisible())
    if fill is not None:
        fill(dialog)
    buttons = dialog.findChild(QDialogButtonBox)
    buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    if expect_refusal is not None:
        qtbot.waitUntil(lambda: expect_refusal in dialog.problem.text(), timeout=5000)
        dialog.reject()
        return
    qtbot.waitUntil(lambda: not shiboken6.isValid(dialog), timeout=5000)  # it deletes itself once done
    qtbot.waitUntil(lambda: not page.backend.runner._callbacks, timeout=5000)


def approver(name: str = "Nguyễn Văn Chủ"):
    """A fill() for the approval's confirmation: who signed it."""
    from PySide6.QtWidgets import QLineEdit

    def fill(dialog) -> None:
        dialog.findChild(QLineEdit, "approver_name").setText(name)
        dialog.findChild(QLineEdit, "decision_no").setText("21/QĐ-UBND")
    return fill


@pytest.fixture(scope="session")
def postgres_url():
    """A PostgreSQL server for the whole run (skips, saying why, where one cannot start)."""
    from tests.postgres import available, postgres_server

    reason = available()
    if reason:
        pytest.skip(f"PostgreSQL: {reason}")
    with postgres_server() as url:
        yield url


@pytest.fixture(params=["sqlite", "postgresql"])
def hub_db(request) -> str | None:
    """The hub's database: None for a SQLite file in its profile, or a new PostgreSQL database."""
    if request.param == "sqlite":
        return None
    import uuid

    from tests.postgres import new_database

    return new_database(request.getfixturevalue("postgres_url"), f"hub_{uuid.uuid4().hex[:12]}")


@pytest.fixture
def province(tmp_path: Path, hub_db: str | None):
    """A hub, two laptops of Ba Đình that know each other, one of Ngọc Hà; all enrolled."""
    from sync.hub import outbox
    from sync.hub.profile import card, init_hub
    from sync.keys import TrustStore
    from tests.sync_helpers import card_of, import_

    hub = init_hub(tmp_path / "hub", "01", "Sở Y tế Hà Nội", hub_db, user=("quantri", PASSPHRASE))
    a1 = make_profile(tmp_path / "a1", user="canbo_a1")
    a2 = make_profile(tmp_path / "a2", user="canbo_a2")
    b1 = make_profile(tmp_path / "b1", commune="00008", user="canbo_b1")
    for ctx in (a1, a2, b1):
        TrustStore(ctx.profile.root).add(card(hub), ctx.partition, ctx.device_id)
    TrustStore(a1.profile.root).add(card_of(a2), a1.partition, a1.device_id)
    TrustStore(a2.profile.root).add(card_of(a1), a2.partition, a2.device_id)
    for ctx in (a1, a2, b1):
        path = outbox.enrolment_bundle(hub, card_of(ctx), tmp_path / "enrol")
        assert import_(ctx, path)[0].ok
        assert TrustStore(ctx.profile.root).certificate()["partition"] == ctx.partition
    yield hub, a1, a2, b1
    for ctx in (hub, a1, a2, b1):
        ctx.db.dispose()



def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """Remember the run's exit status for pytest_unconfigure."""
    session.config.stash[EXIT_STATUS] = int(exitstatus)


@pytest.hookimpl(trylast=True)
def pytest_unconfigure(config: pytest.Config) -> None:
    """End the process with the run's own status once every report is written. With PySide6 6.12 on Python
    3.11 the interpreter's final teardown, after Qt tests, sometimes aborts ("bool_dealloc: deallocating True
    or False", exit 134) although every test passed — a reference-count fault inside the Qt bindings, seen on
    the code before this change as well, that no test of ours can reach."""
    status = config.stash.get(EXIT_STATUS, None)
    if status is not None:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(status)
