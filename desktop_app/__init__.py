"""desktop_app: an offline desktop editor for a users-and-posts database."""

from __future__ import annotations

from desktop_app._version import __version__

# The name people see: window titles, About, menus, the desktop entry, the bundle.
PRODUCT_NAME = "Quillbase"
# The name of the directories (platformdirs) and of the settings (QSettings) the app keeps:
# unchanged from before the product had a name, so nobody's settings, recent files, logs and
# default database move.
APP_NAME = "desktop_app"
# The desktop entry's and AppStream component's id (resources/linux/DESKTOP_ID.desktop).
DESKTOP_ID = "org.desktop_app.Editor"

__all__ = ["APP_NAME", "DESKTOP_ID", "PRODUCT_NAME", "__version__"]
