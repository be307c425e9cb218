"""Settings: where the database is and how to talk to it."""

from desktop_app.config.settings import Settings, SettingsError, load_settings, settings_file_path

__all__ = ["Settings", "SettingsError", "load_settings", "settings_file_path"]
