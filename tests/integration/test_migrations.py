"""Migrations: the same revision files on SQLite and PostgreSQL, safe for existing data."""

from __future__ import annotations

import asyncio
import shutil
import textwrap
from datetime import UTC, datetime
from functools import partial
from pathlib import Path
from uuid import uuid4

import pytest
from alembic import command
from sqlalchemy import inspect, text
from sqlalchemy.ext.asyncio import AsyncEngine

from desktop_app.application.unit_of_work import UnitOfWorkFactory
from desktop_app.domain.entities import Post, User
from desktop_app.domain.errors import SchemaTooNewError
from desktop_app.infrastructure.database import migrations
from desktop_app.infrastructure.database.connection import make_session_factory
from desktop_app.infrastructure.database.migration_env import (
    VERSION_TABLE,
    ForeignKeyCheckError,
    expression_indexes_unreflected,
)
from desktop_app.infrastructure.database.unit_of_work import SQLAlchemyUnitOfWork

pytestmark = pytest.mark.asyncio


async def table_names(engine: AsyncEngine) -> set[str]:
    async with engine.connect() as connection:
        return set(await connection.run_sync(lambda c: inspect(c).get_table_names()))


async def seed(uow_factory: UnitOfWorkFactory) -> None:
    async with uow_factory() as uow:
        # updated_at set: this seed also runs at revisions before 0004, where it was NOT NULL
        now = datetime.now(UTC)
        ann = await uow.users.create(
            User(email="a@example.org", username="ann", hashed_password="x", updated_at=now)
        )
        for i in range(3):
            await uow.posts.create(
                Post(title=f"t{i}", content="c", author_id=ann.id, updated_at=now)
            )
        await uow.commit()


async def test_upgrade_creates_schema_and_downgrade_removes_it(
    bare_engine: AsyncEngine, database_url: str
) -> None:
    assert await migrations.current_revision(bare_engine) is None
    revision = await migrations.upgrade(bare_engine, database_url)
    assert revision == migrations.head_revision()
    assert {"users", "posts", VERSION_TABLE} <= await table_names(bare_engine)
    assert await migrations.downgrade(bare_engine, database_url, "base") is None
    assert not {"users", "posts"} & await table_names(bare_engine)
    assert await migrations.upgrade(bare_engine, database_url) == migrations.head_revision()


async def test_models_and_migrations_agree(engine: AsyncEngine, database_url: str) -> None:
    """`alembic check`: autogenerate finds nothing to add on a database at head."""
    await asyncio.to_thread(command.check, migrations.alembic_config(database_url))


async def test_upgrading_again_keeps_data(
    engine: AsyncEngine, database_url: str, uow_factory: UnitOfWorkFactory
) -> None:
    await seed(uow_factory)
    await migrations.upgrade(engine, database_url)
    async with uow_factory() as uow:
        assert (await uow.users.count(), await uow.posts.count()) == (1, 3)


async def test_schema_newer_than_the_app_is_refused_and_untouched(
    engine: AsyncEngine, database_url: str, uow_factory: UnitOfWorkFactory
) -> None:
    await seed(uow_factory)
    async with engine.begin() as connection:
        await connection.execute(text(f"UPDATE {VERSION_TABLE} SET version_num = 'f00dfeed'"))
    with pytest.raises(SchemaTooNewError) as caught:
        await migrations.upgrade(engine, database_url)
    assert "f00dfeed" in str(caught.value)
    assert "newer version" in str(caught.value)
    assert await migrations.current_revision(engine) == "f00dfeed"
    async with uow_factory() as uow:
        assert await uow.posts.count() == 3


