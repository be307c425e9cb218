from __future__ import annotations

from uuid import uuid4

import pytest

from desktop_app.application import bulk_delete
from desktop_app.application.post_service import PostService
from desktop_app.application.user_service import UserService
from desktop_app.core.emails import normalise_email
from desktop_app.domain.entities import CreatePostDTO, CreateUserDTO, UpdateUserDTO
from desktop_app.domain.errors import (
    DuplicateEmailError,
    DuplicateUsernameError,
    OperationCancelledError,
    StaleEditError,
    UserNotFoundError,
    ValidationError,
)
from tests.fakes import FakeStore, FakeUnitOfWork

pytestmark = pytest.mark.asyncio


def new_user(n: int = 1, **kw: str) -> CreateUserDTO:
    fields = {"email": f"user{n}@example.org", "username": f"user{n}", "password": "password1"}
    fields.update(kw)
    return CreateUserDTO(**fields)  # type: ignore[arg-type]


async def test_create_user_hashes_and_commits(users: UserService, store: FakeStore) -> None:
    user = await users.create_user(new_user(bio="Writes things"))
    saved = store.users[user.id]
    assert saved.hashed_password == "fake$password1"
    assert saved.bio == "Writes things"
    assert saved.is_active


async def test_duplicate_email_is_case_insensitive(users: UserService, store: FakeStore) -> None:
    await users.create_user(new_user(1, email="ann@example.org"))
    with pytest.raises(DuplicateEmailError) as caught:
        await users.create_user(new_user(2, email="ANN@example.org"))
    assert caught.value.field == "email"
    assert len(store.users) == 1


async def test_duplicate_username_is_case_insensitive(users: UserService) -> None:
    await users.create_user(new_user(1, username="Ann"))
    with pytest.raises(DuplicateUsernameError):
        await users.create_user(new_user(2, username="aNN"))


async def test_invalid_input_never_reaches_the_store(users: UserService, store: FakeStore) -> None:
    with pytest.raises(ValidationError):
        await users.create_user(new_user(email="bad"))
    assert store.users == {}


async def test_update_user_changes_only_given_fields(users: UserService) -> None:
    user = await users.create_user(new_user(bio="old"))
    updated = await users.update_user(user.id, UpdateUserDTO(username="renamed", is_active=False))
    assert (updated.username, updated.is_active, updated.bio) == ("renamed", False, "old")
    cleared = await users.update_user(user.id, UpdateUserDTO(bio=None))
    assert cleared.bio is None


async def test_update_user_may_keep_its_own_email_in_other_case(users: UserService) -> None:
    user = await users.create_user(new_user(email="ann@example.org"))
    updated = await users.update_user(user.id, UpdateUserDTO(email="Ann@example.org"))
    assert updated.email == "Ann@example.org"


async def test_update_refuses_to_overwrite_a_newer_version(users: UserService) -> None:
    user = await users.create_user(new_user())
    await users.update_user(user.id, UpdateUserDTO(bio="someone else's edit"))
    with pytest.raises(StaleEditError):
        await users.update_user(
            user.id, UpdateUserDTO(bio="mine"), expected_updated_at=user.updated_at
        )
    assert (await users.get_user(user.id)).bio == "someone else's edit"


async def test_update_with_current_version_succeeds(users: UserService) -> None:
    user = await users.create_user(new_user())
    assert user.updated_at is None  # never edited, as the web backend leaves a new row
    updated = await users.update_user(user.id, UpdateUserDTO(bio="mine"), expected_updated_at=None)
    assert updated.bio == "mine"
    assert updated.updated_at is not None
    again = await users.update_user(
        user.id, UpdateUserDTO(bio="again"), expected_updated_at=updated.updated_at
    )
    assert again.updated_at is not None and again.updated_at > updated.updated_at


async def test_a_never_edited_version_is_checked_too(users: UserService) -> None:
    """None as the expected version means "I saw it never edited", not "don't check"."""
    user = await users.create_user(new_user())
    await users.update_user(user.id, UpdateUserDTO(bio="someone else's edit"))
    with pytest.raises(StaleEditError):
        await users.update_user(user.id, UpdateUserDTO(bio="mine"), expected_updated_at=None)
    assert (await users.get_user(user.id)).bio == "someone else's edit"


