"""The unit of work's promises: nothing lands without commit(), and everything or nothing does."""

from __future__ import annotations

from functools import partial

import pytest

from desktop_app.application.abstract_unit_of_work import UnitOfWorkFactory
from desktop_app.domain.entities import Post, User
from desktop_app.domain.errors import DatabaseUnavailableError, DuplicateEmailError
from desktop_app.infrastructure.database.connection import make_engine, make_session_factory
from desktop_app.infrastructure.database.unit_of_work import SQLAlchemyUnitOfWork

pytestmark = pytest.mark.asyncio


def user(n: int, **kw: str) -> User:
    fields = {"email": f"u{n}@example.org", "username": f"user{n}", "hashed_password": "x"}
    fields.update(kw)
    return User(**fields)  # type: ignore[arg-type]


async def count_users(uow_factory: UnitOfWorkFactory) -> int:
    async with uow_factory() as uow:
        return await uow.users.count()


async def test_rolls_back_uncommitted_work_by_default(uow_factory: UnitOfWorkFactory) -> None:
    async with uow_factory() as uow:
        await uow.users.create(user(1))
    assert await count_users(uow_factory) == 0


async def test_rolls_back_on_error(uow_factory: UnitOfWorkFactory) -> None:
    class BoomError(Exception):
        pass

    with pytest.raises(BoomError):
        async with uow_factory() as uow:
            await uow.users.create(user(1))
            raise BoomError
    assert await count_users(uow_factory) == 0


async def test_committed_work_is_visible_to_the_next_unit(uow_factory: UnitOfWorkFactory) -> None:
    async with uow_factory() as uow:
        await uow.users.create(user(1))
        await uow.commit()
    assert await count_users(uow_factory) == 1


async def test_several_changes_land_together_or_not_at_all(
    uow_factory: UnitOfWorkFactory,
) -> None:
    async with uow_factory() as uow:
        await uow.users.create(user(1, email="taken@example.org"))
        await uow.commit()
    with pytest.raises(DuplicateEmailError):
        async with uow_factory() as uow:
            author = await uow.users.create(user(2))
            await uow.posts.create(Post(title="t", content="c", author_id=author.id))
            await uow.users.create(user(3, email="TAKEN@example.org"))
            await uow.commit()
    async with uow_factory() as uow:
        assert await uow.users.count() == 1
        assert await uow.posts.count() == 0


async def test_using_a_unit_outside_its_block_is_a_bug(uow_factory: UnitOfWorkFactory) -> None:
    uow = uow_factory()
    with pytest.raises(RuntimeError, match="outside"):
        await uow.commit()


async def test_unreachable_server_is_a_storage_error() -> None:
    engine = make_engine("postgresql+asyncpg://nobody:pw@127.0.0.1:9/nowhere")
    try:
        uow_factory = partial(SQLAlchemyUnitOfWork, make_session_factory(engine))
        with pytest.raises(DatabaseUnavailableError) as caught:
            async with uow_factory() as uow:
                await uow.users.count()
        assert "pw" not in str(caught.value)
    finally:
        await engine.dispose()


async def test_unopenable_sqlite_file_is_a_storage_error(tmp_path: object) -> None:
    from pathlib import Path

    directory = Path(str(tmp_path)) / "a-directory.db"
    directory.mkdir()
    engine = make_engine(f"sqlite+aiosqlite:///{directory}")
    try:
        uow_factory = partial(SQLAlchemyUnitOfWork, make_session_factory(engine))
        with pytest.raises(DatabaseUnavailableError):
            async with uow_factory() as uow:
                await uow.users.count()
    finally:
        await engine.dispose()
