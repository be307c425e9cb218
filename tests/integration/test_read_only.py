"""Read-only opens (issue #9 item 2): a write fails with a sentence, and looking changes nothing.

The same tests run on a SQLite file (``mode=ro``) and on PostgreSQL
(``default_transaction_read_only``). A file that is not the app's keeps its journal mode.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from desktop_app import bootstrap
from desktop_app.application.consent import Answer, Change, ChangeRequest
from desktop_app.application.read_models import UserQuery
from desktop_app.config import load_settings
from desktop_app.domain.entities import CreateUserDTO
from desktop_app.domain.errors import ChangeDeclinedError, ReadOnlyDatabaseError, StorageError
from desktop_app.infrastructure.database.connection import sqlite_path

pytestmark = pytest.mark.asyncio


async def test_a_write_on_a_read_only_database_is_a_sentence(
    engine: AsyncEngine, database_url: str
) -> None:
    database = await bootstrap.open_database(
        load_settings(DATABASE_URL=database_url), read_only=True
    )
    try:
        assert database.read_only
        with pytest.raises(ReadOnlyDatabaseError, match="open read-only: nothing was changed"):
            await database.users.create_user(
                CreateUserDTO(email="ann@example.org", username="ann", password="a good one!")
            )
        assert await database.user_reader.count(UserQuery()) == 0  # reading still works
    finally:
        await database.close()


async def test_a_read_only_open_of_a_missing_file_creates_nothing(tmp_path: Path) -> None:
    path = tmp_path / "folder" / "typo.db"
    settings = load_settings(DATABASE_URL=f"sqlite+aiosqlite:///{path}")
    with pytest.raises(StorageError, match="does not exist"):
        await bootstrap.open_database(settings, read_only=True)
    with pytest.raises(StorageError, match="does not exist"):
        await bootstrap.probe(settings)
    assert os.listdir(tmp_path) == []


def _foreign(path: Path) -> None:
    with contextlib.closing(sqlite3.connect(path)) as connection:
        connection.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
        connection.commit()


def _journal_mode(path: Path) -> str:
    with contextlib.closing(sqlite3.connect(path)) as connection:
        return str(connection.execute("PRAGMA journal_mode").fetchone()[0])


async def test_a_foreign_file_keeps_its_journal_mode(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    _foreign(path)
    asked: list[ChangeRequest] = []

    async def yes(request: ChangeRequest) -> Answer:
        asked.append(request)
        return Answer.PROCEED

    database = await bootstrap.open_database(
        load_settings(DATABASE_URL=f"sqlite+aiosqlite:///{path}"), ask=yes
    )
    try:
        await database.users.create_user(
            CreateUserDTO(email="ann@example.org", username="ann", password="a good one!")
        )
    finally:
        await database.close()
    [request] = asked
    assert request.change is Change.CREATE and request.other_tables == ("notes",)
    assert _journal_mode(path) == "delete"


async def test_declining_leaves_a_foreign_database_unchanged(database_url: str) -> None:
    path = sqlite_path(database_url)
    if path is not None:
        _foreign(path)

    async def no(_request: ChangeRequest) -> Answer:
        return Answer.CANCEL

    settings = load_settings(DATABASE_URL=database_url)
    with pytest.raises(ChangeDeclinedError):
        await bootstrap.open_database(settings, ask=no)
    state = await bootstrap.inspect(database_url)
    assert not state.has_our_tables and state.revision is None
