"""Logging to a rotating file in the user's log directory (and stderr for warnings)."""

from __future__ import annotations

import logging
from pathlib import Path

from desktop_app.core.paths import log_dir

LOG_FILE_NAME = "desktop_app.log"


def setup_logging(*, debug: bool = False) -> Path:
    """Configure the root logger once; returns the log file's path."""
    directory = log_dir()
    path = directory / LOG_FILE_NAME
    root = logging.getLogger()
    if any(getattr(h, "_desktop_app", False) for h in root.handlers):
        return path
    from logging.handlers import RotatingFileHandler  # start-up time: only when set up

    handlers: list[logging.Handler] = []
    try:
        directory.mkdir(parents=True, exist_ok=True)
        file_handler = RotatingFileHandler(
            path, maxBytes=2_000_000, backupCount=3, encoding="utf-8"
        )
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
    root.setLevel(logging.DEBUG if debug else logging.INFO)
    logging.getLogger("sqlalchemy.engine").setLevel(logging.INFO if debug else logging.WARNING)
    return path
