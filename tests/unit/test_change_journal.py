"""The journal, what the services record into it, and the applier over the in-memory fakes."""

from __future__ import annotations

import copy

import pytest

from desktop_app.application.change_applier import ChangeApplier
from desktop_app.application.change_journal import ChangeJournal
from desktop_app.application.change_set import ChangeSet
from desktop_app.application.post_service import PostService
from desktop_app.application.user_service import UserService
from desktop_app.domain.entities import CreatePostDTO, CreateUserDTO, UpdateUserDTO
from desktop_app.domain.errors import ChangeConflictError, OperationCancelledError
from tests.fakes import FakeStore, FakeUnitOfWork, fake_hash

pytestmark = pytest.mark.asyncio


async def test_listeners_hear_in_order_until_they_unsubscribe() -> None:
    journal, heard = ChangeJournal(), []
    stop_first = journal.subscribe(lambda c: heard.append(("first", c.text)))
    journal.subscribe(lambda c: heard.append(("second", c.text)))
    journal.record(ChangeSet("one"))
    stop_first()
    stop_first()
    journal.record(ChangeSet("two"))
    assert heard == [("first", "one"), ("second", "one"), ("second", "two")]


def services(store: FakeStore) -> tuple[UserService, PostService, ChangeApplier, list[ChangeSet]]:
    journal, changes = ChangeJournal(), []
    journal.subscribe(changes.append)
    factory = lambda: FakeUnitOfWork(store)  # noqa: E731
    return (
        UserService(factory, hash_password=fake_hash, journal=journal),
        PostService(factory, journal=journal),
        ChangeApplier(factory),
        changes,
    )


def person(name: str) -> CreateUserDTO:
    return CreateUserDTO(email=f"{name}@example.org", username=name, password="password1")


async def test_texts_name_the_action_in_singular_and_plural() -> None:
    store = FakeStore()
    users, posts, _, changes = services(store)
    ann = await users.create_user(person("ann"))
    bob = await users.create_user(person("bob"))
    cy = await users.create_user(person("cyd"))
    one = await posts.create_post(CreatePostDTO("One", "x", ann.id))
    await posts.create_post(CreatePostDTO("Two", "x", bob.id))
    three = await posts.create_post(CreatePostDTO("Three", "x", cy.id))
    four = await posts.create_post(CreatePostDTO("Four", "x", cy.id))
    await users.set_password(ann.id, "password2")
    await users.update_user(ann.id, UpdateUserDTO(bio="b", password="password3"))
    await posts.delete_posts([three.id, four.id])
    await posts.delete_post(one.id)
    await users.delete_users([ann.id, bob.id])
    await users.delete_user(cy.id)
    assert [c.text for c in changes[7:]] == [
        "change password of ann",
        "edit user ann",
        "delete 2 posts",
        "delete post \u201cOne\u201d",
        "delete 2 users and 1 post",
        "delete user cyd",
    ]
    password_change = changes[7].users[0]
    assert password_change.before is not None and password_change.after is not None
    assert password_change.before.hashed_password == "fake$password1"
    assert password_change.after.hashed_password == "fake$password2"


async def test_undo_of_a_cascade_restores_users_and_posts_exactly() -> None:
    store = FakeStore()
    users, posts, applier, changes = services(store)
    ann = await users.create_user(person("ann"))
    for n in range(3):
        await posts.create_post(CreatePostDTO(f"P{n}", "x", ann.id))
    before = copy.deepcopy((store.users, store.posts))
    outcome = await users.delete_users([ann.id])
    assert (outcome.users, outcome.posts) == (1, 3)
    assert changes[-1].text == "delete user ann and 3 posts"
    await applier.apply(changes[-1].inverse())
    assert store.users == before[0]
    assert {k: v.title for k, v in store.posts.items()} == {
        k: v.title for k, v in before[1].items()
    }


async def test_a_conflict_names_every_row_and_a_cancel_writes_nothing() -> None:
    store = FakeStore()
    users, _, applier, changes = services(store)
    ann = await users.create_user(person("ann"))
    bob = await users.create_user(person("bob"))
    await users.update_user(ann.id, UpdateUserDTO(bio="1"))
    await users.update_user(bob.id, UpdateUserDTO(bio="1"))
    both = ChangeSet("both", users=(*changes[2].users, *changes[3].users))
    await users.update_user(ann.id, UpdateUserDTO(bio="2"))
    await users.update_user(bob.id, UpdateUserDTO(bio="2"))
    with pytest.raises(ChangeConflictError) as caught:
        await applier.apply(both.inverse())
    assert {c.id for c in caught.value.conflicts} == {ann.id, bob.id}
    with pytest.raises(OperationCancelledError):
        await applier.apply(changes[-1].inverse(), progress=lambda done, total: False)
    assert store.users[bob.id].bio == "2"
    await applier.apply(changes[-1].inverse(), progress=lambda done, total: True)
    assert store.users[bob.id].bio == "1"
