"""The real main window on a PostgreSQL server frozen with SIGSTOP: the app answers in seconds.

Before the timeouts a save stayed on "Saving…" for minutes. Here a form save fails within the
command timeout and keeps what was typed; a refresh shows the "cannot reach" banner with Retry;
after SIGCONT, Retry brings the rows back and the same form saves. The server is a private one
(tests/frozen_postgres.py), so the shared test server keeps answering for everyone else.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop_app.config import load_settings
from desktop_app.gui import DatabaseOpener
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.user_dialog import UserDialog
from tests.frozen_postgres import FrozenPostgres, frozen_postgres
from tests.ui.helpers import Consent, Run, seed
from tests.ui.test_main_window import cell, closed, find_dialog, wait_rows
from tests.ui.windows import show_window

CONNECT_S = 1.5
COMMAND_S = 2.5
# The longest a failure may take: the command timeout, SQLAlchemy's ~2 s graceful close of the
# stuck connection, and slack for a busy machine.
WITHIN_S = COMMAND_S + 2.0 + 3.0

# Without the timeouts the save hangs for good: fail the test instead of the whole run.
pytestmark = [pytest.mark.postgres, pytest.mark.timeout(90)]


@pytest.fixture
def server() -> Iterator[FrozenPostgres]:
    with frozen_postgres() as started:  # thawed and stopped on the way out, even on failure
        yield started


@pytest.fixture
def window(
    qtbot: QtBot, run: Run, server: FrozenPostgres, tmp_path: Path, consent: Consent
) -> Iterator[MainWindow]:
    settings = load_settings(
        DATABASE_URL=server.url, DB_CONNECT_TIMEOUT=CONNECT_S, DB_COMMAND_TIMEOUT=COMMAND_S
    )
    opener = DatabaseOpener(settings)
    win = show_window(qtbot, opener, tmp_path / "ui.ini")
    consent("Create")  # a database the app has not set up: it asks first
    assert run(win.open(None))
    try:
        yield win
    finally:
        server.thaw()  # the window closes its connections on a server that answers
        run(win.shutdown())


def wait_timed(qtbot: QtBot, condition: object) -> float:
    """Wait for ``condition`` (for longer than WITHIN_S, so a slow failure is measured, not
    cut off) and return the seconds it took."""
    started = time.monotonic()
    qtbot.waitUntil(condition, timeout=int(WITHIN_S * 3_000))  # type: ignore[arg-type]
    return time.monotonic() - started


def test_frozen_server_fails_fast_keeps_the_input_and_retry_recovers(
    window: MainWindow, server: FrozenPostgres, run: Run, qtbot: QtBot
) -> None:
    run(seed(window.database, users=3))  # type: ignore[arg-type]
    window.refresh()
    wait_rows(qtbot, window.users_model, 3)

    window.act_new_user.trigger()
    dialog = find_dialog(UserDialog)
    assert isinstance(dialog, UserDialog)
    qtbot.keyClicks(dialog.email, "ann@example.org")
    qtbot.keyClicks(dialog.username, "ann")
    qtbot.keyClicks(dialog.password, "a good password")
    qtbot.keyClicks(dialog.confirm, "a good password")
    dialog.bio.setPlainText("Typed while the server was frozen")

    server.freeze()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.save_button.text() == "Saving…", timeout=2_000)
    elapsed = wait_timed(qtbot, lambda: dialog.errors.general != "")
    assert elapsed <= WITHIN_S, f"the save failed after {elapsed:.1f} s"
    assert "did not answer within" in dialog.errors.general
    assert "input is kept" in dialog.errors.general
    assert dialog.isVisible()
    assert (dialog.email.text(), dialog.username.text(), dialog.password.text()) == (
        "ann@example.org",
        "ann",
        "a good password",
    )
    assert dialog.bio.toPlainText() == "Typed while the server was frozen"
    assert dialog.save_button.isEnabled() and dialog.save_button.text() == "Save"

    window.act_refresh.trigger()
    elapsed = wait_timed(qtbot, window.banner.isVisible)
    assert elapsed <= WITHIN_S, f"the banner appeared after {elapsed:.1f} s"
    assert "did not answer within" in window.banner.message.text()
    assert window.banner.retry.isVisible() and window.banner.retry.isEnabled()

    server.thaw()
    qtbot.mouseClick(window.banner.retry, Qt.MouseButton.LeftButton)
    wait_rows(qtbot, window.users_model, 3)
    assert cell(window.users_model, 0, 0) == "user2"
    assert not window.banner.isVisible()

    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)  # the kept input, saved
    qtbot.waitUntil(lambda: closed(dialog), timeout=10_000)
    wait_rows(qtbot, window.users_model, 4)
    assert cell(window.users_model, 0, 0) == "ann"
    assert cell(window.users_model, 0, 3) == "Typed while the server was frozen"
