"""The repositories' exact writes (issue #11), one guarantee at a time, on both backends:
restore copies every column verbatim and skips an id that exists, rewrite and delete_versions
are compare-and-set (a NULL version included), stale names the rows at another version."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import pytest

from desktop_app.application.abstract_unit_of_work import UnitOfWorkFactory
from desktop_app.domain.entities import Post, User
from desktop_app.infrastructure.database.repositories import exact_writes

pytestmark = pytest.mark.asyncio

T0 = datetime(2024, 5, 6, 7, 8, 9, 123456, tzinfo=UTC)
T1 = datetime(2024, 5, 7, 7, 8, 9, 654321, tzinfo=UTC)


def ann(**fields: object) -> User:
    user = User(
        email="ann@example.org",
        username="ann",
        hashed_password="$2b$12$exact.hash",
        is_active=False,
        bio=None,
        created_at=T0,
        updated_at=None,
    )
    return replace(user, **fields)  # type: ignore[arg-type]


async def test_restore_is_verbatim_and_skips_ids_that_exist(uow_factory: UnitOfWorkFactory) -> None:
    user = ann(updated_at=T1)
    post = Post(title="T", content="C", author_id=user.id, created_at=T0, updated_at=None)
    async with uow_factory() as uow:
        assert await uow.users.restore([user]) == 1
        assert await uow.posts.restore([post]) == 1
        await uow.commit()
    async with uow_factory() as uow:
        assert await uow.users.get_many([user.id]) == [user]
        assert await uow.posts.get_many([post.id]) == [replace(post, author_username="ann")]
        assert await uow.posts.get_by_authors_all([user.id]) == [
            replace(post, author_username="ann")
        ]
        assert await uow.posts.restore([replace(post, title="other")]) == 0
        await uow.commit()
    async with uow_factory() as uow:
        assert (await uow.posts.get_many([post.id]))[0].title == "T"


async def test_rewrite_and_delete_are_compare_and_set(uow_factory: UnitOfWorkFactory) -> None:
    user = ann()  # version NULL
    async with uow_factory() as uow:
        await uow.users.restore([user])
        await uow.commit()
    async with uow_factory() as uow:
        assert await uow.users.stale({user.id: None}) == set()
        assert await uow.users.stale({user.id: T0}) == {user.id}
        assert not await uow.users.rewrite(replace(user, bio="x"), expected_updated_at=T0)
        assert await uow.users.delete_versions({user.id: T0}) == 0
        await uow.commit()
    async with uow_factory() as uow:
        assert await uow.users.get_many([user.id]) == [user]
        edited = replace(user, bio="x", updated_at=T1)
        assert await uow.users.rewrite(edited, expected_updated_at=None)
        await uow.commit()
    async with uow_factory() as uow:
        assert await uow.users.get_many([user.id]) == [edited]
        assert await uow.users.stale({user.id: None}) == {user.id}
        assert not await uow.users.rewrite(user, expected_updated_at=None)
        assert await uow.users.delete_versions({user.id: None}) == 0
        assert await uow.users.rewrite(user, expected_updated_at=T1)  # back to NULL
        await uow.commit()
    async with uow_factory() as uow:
        assert await uow.users.get_many([user.id]) == [user]
        assert await uow.users.lock([user.id]) == {user.id}
        assert await uow.users.delete_versions({user.id: None}) == 1
        await uow.commit()
    async with uow_factory() as uow:
        assert await uow.users.get_many([user.id]) == []


async def test_restore_of_many_statements_counts_and_skips_across_them(
    uow_factory: UnitOfWorkFactory,
) -> None:
    """``restore`` sends ``ROWS_PER_INSERT`` rows a statement (the event loop turns between
    them): every row of every statement is written, an id that exists is skipped in any."""
    size = 2 * exact_writes.ROWS_PER_INSERT + 7
    users = [ann(email=f"u{n}@example.org", username=f"user{n}") for n in range(size)]
    taken = [users[3], users[exact_writes.ROWS_PER_INSERT + 1], users[-1]]
    async with uow_factory() as uow:
        assert await uow.users.restore(taken) == 3
        await uow.commit()
    async with uow_factory() as uow:
        assert await uow.users.restore(users) == size - 3
        await uow.commit()
    async with uow_factory() as uow:
        assert len(await uow.users.get_many([u.id for u in users])) == size
