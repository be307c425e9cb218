from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from typing import Any
from uuid import uuid4

import pytest
from sqlalchemy import event
from sqlalchemy.ext.asyncio import AsyncEngine

from desktop_app.application.abstract_unit_of_work import UnitOfWorkFactory
from desktop_app.domain.entities import CreatePostDTO, Post, User
from desktop_app.domain.errors import PostNotFoundError, UserNotFoundError

pytestmark = pytest.mark.asyncio


@contextmanager
def count_selects(engine: AsyncEngine) -> Iterator[list[str]]:
    statements: list[str] = []

    def record(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if statement.lstrip().upper().startswith("SELECT"):
            statements.append(statement)

    event.listen(engine.sync_engine, "before_cursor_execute", record)
    try:
        yield statements
    finally:
        event.remove(engine.sync_engine, "before_cursor_execute", record)


async def seed(uow_factory: UnitOfWorkFactory, authors: int, posts_each: int) -> list[User]:
    base = datetime(2026, 1, 1, tzinfo=UTC)
    users = [
        User(email=f"a{n}@example.org", username=f"author{n}", hashed_password="x")
        for n in range(authors)
    ]
    async with uow_factory() as uow:
        for user in users:
            await uow.users.create(user)
        minute = 0
        for i in range(posts_each):
            for user in users:
                when = base + timedelta(minutes=minute)
                minute += 1
                await uow.posts.create(
                    Post(
                        title=f"{user.username} #{i}",
                        content="body",
                        author_id=user.id,
                        created_at=when,
                        updated_at=when,
                    )
                )
        await uow.commit()
    return users


async def test_create_post_returns_author_username(uow_factory: UnitOfWorkFactory) -> None:
    [ann] = await seed(uow_factory, 1, 0)
    async with uow_factory() as uow:
        post = await uow.posts.create_post(CreatePostDTO("Hello", "World", ann.id))
        await uow.commit()
    assert post.author_username == "author0"
    async with uow_factory() as uow:
        loaded = await uow.posts.get_by_id(post.id)
    assert loaded is not None
    assert (loaded.title, loaded.content, loaded.author_username) == ("Hello", "World", "author0")
    assert loaded.created_at.tzinfo is not None


async def test_post_for_unknown_author_is_refused(uow_factory: UnitOfWorkFactory) -> None:
    async with uow_factory() as uow:
        with pytest.raises(UserNotFoundError):
            await uow.posts.create_post(CreatePostDTO("t", "c", uuid4()))


async def test_page_of_posts_with_authors_costs_one_select(
    uow_factory: UnitOfWorkFactory, engine: AsyncEngine
) -> None:
    await seed(uow_factory, authors=10, posts_each=5)
    async with uow_factory() as uow:
        with count_selects(engine) as selects:
            page = await uow.posts.get_all(limit=50)
    assert len(page) == 50
    assert {p.author_username for p in page} == {f"author{n}" for n in range(10)}
    assert len(selects) <= 2, selects


async def test_get_all_is_newest_first_and_paged(uow_factory: UnitOfWorkFactory) -> None:
    await seed(uow_factory, authors=2, posts_each=3)
    async with uow_factory() as uow:
        first = await uow.posts.get_all(limit=4)
        rest = await uow.posts.get_all(skip=4, limit=4)
        total = await uow.posts.count()
    assert [p.title for p in first] == ["author1 #2", "author0 #2", "author1 #1", "author0 #1"]
    assert [p.title for p in rest] == ["author1 #0", "author0 #0"]
    assert total == 6


async def test_get_by_author_and_count_by_authors(
    uow_factory: UnitOfWorkFactory, engine: AsyncEngine
) -> None:
    ann, bob, cid = await seed(uow_factory, authors=3, posts_each=4)
    async with uow_factory() as uow:
        with count_selects(engine) as selects:
            mine = await uow.posts.get_by_author(bob.id, skip=1, limit=2)
        both = await uow.posts.count_by_authors([ann.id, cid.id, uuid4()])
    assert [p.title for p in mine] == ["author1 #2", "author1 #1"]
    assert all(p.author_username == "author1" for p in mine)
    assert len(selects) == 1
    assert both == 8


async def test_update_post_moves_author_and_bumps_updated_at(
    uow_factory: UnitOfWorkFactory,
) -> None:
    ann, bob = await seed(uow_factory, authors=2, posts_each=1)
    async with uow_factory() as uow:
        [post] = await uow.posts.get_by_author(ann.id)
        post.title, post.author_id = "Moved", bob.id
        updated = await uow.posts.update(post)
        await uow.commit()
    assert updated.author_username == "author1"
    assert updated.updated_at > post.created_at
    async with uow_factory() as uow:
        assert [p.title for p in await uow.posts.get_by_author(bob.id)] == ["author1 #0", "Moved"]


async def test_update_and_delete_missing_post(uow_factory: UnitOfWorkFactory) -> None:
    [ann] = await seed(uow_factory, 1, 0)
    async with uow_factory() as uow:
        with pytest.raises(PostNotFoundError):
            await uow.posts.update(Post(title="t", content="c", author_id=ann.id))
    async with uow_factory() as uow:
        assert await uow.posts.delete(uuid4()) is False


async def test_delete_post(uow_factory: UnitOfWorkFactory) -> None:
    await seed(uow_factory, 1, 2)
    async with uow_factory() as uow:
        [first, _] = await uow.posts.get_all()
        assert await uow.posts.delete(first.id) is True
        await uow.commit()
    async with uow_factory() as uow:
        assert await uow.posts.count() == 1
        assert await uow.posts.get_by_id(first.id) is None
