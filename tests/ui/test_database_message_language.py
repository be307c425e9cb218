"""What the database layer, the settings and the opening of a database say, in the window's
language (issue #13, item 4): a database that cannot be reached, a change it refuses, a file
that is no backup, a bad setting and a read-only view's notice are German in the German window
and English in the English one, with what the driver or the system says of its own kept as it
is inside the translated sentence; ``str()`` (the command line, logs) stays English."""

from __future__ import annotations

import contextlib
import socket
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMenu
from pytestqt.qtbot import QtBot
from sqlalchemy import create_engine, exc, text

from desktop_app.backups import DatabaseBackups
from desktop_app.config import SettingsError, load_settings, load_settings_with_url
from desktop_app.domain.errors import StorageError
from desktop_app.gui import DatabaseOpener
from desktop_app.infrastructure.database.error_translation import ServerTimeoutError, translate
from desktop_app.ui.backup_flow import BackupFlow
from desktop_app.ui.connection_dialog import ConnectionDialog
from desktop_app.ui.i18n import Translations
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.messages import error_text
from tests.ui.helpers import Run
from tests.ui.test_backup_flow import open_as
from tests.ui.windows import show_window


@pytest.fixture(params=["de", "en"])
def language(request: pytest.FixtureRequest) -> str:
    """The window's language for the test: German, then English."""
    request.getfixturevalue("german" if request.param == "de" else "english")
    return str(request.param)


def words(language: str, german: str, english: str) -> str:
    return german if language == "de" else english


@pytest.fixture
def shown(qtbot: QtBot, run: Run, tmp_path: Path) -> Iterator[Callable[[str], MainWindow]]:
    """A window (built in the test's language) whose configured database is ``url``."""
    windows: list[MainWindow] = []

    def make(url: str) -> MainWindow:
        window = show_window(qtbot, DatabaseOpener(database_url=url), tmp_path / "ui.ini")
        windows.append(window)
        return window

    yield make
    for window in windows:
        run(window.shutdown())


def free_port() -> int:
    """A local port nothing listens on (bound, then let go)."""
    with contextlib.closing(socket.socket()) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_an_unreachable_server_is_said_in_the_window_language(
    language: str, shown: Callable[[str], MainWindow], run: Run
) -> None:
    window = shown(f"postgresql+asyncpg://ann@127.0.0.1:{free_port()}/blog")
    assert not run(window.open(None))
    said = window.banner.message.text()
    assert said.startswith(
        words(
            language,
            "Die Datenbank konnte nicht geöffnet werden. Keine Verbindung zur Datenbank: ",
            "Could not open the database. Could not connect to the database: ",
        )
    ), said
    assert "Connect call failed" in said  # the system's own words, as it says them


def test_a_missing_file_is_said_in_the_window_language(
    language: str, qtbot: QtBot, run: Run, tmp_path: Path
) -> None:
    missing = tmp_path / "gone" / "typo.db"
    opener = DatabaseOpener(load_settings(DATABASE_URL=f"sqlite+aiosqlite:///{missing}"))
    dialog = ConnectionDialog(current_url="", test_connection=opener.test)
    qtbot.addWidget(dialog)
    dialog.sqlite_path.setText(str(missing))
    dialog.test()
    said = words(
        language,
        f"Die Datei {missing} existiert nicht. Es wurde nichts angelegt.",
        f"The file {missing} does not exist. Nothing was created.",
    )
    qtbot.waitUntil(lambda: dialog.test_result.text() == said, timeout=10_000)
    assert not missing.parent.exists()


def test_a_connection_test_that_answers_is_said_in_the_window_language(
    language: str, qtbot: QtBot, run: Run, sqlite_url: str
) -> None:
    opener = DatabaseOpener(load_settings(DATABASE_URL=sqlite_url))
    dialog = ConnectionDialog(current_url="", test_connection=opener.test)
    qtbot.addWidget(dialog)
    dialog.sqlite_path.setText(sqlite_url.removeprefix("sqlite+aiosqlite:///"))
    dialog.test()
    start = words(language, "Verbunden: SQLite ", "Connected: SQLite ")
    qtbot.waitUntil(lambda: dialog.test_result.text().startswith(start), timeout=10_000)
    assert dialog.test_result.text().endswith(words(language, ", aktuell.", ", up to date."))


def refused_by_sqlite() -> exc.IntegrityError:
    """A real IntegrityError: SQLite refusing a row that breaks a CHECK rule."""
    engine = create_engine("sqlite://")
    try:
        with engine.begin() as connection:
            connection.execute(text("CREATE TABLE t (x INTEGER CHECK (x > 0))"))
            connection.execute(text("INSERT INTO t (x) VALUES (0)"))
    except exc.IntegrityError as error:
        return error
    finally:
        engine.dispose()
    raise AssertionError("SQLite took the row")


