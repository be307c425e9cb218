"""Issue #11, as a property: any sequence of actions through the services, undone in reverse
order, gives back the database it started from, every column of every row (hashes and
timestamps, NULL versions included); redone in order, the database it ended with.

Each example starts from an empty database plus a few rows the web backend wrote (NULL
``updated_at``; on SQLite whole-second text timestamps), so restores meet the other
program's formats too.
"""

from __future__ import annotations

import itertools
from typing import Any

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from sqlalchemy.ext.asyncio import AsyncEngine

from desktop_app.application.abstract_unit_of_work import UnitOfWorkFactory
from desktop_app.domain.entities import CreatePostDTO, CreateUserDTO, UpdatePostDTO, UpdateUserDTO
from tests.integration.undo_support import App, dump, empty, ids
from tests.reference_backend import WebBackend

pytestmark = pytest.mark.asyncio

_names = itertools.count()

index = st.integers(0, 50)
actions = st.lists(
    st.one_of(
        st.tuples(st.just("create_user")),
        st.tuples(st.just("create_post"), index),
        st.tuples(
            st.just("edit_user"),
            index,
            st.sampled_from(["bio", "username", "email", "active", "password", "all"]),
        ),
        st.tuples(st.just("set_password"), index),
        st.tuples(
            st.just("edit_post"), index, st.sampled_from(["title", "content", "author"]), index
        ),
        st.tuples(st.just("delete_users"), st.lists(index, min_size=1, max_size=3)),
        st.tuples(st.just("delete_posts"), st.lists(index, min_size=1, max_size=3)),
    ),
    min_size=5,
    max_size=15,
)


def _name() -> str:
    return f"person{next(_names)}"


async def _do(app: App, engine: AsyncEngine, action: tuple[Any, ...]) -> bool:
    """Carry out one action on the rows there are; False if there was nothing to act on."""
    users, posts = await ids(engine)
    kind = action[0]
    if kind == "create_user":
        name = _name()
        await app.users.create_user(
            CreateUserDTO(email=f"{name}@example.org", username=name, password="password1")
        )
        return True
    if not users:
        return False
    if kind == "create_post":
        await app.posts.create_post(CreatePostDTO(_name(), "words", users[action[1] % len(users)]))
    elif kind == "edit_user":
        user_id, field = users[action[1] % len(users)], action[2]
        name = _name()
        dto = {
            "bio": UpdateUserDTO(bio=None if action[1] % 2 else f"bio {name}"),
            "username": UpdateUserDTO(username=name),
            "email": UpdateUserDTO(email=f"{name}@example.net"),
            "active": UpdateUserDTO(is_active=bool(action[1] % 2)),
            "password": UpdateUserDTO(password=f"secret {name}"),
            "all": UpdateUserDTO(
                username=name, email=f"{name}@example.com", bio=name, password=f"pw {name}"
            ),
        }[field]
        await app.users.update_user(user_id, dto)
    elif kind == "set_password":
        await app.users.set_password(users[action[1] % len(users)], f"secret {_name()}")
    elif kind == "delete_users":
        await app.users.delete_users(sorted({users[i % len(users)] for i in action[1]}))
    elif not posts:
        return False
    elif kind == "edit_post":
        post_id, field = posts[action[1] % len(posts)], action[2]
        dto = {
            "title": UpdatePostDTO(title=_name()),
            "content": UpdatePostDTO(content=f"text {_name()}"),
            "author": UpdatePostDTO(author_id=users[action[3] % len(users)]),
        }[field]
        await app.posts.update_post(post_id, dto)
    else:
        await app.posts.delete_posts(sorted({posts[i % len(posts)] for i in action[1]}))
    return True


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(actions=actions)
async def test_undo_all_then_redo_all_is_exact(
    uow_factory: UnitOfWorkFactory, engine: AsyncEngine, database_url: str, actions: list[Any]
) -> None:
    await empty(engine)
    async with WebBackend(database_url) as site:
        first = await site.add_user(email=f"{_name()}@site.org", username=_name())
        await site.add_post(author_id=first, title="from the site", content="hello")
        await site.add_user(email=f"{_name()}@site.org", username=_name(), bio="site bio")
    app = App.over(uow_factory)
    states = [await dump(engine)]
    for action in actions:
        if await _do(app, engine, action):
            states.append(await dump(engine))
    assert len(app.changes) == len(states) - 1
    for n in range(len(app.changes) - 1, -1, -1):
        await app.applier.apply(app.changes[n].inverse())
        assert await dump(engine) == states[n], f"undo of {app.changes[n].text}"
    for n, change in enumerate(app.changes):
        await app.applier.apply(change)
        assert await dump(engine) == states[n + 1], f"redo of {change.text}"
    event(f"{len(app.changes)} changes")
