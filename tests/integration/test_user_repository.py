from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from uuid import uuid4

import pytest
from sqlalchemy import Uuid, bindparam, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncEngine

from desktop_app.application.abstract_unit_of_work import UnitOfWorkFactory
from desktop_app.core.security import verify_password
from desktop_app.domain.entities import CreateUserDTO, Post, User
from desktop_app.domain.errors import (
    DuplicateEmailError,
    DuplicateUsernameError,
    UserNotFoundError,
)

pytestmark = pytest.mark.asyncio


def make_user(n: int, **kw: object) -> User:
    fields: dict[str, object] = {
        "email": f"user{n}@example.org",
        "username": f"user{n}",
        "hashed_password": "$argon2id$placeholder",
    }
    fields.update(kw)
    return User(**fields)  # type: ignore[arg-type]


async def test_create_and_read_back_every_field(uow_factory: UnitOfWorkFactory) -> None:
    user = make_user(1, bio="Loves SQLite", is_active=False)
    async with uow_factory() as uow:
        await uow.users.create(user)
        await uow.commit()
    async with uow_factory() as uow:
        loaded = await uow.users.get_by_id(user.id)
    assert loaded is not None
    assert (loaded.email, loaded.username, loaded.bio, loaded.is_active) == (
        "user1@example.org",
        "user1",
        "Loves SQLite",
        False,
    )
    assert loaded.hashed_password == "$argon2id$placeholder"


async def test_timestamps_come_back_aware_utc(uow_factory: UnitOfWorkFactory) -> None:
    # Written with a +02:00 offset: SQLite would silently drop it without our type.
    local = datetime(2026, 5, 1, 12, 0, tzinfo=UTC).astimezone(timezone(timedelta(hours=2)))
    user = make_user(1, created_at=local, updated_at=local)
    async with uow_factory() as uow:
        await uow.users.create(user)
        await uow.commit()
    async with uow_factory() as uow:
        loaded = await uow.users.get_by_id(user.id)
    assert loaded is not None
    assert loaded.created_at.tzinfo is not None
    assert loaded.created_at.utcoffset() == timedelta(0)
    assert loaded.created_at == datetime(2026, 5, 1, 12, 0, tzinfo=UTC)


async def test_lookups_by_email_and_username_ignore_case(uow_factory: UnitOfWorkFactory) -> None:
    async with uow_factory() as uow:
        await uow.users.create(make_user(1, email="Ann@Example.org", username="Ann"))
        await uow.commit()
    async with uow_factory() as uow:
        by_email = await uow.users.get_by_email("ann@example.ORG")
        by_name = await uow.users.get_by_username("ANN")
        missing = await uow.users.get_by_email("bob@example.org")
    assert by_email is not None and by_email.username == "Ann"
    assert by_name is not None and by_name.email == "Ann@Example.org"
    assert missing is None


async def test_duplicates_are_domain_errors(uow_factory: UnitOfWorkFactory) -> None:
    async with uow_factory() as uow:
        await uow.users.create(make_user(1, email="ann@example.org", username="ann"))
        await uow.commit()
    async with uow_factory() as uow:
        with pytest.raises(DuplicateEmailError):
            await uow.users.create(make_user(2, email="ANN@example.org"))
    async with uow_factory() as uow:
        with pytest.raises(DuplicateUsernameError):
            await uow.users.create(make_user(3, username="Ann"))


async def test_create_user_hashes_with_argon2(uow_factory: UnitOfWorkFactory) -> None:
    async with uow_factory() as uow:
        user = await uow.users.create_user(
            CreateUserDTO(email="a@example.org", username="ann", password="s3cret-pass", bio="hi")
        )
        await uow.commit()
    assert user.hashed_password.startswith("$argon2id$")
    assert verify_password("s3cret-pass", user.hashed_password)
    assert user.bio == "hi"


async def test_get_all_is_newest_first_and_paged(uow_factory: UnitOfWorkFactory) -> None:
    base = datetime(2026, 1, 1, tzinfo=UTC)
    async with uow_factory() as uow:
        for n in range(7):
            when = base + timedelta(minutes=n)
            await uow.users.create(make_user(n, created_at=when, updated_at=when))
        await uow.commit()
    async with uow_factory() as uow:
        first = await uow.users.get_all(limit=3)
        second = await uow.users.get_all(skip=3, limit=3)
        total = await uow.users.count()
    assert [u.username for u in first] == ["user6", "user5", "user4"]
    assert [u.username for u in second] == ["user3", "user2", "user1"]
    assert total == 7


async def test_update_writes_fields_and_bumps_updated_at(uow_factory: UnitOfWorkFactory) -> None:
    old = datetime(2020, 1, 1, tzinfo=UTC)
    user = make_user(1, created_at=old, updated_at=old)
    async with uow_factory() as uow:
        await uow.users.create(user)
        await uow.commit()
    user.bio = "new bio"
    user.username = "renamed"
    async with uow_factory() as uow:
        updated = await uow.users.update(user)
        await uow.commit()
    assert updated.updated_at > old
    async with uow_factory() as uow:
        loaded = await uow.users.get_by_id(user.id)
    assert loaded is not None
    assert (loaded.bio, loaded.username, loaded.created_at) == ("new bio", "renamed", old)
    assert loaded.updated_at == updated.updated_at


async def test_update_to_a_taken_email_is_refused(uow_factory: UnitOfWorkFactory) -> None:
    ann, bob = make_user(1), make_user(2)
    async with uow_factory() as uow:
        await uow.users.create(ann)
        await uow.users.create(bob)
        await uow.commit()
    bob.email = "USER1@example.org"
    async with uow_factory() as uow:
        with pytest.raises(DuplicateEmailError):
            await uow.users.update(bob)


async def test_update_missing_user(uow_factory: UnitOfWorkFactory) -> None:
    async with uow_factory() as uow:
        with pytest.raises(UserNotFoundError):
            await uow.users.update(make_user(1))


async def test_delete_cascades_to_posts(uow_factory: UnitOfWorkFactory) -> None:
    ann, bob = make_user(1), make_user(2)
    async with uow_factory() as uow:
        await uow.users.create(ann)
        await uow.users.create(bob)
        for i in range(3):
            await uow.posts.create(Post(title=f"t{i}", content="c", author_id=ann.id))
        await uow.posts.create(Post(title="b", content="c", author_id=bob.id))
        await uow.commit()
    async with uow_factory() as uow:
        assert await uow.users.delete(ann.id) is True
        assert await uow.users.delete(uuid4()) is False
        await uow.commit()
    async with uow_factory() as uow:
        assert await uow.users.count() == 1
        assert await uow.posts.count() == 1
        assert await uow.posts.get_by_author(ann.id) == []


async def test_database_refuses_orphan_posts(engine: AsyncEngine) -> None:
    """Foreign keys are enforced on every connection (SQLite needs PRAGMA foreign_keys=ON)."""
    insert = text(
        "INSERT INTO posts (id, title, content, author_id, created_at, updated_at) "
        "VALUES (:id, 't', 'c', :author, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"
    ).bindparams(bindparam("id", type_=Uuid), bindparam("author", type_=Uuid))
    params = {"id": uuid4(), "author": uuid4()}
    async with engine.connect() as connection:
        with pytest.raises(IntegrityError):
            await connection.execute(insert, params)
        await connection.rollback()
        if engine.dialect.name == "sqlite":
            assert (await connection.exec_driver_sql("PRAGMA journal_mode")).scalar() == "wal"
