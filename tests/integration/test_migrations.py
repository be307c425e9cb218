"""Migrations: the same revision files on SQLite and PostgreSQL, safe for existing data."""

from __future__ import annotations

import asyncio
import os
import shutil
import subprocess
import sys
import textwrap
from datetime import UTC, datetime
from functools import partial
from pathlib import Path
from uuid import uuid4

import pytest
from alembic import command
from sqlalchemy import inspect, text
from sqlalchemy.engine import Connection
from sqlalchemy.ext.asyncio import AsyncEngine

from desktop_app.application.abstract_unit_of_work import UnitOfWorkFactory
from desktop_app.domain.entities import Post, User
from desktop_app.domain.errors import SchemaTooNewError
from desktop_app.infrastructure.database import migrations
from desktop_app.infrastructure.database.connection import make_session_factory
from desktop_app.infrastructure.database.migration_env import (
    ORIGIN_TABLE,
    VERSION_TABLE,
    DataLossRefusedError,
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
    assert f"INSERT INTO {ORIGIN_TABLE}" in sql


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
    from desktop_app.application.read_models import PostQuery, UserQuery
    from desktop_app.infrastructure.database.readers import (
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


def _schema(connection: Connection) -> object:
    """Everything in the database but our version table: tables, columns with their types,
    nullability and defaults, indexes, constraints, triggers, functions, and every row."""
    rows = {
        table: sorted(map(tuple, connection.execute(text(f"SELECT * FROM {table}"))), key=repr)
        for table in ("users", "posts", "alembic_version")
        if connection.dialect.has_table(connection, table)
    }
    if connection.dialect.name == "sqlite":
        master = connection.exec_driver_sql(
            "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE tbl_name != ? ORDER BY name",
            (VERSION_TABLE,),
        )
        return rows, master.all()
    inspector = inspect(connection)
    tables = sorted(set(inspector.get_table_names()) - {VERSION_TABLE})
    described = {
        table: (
            [{k: str(v) for k, v in column.items()} for column in inspector.get_columns(table)],
            sorted(inspector.get_indexes(table), key=lambda ix: str(ix["name"])),
            inspector.get_unique_constraints(table),
            inspector.get_foreign_keys(table),
            inspector.get_pk_constraint(table),
        )
        for table in tables
    }
    triggers = connection.exec_driver_sql(
        "SELECT tgname FROM pg_trigger WHERE NOT tgisinternal ORDER BY 1"
    ).all()
    functions = connection.exec_driver_sql(
        "SELECT proname FROM pg_proc JOIN pg_namespace n ON n.oid = pronamespace "
        "WHERE nspname = 'public' ORDER BY 1"
    ).all()
    return rows, tables, described, triggers, functions


async def schema(engine: AsyncEngine) -> object:
    await engine.dispose()  # asyncpg's cached `SELECT *` plans predate the migration
    async with engine.connect() as connection:
        with expression_indexes_unreflected():
            return await connection.run_sync(_schema)


async def create_web_backend_schema(engine: AsyncEngine) -> None:
    """The web backend's tables exactly as its models declare them (updated_at nullable with no
    default, is_active with no server default, unique indexes on email and username), its own
    alembic_version, and rows as its ORM writes them (updated_at NULL until a first update)."""
    postgres = engine.dialect.name == "postgresql"
    uuid_type = "UUID" if postgres else "CHAR(32)"
    stamp = "TIMESTAMP WITH TIME ZONE"
    ann, bob = (uuid4() if postgres else uuid4().hex for _ in range(2))
    async with engine.begin() as connection:
        for statement in (
            "CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL PRIMARY KEY)",
            "INSERT INTO alembic_version VALUES ('backend_rev_7')",
            f"CREATE TABLE users (id {uuid_type} NOT NULL PRIMARY KEY, "
            "email VARCHAR(255) NOT NULL, username VARCHAR(50) NOT NULL, "
            "hashed_password VARCHAR(255) NOT NULL, is_active BOOLEAN NOT NULL, bio TEXT, "
            f"created_at {stamp} NOT NULL DEFAULT CURRENT_TIMESTAMP, updated_at {stamp})",
            "CREATE UNIQUE INDEX ix_users_email ON users (email)",
            "CREATE UNIQUE INDEX ix_users_username ON users (username)",
            f"CREATE TABLE posts (id {uuid_type} NOT NULL PRIMARY KEY, "
            "title VARCHAR(255) NOT NULL, content TEXT NOT NULL, "
            f"author_id {uuid_type} NOT NULL REFERENCES users (id) ON DELETE CASCADE, "
            f"created_at {stamp} NOT NULL DEFAULT CURRENT_TIMESTAMP, updated_at {stamp})",
        ):
            await connection.execute(text(statement))
        await connection.execute(
            text(
                "INSERT INTO users (id, email, username, hashed_password, is_active, bio, "
                "updated_at) VALUES (:ann, 'ann@example.org', 'ann', 'h', TRUE, NULL, NULL), "
                "(:bob, 'bob@example.org', 'bob', 'h', FALSE, 'hi', CURRENT_TIMESTAMP)"
            ),
            {"ann": ann, "bob": bob},
        )
        await connection.execute(
            text(
                "INSERT INTO posts (id, title, content, author_id, updated_at) "
                "VALUES (:id, 'hello', 'world', :ann, NULL)"
            ),
            {"id": uuid4() if postgres else uuid4().hex, "ann": ann},
        )


async def test_downgrade_of_an_adopted_schema_removes_only_what_we_added(
    bare_engine: AsyncEngine, database_url: str
) -> None:
    """The web backend's tables, rows and Alembic history outlive `downgrade base`: every
    index, trigger, function, column and table of ours goes, and nothing else changes."""
    await create_web_backend_schema(bare_engine)
    before = await schema(bare_engine)
    await migrations.upgrade(bare_engine, database_url)
    assert await schema(bare_engine) != before
    assert await migrations.downgrade(bare_engine, database_url, "base") is None
    assert await schema(bare_engine) == before
    assert await table_names(bare_engine) == {"users", "posts", "alembic_version", VERSION_TABLE}
    # and adopting it again works
    assert await migrations.upgrade(bare_engine, database_url) == migrations.head_revision()


async def test_downgrade_refuses_to_drop_tables_holding_rows(
    engine: AsyncEngine, database_url: str, uow_factory: UnitOfWorkFactory
) -> None:
    await seed(uow_factory)
    before = await schema(engine)
    with pytest.raises(DataLossRefusedError) as caught:
        await migrations.downgrade(engine, database_url, "base")
    message = str(caught.value)
    assert "users (1 row)" in message and "posts (3 rows)" in message
    assert "drop_data=yes" in message and "unchanged" in message
    assert await migrations.current_revision(engine) == migrations.head_revision()
    assert await schema(engine) == before
    assert await migrations.downgrade(engine, database_url, "base", drop_data=True) is None
    assert await table_names(engine) == {VERSION_TABLE}


async def test_tables_of_unknown_origin_are_kept(engine: AsyncEngine, database_url: str) -> None:
    """A database migrated before 0001 recorded what it created: its tables may be the web
    backend's, so even empty they stay."""
    async with engine.begin() as connection:
        await connection.execute(text(f"DROP TABLE {ORIGIN_TABLE}"))
    assert await migrations.downgrade(engine, database_url, "base") is None
    assert await table_names(engine) == {"users", "posts", VERSION_TABLE}


def _alembic(database_url: str, *args: str) -> subprocess.CompletedProcess[str]:
    """The `alembic` command, as a developer runs it from the checkout."""
    return subprocess.run(
        [sys.executable, "-m", "alembic", "-x", f"url={database_url}", *args],
        cwd=Path(__file__).resolve().parents[2],
        env={k: v for k, v in os.environ.items() if k != "DATABASE_URL"},
        capture_output=True,
        text=True,
        timeout=120,
        stdin=subprocess.DEVNULL,
        check=False,
    )


async def test_alembic_downgrade_drops_rows_only_with_drop_data(
    engine: AsyncEngine, database_url: str, uow_factory: UnitOfWorkFactory
) -> None:
    await seed(uow_factory)
    await engine.dispose()  # the migration connection must be the only one open
    refused = await asyncio.to_thread(_alembic, database_url, "downgrade", "base")
    assert refused.returncode != 0
    assert "FAILED: The downgrade would drop" in refused.stdout
    assert "-x drop_data=yes" in refused.stdout and "Traceback" not in refused.stderr
    assert await migrations.current_revision(engine) == migrations.head_revision()
    forced = await asyncio.to_thread(
        _alembic, database_url, "-x", "drop_data=yes", "downgrade", "base"
    )
    assert forced.returncode == 0, forced.stderr
    assert await table_names(engine) == {VERSION_TABLE}
