"""desktop_app: an offline desktop editor for a users-and-posts database."""

from __future__ import annotations

from functools import cache

APP_NAME = "desktop_app"


@cache
def _version() -> str:
    from importlib import metadata

    try:
        return metadata.version("desktop-app")
    except metadata.PackageNotFoundError:  # a checkout that was never installed
        return "0.1.0"


def __getattr__(name: str) -> str:
    """``__version__`` is read from the package metadata on first use (start-up time)."""
    if name == "__version__":
        return _version()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
