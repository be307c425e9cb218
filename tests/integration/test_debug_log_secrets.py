"""DEBUG=true must never put a password or a password hash in the log file, and the log file
(and its rotated copies) must be readable by its owner only.

The session runs the way the app runs: a qasync event loop whose QThreadExecutor hashes the
password (qasync logs every submitted call with its arguments at DEBUG), aiosqlite on a real
SQLite file (it logs each operation with its parameters at DEBUG), the services wired by
bootstrap, and the app's own ``setup_logging``. Either DEBUG is on from the start, or it is
switched on later from the settings, as the window does (``gui.DatabaseOpener``).
"""

from __future__ import annotations

import asyncio
import logging
import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
import qasync
from PySide6.QtWidgets import QApplication

from desktop_app import bootstrap
from desktop_app.config import load_settings
from desktop_app.core import logging_setup
from desktop_app.core.log_files import PrivateRotatingFileHandler
from desktop_app.domain.entities import CreateUserDTO
from desktop_app.gui import DatabaseOpener
from desktop_app.ui.database import Database

# Distinctive, and free of characters a repr() would escape: a hit is a real leak.
FIRST_PASSWORD = "Quokka7Zebra4Umbra-first"
SECOND_PASSWORD = "Narwhal3Fjord8Ember-second"


@pytest.fixture
def log_directory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The app's log directory moved under tmp_path; every logger restored afterwards.

    Logging is process-global: the handlers setup_logging adds, the levels it sets and the
    stdout handler SQLAlchemy's ``echo`` adds would otherwise leak into later tests. The umask
    is 0 meanwhile, so only the app's own choice of mode can make the file private.
    """
    directory = tmp_path / "logs"
    monkeypatch.setattr(logging_setup, "log_dir", lambda: directory)
    manager = logging.Logger.manager
    before = {
        name: (logger.level, list(logger.handlers))
        for name, logger in manager.loggerDict.items()
        if isinstance(logger, logging.Logger)
    }
    root = logging.getLogger()
    root_before = (root.level, list(root.handlers))
    old_umask = os.umask(0)
    try:
        yield directory
    finally:
        os.umask(old_umask)
        for logger in [root, *manager.loggerDict.values()]:
            if not isinstance(logger, logging.Logger):
                continue
            level, handlers = (
                root_before if logger is root else before.get(logger.name, (logging.NOTSET, []))
            )
            for handler in [h for h in logger.handlers if h not in handlers]:
                logger.removeHandler(handler)
                handler.close()
            logger.setLevel(level)


@pytest.fixture
def qt_loop(qapp: QApplication) -> Iterator[qasync.QEventLoop]:
    """A qasync loop as the app runs one; closing it shuts its QThreadExecutor down."""
    loop = qasync.QEventLoop(qapp)
    asyncio.set_event_loop(loop)
    try:
        yield loop
    finally:
        loop.close()
        asyncio.set_event_loop(None)


async def _open_session(when: str, url: str) -> Database:
    """Open the database as the app does, with DEBUG on from the start or from the settings."""
    if when == "at-start":
        logging_setup.setup_logging(debug=True)
        return await bootstrap.open_database(load_settings(DATABASE_URL=url, DEBUG=True))
    logging_setup.setup_logging()  # the window sets up logging before it reads the settings
    return await DatabaseOpener(database_url=url).open(None)  # DEBUG=true in the environment


async def _create_user_and_change_password(session: Database) -> list[str]:
    """Run the two operations that hash a password; return the hashes they stored."""
    try:
        user = await session.users.create_user(
            CreateUserDTO(email="ann@example.org", username="ann", password=FIRST_PASSWORD)
        )
        await session.users.set_password(user.id, SECOND_PASSWORD)
        changed = await session.users.get_user(user.id)
    finally:
        await session.close()
    return [user.hashed_password, changed.hashed_password]


@pytest.mark.parametrize("when", ["at-start", "from-settings"])
def test_debug_log_holds_no_password_or_hash_and_is_private(
    when: str,
    log_directory: Path,
    qt_loop: qasync.QEventLoop,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path / 'secrets.db'}"
    if when == "from-settings":
        monkeypatch.setenv("DEBUG", "true")

    async def scenario() -> list[str]:
        return await _create_user_and_change_password(await _open_session(when, url))

    hashes = qt_loop.run_until_complete(scenario())
    for handler in logging.getLogger().handlers:
        handler.flush()

    assert logging.getLogger().getEffectiveLevel() == logging.DEBUG
    log_file = log_directory / logging_setup.LOG_FILE_NAME
    text = log_file.read_text(encoding="utf-8")
    assert "INSERT INTO users" in text and "UPDATE users" in text  # DEBUG really logged SQL
    assert hashes[0] != hashes[1]
    secrets = [FIRST_PASSWORD, SECOND_PASSWORD, *hashes]
    # the digest alone too: a hash cut or escaped differently must not slip through
    secrets += [h.rsplit("$", 1)[-1] for h in hashes]
    leaked = [s for s in secrets if s in text]
    assert not leaked, f"{len(leaked)} secret(s) in the DEBUG log"
    assert stat.S_IMODE(log_file.stat().st_mode) == 0o600


def test_rotated_log_files_stay_private(log_directory: Path) -> None:
    logging_setup.setup_logging()
    handlers = logging.getLogger().handlers
    handler = next(h for h in handlers if isinstance(h, PrivateRotatingFileHandler))
    log = logging.getLogger("desktop_app.test_rotation")
    for _ in range(2):
        log.warning("a line before rotation")
        handler.doRollover()
    log.warning("a line after rotation")
    files = sorted(log_directory.iterdir())
    assert [f.name for f in files] == [
        logging_setup.LOG_FILE_NAME,
        f"{logging_setup.LOG_FILE_NAME}.1",
        f"{logging_setup.LOG_FILE_NAME}.2",
    ]
    assert {f.name: stat.S_IMODE(f.stat().st_mode) for f in files} == {f.name: 0o600 for f in files}


def test_existing_world_readable_log_files_are_made_private(log_directory: Path) -> None:
    """Files an older version left 0644 (the log and its backups) are private from now on."""
    log_directory.mkdir(parents=True)
    names = [logging_setup.LOG_FILE_NAME, f"{logging_setup.LOG_FILE_NAME}.1"]
    for name in names:
        (log_directory / name).write_text("written by an older version\n", encoding="utf-8")
        (log_directory / name).chmod(0o644)
    logging_setup.setup_logging()
    assert {n: stat.S_IMODE((log_directory / n).stat().st_mode) for n in names} == {
        n: 0o600 for n in names
    }
