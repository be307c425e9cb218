"""Issue #11: an undo or redo never overwrites someone else's change.

The someone else is the web backend (``tests/reference_backend.py``: its own engine and ORM,
``updated_at`` NULL until its first edit, then its server's ``now()``), writing the same rows
between the app's action (the ``ChangeSet``) and its undo or redo. Every such change is either
still there afterwards or was reported as a ``ChangeConflictError`` naming the row as it is now;
when reported, nothing was written; ``accept`` overwrites knowingly.
"""

from __future__ import annotations

import asyncio
import random
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any
from uuid import UUID

import pytest
import pytest_asyncio
from sqlalchemy.ext.asyncio import AsyncEngine

from desktop_app.application import change_applier
from desktop_app.application.abstract_unit_of_work import UnitOfWorkFactory
from desktop_app.domain.entities import CreatePostDTO, Post, UpdatePostDTO, UpdateUserDTO, User
from desktop_app.domain.errors import ChangeConflictError, RowConflict
from tests.integration.undo_support import App, dump
from tests.reference_backend import WebBackend

pytestmark = pytest.mark.asyncio

TRIALS_PER_BACKEND = 500  # 1,000 across the two backends


@dataclass
class World:
    app: App
    site: WebBackend
    engine: AsyncEngine


@pytest_asyncio.fixture
async def world(
    uow_factory: UnitOfWorkFactory, engine: AsyncEngine, database_url: str
) -> AsyncIterator[World]:
    async with WebBackend(database_url) as site:
        yield World(App.over(uow_factory), site, engine)


_serial = iter(range(10**9))


async def site_user(site: WebBackend) -> UUID:
    n = next(_serial)
    return await site.add_user(email=f"site{n}@example.org", username=f"site{n}", bio="site")


async def site_post(site: WebBackend, author: UUID) -> UUID:
    return await site.add_post(author_id=author, title=f"site post {next(_serial)}", content="x")


def _text(row: User | Post) -> str | None:
    """The field the trials edit: a user's bio, a post's title."""
    return row.bio if isinstance(row, User) else row.title


async def conflict_of(apply: Any) -> tuple[RowConflict, ...]:
    with pytest.raises(ChangeConflictError) as caught:
        await apply
    return caught.value.conflicts


async def test_undo_of_an_edit_meets_the_sites_edit_and_delete(world: World) -> None:
    app, site = world.app, world.site
    user_id = await site_user(site)
    original = await app.users.get_user(user_id)
    assert original.updated_at is None
    await app.users.update_user(user_id, UpdateUserDTO(bio="mine"))
    edit = app.changes[-1]
    await site.update_user(user_id, bio="theirs")
    before = await dump(world.engine)
    [conflict] = await conflict_of(app.applier.apply(edit.inverse()))
    assert isinstance(conflict.current, User) and conflict.current.bio == "theirs"
    assert conflict.current.updated_at is not None
    assert conflict.wanted == original and conflict.expected == edit.users[0].after
    assert await dump(world.engine) == before
    assert await app.applier.current("user", user_id) == conflict.current
    # keep mine: overwrite the version seen, exactly back to the original (NULL version too)
    await app.applier.apply(edit.inverse(), accept={user_id: conflict.current.updated_at})
    assert await app.users.get_user(user_id) == original
    # the site deletes it: an undo of the undo (a redo) finds it gone
    await site.delete_user(user_id)
    [conflict] = await conflict_of(app.applier.apply(edit))
    assert conflict.current is None and conflict.wanted == edit.users[0].after
    await app.applier.apply(edit, accept={user_id: None})  # keep mine: put it back
    assert await app.users.get_user(user_id) == edit.users[0].after


async def test_undo_of_a_delete_meets_a_row_with_the_same_id(world: World) -> None:
    app, site = world.app, world.site
    user_id = await site_user(site)
    await app.users.delete_user(user_id)
    deletion = app.changes[-1]
    async with site.sessions() as session:  # the site re-creates a row with that id
        from tests.reference_backend import UserModel as SiteUser

        session.add(
            SiteUser(id=user_id, email="again@example.org", username="again", hashed_password="h")
        )
        await session.commit()
    before = await dump(world.engine)
    [conflict] = await conflict_of(app.applier.apply(deletion.inverse()))
    assert conflict.expected is None and isinstance(conflict.current, User)
    assert conflict.current.username == "again"
    assert await dump(world.engine) == before


