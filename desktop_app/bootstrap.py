"""The composition root: settings -> engine -> unit of work -> services.

The only module that knows every layer, and the only one that makes engines: the window's
(``connect``) and the one-connection engines of commands that run once and end
(``maintenance_engine``: inspecting, migrating, the connection test, demo data, the CLI's
self-check). The UI receives the services it needs from here and
never sees SQLAlchemy; opening another database builds a fresh ``Database`` and disposes the old.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import TypedDict
from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncEngine

from desktop_app.application.abstract_unit_of_work import UnitOfWorkFactory
from desktop_app.application.change_applier import ChangeApplier
from desktop_app.application.change_journal import ChangeJournal
from desktop_app.application.change_set import ChangeStore
from desktop_app.application.consent import Answer, Ask, Change, ChangeRequest
from desktop_app.application.export_formats import ExportSource
from desktop_app.application.import_service import ImportService
from desktop_app.application.post_service import PostService
from desktop_app.application.read_models import (
    Cursor,
    PostQuery,
    PostReader,
    PostRow,
    UserQuery,
    UserReader,
    UserRow,
)
from desktop_app.application.statement_log import StatementLog
from desktop_app.application.user_service import UserService
from desktop_app.config import Settings
from desktop_app.core import security
from desktop_app.core.emails import normalise_email
from desktop_app.domain.errors import ChangeDeclinedError, StorageError
from desktop_app.domain.messages import Message, Texts
from desktop_app.infrastructure.change_store import TemporaryChangeStore
from desktop_app.infrastructure.database import migrations
from desktop_app.infrastructure.database.bulk_import import users_matching
from desktop_app.infrastructure.database.connection import (
    describe_database,
    describe_url,
    make_engine,
    make_session_factory,
    sqlite_path,
)
from desktop_app.infrastructure.database.error_translation import raise_translated
from desktop_app.infrastructure.database.export_source import SQLAlchemyExportSource
from desktop_app.infrastructure.database.inspection import (
    DatabaseState,
    backup_path,
    backup_sqlite,
    inspect_engine,
    is_default_database,
    missing_state,
    require_existing,
)
from desktop_app.infrastructure.database.readers import (
    SQLAlchemyPostReader,
    SQLAlchemyUserReader,
)
from desktop_app.infrastructure.database.statement_recorder import StatementRecorder
from desktop_app.infrastructure.database.unit_of_work import SQLAlchemyUnitOfWork


class DatabaseOpening(Texts):
    """The translation context of what opening and trying a database says to people."""


@dataclass(slots=True)
class Database:
    """One open database and the services over it."""

    url: str
    engine: AsyncEngine
    uow_factory: UnitOfWorkFactory
    users: UserService
    posts: PostService
    user_reader: UserReader
    post_reader: PostReader
    # What the services did (undo and redo listen here), and what writes it back exactly.
    changes: ChangeJournal
    applier: ChangeApplier
    exports: ExportSource  # rows for File → Export…, in the order and filter of a view
    imports: ImportService  # File → Import…: check a file, then write it as one undoable step
    statements: StatementLog  # View → SQL log: the statements run, hooked only while it listens
    # Where the undo history keeps its big steps (a temporary file, deleted on close).
    change_store: ChangeStore = field(default_factory=TemporaryChangeStore)
    revision: str | None = None
    read_only: bool = False
    notice: Message | str = ""  # said once when it opens, e.g. why a read-only view is empty

    @property
    def display_url(self) -> str:
        return describe_url(self.url)

    @property
    def display_name(self) -> str:
        return describe_database(self.url)

    async def server_version(self) -> str:
        """ "SQLite 3.40.1" or "PostgreSQL 15.4": what answers (for About)."""
        try:
            return await server_version(self.engine)
        except Exception as error:
            raise_translated(error)
            raise

    async def close(self) -> None:
        self.change_store.close()
        await self.engine.dispose()


async def server_version(engine: AsyncEngine) -> str:
    """The database program and its version, as the driver reports them."""
    async with engine.connect() as connection:
        version = await connection.run_sync(lambda c: c.dialect.server_version_info or ())
    backend = "SQLite" if engine.dialect.name == "sqlite" else "PostgreSQL"
    return f"{backend} {'.'.join(str(part) for part in version)}"


def connect(settings: Settings, *, read_only: bool = False, create: bool = True) -> Database:
    """Build the engine and services for the configured database (no I/O yet). Only the app's
    own default file is switched to WAL; ``create=False`` never creates a missing file."""
    engine = make_engine(
        settings.DATABASE_URL,
        pool_size=settings.DB_POOL_SIZE,
        max_overflow=settings.DB_MAX_OVERFLOW,
        echo=settings.DEBUG,
        connect_timeout=settings.DB_CONNECT_TIMEOUT,
        command_timeout=settings.DB_COMMAND_TIMEOUT,
        read_only=read_only,
        create=create,
        wal=is_default_database(settings.DATABASE_URL) and not read_only,
    )
    session_factory = make_session_factory(engine)
    # The ports' implementations (domain/ports.py), chosen here and nowhere else: the same
    # hasher hashes a new user's password (the repository's create_user) and a changed one.
    hasher, normaliser = security.hash_password_async, normalise_email
    uow_factory = partial(
        SQLAlchemyUnitOfWork, session_factory, hash_password=hasher, normalise_email=normaliser
    )
    changes = ChangeJournal()
    change_store = TemporaryChangeStore()  # the undo history's big steps, an import's too
    return Database(
        url=settings.DATABASE_URL,
        engine=engine,
        uow_factory=uow_factory,
        users=UserService(
            uow_factory, normalise_email=normaliser, hash_password=hasher, journal=changes
        ),
        posts=PostService(uow_factory, journal=changes),
        user_reader=SQLAlchemyUserReader(session_factory),
        post_reader=SQLAlchemyPostReader(session_factory),
        changes=changes,
        applier=ChangeApplier(uow_factory),
        exports=SQLAlchemyExportSource(session_factory),
        imports=ImportService(
            uow_factory,
            normalise_email=normaliser,
            hash_password=hasher,
            journal=changes,
            lookup=users_matching,
            change_store=change_store,
        ),
        statements=StatementRecorder(engine),
        change_store=change_store,
        read_only=read_only,
    )


class _NoUsers(UserReader):
    """The users of a database without a users table, opened read-only: none."""

    async def fetch(
        self,
        query: UserQuery,
        *,
        offset: int = 0,
        limit: int = 100,
        after: Cursor | None = None,
        total: int | None = None,
    ) -> list[UserRow]:
        return []

    async def count(self, query: UserQuery) -> int:
        return 0


class _NoPosts(PostReader):
    """The posts of a database without a posts table, opened read-only: none."""

    async def fetch(
        self,
        query: PostQuery,
        *,
        offset: int = 0,
        limit: int = 100,
        after: Cursor | None = None,
        total: int | None = None,
    ) -> list[PostRow]:
        return []

    async def count(self, query: PostQuery) -> int:
        return 0

    async def contents(self, ids: Sequence[UUID]) -> dict[UUID, str]:
        return {}


class _Waits(TypedDict):
    connect_timeout: float
    command_timeout: float


def _waits(settings: Settings | None) -> _Waits:
    if settings is None:  # make_engine's own bounds
        return _Waits(connect_timeout=10.0, command_timeout=30.0)
    return _Waits(
        connect_timeout=settings.DB_CONNECT_TIMEOUT, command_timeout=settings.DB_COMMAND_TIMEOUT
    )


@asynccontextmanager
async def export_source(url: str, settings: Settings | None = None) -> AsyncIterator[ExportSource]:
    """The rows of the database at ``url`` for an export from the command line, read through
    a one-connection read-only engine (nothing is created or changed). Raises StorageError when
    it is missing or has no users and posts tables."""
    require_existing(url)
    state = await inspect(url, settings)
    if not state.has_our_tables:
        raise StorageError(
            f"{describe_database(url)} has no users and posts tables ({describe_state(state)}): "
            "there is nothing to export."
        )
    async with maintenance_engine(url, settings, read_only=True, create=False) as engine:
        yield SQLAlchemyExportSource(make_session_factory(engine))


@asynccontextmanager
async def maintenance_engine(
    url: str, settings: Settings | None = None, *, read_only: bool = False, create: bool = True
) -> AsyncIterator[AsyncEngine]:
    """A one-connection engine for a command that runs once and ends, disposed on leaving; it
    waits as long as ``settings`` allow (make_engine's bounds without them). ``read_only`` and
    ``create=False`` never create a missing SQLite file."""
    engine = make_engine(
        url, pool_size=1, max_overflow=0, read_only=read_only, create=create, **_waits(settings)
    )
    try:
        yield engine
    finally:
        await engine.dispose()


async def inspect(url: str, settings: Settings | None = None) -> DatabaseState:
    """What the database at ``url`` holds and what opening it for editing would change,
    changing nothing (a missing SQLite file is reported missing, never created)."""
    missing = missing_state(url)
    if missing is not None:
        return missing
    async with maintenance_engine(url, settings, read_only=True) as engine:
        return await inspect_engine(engine)


async def upgrade_schema(url: str, settings: Settings | None = None) -> str | None:
    """Create or upgrade the app's tables at ``url``; returns the new revision."""
    async with maintenance_engine(url, settings) as engine:
        return await migrations.upgrade(engine, url)


def change_request(settings: Settings, state: DatabaseState) -> ChangeRequest | None:
    """The question to ask before opening ``state``'s database for editing, or None when
    nothing needs to change. A SQLite upgrade names the backup it will make first."""
    change = state.change
    if change is None:
        return None
    path = sqlite_path(settings.DATABASE_URL)
    backup = None
    if change is Change.UPGRADE and path is not None:
        backup = str(backup_path(path.expanduser(), state.revision))
    return ChangeRequest(
        change=change,
        database=describe_database(settings.DATABASE_URL),
        is_sqlite=state.is_sqlite,
        exists=state.exists,
        other_tables=state.other_tables,
        revision=state.revision,
        head=state.head,
        backup=backup,
        can_read_only=state.exists,
    )


async def _back_up(settings: Settings, request: ChangeRequest) -> None:
    """Copy the SQLite file to ``request.backup`` (the path named in the question), if any."""
    if request.backup is not None:
        path = sqlite_path(settings.DATABASE_URL)
        assert path is not None
        await backup_sqlite(path.expanduser(), Path(request.backup))


async def apply_change(settings: Settings, request: ChangeRequest) -> str | None:
    """Make the change ``request`` describes (the user agreed): back a SQLite file up, then
    create or upgrade the schema. Returns the new revision."""
    await _back_up(settings, request)
    return await upgrade_schema(settings.DATABASE_URL, settings)


async def open_database(
    settings: Settings,
    *,
    ask: Ask | None = None,
    read_only: bool = False,
    create_without_asking: bool = False,
) -> Database:
    """Connect and bring the schema up to date (refusing a schema newer than this app).

    With ``ask``, a database that needs its tables created or upgraded is changed only if the
    answer says so (a SQLite file is backed up before an upgrade); the app's own default file,
    and a file the user asked to create (``create_without_asking``), get their tables without a
    question. Without ``ask`` (tests and tools that own the database) the schema is created and
    upgraded as needed. ``read_only`` changes nothing, ever: see ``open_read_only``.
    """
    if read_only:
        return await open_read_only(settings)
    url = settings.DATABASE_URL
    create = True
    state = None
    if ask is not None:
        try:
            state = await inspect(url, settings)
        except BaseException as error:
            raise_translated(error)
            raise
        request = change_request(settings, state)
        quiet = create_without_asking or is_default_database(url)
        if request is not None and not (request.change is Change.CREATE and quiet):
            answer = await ask(request)
            if answer is Answer.READ_ONLY:
                return await open_read_only(settings)
            if answer is not Answer.PROCEED:
                raise ChangeDeclinedError(
                    DatabaseOpening.tr(
                        "{database} was not opened: nothing in it was changed.",
                        database=describe_database(url),
                    )
                )
            await _back_up(settings, request)
        create = state.change is Change.CREATE
    database = connect(settings, create=create)
    try:
        if state is not None and state.change is None:  # just inspected: already at head
            database.revision = state.revision
        else:
            database.revision = await migrations.upgrade(database.engine, database.url)
        await asyncio.to_thread(security.warm_up)  # the first password hash stays quick
    except BaseException as error:
        await database.close()
        raise_translated(error)
        raise
    return database


async def open_read_only(settings: Settings) -> Database:
    """Open without changing anything (SQLite ``mode=ro``, PostgreSQL read-only transactions);
    no migration runs. A schema older than this version opens if this version can read it,
    and says so; otherwise StorageError says why. A database without our tables shows none."""
    url = settings.DATABASE_URL
    require_existing(url)
    try:
        state = await inspect(url, settings)
    except BaseException as error:
        raise_translated(error)
        raise
    database = connect(settings, read_only=True, create=False)
    database.revision = state.revision
    if not state.has_our_tables:
        database.user_reader, database.post_reader = _NoUsers(), _NoPosts()
        database.notice = DatabaseOpening.tr(
            "This database has no users and posts tables: nothing to show."
        )
        return database
    if state.revision != state.head:
        try:  # the columns and tables this version reads: present, or no read-only view
            await database.user_reader.fetch(UserQuery(), limit=1)
            await database.post_reader.fetch(PostQuery(), limit=1)
        except Exception as error:
            await database.close()
            raise StorageError(
                DatabaseOpening.tr(
                    "{database} has an older schema ({revision}; this version uses {head}) that "
                    "this version cannot show without upgrading it, and a read-only open "
                    "changes nothing. Open it for editing to upgrade it (a SQLite file is backed "
                    "up first).",
                    database=describe_database(url),
                    revision=_revision(state),
                    head=str(state.head),
                )
            ) from error
        database.notice = DatabaseOpening.tr(
            "The schema is older ({revision}) than this version's ({head}); it was not upgraded.",
            revision=_revision(state),
            head=str(state.head),
        )
    return database


def _revision(state: DatabaseState) -> Message | str:
    return state.revision or DatabaseOpening.tr("not set up by desktop_app")


async def probe(settings: Settings) -> Message:
    """Try a database without switching to it and without changing it: one line saying what
    answered, or an error (a missing SQLite file is reported missing, never created)."""
    url = settings.DATABASE_URL
    require_existing(url)
    try:
        async with maintenance_engine(url, settings, read_only=True, create=False) as engine:
            server = await server_version(engine)
            state = await inspect_engine(engine)
    except Exception as error:
        raise_translated(error)
        raise
    return DatabaseOpening.tr(
        "Connected: {server}, {state}.", server=server, state=state_message(state)
    )


def describe_state(state: DatabaseState) -> str:
    """The schema state in English words, for the CLI."""
    return str(state_message(state))


def state_message(state: DatabaseState) -> Message:
    """The schema state in words, for the CLI and the connection test."""
    if not state.has_our_tables:
        others = state.other_tables
        if not others:
            return DatabaseOpening.tr("no users and posts tables")
        listed = f"{', '.join(others[:4])}{' …' if len(others) > 4 else ''}"
        return DatabaseOpening.tr("no users and posts tables (it has {tables})", tables=listed)
    return migrations.revision_message(state.revision)
