"""Demo data: exact counts, valid and unique rows, appendable, deterministic, on both backends."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.ext.asyncio import AsyncEngine

from desktop_app.core.emails import normalise_email
from desktop_app.core.security import verify_password
from desktop_app.domain.validation import check_username
from desktop_app.infrastructure.database.demo_data import DEMO_PASSWORD, fill_demo_data
from desktop_app.infrastructure.database.models import PostModel, UserModel

pytestmark = pytest.mark.asyncio


async def counts(engine: AsyncEngine) -> tuple[int, int]:
    async with engine.connect() as connection:
        users = await connection.scalar(select(func.count()).select_from(UserModel))
        posts = await connection.scalar(select(func.count()).select_from(PostModel))
    return int(users or 0), int(posts or 0)


async def test_counts_validity_and_the_shared_password(engine: AsyncEngine) -> None:
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
    assert verify_password(DEMO_PASSWORD, shared)
    assert orphans == 0


async def test_a_second_run_appends_without_clashing(engine: AsyncEngine) -> None:
    await fill_demo_data(engine, users=50, posts=50, seed=7)
    await fill_demo_data(engine, users=50, posts=50, seed=7)  # same seed: names must differ
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


async def test_a_cancelled_import_adds_nothing(engine: AsyncEngine) -> None:
    import asyncio

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
    import asyncio

    from desktop_app.application.queries import PostQuery
    from desktop_app.infrastructure.database.connection import make_session_factory
    from desktop_app.infrastructure.database.queries import SQLAlchemyPostReader
    from desktop_app.infrastructure.database.search import encode_terms, search_terms, words_match

    await fill_demo_data(engine, users=40, posts=120, seed=3)
    with pytest.raises(asyncio.CancelledError):
        await fill_demo_data(
            engine, users=30, posts=30, batch_size=10, progress=lambda w, d, t: w == "users"
        )
    await fill_demo_data(engine, users=40, posts=120, seed=4)
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
