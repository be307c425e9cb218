"""The in-process migration runner: what the app does when it opens a database.

It refuses a database whose schema revision this version does not know (a newer app wrote it)
and leaves it untouched; otherwise it upgrades to head through the same ``migrations/env.py`` the
``alembic`` command uses, in a worker thread, so the window keeps painting meanwhile.
"""

from __future__ import annotations

import ast
import asyncio
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import text
from sqlalchemy.engine import Connection
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncEngine

from desktop_app.domain.errors import SchemaTooNewError
from desktop_app.domain.messages import Message, Texts
from desktop_app.infrastructure.database.migration_env import DROP_DATA, VERSION_TABLE

if TYPE_CHECKING:  # Alembic is imported only when a migration really runs (start-up time)
    from alembic.config import Config
    from alembic.script import ScriptDirectory


def migrations_dir() -> Path:
    """The Alembic scripts: the package ``desktop_app._migrations``, which is the checkout's
    top-level ``migrations/`` mapped into every install (pyproject.toml, build.spec)."""
    from importlib.resources import files

    scripts = files("desktop_app._migrations")
    if not isinstance(scripts, Path):  # a zipped package: Alembic needs a real folder
        raise RuntimeError(f"the migrations are not a folder on disk: {scripts}")
    return scripts


def alembic_config(database_url: str | None = None) -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(migrations_dir()).replace("%", "%%"))
    if database_url is not None:
        cfg.attributes["database_url"] = database_url
    return cfg


def script_directory() -> ScriptDirectory:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config())


def head_revision() -> str | None:
    return _known_revisions()[0]


def is_known_revision(revision: str) -> bool:
    """Whether this version ships ``revision`` (one a newer version wrote is not)."""
    return revision in _known_revisions()[1]


def _known_revisions() -> tuple[str | None, frozenset[str]]:
    """(head, every revision) read from the revision files, once per process.

    The files are parsed for their ``revision`` / ``down_revision`` assignments instead of
    asking Alembic: importing Alembic to learn one string took ~100 ms of every database
    open. tests/integration/test_migrations.py checks that the answer equals Alembic's.
    """
    global _revisions
    if _revisions is None:
        _revisions = _read_revisions(migrations_dir() / "versions")
    return _revisions


def _read_revisions(versions: Path) -> tuple[str | None, frozenset[str]]:
    revisions: set[str] = set()
    parents: set[str] = set()
    for path in versions.glob("*.py"):
        values: dict[str, object] = {}
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            target: ast.expr | None = None
            if isinstance(node, ast.AnnAssign):
                target = node.target
            elif isinstance(node, ast.Assign) and len(node.targets) == 1:
                target = node.targets[0]
            value = getattr(node, "value", None)
            if (
                isinstance(target, ast.Name)
                and target.id in ("revision", "down_revision")
                and value is not None
            ):
                values[target.id] = ast.literal_eval(value)
        revision, down = values.get("revision"), values.get("down_revision")
        if isinstance(revision, str):
            revisions.add(revision)
            if isinstance(down, str):
                parents.add(down)
            elif isinstance(down, tuple | list):
                parents.update(str(d) for d in down)
    heads = sorted(revisions - parents)
    return (heads[0] if len(heads) == 1 else None), frozenset(revisions)


_revisions: tuple[str | None, frozenset[str]] | None = None


class SchemaTexts(Texts):
    """The translation context of the schema state in words (the connection test says it)."""


def revision_message(current: str | None) -> Message:
    """The schema state in words, for the CLI and the connection test."""
    head = head_revision()
    if current is None:
        return SchemaTexts.tr("no schema yet (it is created on first open, or by: db upgrade)")
    if current == head:
        return SchemaTexts.tr("schema {revision}, up to date", revision=current)
    return SchemaTexts.tr(
        "schema {revision}, to be upgraded to {head} (on open, or by: db upgrade)",
        revision=current,
        head=str(head),
    )


@dataclass(frozen=True, slots=True)
class RevisionInfo:
    revision: str
    down_revision: str | None
    message: str
    is_current: bool
    is_head: bool


def _current_heads(connection: Connection) -> tuple[str, ...]:
    """The revisions in our version table (none for a database we never migrated).

    Read with plain SQL: Alembic's MigrationContext would import every dialect's DDL module.
    """
    if not connection.dialect.has_table(connection, VERSION_TABLE):
        return ()
    try:
        rows = connection.execute(text(f"SELECT version_num FROM {VERSION_TABLE}")).all()
    except DBAPIError:  # pragma: no cover - the table vanished between the two statements
        return ()
    return tuple(str(row[0]) for row in rows)


async def current_revision(engine: AsyncEngine) -> str | None:
    """The database's revision, or None for a database we never migrated."""
    async with engine.connect() as connection:
        heads = await connection.run_sync(_current_heads)
    return heads[0] if heads else None


async def ensure_known_revision(engine: AsyncEngine) -> str | None:
    """Raise SchemaTooNewError if the database is at a revision this app does not ship."""
    async with engine.connect() as connection:
        heads = await connection.run_sync(_current_heads)
    head, known = _known_revisions()
    for revision in heads:
        if revision not in known:
            raise SchemaTooNewError(revision, head)
    return heads[0] if heads else None


async def upgrade(engine: AsyncEngine, database_url: str, revision: str = "head") -> str | None:
    """Upgrade the database behind ``engine`` to ``revision``; returns the new revision.

    A database already at head is left alone without starting Alembic (a third of a second
    saved on every start).
    """
    current = await ensure_known_revision(engine)
    if revision == "head" and current is not None and current == head_revision():
        return current
    from alembic import command

    await asyncio.to_thread(command.upgrade, alembic_config(database_url), revision)
    return await current_revision(engine)


async def downgrade(
    engine: AsyncEngine, database_url: str, revision: str, *, drop_data: bool = False
) -> str | None:
    """Downgrade to ``revision``; returns the new revision. Tables the app created that hold
    rows are dropped only with ``drop_data``: otherwise DataLossRefusedError, and the database
    is unchanged. Tables adopted from the web backend are never dropped."""
    from alembic import command

    await ensure_known_revision(engine)
    config = alembic_config(database_url)
    config.attributes[DROP_DATA] = drop_data
    await asyncio.to_thread(command.downgrade, config, revision)
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
