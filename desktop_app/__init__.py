"""desktop_app: an offline desktop editor for a users-and-posts database."""

from __future__ import annotations

from desktop_app._version import __version__

APP_NAME = "desktop_app"
# The desktop entry's and AppStream component's id (resources/linux/DESKTOP_ID.desktop).
DESKTOP_ID = "org.desktop_app.Editor"

__all__ = ["APP_NAME", "DESKTOP_ID", "__version__"]