async def test_existing_web_backend_tables_are_adopted(
    bare_engine: AsyncEngine, database_url: str
) -> None:
    """A database the web backend created (its own DDL, its own alembic_version) keeps its
    rows; we add only our indexes and our own version table."""
    uuid_type = "UUID" if bare_engine.dialect.name == "postgresql" else "CHAR(32)"
    async with bare_engine.begin() as connection:
        await connection.execute(text("CREATE TABLE alembic_version (version_num VARCHAR(32))"))
        await connection.execute(text("INSERT INTO alembic_version VALUES ('backend_rev_7')"))
        await connection.execute(
            text(
                f"CREATE TABLE users (id {uuid_type} PRIMARY KEY, email VARCHAR(255) UNIQUE NOT "
                "NULL, username VARCHAR(50) UNIQUE NOT NULL, hashed_password VARCHAR(255) NOT "
                "NULL, is_active BOOLEAN NOT NULL DEFAULT TRUE, bio TEXT, created_at TIMESTAMP "
                "WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP, updated_at TIMESTAMP WITH "
                "TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP)"
            )
        )
        await connection.execute(
            text(
                f"CREATE TABLE posts (id {uuid_type} PRIMARY KEY, title VARCHAR(255) NOT NULL, "
                f"content TEXT NOT NULL, author_id {uuid_type} NOT NULL REFERENCES users(id) ON "
                "DELETE CASCADE, created_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT "
                "CURRENT_TIMESTAMP, updated_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT "
                "CURRENT_TIMESTAMP)"
            )
        )
        uid = uuid4()
        user_id = uid if bare_engine.dialect.name == "postgresql" else uid.hex
        await connection.execute(
            text(
                "INSERT INTO users (id, email, username, hashed_password) "
                "VALUES (:id, 'web@example.org', 'webuser', 'h')"
            ),
            {"id": user_id},
        )
    await migrations.upgrade(bare_engine, database_url)
    async with bare_engine.connect() as connection:
        backend_rev = (
            await connection.execute(text("SELECT version_num FROM alembic_version"))
        ).scalar()
        with expression_indexes_unreflected():
            indexes = await connection.run_sync(
                lambda c: {ix["name"] for ix in inspect(c).get_indexes("posts")}
            )
    assert backend_rev == "backend_rev_7"
    assert "ix_posts_created_at_id" in indexes
    uow_factory = partial(SQLAlchemyUnitOfWork, make_session_factory(bare_engine))
    async with uow_factory() as uow:
        web = await uow.users.get_by_username("webuser")
    assert web is not None and web.is_active and web.created_at.tzinfo is not None


