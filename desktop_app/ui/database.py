"""What the window needs from an open database, as a protocol (bootstrap provides it).

The UI never builds engines or reads settings itself: it is handed a way to open a database by
URL, and gets back these services and readers.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Protocol

from desktop_app.domain.messages import Message

if TYPE_CHECKING:  # annotations only: the services load with the database, after first paint
    from desktop_app.application.change_applier import ChangeApplier
    from desktop_app.application.change_journal import ChangeJournal
    from desktop_app.application.change_set import ChangeStore
    from desktop_app.application.consent import Ask
    from desktop_app.application.export_formats import ExportSource
    from desktop_app.application.import_service import ImportService
    from desktop_app.application.post_service import PostService
    from desktop_app.application.read_models import PostReader, UserReader
    from desktop_app.application.statement_log import StatementLog
    from desktop_app.application.user_service import UserService


class Database(Protocol):
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
    def read_only(self) -> bool:
        """Opened read-only: nothing may be edited (the database would refuse anyway)."""

    @property
    def notice(self) -> Message | str:
        """Something to say once it is open (an old schema left as it was), or ""."""

    @property
    def users(self) -> UserService: ...

    @property
    def posts(self) -> PostService: ...

    @property
    def user_reader(self) -> UserReader: ...

    @property
    def post_reader(self) -> PostReader: ...

    @property
    def changes(self) -> ChangeJournal:
        """What the services did, one ``ChangeSet`` per action (the undo history listens)."""

    @property
    def applier(self) -> ChangeApplier:
        """Writes a ``ChangeSet`` (or its inverse) back exactly: undo and redo."""

    @property
    def change_store(self) -> ChangeStore:
        """Where the undo history keeps big steps out of memory (deleted on ``close``)."""

    @property
    def exports(self) -> ExportSource:
        """File → Export…: the rows of a table or of a view, a keyset page at a time."""

    @property
    def imports(self) -> ImportService:
        """File → Import…: checks a file against the database, then writes it in one
        transaction recorded in ``changes`` as one undoable step."""

    @property
    def statements(self) -> StatementLog:
        """View → SQL log: the statements run on it, without their parameters."""

    async def server_version(self) -> str:
        """ "SQLite 3.40.1" or "PostgreSQL 15.4" (About shows it)."""

    async def close(self) -> None: ...


class OpenDatabase(Protocol):
    """Open the database at a URL (None: the configured one); raises StorageError.

    ``ask`` answers before its schema is created or upgraded (declining raises
    ChangeDeclinedError); ``read_only`` changes nothing; ``new`` is a file the user asked to
    create (its tables come without a question).
    """

    def __call__(
        self,
        url: str | None,
        *,
        ask: Ask | None = None,
        read_only: bool = False,
        new: bool = False,
    ) -> Awaitable[Database]: ...


# Try a URL without switching to it; returns a one-line description. Raises on failure.
TestConnection = Callable[[str], Awaitable[Message | str]]
# Remember a URL as the database to open next time.
SaveDatabaseUrl = Callable[[str], None]
