from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop_app.ui.connection_dialog import ConnectionDialog, sqlite_url
from tests.ui.helpers import Run


async def ok(url: str) -> str:
    return f"Connected to {url[:10]}"


async def fails(url: str) -> str:
    raise ConnectionRefusedError("Could not connect to the database: refused")


def make(qtbot: QtBot, url: str, tester: object = ok) -> ConnectionDialog:
    dialog = ConnectionDialog(current_url=url, test_connection=tester)  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_prefills_from_a_postgres_url(qtbot: QtBot, event_loop_qt: object) -> None:
    dialog = make(qtbot, "postgresql+asyncpg://ann%40corp:p%3Ass@db.local:5433/site?ssl=require")
    assert dialog.postgres_radio.isChecked()
    assert dialog.pages.currentIndex() == 1
    assert (dialog.pg_host.text(), dialog.pg_port.value(), dialog.pg_database.text()) == (
        "db.local",
        5433,
        "site",
    )
    assert (dialog.pg_user.text(), dialog.pg_password.text()) == ("ann@corp", "p:ss")
    assert dialog.pg_ssl.currentText() == "require"
    assert dialog.pg_password.echoMode() == dialog.pg_password.EchoMode.Password
    assert dialog.url() == "postgresql+asyncpg://ann%40corp:p%3Ass@db.local:5433/site?ssl=require"


def test_prefills_from_a_sqlite_url_and_applies(
    qtbot: QtBot, event_loop_qt: object, tmp_path: Path
) -> None:
    dialog = make(qtbot, f"sqlite+aiosqlite:///{tmp_path}/a.db")
    assert dialog.sqlite_radio.isChecked()
    assert dialog.sqlite_path.text() == f"{tmp_path}/a.db"
    with qtbot.waitSignal(dialog.url_chosen) as chosen:
        qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    assert chosen.args == [f"sqlite+aiosqlite:///{tmp_path}/a.db"]


def test_missing_fields_are_marked_and_typing_is_kept(qtbot: QtBot, event_loop_qt: object) -> None:
    dialog = make(qtbot, "")
    dialog.postgres_radio.setChecked(True)
    qtbot.keyClicks(dialog.pg_user, "ann")
    with qtbot.assertNotEmitted(dialog.url_chosen):
        qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    assert "host" in dialog.errors.message("host")
    assert "database name" in dialog.errors.message("database")
    assert dialog.pg_user.text() == "ann"
    assert dialog.isVisible()
    dialog.pg_host.setText("localhost")
    dialog.pg_database.setText("site")
    dialog.pg_ssl.setCurrentText("disable")
    with qtbot.waitSignal(dialog.url_chosen) as chosen:
        qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    assert chosen.args == ["postgresql+asyncpg://ann@localhost:5432/site?ssl=disable"]


@pytest.mark.parametrize(("tester", "expected"), [(ok, "Connected to"), (fails, "refused")])
def test_test_connection_reports_and_reenables(
    qtbot: QtBot, event_loop_qt: object, tester: object, expected: str
) -> None:
    dialog = make(qtbot, "postgresql+asyncpg://u@h/db", tester)
    qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: expected in dialog.test_result.text(), timeout=5_000)
    assert dialog.test_button.isEnabled()


def test_test_button_is_disabled_while_testing(qtbot: QtBot, run: Run) -> None:
    release = asyncio.Event()

    async def slow(url: str) -> str:
        await release.wait()
        return "Connected"

    dialog = make(qtbot, "postgresql+asyncpg://u@h/db", slow)
    qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.test_button.isEnabled())
    assert dialog.test_result.text() == "Connecting…"
    release.set()
    qtbot.waitUntil(dialog.test_button.isEnabled)
    assert dialog.test_result.text() == "Connected"


@pytest.mark.parametrize("name", ["what?.db", "100%.db", "#1 data.db", "a b/c?d%25#e.db"])
def test_a_sqlite_path_is_one_file_whatever_it_holds(run: Run, tmp_path: Path, name: str) -> None:
    """Issue #9 item 7: the URL built for a path opens exactly that path."""
    from desktop_app import bootstrap
    from desktop_app.config import load_settings

    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    settings = load_settings(DATABASE_URL=sqlite_url(str(path)))
    database = run(bootstrap.open_database(settings))  # no question: creates the file
    run(database.close())
    assert path.exists()
    assert sorted(p.name for p in path.parent.iterdir() if p.suffix != ".db-journal") == [path.name]
    dialog = ConnectionDialog(current_url=settings.DATABASE_URL, test_connection=ok)
    assert dialog.sqlite_path.text() == str(path)  # and it reads back as typed
    dialog.deleteLater()
