"""Demo data: exact counts, valid and unique rows, appendable, deterministic, on both backends;
and harmless to a site's database: refused where users exist, accounts nobody can log in to."""

from __future__ import annotations

import asyncio
import hashlib
from datetime import UTC, datetime
from pathlib import Path
from uuid import uuid4

import pytest
from passlib.context import CryptContext
from sqlalchemy import func, insert, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncEngine

from desktop_app import cli
from desktop_app.core.emails import normalise_email
from desktop_app.core.security import hash_password, verify_password
from desktop_app.domain.validation import check_username
from desktop_app.infrastructure.database.demo_data import (
    LOCKED_PASSWORD_HASH,
    ExistingUsersError,
    fill_demo_data,
)
from desktop_app.infrastructure.database.migration_env import VERSION_TABLE
from desktop_app.infrastructure.database.models import PostModel, UserModel

pytestmark = pytest.mark.asyncio


async def add_site_user(engine: AsyncEngine) -> object:
    """One real person's account, as the web backend would have made it; returns its id."""
    user_id, now = uuid4(), datetime.now(UTC)
    async with engine.begin() as connection:
        await connection.execute(
            insert(UserModel).values(
                id=user_id,
                email="ann@example.org",
                username="ann",
                hashed_password=hash_password("ann's own password"),
                is_active=True,
                created_at=now,
                updated_at=now,
            )
        )
    return user_id


async def counts(engine: AsyncEngine) -> tuple[int, int]:
    async with engine.connect() as connection:
        users = await connection.scalar(select(func.count()).select_from(UserModel))
        posts = await connection.scalar(select(func.count()).select_from(PostModel))
    return int(users or 0), int(posts or 0)


async def test_counts_validity_and_a_password_nobody_has(engine: AsyncEngine) -> None:
    seen: list[tuple[str, int, int]] = []
    result = await fill_demo_data(
        engine,
        users=250,
        posts=600,
        seed=1,
        batch_size=100,
        progress=lambda what, done, total: seen.append((what, done, total)) or True,
    )
    assert (result.users, result.posts) == (250, 600)
    assert await counts(engine) == (250, 600)
    assert seen[-1] == ("posts", 600, 600)
    assert ("users", 100, 250) in seen
    async with engine.connect() as connection:
        rows = (await connection.execute(select(UserModel.username, UserModel.email))).all()
        hashes = set(await connection.scalars(select(UserModel.hashed_password)))
        orphans = await connection.scalar(
            text(
                "SELECT count(*) FROM posts p LEFT JOIN users u ON u.id = p.author_id "
                "WHERE u.id IS NULL"
            )
        )
    assert len({name.lower() for name, _ in rows}) == 250
    assert len({email.lower() for _, email in rows}) == 250
    for name, email in rows:
        assert check_username(name) == name
        assert normalise_email(email).lower() == email.lower()
    [shared] = hashes
    assert shared == LOCKED_PASSWORD_HASH
    for password in ("demo-password", "", shared, "!"):
        assert not verify_password(password, shared)
    assert orphans == 0


async def test_the_web_backends_password_check_accepts_no_password_for_a_demo_account() -> None:
    """The web backend verifies with passlib over the same schemes: the locked hash is no hash
    of any of them, so its login fails (passlib raises for a hash it cannot identify)."""
    web = CryptContext(schemes=["argon2", "bcrypt", "pbkdf2_sha256"])
    assert web.identify(LOCKED_PASSWORD_HASH, required=False) is None
    for password in ("demo-password", "", LOCKED_PASSWORD_HASH):
        with pytest.raises(ValueError, match="could not be identified"):
            web.verify(password, LOCKED_PASSWORD_HASH)


async def test_a_second_run_appends_without_clashing(engine: AsyncEngine) -> None:
    await fill_demo_data(engine, users=50, posts=50, seed=7)
    with pytest.raises(ExistingUsersError, match="already has 50 users"):
        await fill_demo_data(engine, users=50, posts=50, seed=7)
    assert await counts(engine) == (50, 50)
    # same seed: names must differ
    await fill_demo_data(engine, users=50, posts=50, seed=7, force=True)
    assert await counts(engine) == (100, 100)


async def test_the_same_seed_gives_the_same_data(engine: AsyncEngine) -> None:
    await fill_demo_data(engine, users=20, posts=20, seed=42)
    async with engine.connect() as connection:
        first = sorted(await connection.scalars(select(UserModel.username)))
        await connection.execute(text("DELETE FROM users"))
        await connection.commit()
    await fill_demo_data(engine, users=20, posts=20, seed=42)
    async with engine.connect() as connection:
        second = sorted(await connection.scalars(select(UserModel.username)))
    assert first == second


async def test_posts_without_any_user_are_refused(engine: AsyncEngine) -> None:
    with pytest.raises(ValueError, match="posts need authors"):
        await fill_demo_data(engine, users=0, posts=10)
    assert await counts(engine) == (0, 0)


async def test_posts_without_new_users_are_refused_even_beside_real_users(
    engine: AsyncEngine,
) -> None:
    await add_site_user(engine)
    with pytest.raises(ValueError, match="posts need authors"):
        await fill_demo_data(engine, users=0, posts=10, force=True)
    assert await counts(engine) == (1, 0)


