from __future__ import annotations

from uuid import uuid4

import pytest

from desktop_app.application.post_service import PostService
from desktop_app.application.user_service import UserService
from desktop_app.domain.entities import CreatePostDTO, CreateUserDTO, UpdatePostDTO, User
from desktop_app.domain.errors import (
    PostNotFoundError,
    StaleEditError,
    UserNotFoundError,
    ValidationError,
)
from tests.fakes import FakeStore

pytestmark = pytest.mark.asyncio


async def author(users: UserService, name: str = "ann") -> User:
    return await users.create_user(CreateUserDTO(f"{name}@example.org", name, "password1"))


async def test_create_post_carries_author_username(users: UserService, posts: PostService) -> None:
    ann = await author(users)
    post = await posts.create_post(CreatePostDTO("  Hello ", "Body", ann.id))
    assert (post.title, post.author_username) == ("Hello", "ann")


async def test_create_post_for_unknown_author(posts: PostService, store: FakeStore) -> None:
    with pytest.raises(UserNotFoundError):
        await posts.create_post(CreatePostDTO("t", "c", uuid4()))
    assert store.posts == {}


async def test_empty_title_is_a_field_error(users: UserService, posts: PostService) -> None:
    ann = await author(users)
    with pytest.raises(ValidationError) as caught:
        await posts.create_post(CreatePostDTO("", "c", ann.id))
    assert caught.value.field == "title"


async def test_update_post_moves_it_to_another_author(
    users: UserService, posts: PostService
) -> None:
    ann, bob = await author(users, "ann"), await author(users, "bob")
    post = await posts.create_post(CreatePostDTO("t", "c", ann.id))
    moved = await posts.update_post(post.id, UpdatePostDTO(author_id=bob.id, title="new"))
    assert (moved.title, moved.content, moved.author_username) == ("new", "c", "bob")


async def test_stale_post_edit_is_refused(users: UserService, posts: PostService) -> None:
    ann = await author(users)
    post = await posts.create_post(CreatePostDTO("t", "c", ann.id))
    await posts.update_post(post.id, UpdatePostDTO(title="theirs"))
    with pytest.raises(StaleEditError):
        await posts.update_post(
            post.id, UpdatePostDTO(title="mine"), expected_updated_at=post.updated_at
        )
    assert (await posts.get_post(post.id)).title == "theirs"


async def test_delete_post(users: UserService, posts: PostService, store: FakeStore) -> None:
    ann = await author(users)
    post = await posts.create_post(CreatePostDTO("t", "c", ann.id))
    await posts.delete_post(post.id)
    assert store.posts == {}
    with pytest.raises(PostNotFoundError):
        await posts.delete_post(post.id)