async def test_profile_and_password_change_together_or_not_at_all(
    users: UserService, store: FakeStore
) -> None:
    user = await users.create_user(new_user())
    with pytest.raises(ValidationError):
        await users.update_user(user.id, UpdateUserDTO(bio="new bio", password="short"))
    assert store.users[user.id].bio == user.bio  # the bad password stopped the profile change
    await users.update_user(user.id, UpdateUserDTO(bio="new bio", password="a better password"))
    assert store.users[user.id].bio == "new bio"
    assert store.users[user.id].hashed_password == "fake$a better password"


async def test_delete_leaves_a_changed_user_alone(users: UserService, store: FakeStore) -> None:
    ann = await users.create_user(new_user(1))
    bob = await users.create_user(new_user(2))
    listed = {ann.id: ann.updated_at, bob.id: bob.updated_at}
    await users.update_user(bob.id, UpdateUserDTO(bio="edited after the list was shown"))
    outcome = await users.delete_users([ann.id, bob.id], versions=listed)
    assert (outcome.users, outcome.changed) == (1, (bob.id,))
    assert set(store.users) == {bob.id}


async def test_update_missing_user(users: UserService) -> None:
    with pytest.raises(UserNotFoundError):
        await users.update_user(uuid4(), UpdateUserDTO(bio="x"))


async def test_set_password_validates_then_rehashes(users: UserService, store: FakeStore) -> None:
    user = await users.create_user(new_user())
    with pytest.raises(ValidationError):
        await users.set_password(user.id, "short")
    await users.set_password(user.id, "a much better password")
    assert store.users[user.id].hashed_password == "fake$a much better password"


async def test_delete_users_reports_cascade(
    users: UserService, posts: PostService, store: FakeStore
) -> None:
    ann = await users.create_user(new_user(1))
    bob = await users.create_user(new_user(2))
    for i in range(3):
        await posts.create_post(CreatePostDTO(title=f"t{i}", content="c", author_id=ann.id))
    await posts.create_post(CreatePostDTO(title="b", content="c", author_id=bob.id))
    assert await users.count_posts_of([ann.id]) == 3
    outcome = await users.delete_users([ann.id, uuid4()])
    assert (outcome.users, outcome.posts) == (1, 3)
    assert set(store.users) == {bob.id}
    assert len(store.posts) == 1


async def test_delete_missing_user_raises(users: UserService) -> None:
    with pytest.raises(UserNotFoundError):
        await users.delete_user(uuid4())


async def test_list_users_newest_first(users: UserService) -> None:
    for n in range(5):
        await users.create_user(new_user(n))
    listed = await users.list_users(skip=1, limit=2)
    assert [u.username for u in listed] == ["user3", "user2"]


async def test_cancelled_bulk_delete_changes_nothing(
    users: UserService, posts: PostService, store: FakeStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(bulk_delete, "ROWS_PER_CHUNK", 2)  # progress comes between chunks
    created = [await users.create_user(new_user(n)) for n in range(5)]
    await posts.create_post(CreatePostDTO(title="t", content="c", author_id=created[0].id))
    seen: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> bool:
        seen.append((done, total))
        return done < 3

    with pytest.raises(OperationCancelledError):
        await users.delete_users([u.id for u in created], progress=progress)
    assert seen == [(0, 5), (2, 5), (4, 5)]
    assert len(store.users) == 5
    assert len(store.posts) == 1
    outcome = await users.delete_users([u.id for u in created], progress=lambda d, t: True)
    assert (outcome.users, outcome.posts) == (5, 1)


async def test_a_new_user_is_hashed_once_by_the_repositorys_create_user(store: FakeStore) -> None:
    """One write path: the service hands the DTO to ``uow.users.create_user``, whose injected
    hasher hashes the password exactly once; the service itself hashes nothing on create."""
    hashed: list[str] = []

    async def hasher(password: str) -> str:
        hashed.append(password)
        return "repo$" + password

    users = UserService(
        lambda: FakeUnitOfWork(store, hash_password=hasher), normalise_email=normalise_email
    )
    user = await users.create_user(new_user(bio="Writes"))
    assert hashed == ["password1"]
    assert (store.users[user.id].hashed_password, store.users[user.id].bio) == (
        "repo$password1",
        "Writes",
    )
