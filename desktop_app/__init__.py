"""desktop_app: an offline desktop editor for a users-and-posts database."""

from importlib import metadata as _metadata

APP_NAME = "desktop_app"

try:
    __version__ = _metadata.version("desktop-app")
except _metadata.PackageNotFoundError:  # running from a checkout that was never installed
    __version__ = "0.1.0"
