"""Settings: where the database is and how to talk to it."""

from desktop_app.config.settings import (
    Settings,
    SettingsError,
    load_settings,
    load_settings_with_url,
    settings_file_path,
)

__all__ = [
    "Settings",
    "SettingsError",
    "load_settings",
    "load_settings_with_url",
    "settings_file_path",
]
