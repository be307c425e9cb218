"""Invalid data stops at the repositories too, whoever calls them (a script, a later import),
and a row the web backend wrote under other rules can still be edited field by field."""

from __future__ import annotations

from dataclasses import replace
from uuid import uuid4

import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from desktop_app.application.abstract_unit_of_work import UnitOfWorkFactory
from desktop_app.domain.entities import CreateUserDTO, Post, User
from desktop_app.domain.errors import ValidationError

pytestmark = pytest.mark.asyncio


async def counts(uow_factory: UnitOfWorkFactory) -> tuple[int, int]:
    async with uow_factory() as uow:
        return await uow.users.count(), await uow.posts.count()


async def test_create_user_refuses_what_the_services_refuse(
    uow_factory: UnitOfWorkFactory,
) -> None:
    async with uow_factory() as uow:
        with pytest.raises(ValidationError) as caught:
            await uow.users.create_user(CreateUserDTO("not-an-email", "ab", "long enough pw"))
        await uow.commit()
    assert set(caught.value.errors) == {"email", "username"}
    async with uow_factory() as uow:
        with pytest.raises(ValidationError) as caught:
            await uow.users.create(
                User(email="x@example.org", username="a\x00b", hashed_password="h")
            )
    assert set(caught.value.errors) == {"username"}
    assert await counts(uow_factory) == (0, 0)


async def test_update_refuses_a_bad_new_value_and_changes_nothing(
    uow_factory: UnitOfWorkFactory,
) -> None:
    async with uow_factory() as uow:
        user = await uow.users.create(
            User(email="ann@example.org", username="ann", hashed_password="h")
        )
        post = await uow.posts.create(Post(title="Hello", content="text", author_id=user.id))
        await uow.commit()
    async with uow_factory() as uow:
        with pytest.raises(ValidationError) as caught:
            await uow.users.update(replace(user, email="nope"))
        assert caught.value.field == "email"
        with pytest.raises(ValidationError) as caught:
            await uow.posts.update(replace(post, title="x" * 300))
        assert caught.value.field == "title"
        with pytest.raises(ValidationError):
            await uow.posts.create(Post(title=" ", content="c", author_id=user.id))
        await uow.commit()
    async with uow_factory() as uow:
        stored = await uow.users.get_by_id(user.id)
        stored_post = await uow.posts.get_by_id(post.id)
    assert stored is not None and stored.email == "ann@example.org"
    assert stored_post is not None and stored_post.title == "Hello"
    assert await counts(uow_factory) == (1, 1)


async def test_a_site_row_under_other_rules_can_still_be_edited(
    engine: AsyncEngine, uow_factory: UnitOfWorkFactory
) -> None:
    """The web backend accepts usernames we would not (here: 'x!'); changing only the bio
    judges only the bio."""
    user_id = uuid4()
    async with engine.begin() as connection:
        await connection.execute(
            text(
                "INSERT INTO users (id, email, username, hashed_password, is_active) "
                "VALUES (:id, 'site@example.org', 'x!', 'h', true)"
            ),
            {"id": user_id if engine.dialect.name == "postgresql" else user_id.hex},
        )
    async with uow_factory() as uow:
        user = await uow.users.get_by_id(user_id)
        assert user is not None
        await uow.users.update(replace(user, bio="edited here"))
        with pytest.raises(ValidationError):
            await uow.users.update(replace(user, username="y!"))
        await uow.commit()
    async with uow_factory() as uow:
        user = await uow.users.get_by_id(user_id)
    assert user is not None and (user.username, user.bio) == ("x!", "edited here")