async def test_a_redone_delete_never_takes_posts_it_does_not_know(world: World) -> None:
    app, site = world.app, world.site
    user_id = await site_user(site)
    known = await site_post(site, user_id)
    await app.users.delete_user(user_id)
    deletion = app.changes[-1]
    assert deletion.text.endswith("and 1 post")
    await app.applier.apply(deletion.inverse())
    added = await site_post(site, user_id)  # the cascade would take this one unasked
    before = await dump(world.engine)
    [conflict] = await conflict_of(app.applier.apply(deletion))
    assert (conflict.kind, conflict.id, conflict.wanted, conflict.expected) == (
        "post",
        added,
        None,
        None,
    )
    assert isinstance(conflict.current, Post) and conflict.current.id == added
    assert await dump(world.engine) == before
    await app.applier.apply(deletion, accept={added: conflict.current.updated_at})
    assert await app.applier.current("user", user_id) is None
    assert await app.applier.current("post", known) is None


async def test_every_conflicting_row_is_named_and_orphans_are_conflicts(world: World) -> None:
    app, site = world.app, world.site
    author = await site_user(site)
    posts = [await site_post(site, author) for _ in range(4)]
    await app.posts.delete_posts(posts)
    deletion = app.changes[-1]
    assert deletion.text == "delete 4 posts"
    await app.applier.apply(deletion.inverse())
    await site.update_post(posts[0], title="theirs 0")
    await site.update_post(posts[2], title="theirs 2")
    before = await dump(world.engine)
    conflicts = await conflict_of(app.applier.apply(deletion))
    assert {c.id: c.current.title for c in conflicts if c.current} == {
        posts[0]: "theirs 0",
        posts[2]: "theirs 2",
    }
    assert await dump(world.engine) == before
    # a post whose author the site deleted cannot come back
    other = await site_user(site)
    created = await app.posts.create_post(CreatePostDTO("Mine", "text", other))
    creation = app.changes[-1]
    await app.applier.apply(creation.inverse())
    await site.delete_user(other)
    [conflict] = await conflict_of(app.applier.apply(creation))
    assert (conflict.id, conflict.current, conflict.wanted) == (created.id, None, created)


