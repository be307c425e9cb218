"""Text no backend can store is a field error before it reaches either database.

PostgreSQL refuses a NUL in text (the driver's error would read "database is not available"),
SQLite stores it; a lone surrogate cannot be encoded for either. Both must be a ValidationError
naming the field, the same on both backends, with nothing written.
"""

from __future__ import annotations

from functools import partial

import pytest

from desktop_app.application.abstract_unit_of_work import UnitOfWorkFactory
from desktop_app.application.post_service import PostService
from desktop_app.application.user_service import UserService
from desktop_app.domain.entities import CreatePostDTO, CreateUserDTO, UpdateUserDTO
from desktop_app.domain.errors import ValidationError

pytestmark = pytest.mark.asyncio

UNSTORABLE = [
    pytest.param("Hello\x00world", "contains a NUL character", id="nul"),
    pytest.param("Pasted \ud83d text", "unpaired surrogate", id="surrogate"),
]


async def _counts(uow_factory: UnitOfWorkFactory) -> tuple[int, int]:
    async with uow_factory() as uow:
        return await uow.users.count(), await uow.posts.count()


@pytest.mark.parametrize(("bad", "fragment"), UNSTORABLE)
async def test_unstorable_bio_is_a_field_error_and_nothing_is_stored(
    uow_factory: UnitOfWorkFactory, bad: str, fragment: str
) -> None:
    hashed: list[str] = []

    async def hasher(password: str) -> str:
        hashed.append(password)
        return f"hashed:{password}"

    # The one hasher, as bootstrap injects it: into the repository (creating) and the service
    # (a new password).
    users = UserService(partial(uow_factory, hash_password=hasher), hash_password=hasher)
    with pytest.raises(ValidationError) as caught:
        await users.create_user(
            CreateUserDTO(email="ann@example.org", username="ann", password="pw-long-1", bio=bad)
        )
    assert set(caught.value.errors) == {"bio"}
    assert fragment in caught.value.message
    assert hashed == []  # validation came first
    assert await _counts(uow_factory) == (0, 0)

    ann = await users.create_user(
        CreateUserDTO(email="ann@example.org", username="ann", password="pw-long-1", bio="Hi")
    )
    with pytest.raises(ValidationError) as caught:
        await users.update_user(ann.id, UpdateUserDTO(bio=bad))
    assert caught.value.field == "bio"
    with pytest.raises(ValidationError) as caught:
        await users.set_password(ann.id, f"long enough {bad}")
    assert caught.value.field == "password"
    assert fragment in caught.value.message
    assert hashed == ["pw-long-1"]
    after = await users.get_user(ann.id)
    assert (after.bio, after.hashed_password) == ("Hi", "hashed:pw-long-1")

    posts = PostService(uow_factory)
    with pytest.raises(ValidationError) as caught:
        await posts.create_post(CreatePostDTO(title=bad, content=bad, author_id=ann.id))
    assert set(caught.value.errors) == {"title", "content"}
    assert await _counts(uow_factory) == (1, 0)