async def test_forced_demo_posts_go_to_demo_users_only(engine: AsyncEngine) -> None:
    """With --force on a site's database, no fake post is put in a real person's name (few new
    users used to be topped up with existing ones as authors)."""
    real = await add_site_user(engine)
    await fill_demo_data(engine, users=5, posts=300, seed=2, force=True)
    async with engine.connect() as connection:
        authors = set(await connection.scalars(select(PostModel.author_id).distinct()))
        demo = set(await connection.scalars(select(UserModel.id).where(UserModel.id != real)))
    assert await counts(engine) == (6, 300)
    assert real not in authors
    assert authors <= demo


async def test_a_cancelled_import_adds_nothing(engine: AsyncEngine) -> None:

    with pytest.raises(asyncio.CancelledError):
        await fill_demo_data(
            engine,
            users=300,
            posts=300,
            batch_size=100,
            progress=lambda what, done, total: what == "users",
        )
    assert await counts(engine) == (0, 0)


async def test_imported_rows_are_searchable_and_the_index_stays_live(engine: AsyncEngine) -> None:
    """Demo rows are indexed in one pass at the end of the import (SQLite) or by the GIN
    index (PostgreSQL); either way a search agrees with a plain scan of every row, and the
    triggers are back for the writes that follow, also after a cancelled import."""

    from desktop_app.application.read_models import PostQuery
    from desktop_app.infrastructure.database.connection import make_session_factory
    from desktop_app.infrastructure.database.readers import SQLAlchemyPostReader
    from desktop_app.infrastructure.database.search import encode_terms, search_terms, words_match

    await fill_demo_data(engine, users=40, posts=120, seed=3)
    with pytest.raises(asyncio.CancelledError):
        await fill_demo_data(
            engine,
            users=30,
            posts=30,
            batch_size=10,
            progress=lambda w, d, t: w == "users",
            force=True,
        )
    await fill_demo_data(engine, users=40, posts=120, seed=4, force=True)
    async with engine.begin() as connection:
        await connection.execute(
            text(
                "UPDATE posts SET title = 'Quixotic zeppelins' "
                "WHERE id = (SELECT id FROM posts ORDER BY id LIMIT 1)"
            )
        )
        rows = (
            await connection.execute(
                text(
                    "SELECT p.title, p.content, u.username "
                    "FROM posts p JOIN users u ON u.id = p.author_id"
                )
            )
        ).all()
    posts = SQLAlchemyPostReader(make_session_factory(engine))
    for word in ("sqlite", "weekend", "postgresql habit", "quixotic", "zeppelin"):
        terms = encode_terms(search_terms(word))
        expected = sum(
            1
            for title, content, username in rows
            if words_match(terms, title, content) or words_match(terms, username)
        )
        assert await posts.count(PostQuery(search=word)) == expected, word
        assert len(await posts.fetch(PostQuery(search=word), limit=1000)) == expected, word
    assert await posts.count(PostQuery(search="quixotic")) == 1


def sqlite_file(url: str) -> Path | None:
    database = make_url(url).database
    return Path(database) if make_url(url).get_backend_name() == "sqlite" and database else None


def digest(path: Path | None) -> str | None:
    return hashlib.sha256(path.read_bytes()).hexdigest() if path else None


async def test_the_command_refuses_a_database_with_users_and_changes_nothing(
    engine: AsyncEngine, database_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    await add_site_user(engine)
    async with engine.begin() as connection:  # an older schema: a refusal must not migrate
        await connection.execute(text(f"UPDATE {VERSION_TABLE} SET version_num = '0003'"))
    await engine.dispose()  # SQLite: every page on disk before the file is hashed
    before = digest(sqlite_file(database_url))

    code = await asyncio.to_thread(
        cli.main, ["--database-url", database_url, "demo-data", "--users", "5", "--posts", "5"]
    )

    out, err = capsys.readouterr()
    assert code == 2
    assert "already has 1 user" in err
    assert "--force" in err
    assert "Traceback" not in err
    assert out == ""
    assert digest(sqlite_file(database_url)) == before
    assert await counts(engine) == (1, 0)
    async with engine.connect() as connection:
        revision = await connection.scalar(text(f"SELECT version_num FROM {VERSION_TABLE}"))
    assert revision == "0003"


async def test_the_command_with_force_adds_demo_users_as_the_only_authors(
    engine: AsyncEngine, database_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    real = await add_site_user(engine)
    argv = ["--database-url", database_url, "demo-data", "--users", "3", "--posts", "40"]
    code = await asyncio.to_thread(cli.main, [*argv, "--force"])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert "added 3 users and 40 posts" in out
    assert "demo-password" not in out + err
    async with engine.connect() as connection:
        authors = set(await connection.scalars(select(PostModel.author_id).distinct()))
        hashes = dict(
            (await connection.execute(select(UserModel.id, UserModel.hashed_password))).all()
        )
    assert await counts(engine) == (4, 40)
    assert real not in authors
    assert {hashes[author] for author in authors} == {LOCKED_PASSWORD_HASH}
    assert verify_password("ann's own password", hashes[real])


async def test_the_command_fills_an_empty_database_as_before(
    bare_engine: AsyncEngine, database_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["--database-url", database_url, "demo-data", "--users", "3", "--posts", "4"]
    assert await asyncio.to_thread(cli.main, argv) == 0, capsys.readouterr().err
    assert await counts(bare_engine) == (3, 4)
