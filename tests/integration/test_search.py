"""Full-text search: what a search box's text matches, the same whichever way it is answered.

On SQLite a search is answered by the FTS5 index (rare words) or by an ordered scan (common
words); on PostgreSQL by its GIN index. The tests pin the meaning and show that the index stays
current when rows are written behind the app's back, as the web backend does.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from uuid import uuid4

import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from desktop_app.application.abstract_unit_of_work import UnitOfWorkFactory
from desktop_app.application.read_models import PostQuery, UserQuery
from desktop_app.domain.entities import Post, User
from desktop_app.infrastructure.database.readers import (
    SQLAlchemyPostReader,
    SQLAlchemyUserReader,
)
from desktop_app.infrastructure.database.search_planner import ReadTuning
from tests.integration.test_read_queries import readers

pytestmark = pytest.mark.asyncio

BASE = datetime(2026, 5, 1, tzinfo=UTC)

POSTS = [
    ("Tuning PostgreSQL autovacuum", "Why the defaults are too timid for busy tables."),
    ("Weekend notes", "Sourdough, a long walk, and SQLite's query planner."),
    ("Release 2.1", "Dark mode, faster search and a fix for the export dialog."),
    ("Sourdough diary", "Day three: the starter smells like apples."),
    ("Backups that restore", "A backup you never restored is a hope, not a backup."),
]


async def seed(uow_factory: UnitOfWorkFactory) -> list[User]:
    users = [
        ("ada@analytical.example", "ada_lovelace", "Poet of science; writes about engines."),
        ("grace@navy.example", "grace.hopper", "Compilers, COBOL and nanoseconds."),
        ("linus@kernel.example", "linus", None),
        ("jose@example.org", "jose_m", "Café owner who writes about sourdough."),
    ]
    created = []
    async with uow_factory() as uow:
        for n, (email, username, bio) in enumerate(users):
            when = BASE + timedelta(minutes=n)
            created.append(
                await uow.users.create(
                    User(
                        email=email,
                        username=username,
                        hashed_password="x",
                        bio=bio,
                        created_at=when,
                        updated_at=when,
                    )
                )
            )
        for n, (title, content) in enumerate(POSTS):
            when = BASE + timedelta(hours=n)
            await uow.posts.create(
                Post(
                    title=title,
                    content=content,
                    author_id=created[n % 4].id,
                    created_at=when,
                    updated_at=when,
                )
            )
        await uow.commit()
    return created


async def titles(posts: SQLAlchemyPostReader, search: str) -> set[str]:
    rows = await posts.fetch(PostQuery(search=search), limit=100)
    assert await posts.count(PostQuery(search=search)) == len(rows)
    return {row.title for row in rows}


async def usernames(users: SQLAlchemyUserReader, search: str) -> set[str]:
    rows = await users.fetch(UserQuery(search=search), limit=100)
    assert await users.count(UserQuery(search=search)) == len(rows)
    return {row.username for row in rows}


@pytest.fixture(params=["rare", "common"])
def plan(request: pytest.FixtureRequest) -> ReadTuning:
    """Tuning that answers every search through the FTS5 index ("rare") or the ordered scan
    ("common")."""
    return ReadTuning(
        dense_after=10**9 if request.param == "rare" else -1,
        dense_fraction=0.0,
        dense_fraction_spread=0.0,
    )


async def test_words_are_matched_by_prefix_and_in_order(
    engine: AsyncEngine, uow_factory: UnitOfWorkFactory, plan: ReadTuning
) -> None:
    await seed(uow_factory)
    users, posts = readers(engine, plan)
    assert await titles(posts, "sourdough") == {"Weekend notes", "Sourdough diary"}
    assert await titles(posts, "SOURD") == {"Weekend notes", "Sourdough diary"}
    assert await titles(posts, "ourdough") == set()  # words start where they start
    assert await titles(posts, "backup restored") == {"Backups that restore"}
    assert await titles(posts, "backup planner") == set()  # every term must match
    assert await titles(posts, "query planner") == {"Weekend notes"}
    assert await titles(posts, "planner query") == {"Weekend notes"}  # terms in any order
    assert await titles(posts, '"sqlite\'s query"') == {"Weekend notes"}  # words in order
    assert await titles(posts, "release 2.1") == {"Release 2.1"}
    assert await titles(posts, "%") == set()
    assert await usernames(users, "grace.hop") == {"grace.hopper"}
    assert await usernames(users, "hopper") == {"grace.hopper"}
    assert await usernames(users, "navy.example") == {"grace.hopper"}
    assert await usernames(users, "engines") == {"ada_lovelace"}  # bio
    assert await usernames(users, "writes about") == {"ada_lovelace", "jose_m"}


async def test_posts_are_found_by_their_authors_username(
    engine: AsyncEngine, uow_factory: UnitOfWorkFactory, plan: ReadTuning
) -> None:
    await seed(uow_factory)
    _, posts = readers(engine, plan)
    # posts 0 and 4 are ada's; "poet" is only in her bio, which a post search does not cover
    assert await titles(posts, "ada_lovelace") == {
        "Tuning PostgreSQL autovacuum",
        "Backups that restore",
    }
    assert await titles(posts, "poet") == set()
    author = (await posts.fetch(PostQuery(search="linus"), limit=10))[0]
    assert author.author_username == "linus"


async def test_accents_are_ignored_on_sqlite_only(
    engine: AsyncEngine, uow_factory: UnitOfWorkFactory, plan: ReadTuning
) -> None:
    await seed(uow_factory)
    users, _ = readers(engine, plan)
    if engine.dialect.name != "sqlite":
        # PostgreSQL's 'simple' configuration keeps accents (unaccent is an extension)
        assert await usernames(users, "cafe") == set()
        assert await usernames(users, "CAFÉ") == {"jose_m"}
        return
    assert await usernames(users, "cafe") == {"jose_m"}
    assert await usernames(users, "CAFÉ") == {"jose_m"}


async def test_rows_written_behind_the_apps_back_are_found(
    engine: AsyncEngine, uow_factory: UnitOfWorkFactory
) -> None:
    """Plain SQL, as the web backend writes: the index follows inserts, updates, deletes and
    the cascade from a deleted user."""
    seeded = await seed(uow_factory)
    users, posts = readers(engine)
    post_id, author = uuid4(), seeded[2].id
    ids = {"id": post_id.hex if engine.dialect.name == "sqlite" else post_id}
    author_id = author.hex if engine.dialect.name == "sqlite" else author
    async with engine.begin() as connection:
        await connection.execute(
            text(
                "INSERT INTO posts (id, title, content, author_id, created_at, updated_at) "
                "VALUES (:id, 'Zeppelin logbook', 'Hydrogen was a mistake.', :author, "
                "CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"
            ),
            {**ids, "author": author_id},
        )
    assert await titles(posts, "zeppelin") == {"Zeppelin logbook"}
    async with engine.begin() as connection:
        await connection.execute(
            text("UPDATE posts SET title = 'Airship logbook' WHERE id = :id"), ids
        )
    assert await titles(posts, "zeppelin") == set()
    assert await titles(posts, "airship hydrogen") == {"Airship logbook"}
    async with engine.begin() as connection:
        await connection.execute(
            text("UPDATE users SET username = 'torvalds' WHERE id = :id"), {"id": author_id}
        )
    assert await usernames(users, "torvalds") == {"torvalds"}
    assert await usernames(users, "linus") == {"torvalds"}  # still in the email
    assert await titles(posts, "torvalds") == {"Airship logbook", "Release 2.1"}
    async with engine.begin() as connection:
        await connection.execute(text("DELETE FROM users WHERE id = :id"), {"id": author_id})
    assert await titles(posts, "airship") == set()
    assert await usernames(users, "torvalds") == set()
    if engine.dialect.name == "sqlite":
        async with engine.connect() as connection:
            keys = await connection.scalar(text("SELECT count(*) FROM posts_search_keys"))
            rows = await connection.scalar(text("SELECT count(*) FROM posts"))
        assert keys == rows == len(POSTS) - 1


async def test_the_probe_tells_rare_from_common(
    engine: AsyncEngine, uow_factory: UnitOfWorkFactory
) -> None:
    await seed(uow_factory)
    _, posts = readers(engine, ReadTuning(dense_after=1, dense_fraction=0, dense_fraction_spread=0))
    if engine.dialect.name != "sqlite":
        await postgres_estimates_rare_and_common(engine)
        return
    async with engine.connect() as connection:
        rare = await posts._search(connection, PostQuery(search="autovacuum"))
        common = await posts._search(connection, PostQuery(search="sourdough"))
        short_and_rare = await posts._search(connection, PostQuery(search="z"))
        by_author = await posts._search(connection, PostQuery(search="ada"))
    assert rare is not None and not rare.dense and not rare.authors_match
    assert common is not None and common.dense
    assert short_and_rare is not None and not short_and_rare.dense
    assert by_author is not None and by_author.authors_match


async def postgres_estimates_rare_and_common(engine: AsyncEngine) -> None:
    """PostgreSQL: a share estimated from the column statistics decides whether the matches
    are collected first and sorted (rare) or the sort index is walked (common); the rows are
    the same either way."""
    async with engine.begin() as connection:
        await connection.execute(text("ANALYZE posts"))
    expected = {"Weekend notes", "Sourdough diary"}
    for fraction, fenced in ((2.0, True), (0.0, False)):
        _, posts = readers(engine, ReadTuning(pg_dense_fraction=fraction))
        async with engine.connect() as connection:
            search = await posts._search(connection, PostQuery(search="sourdough"))
            share = await posts.planner.pg_share(connection, (("sourdough",),))
        assert search is not None and search.mode == "postgresql"
        assert search.fenced is fenced
        assert share is not None and 0 < share < 1  # 2 of the 5 posts, by the statistics
        assert await titles(posts, "sourdough") == expected
        rows = await posts.fetch(PostQuery(search="sourdough", sort="title"), limit=10)
        assert [r.title for r in rows] == sorted(expected, reverse=True)  # descending


async def test_without_fts5_search_falls_back_to_substrings(
    engine: AsyncEngine,
    uow_factory: UnitOfWorkFactory,
) -> None:
    """A SQLite built without FTS5 gets no index from migration 0003; LIKE answers instead."""
    await seed(uow_factory)
    if engine.dialect.name != "sqlite":  # PostgreSQL always has full-text search
        assert await titles(readers(engine)[1], "ourdough") == set()
        return
    async with engine.begin() as connection:
        for table in ("users", "posts"):
            for action in ("insert", "delete", "update"):
                await connection.execute(text(f"DROP TRIGGER {table}_search_{action}"))
            await connection.execute(text(f"DROP TABLE {table}_fts"))
            await connection.execute(text(f"DROP TABLE {table}_search_keys"))
    users, posts = readers(engine)
    assert await titles(posts, "ourdough") == {"Weekend notes", "Sourdough diary"}
    assert await usernames(users, "ace.hop") == {"grace.hopper"}
