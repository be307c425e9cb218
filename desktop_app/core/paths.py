"""Per-user directories (platformdirs), so data, settings and logs land where the OS expects."""

from __future__ import annotations

from pathlib import Path

import platformdirs

from desktop_app import APP_NAME


def config_dir() -> Path:
    """Directory of the settings file (``$XDG_CONFIG_HOME/desktop_app`` on Linux)."""
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def data_dir() -> Path:
    """Directory of the default SQLite database (``$XDG_DATA_HOME/desktop_app`` on Linux)."""
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def log_dir() -> Path:
    """Directory of the log file."""
    return Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))


def default_database_path() -> Path:
    return data_dir() / "desktop_app.db"
