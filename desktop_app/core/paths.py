"""Per-user directories (platformdirs), so data, settings and logs land where the OS expects.

They are named after the product (``Quillbase`` on Linux: ``$XDG_DATA_HOME/Quillbase``), except
for a user of version 0.1, which named them after the package (``desktop_app``): where that
data directory exists and the product's does not, every directory keeps the old name, so the
database, a saved database path pointing into it, the settings and the window's layout all
stay where that user has them. Nothing is moved behind the user's back.
"""

from __future__ import annotations

from pathlib import Path

import platformdirs

from desktop_app import APP_NAME, PRODUCT_NAME


def directory_name() -> str:
    """The name of the per-user directories and of Qt's settings (see the module's docstring);
    decided afresh on each call, from what is on disk."""
    ours = Path(platformdirs.user_data_dir(PRODUCT_NAME, appauthor=False))
    earlier = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    return APP_NAME if earlier.is_dir() and not ours.exists() else PRODUCT_NAME


def config_dir() -> Path:
    """Directory of the settings file (``$XDG_CONFIG_HOME/Quillbase`` on Linux)."""
    return Path(platformdirs.user_config_dir(directory_name(), appauthor=False))


def data_dir() -> Path:
    """Directory of the default SQLite database (``$XDG_DATA_HOME/Quillbase`` on Linux)."""
    return Path(platformdirs.user_data_dir(directory_name(), appauthor=False))


def log_dir() -> Path:
    """Directory of the log file."""
    return Path(platformdirs.user_log_dir(directory_name(), appauthor=False))


def default_database_path() -> Path:
    """The database the app opens when none is chosen: ``quillbase.db`` in the data directory
    (``desktop_app.db`` where version 0.1's directory is kept)."""
    return data_dir() / f"{directory_name().lower()}.db"
