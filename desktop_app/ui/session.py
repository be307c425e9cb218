"""What the window needs from an open database, as a protocol (bootstrap provides it).

The UI never builds engines or reads settings itself: it is handed a way to open a database by
URL, and gets back these services and readers.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:  # annotations only: the services load with the database, after first paint
    from desktop_app.application.posts import PostService
    from desktop_app.application.queries import PostReader, UserReader
    from desktop_app.application.users import UserService


class DatabaseSession(Protocol):
    @property
    def display_url(self) -> str:
        """The URL with any password masked."""

    @property
    def display_name(self) -> str:
        """A short name for people, e.g. "SQLite: /home/ann/blog.db"."""

    @property
    def url(self) -> str: ...

    @property
    def revision(self) -> str | None: ...

    @property
    def users(self) -> UserService: ...

    @property
    def posts(self) -> PostService: ...

    @property
    def user_reader(self) -> UserReader: ...

    @property
    def post_reader(self) -> PostReader: ...

    async def close(self) -> None: ...


# Open (and migrate) the database at a URL; None means the configured one. Raises StorageError.
OpenDatabase = Callable[[str | None], Awaitable[DatabaseSession]]
# Try a URL without switching to it; returns a one-line description. Raises on failure.
TestConnection = Callable[[str], Awaitable[str]]
# Remember a URL as the database to open next time.
SaveDatabaseUrl = Callable[[str], None]
