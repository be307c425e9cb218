"""Backups for the window, by database URL: what ``ui.backup_flow.Backups`` asks for.

The window never imports the database layer; ``gui.py`` hands it this object (as it hands it
``DatabaseOpener.open``). The database layer loads on first use, not at start-up. SQLite files
are backed up and restored with SQLite's backup API (``sqlite_backup``); a PostgreSQL database
is saved as a local SQLite copy (``local_copy``) over a read-only maintenance engine.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from desktop_app.application.read_models import PostQuery
    from desktop_app.config import Settings

# Called with (done, total) on the event loop; returning False cancels.
Progress = Callable[[int, int], bool]


def _sqlite_file(url: str) -> Path:
    from desktop_app.infrastructure.database.connection import sqlite_path

    path = sqlite_path(url)
    if path is None:
        raise ValueError("backup and restore of a file need a SQLite database")
    return path.expanduser()


class DatabaseBackups:
    """Back up, restore and save local copies of the database at a URL; ``settings_for(url)``
    gives the settings (waits, the remembered password) to connect to a server with."""

    def __init__(self, settings_for: Callable[[str], Settings]) -> None:
        self._settings_for = settings_for

    def default_backup_path(self, url: str) -> str:
        """A dated name: beside a SQLite file, or in the home folder for a server's copy."""
        from desktop_app.infrastructure.database.connection import sqlite_path
        from desktop_app.infrastructure.database.sqlite_backup import dated_copy_path

        if sqlite_path(url) is not None:
            return str(dated_copy_path(_sqlite_file(url)))
        from sqlalchemy.engine import make_url

        name = make_url(url).database or "postgresql"
        return str(Path.home() / f"{name}-{datetime.now():%Y%m%d-%H%M%S}.db")

    def replaced_path(self, url: str) -> str:
        from desktop_app.infrastructure.database.sqlite_backup import replaced_path

        return str(replaced_path(_sqlite_file(url)))

    async def back_up(self, url: str, target: str, progress: Progress) -> None:
        from desktop_app.infrastructure.database.sqlite_backup import back_up

        await back_up(_sqlite_file(url), Path(target), progress)

    async def save_local_copy(
        self, url: str, target: str, progress: Progress, view: PostQuery | None = None
    ) -> tuple[int, int]:
        """Every user and post (or a posts view's posts and their authors) into a new SQLite
        file; returns (users, posts)."""
        from desktop_app import bootstrap
        from desktop_app.infrastructure.database.local_copy import save_local_copy

        settings = self._settings_for(url)
        async with bootstrap.maintenance_engine(url, settings, read_only=True) as engine:
            counts = await save_local_copy(engine, Path(target), progress, view=view)
        return counts.users, counts.posts

    async def check_backup(self, backup: str) -> None:
        import asyncio  # here, as the database layer: the window is built before this loads

        from desktop_app.infrastructure.database.sqlite_backup import check_backup

        await asyncio.to_thread(check_backup, Path(backup))

    async def restore(self, url: str, backup: str, aside: str, progress: Progress) -> str | None:
        """Replace the SQLite file with ``backup``; where the replaced one was kept."""
        from desktop_app.infrastructure.database.sqlite_backup import restore

        kept = await restore(Path(backup), _sqlite_file(url), aside=Path(aside), progress=progress)
        return None if kept is None else str(kept)
