"""Logging to a private rotating file in the user's log directory (and stderr for warnings).

DEBUG=true must not turn the log into a password store. Libraries log secrets at DEBUG: qasync's
QThreadExecutor logs every call it runs with its arguments (the password handed to the hash
function) and its result (the hash), aiosqlite logs every operation with its SQL parameters (the
hash being stored), and SQLAlchemy logs result rows. So those loggers get explicit levels that a
root logger at DEBUG does not override, and SQL is logged by the engine with its parameters
hidden. The files are created 0600 (see log_files).
"""

from __future__ import annotations

import logging
from pathlib import Path

from desktop_app.core.paths import log_dir

LOG_FILE_NAME = "desktop_app.log"

# Third-party loggers and the most they may log, whatever the root level. Setting a package's
# logger covers its submodules' loggers (qasync.QThreadExecutor, qasync._unix._Selector, ...),
# which keep the default NOTSET and inherit it.
_LIBRARY_LEVELS: dict[str, int] = {
    "qasync": logging.INFO,  # DEBUG: executor calls with their arguments and results
    "aiosqlite": logging.INFO,  # DEBUG: each operation with its SQL parameters
    "asyncpg": logging.INFO,
    "asyncio": logging.INFO,  # DEBUG (debug mode): handles and futures with their results
    "passlib": logging.INFO,
    "keyring": logging.INFO,
    "alembic": logging.INFO,
    "sqlalchemy": logging.WARNING,  # DEBUG: result rows (password hashes among them)
    "sqlalchemy.pool": logging.WARNING,
    "sqlalchemy.orm": logging.WARNING,
}


def set_debug(debug: bool) -> None:
    """Switch the app's DEBUG logging on or off (also after start-up, once settings are read).

    The root logger goes to DEBUG; the libraries above keep their explicit levels, so their
    DEBUG lines (arguments, parameters, rows) stay out even then. The engine logs statements
    at INFO with their parameters hidden.
    """
    logging.getLogger().setLevel(logging.DEBUG if debug else logging.INFO)
    for name, level in _LIBRARY_LEVELS.items():
        logging.getLogger(name).setLevel(level)
    logging.getLogger("sqlalchemy.engine").setLevel(logging.INFO if debug else logging.WARNING)


def setup_logging(*, debug: bool = False) -> Path:
    """Configure the root logger once; returns the log file's path."""
    directory = log_dir()
    path = directory / LOG_FILE_NAME
    root = logging.getLogger()
    if any(getattr(h, "_desktop_app", False) for h in root.handlers):
        return path
    from desktop_app.core.log_files import PrivateRotatingFileHandler  # start-up time

    handlers: list[logging.Handler] = []
    try:
        directory.mkdir(parents=True, exist_ok=True)
        file_handler = PrivateRotatingFileHandler(path, max_bytes=2_000_000, backup_count=3)
        file_handler.setFormatter(
            logging.Formatter("%(asctime)s %(levelname)s [%(name)s] %(message)s")
        )
        handlers.append(file_handler)
    except OSError:  # a read-only home: log to stderr only
        pass
    console = logging.StreamHandler()
    console.setLevel(logging.WARNING)
    console.setFormatter(logging.Formatter("%(levelname)s: %(message)s"))
    handlers.append(console)
    for handler in handlers:
        handler._desktop_app = True  # type: ignore[attr-defined]
        root.addHandler(handler)
    set_debug(debug)
    return path
