"""Issue #11: what the services record can be undone and redone exactly, on both backends."""

from __future__ import annotations

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from desktop_app.application.abstract_unit_of_work import UnitOfWorkFactory
from desktop_app.domain.entities import CreatePostDTO, CreateUserDTO, UpdatePostDTO, UpdateUserDTO
from desktop_app.domain.errors import ChangeConflictError, StaleEditError
from tests.integration.undo_support import App, dump

pytestmark = pytest.mark.asyncio


def person(name: str) -> CreateUserDTO:
    return CreateUserDTO(email=f"{name}@example.org", username=name, password="password1")


async def test_every_action_undoes_and_redoes_exactly(
    uow_factory: UnitOfWorkFactory, engine: AsyncEngine
) -> None:
    app = App.over(uow_factory)
    states = [await dump(engine)]
    ann = await app.users.create_user(person("ann"))
    states.append(await dump(engine))
    bob = await app.users.create_user(person("bob"))
    states.append(await dump(engine))
    post = await app.posts.create_post(CreatePostDTO("Title", "body", ann.id))
    states.append(await dump(engine))
    for n in range(3):
        await app.posts.create_post(CreatePostDTO(f"P{n}", "text", ann.id))
        states.append(await dump(engine))
    await app.posts.update_post(post.id, UpdatePostDTO(title="New", author_id=bob.id))
    states.append(await dump(engine))
    await app.users.update_user(ann.id, UpdateUserDTO(bio="hi", password="password2"))
    states.append(await dump(engine))
    await app.users.set_password(bob.id, "password3")
    states.append(await dump(engine))
    await app.users.delete_user(ann.id)
    states.append(await dump(engine))
    await app.posts.delete_posts([post.id])
    states.append(await dump(engine))
    assert [c.text for c in app.changes] == [
        "create user ann",
        "create user bob",
        "create post \u201cTitle\u201d",
        "create post \u201cP0\u201d",
        "create post \u201cP1\u201d",
        "create post \u201cP2\u201d",
        "edit post \u201cTitle\u201d",
        "edit user ann",
        "change password of bob",
        "delete user ann and 3 posts",
        "delete post \u201cNew\u201d",
    ]
    for n in range(len(app.changes) - 1, -1, -1):
        await app.applier.apply(app.changes[n].inverse())
        assert await dump(engine) == states[n], app.changes[n].text
    for n, change in enumerate(app.changes):
        await app.applier.apply(change)
        assert await dump(engine) == states[n + 1], change.text


async def test_an_undo_over_someone_elses_edit_is_refused_and_writes_nothing(
    uow_factory: UnitOfWorkFactory, engine: AsyncEngine
) -> None:
    app = App.over(uow_factory)
    ann = await app.users.create_user(person("ann"))
    await app.users.update_user(ann.id, UpdateUserDTO(bio="mine"))
    theirs = await app.users.update_user(ann.id, UpdateUserDTO(bio="theirs"))
    before = await dump(engine)
    with pytest.raises(ChangeConflictError) as caught:
        await app.applier.apply(app.changes[1].inverse())
    assert isinstance(caught.value, StaleEditError)
    [conflict] = caught.value.conflicts
    assert (conflict.kind, conflict.id, conflict.current) == ("user", ann.id, theirs)
    assert await dump(engine) == before
    await app.applier.apply(app.changes[1].inverse(), accept={ann.id: theirs.updated_at})
    assert (await app.users.get_user(ann.id)).bio is None