def test_a_refused_change_is_framed_in_german_in_the_database_s_words(
    german: Translations,
) -> None:
    refused = translate(refused_by_sqlite())
    assert refused is not None
    assert error_text(refused) == (
        "Die Datenbank hat die Änderung abgelehnt: CHECK constraint failed: x > 0"
    )
    assert str(refused) == "The database refused the change: CHECK constraint failed: x > 0"
    late = translate(ServerTimeoutError(2.5))
    assert late is not None
    assert error_text(late).startswith(
        "Der Datenbankserver hat nicht innerhalb von 2,5 s geantwortet"
    )
    assert str(late) == (
        "The database server did not answer within 2.5 s: it may be stopped, overloaded or "
        "unreachable."
    )


def test_a_refused_change_in_english_is_as_it_was(english: Translations) -> None:
    refused = translate(refused_by_sqlite())
    assert refused is not None
    assert error_text(refused) == str(refused)
    assert str(refused) == "The database refused the change: CHECK constraint failed: x > 0"


def foreign_file(path: Path) -> Path:
    with contextlib.closing(sqlite3.connect(path)) as connection:
        connection.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
        connection.commit()
    return path


def test_a_read_only_view_without_our_tables_says_so_in_the_window_language(
    language: str, shown: Callable[[str], MainWindow], run: Run, tmp_path: Path
) -> None:
    path = foreign_file(tmp_path / "notes.db")
    window = shown(f"sqlite+aiosqlite:///{path}")
    assert run(window.open(None, read_only=True))
    assert window.read_only_label.isVisible()
    assert window.statusBar().currentMessage() == words(
        language,
        "Diese Datenbank hat keine Tabellen users und posts: Es gibt nichts anzuzeigen.",
        "This database has no users and posts tables: nothing to show.",
    )


def test_a_bad_setting_is_said_in_the_window_language(
    language: str, shown: Callable[[str], MainWindow], run: Run
) -> None:
    window = shown("mysql://u:secret@h/db")
    assert not run(window.open(None))
    said = window.banner.message.text()
    assert said == words(
        language,
        "Die Datenbank konnte nicht geöffnet werden. --database-url: nicht unterstützter "
        "Treiber 'mysql'; verwenden Sie sqlite+aiosqlite oder postgresql+asyncpg",
        "Could not open the database. --database-url: unsupported driver 'mysql'; use "
        "sqlite+aiosqlite or postgresql+asyncpg",
    )
    with pytest.raises(SettingsError) as bad:
        load_settings_with_url("mysql://u@h/db")
    assert str(bad.value) == (
        "--database-url: unsupported driver 'mysql'; use sqlite+aiosqlite or postgresql+asyncpg"
    )


