"""Quillbase (the package ``desktop_app``): an offline desktop editor for a site's users and
posts database."""

from __future__ import annotations

from desktop_app._version import __version__

# What people see: window titles, About, menus, the desktop entry, the bundle.
PRODUCT_NAME = "Quillbase"
# The package's name, which version 0.1 also gave its per-user directories (core/paths.py).
APP_NAME = "desktop_app"
# The desktop entry's and AppStream component's id (resources/linux/DESKTOP_ID.desktop).
DESKTOP_ID = "org.desktop_app.Editor"

__all__ = ["APP_NAME", "DESKTOP_ID", "PRODUCT_NAME", "__version__"]