async def test_offline_sql_is_printed_for_review(
    database_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    await asyncio.to_thread(
        command.upgrade, migrations.alembic_config(database_url), "head", sql=True
    )
    sql = capsys.readouterr().out
    assert "CREATE TABLE users" in sql
    assert "ON DELETE CASCADE" in sql
    assert f"INSERT INTO {VERSION_TABLE}" in sql


def _scripts_with_rebuild_of_users(tmp_path: Path) -> Path:
    """Our migrations plus one that rebuilds the users table the way SQLite batch mode does."""
    scripts = tmp_path / "migrations"
    shutil.copytree(migrations.migrations_dir(), scripts)
    head = migrations.head_revision()
    (scripts / "versions" / "9999_rebuild_users.py").write_text(
        textwrap.dedent(
            f'''
            """Test-only: change a column type, which rebuilds users on SQLite."""
            import sqlalchemy as sa
            from alembic import op

            revision = "9999"
            down_revision = {head!r}

            def upgrade():
                with op.batch_alter_table("users", recreate="auto") as batch:
                    batch.alter_column("bio", type_=sa.String(5000), existing_nullable=True)

            def downgrade():
                with op.batch_alter_table("users", recreate="auto") as batch:
                    batch.alter_column("bio", type_=sa.Text(), existing_nullable=True)
            '''
        )
    )
    return scripts


async def test_table_rebuild_does_not_cascade_delete_posts(
    engine: AsyncEngine, database_url: str, uow_factory: UnitOfWorkFactory, tmp_path: Path
) -> None:
    await seed(uow_factory)
    config = migrations.alembic_config(database_url)
    config.set_main_option("script_location", str(_scripts_with_rebuild_of_users(tmp_path)))
    await engine.dispose()  # the migration connection must be the only one open
    await asyncio.to_thread(command.upgrade, config, "head")
    await asyncio.to_thread(command.downgrade, config, "-1")
    async with uow_factory() as uow:
        assert (await uow.users.count(), await uow.posts.count()) == (1, 3)
    async with engine.connect() as connection:
        if engine.dialect.name == "sqlite":
            # and the app's own connections enforce foreign keys again afterwards
            assert (await connection.exec_driver_sql("PRAGMA foreign_keys")).scalar() == 1


async def test_migration_leaving_dangling_rows_is_rolled_back(
    engine: AsyncEngine, database_url: str, uow_factory: UnitOfWorkFactory, tmp_path: Path
) -> None:
    """On SQLite the foreign_key_check catches what the cascade-free migration left dangling;
    on PostgreSQL (which cascades itself) a failing step stands in. Either way the new table,
    the deleted rows and the version stamp all roll back together."""
    expected: type[Exception] = ForeignKeyCheckError
    if engine.dialect.name != "sqlite":
        expected = RuntimeError
    await seed(uow_factory)
    scripts = tmp_path / "migrations"
    shutil.copytree(migrations.migrations_dir(), scripts)
    (scripts / "versions" / "9998_bad.py").write_text(
        textwrap.dedent(
            f"""
            import sqlalchemy as sa
            from alembic import op

            revision = "9998"
            down_revision = {migrations.head_revision()!r}

            def upgrade():
                op.create_table("notes", sa.Column("id", sa.Integer, primary_key=True))
                op.execute("DELETE FROM users")
                if op.get_bind().dialect.name != "sqlite":
                    raise RuntimeError("simulated failure after DDL and DML")

            def downgrade():
                op.drop_table("notes")
            """
        )
    )
    config = migrations.alembic_config(database_url)
    config.set_main_option("script_location", str(scripts))
    await engine.dispose()
    with pytest.raises(expected):
        await asyncio.to_thread(command.upgrade, config, "head")
    assert "notes" not in await table_names(engine)
    assert await migrations.current_revision(engine) == migrations.head_revision()
    async with uow_factory() as uow:
        assert (await uow.users.count(), await uow.posts.count()) == (1, 3)


async def test_revisions_read_from_the_files_agree_with_alembic() -> None:
    from desktop_app.infrastructure.database.migrations import _read_revisions

    scripts = migrations.script_directory()
    head, known = _read_revisions(migrations.migrations_dir() / "versions")
    assert head == scripts.get_current_head()
    assert known == {script.revision for script in scripts.walk_revisions()}


async def test_full_text_search_indexes_rows_that_existed_before_it(
    bare_engine: AsyncEngine, database_url: str
) -> None:
    """Migration 0003 indexes the rows already there, and its downgrade leaves no trace."""
    from desktop_app.application.queries import PostQuery, UserQuery
    from desktop_app.infrastructure.database.queries import (
        SQLAlchemyPostReader,
        SQLAlchemyUserReader,
    )

    await migrations.upgrade(bare_engine, database_url, "0002")
    await seed(partial(SQLAlchemyUnitOfWork, make_session_factory(bare_engine)))
    before = await table_names(bare_engine)
    await migrations.upgrade(bare_engine, database_url)
    factory = make_session_factory(bare_engine)
    assert await SQLAlchemyUserReader(factory).count(UserQuery(search="ann")) == 1
    assert await SQLAlchemyPostReader(factory).count(PostQuery(search="t1")) == 1
    assert await SQLAlchemyPostReader(factory).count(PostQuery(search="ann")) == 3
    await migrations.downgrade(bare_engine, database_url, "0002")
    assert await table_names(bare_engine) == before
    async with bare_engine.connect() as connection:
        leftovers = await connection.run_sync(
            lambda c: [ix["name"] for t in ("users", "posts") for ix in inspect(c).get_indexes(t)]
        )
    assert not [name for name in leftovers if name and name.endswith("_search")]