async def test_the_site_writing_during_the_undo_is_never_clobbered(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The site commits (or tries to) between the applier's check and its write: its write
    waits for the undo's locks and lands after it, or the undo reports it; never lost."""
    app, site = world.app, world.site
    write = change_applier._rewrite  # the undo of an edit is a rewrite, once checked
    racing: list[asyncio.Task[Any]] = []
    for round_, theirs in enumerate(["edit", "delete"] * 3):
        user_id = await site_user(site)
        await app.users.update_user(user_id, UpdateUserDTO(bio=f"mine {round_}"))
        edit = app.changes[-1]
        racing.clear()
        their_write = (
            site.update_user(user_id, bio=f"theirs {round_}")
            if theirs == "edit"
            else site.delete_user(user_id)
        )

        async def hooked(*args: Any, _theirs: Any = their_write, **kw: Any) -> None:
            racing.append(asyncio.ensure_future(_theirs))
            await asyncio.wait(racing, timeout=0.3)
            await write(*args, **kw)

        monkeypatch.setattr(change_applier, "_rewrite", hooked)
        try:
            await app.applier.apply(edit.inverse())
            reported = False
        except ChangeConflictError:
            reported = True
        monkeypatch.setattr(change_applier, "_rewrite", write)
        await asyncio.gather(*racing)
        now = await app.applier.current("user", user_id)
        if theirs == "edit":
            assert now is not None and now.bio == f"theirs {round_}", (round_, reported)
        else:
            assert now is None, (round_, reported)


async def test_a_thousand_interleavings_lose_no_update(world: World) -> None:
    """Edit (or delete) a row, let the site edit it, delete it or leave it, then undo (for
    a delete: undo, let the site act, redo). Every site change survives or was reported;
    an undo that went through left the row exactly as before, NULL version included."""
    app, site = world.app, world.site
    rng = random.Random(11)
    authors = [await site_user(site) for _ in range(3)]
    users = [await site_user(site) for _ in range(6)]
    posts = [await site_post(site, rng.choice(authors)) for _ in range(6)]
    tally: dict[str, int] = {}
    for trial in range(TRIALS_PER_BACKEND):
        kind = rng.choice(["user", "post", "post delete"])
        other = rng.choice(["nothing", "edit", "delete"])
        pool = users if kind == "user" else posts
        slot = rng.randrange(len(pool))
        row_id = pool[slot]
        token = f"theirs {trial}"
        if kind == "user":
            start: Any = await app.users.get_user(row_id)
            await app.users.update_user(row_id, UpdateUserDTO(bio=f"mine {trial}"))
        elif kind == "post":
            start = await app.posts.get_post(row_id)
            await app.posts.update_post(row_id, UpdatePostDTO(title=f"mine {trial}"))
        else:
            start = await app.posts.get_post(row_id)
            await app.posts.delete_post(row_id)
            await app.applier.apply(app.changes[-1].inverse())  # undo: back as it was
        change = app.changes[-1]
        if other == "edit":
            if kind == "user":
                await site.update_user(row_id, bio=token)
            else:
                await site.update_post(row_id, title=token)
        elif other == "delete":
            if kind == "user":
                await site.delete_user(row_id)
            else:
                await site.delete_post(row_id)
        step = change if kind == "post delete" else change.inverse()
        try:
            await app.applier.apply(step)
            outcome = "applied"
        except ChangeConflictError as error:
            outcome = "reported"
            [conflict] = error.conflicts
            assert conflict.id == row_id
            if other == "delete":
                assert conflict.current is None
            else:
                assert conflict.current is not None
                assert token == _text(conflict.current)
        now: Any = await app.applier.current("user" if kind == "user" else "post", row_id)
        tally[f"{kind}/{other}/{outcome}"] = tally.get(f"{kind}/{other}/{outcome}", 0) + 1
        if other == "nothing":
            assert outcome == "applied", trial
            if kind == "post delete":
                assert now is None
            else:
                assert now == start, trial
        elif other == "edit":
            assert outcome == "reported", trial  # their edit is still there:
            assert now is not None and token == _text(now), trial
        else:
            assert now is None, trial  # their delete stands (a gone row is no conflict to delete)
            assert outcome == ("applied" if kind == "post delete" else "reported"), trial
        if other != "nothing" or kind == "post delete":  # the site's versions have whole
            # seconds on SQLite: a fresh row keeps two of its edits in one second apart
            if kind == "user":
                pool[slot] = await site_user(site)
            else:
                pool[slot] = await site_post(site, rng.choice(authors))
    assert sum(tally.values()) == TRIALS_PER_BACKEND
    assert all(
        tally.get(f"{k}/{o}/{r}", 0) > 0
        for k, o, r in [
            ("user", "edit", "reported"),
            ("post", "delete", "reported"),
            ("post delete", "edit", "reported"),
            ("user", "nothing", "applied"),
        ]
    ), tally


async def test_undo_and_redo_of_rows_the_site_stamped_itself(world: World) -> None:
    """Versions the site wrote in its own format (SQLite: whole-second text) still match:
    undo and redo of an edit and of a delete of such rows go through, exactly."""
    app, site = world.app, world.site
    user_id = await site_user(site)
    post_id = await site_post(site, user_id)
    await site.update_user(user_id, bio="edited on the site")
    await site.update_post(post_id, title="edited on the site")
    start = await dump(world.engine)
    await app.users.update_user(user_id, UpdateUserDTO(bio="mine"))
    await app.users.delete_user(user_id)
    end = await dump(world.engine)
    for change in reversed(app.changes):
        await app.applier.apply(change.inverse())
    assert await dump(world.engine) == start
    for change in app.changes:
        await app.applier.apply(change)
    assert await dump(world.engine) == end
    await app.applier.apply(app.changes[-1].inverse())
    await app.applier.apply(app.changes[-2].inverse())
    # and undoing the app's edit again, after the site edited once more, is refused
    await site.update_user(user_id, bio="again")
    await app.users.update_user(user_id, UpdateUserDTO(bio="mine again"))
    await site.update_user(user_id, bio="theirs")
    [conflict] = await conflict_of(app.applier.apply(app.changes[-1].inverse()))
    assert conflict.current is not None and _text(conflict.current) == "theirs"