def test_a_bad_setting_from_the_environment_names_it_in_german(
    german: Translations, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("DESKTOP_APP_SETTINGS_FILE", str(tmp_path / "settings.toml"))
    monkeypatch.setenv("DATABASE_URL", "postgresql+asyncpg://ann@host:5432/")
    monkeypatch.setenv("DB_POOL_SIZE", "0")
    with pytest.raises(SettingsError) as bad:
        load_settings()
    file = tmp_path / "settings.toml"
    assert error_text(bad.value) == (
        "Ungültige Einstellung (DATABASE_URL: eine PostgreSQL-URL braucht einen "
        "Datenbanknamen, z. B. .../dbname; DB_POOL_SIZE: Input should be greater than or "
        f"equal to 1). Prüfen Sie die Umgebungsvariable oder {file}."
    )  # pydantic's own words stay as pydantic says them
    assert str(bad.value) == (
        "Invalid setting (DATABASE_URL: a PostgreSQL URL needs a database name, e.g. "
        ".../dbname; DB_POOL_SIZE: Input should be greater than or equal to 1). Check the "
        f"environment variable or {file}."
    )


def test_a_file_that_is_no_backup_is_refused_in_the_window_language(
    language: str,
    shown: Callable[[str], MainWindow],
    run: Run,
    qtbot: QtBot,
    sqlite_url: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = shown(sqlite_url)
    assert run(window.open(None))
    flow = BackupFlow(window=window, backups=DatabaseBackups(load_settings_for(sqlite_url)))
    flow.add_to(QMenu(window))
    offered = tmp_path / "users.csv"
    offered.write_text("username\nann\n")
    open_as(monkeypatch, offered)
    flow.act_restore.trigger()
    qtbot.waitUntil(window.banner.isVisible, timeout=10_000)
    assert window.banner.message.text() == words(
        language,
        f"{offered} ist keine SQLite-Datenbank (file is not a database): Es wurde nichts "
        "wiederhergestellt.",
        f"{offered} is not a SQLite database (file is not a database): nothing was restored.",
    )  # SQLite's reason in SQLite's words


def load_settings_for(url: str) -> Callable[[str], object]:
    return lambda _url: load_settings(DATABASE_URL=url)


def test_a_backup_that_cannot_be_written_says_why_in_german(
    german: Translations, tmp_path: Path, run: Run, sqlite_url: str
) -> None:
    from desktop_app.infrastructure.database.sqlite_backup import back_up

    source = Path(sqlite_url.removeprefix("sqlite+aiosqlite:///"))
    blocker = tmp_path / "a file"
    blocker.write_text("not a folder")
    target = blocker / "copy.db"
    with pytest.raises(StorageError) as failed:
        run(back_up(source, target))
    assert error_text(failed.value) == (
        f"{source} konnte nicht nach {target} gesichert werden: file exists."
    )  # the system's reason as the system says it
    assert str(failed.value) == f"Could not back up {source} to {target}: file exists."


def test_saying_no_to_creating_the_tables_is_said_in_the_window_language(
    language: str,
    shown: Callable[[str], MainWindow],
    run: Run,
    consent: Callable[[str], list[str]],
    tmp_path: Path,
) -> None:
    path = foreign_file(tmp_path / "notes.db")
    consent(words(language, "Abbrechen", "Cancel"))
    window = shown(f"sqlite+aiosqlite:///{path}")
    assert not run(window.open(None))
    assert window.statusBar().currentMessage() == words(
        language,
        f"SQLite: {path} wurde nicht geöffnet: Darin wurde nichts geändert.",
        f"SQLite: {path} was not opened: nothing in it was changed.",
    )
    assert not window.banner.isVisible()


@pytest.mark.postgres
def test_a_change_postgresql_refuses_is_framed_in_german_in_the_server_s_words(
    german: Translations, run: Run
) -> None:
    from desktop_app.infrastructure.database.connection import make_engine
    from tests.integration.conftest import postgres_admin_url

    engine = make_engine(postgres_admin_url(), pool_size=1, max_overflow=0)

    async def refused() -> BaseException:
        try:
            async with engine.connect() as connection:
                await connection.execute(text("CREATE TEMP TABLE t (x INTEGER CHECK (x > 0))"))
                await connection.execute(text("INSERT INTO t (x) VALUES (0)"))
        except exc.IntegrityError as error:
            return error
        finally:
            await engine.dispose()
        raise AssertionError("PostgreSQL took the row")

    said = translate(run(refused()))
    assert said is not None
    server = 'new row for relation "t" violates check constraint "t_x_check"'
    assert error_text(said).startswith("Die Datenbank hat die Änderung abgelehnt: ")
    assert server in error_text(said)  # the server's reason, as the server words it
    assert str(said).startswith("The database refused the change: ")


def test_a_local_copy_that_cannot_be_written_says_why_in_german(
    german: Translations, tmp_path: Path, run: Run, sqlite_url: str
) -> None:
    from desktop_app.infrastructure.database.connection import make_engine
    from desktop_app.infrastructure.database.local_copy import save_local_copy

    blocker = tmp_path / "a file"
    blocker.write_text("not a folder")
    target = blocker / "copy.db"
    engine = make_engine(sqlite_url, pool_size=1, max_overflow=0)

    async def copy() -> None:
        try:
            await save_local_copy(engine, target)
        finally:
            await engine.dispose()

    with pytest.raises(StorageError) as failed:
        run(copy())
    assert error_text(failed.value) == (
        f"Die lokale Kopie {target} konnte nicht geschrieben werden: File exists."
    )  # the system's reason as the system says it
    assert str(failed.value) == f"Could not write the local copy {target}: File exists."


def test_an_undo_history_whose_file_is_gone_says_so_in_german(german: Translations) -> None:
    from desktop_app.infrastructure.change_store import TemporaryChangeStore

    store = TemporaryChangeStore()
    store.close()
    with pytest.raises(StorageError) as failed:
        store.read(1, 0, 0, 1)  # an undo step's rows, asked for after the window closed it
    assert error_text(failed.value) == (
        "die temporäre Datei des Rückgängig-Verlaufs ist geschlossen"
    )
    assert str(failed.value) == "the undo history's temporary file is closed"
