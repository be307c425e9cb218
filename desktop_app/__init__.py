"""desktop_app: an offline desktop editor for a users-and-posts database."""

from __future__ import annotations

from desktop_app._version import __version__

APP_NAME = "desktop_app"

__all__ = ["APP_NAME", "__version__"]
