"""The in-process migration runner: what the app does when it opens a database.

It refuses a database whose schema revision this version does not know (a newer app wrote it)
and leaves it untouched; otherwise it upgrades to head through the same ``migrations/env.py`` the
``alembic`` command uses, in a worker thread, so the window keeps painting meanwhile.
"""

from __future__ import annotations

import asyncio
import sys
from dataclasses import dataclass
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util.exc import CommandError
from sqlalchemy.engine import Connection
from sqlalchemy.ext.asyncio import AsyncEngine

from desktop_app.domain.errors import SchemaTooNewError
from desktop_app.infrastructure.database.migration_env import VERSION_TABLE


def migrations_dir() -> Path:
    """``migrations/`` beside the package: the checkout's root, or the PyInstaller bundle's."""
    bundle = getattr(sys, "_MEIPASS", None)
    root = Path(bundle) if bundle else Path(__file__).resolve().parents[3]
    return root / "migrations"


def alembic_config(database_url: str | None = None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(migrations_dir()).replace("%", "%%"))
    if database_url is not None:
        cfg.attributes["database_url"] = database_url
    return cfg


def script_directory() -> ScriptDirectory:
    return ScriptDirectory.from_config(alembic_config())


def head_revision() -> str | None:
    return script_directory().get_current_head()


@dataclass(frozen=True, slots=True)
class RevisionInfo:
    revision: str
    down_revision: str | None
    message: str
    is_current: bool
    is_head: bool


def _current_heads(connection: Connection) -> tuple[str, ...]:
    context = MigrationContext.configure(connection, opts={"version_table": VERSION_TABLE})
    return tuple(context.get_current_heads())


async def current_revision(engine: AsyncEngine) -> str | None:
    """The database's revision, or None for a database we never migrated."""
    async with engine.connect() as connection:
        heads = await connection.run_sync(_current_heads)
    return heads[0] if heads else None


async def ensure_known_revision(engine: AsyncEngine) -> str | None:
    """Raise SchemaTooNewError if the database is at a revision this app does not ship."""
    async with engine.connect() as connection:
        heads = await connection.run_sync(_current_heads)
    scripts = script_directory()
    for head in heads:
        try:
            known = scripts.get_revision(head)
        except CommandError:
            known = None
        if known is None:
            raise SchemaTooNewError(head, scripts.get_current_head())
    return heads[0] if heads else None


async def upgrade(engine: AsyncEngine, database_url: str, revision: str = "head") -> str | None:
    """Upgrade the database behind ``engine`` to ``revision``; returns the new revision.

    A database already at head is left alone without starting Alembic (a third of a second
    saved on every start).
    """
    current = await ensure_known_revision(engine)
    if revision == "head" and current is not None and current == head_revision():
        return current
    await asyncio.to_thread(command.upgrade, alembic_config(database_url), revision)
    return await current_revision(engine)


async def downgrade(engine: AsyncEngine, database_url: str, revision: str) -> str | None:
    await ensure_known_revision(engine)
    await asyncio.to_thread(command.downgrade, alembic_config(database_url), revision)
    return await current_revision(engine)


def history(current: str | None = None) -> list[RevisionInfo]:
    """Every revision, newest first, marking the database's current one."""
    scripts = script_directory()
    heads = set(scripts.get_heads())
    return [
        RevisionInfo(
            revision=script.revision,
            down_revision=script.down_revision if isinstance(script.down_revision, str) else None,
            message=(script.doc or "").strip().splitlines()[0] if script.doc else "",
            is_current=script.revision == current,
            is_head=script.revision in heads,
        )
        for script in scripts.walk_revisions()
    ]
