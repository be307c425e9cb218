"""Big undo steps kept out of memory: the temporary file's rows read back exactly, and undo and
redo of a kept change span many batches, all or nothing, on both backends."""

from __future__ import annotations

import stat
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from uuid import UUID, uuid4

import pytest
from sqlalchemy import insert
from sqlalchemy.ext.asyncio import AsyncEngine

from desktop_app.application import change_applier
from desktop_app.application.abstract_unit_of_work import UnitOfWorkFactory
from desktop_app.application.change_set import ChangeSet, RowChange
from desktop_app.domain.entities import Post, User
from desktop_app.domain.errors import ChangeConflictError, StorageError
from desktop_app.infrastructure.change_store import KeptRows, TemporaryChangeStore
from desktop_app.infrastructure.database.models import PostModel, UserModel
from tests.integration.undo_support import App, dump
from tests.reference_backend import PostModel as SitePost
from tests.reference_backend import WebBackend

START = datetime(2026, 1, 1, tzinfo=UTC)


def _user(n: int) -> User:
    return User(
        email=f"k{n}@example.org",
        username=f"k{n}",
        hashed_password=f"$argon2id$v=19$m=65536,t=3,p=4$kept{n}",
        bio=None if n % 2 else "ünïcödé 🎉 bio",
        id=uuid4(),
        created_at=START + timedelta(seconds=n),
        updated_at=None if n % 3 else START + timedelta(days=1, microseconds=n),
    )


def _post(n: int, author: UUID) -> Post:
    return Post(
        title=f"kept {n}",
        content="line\nline\tטקסט",
        author_id=author,
        id=uuid4(),
        created_at=START + timedelta(seconds=n),
        updated_at=None if n % 2 else START + timedelta(hours=n),
    )


def test_kept_rows_read_back_exactly_and_invert_as_a_view(tmp_path: Path) -> None:
    store = TemporaryChangeStore(tmp_path)
    users = [_user(n) for n in range(3)]
    change = ChangeSet(
        "mixed",
        users=(RowChange(None, users[0]), RowChange(users[1], replace(users[1], bio="edited"))),
        posts=tuple(RowChange(_post(n, users[0].id), None) for n in range(2_345)),
    )
    kept = store.keep(change)
    assert isinstance(kept.posts, KeptRows) and kept.size == change.size
    assert list(kept.users) == list(change.users)
    assert list(kept.posts) == list(change.posts)  # iterated a thousand at a time
    assert kept.posts[1_000:1_003] == list(change.posts[1_000:1_003])
    assert kept.posts[-1] == change.posts[-1] and kept.posts[::500] == list(change.posts[::500])
    inverse, expected = kept.inverse(), change.inverse()
    assert list(inverse.posts) == list(expected.posts)
    assert inverse.posts[7:1_200] == list(expected.posts[7:1_200])
    assert list(inverse.users) == list(expected.users)
    assert list(inverse.inverse().posts) == list(change.posts)
    assert store.keep(kept) is kept
    path = store.path
    assert path is not None and stat.S_IMODE(path.stat().st_mode) == 0o600  # hashes inside
    other = store.keep(ChangeSet("other", users=(RowChange(None, users[1]),)))
    store.discard(kept)
    with pytest.raises(StorageError):
        kept.posts[0]
    assert list(other.users) == [RowChange(None, users[1])]
    store.close()
    assert not path.exists()
    with pytest.raises(StorageError):
        store.keep(change)


async def _seed(engine: AsyncEngine, posts: int) -> tuple[list[UUID], list[UUID]]:
    """Two authors and ``posts`` posts between them, written as the site would."""
    authors = [_user(n) for n in range(2)]
    rows = [_post(n, authors[n % 2].id) for n in range(posts)]
    async with engine.begin() as connection:
        await connection.execute(
            insert(UserModel),
            [
                {
                    "id": u.id,
                    "email": u.email,
                    "username": u.username,
                    "hashed_password": u.hashed_password,
                    "is_active": u.is_active,
                    "bio": u.bio,
                    "created_at": u.created_at,
                    "updated_at": u.updated_at,
                }
                for u in authors
            ],
        )
        await connection.execute(
            insert(PostModel),
            [
                {
                    "id": p.id,
                    "title": p.title,
                    "content": p.content,
                    "author_id": p.author_id,
                    "created_at": p.created_at,
                    "updated_at": p.updated_at,
                }
                for p in rows
            ],
        )
    return [u.id for u in authors], [p.id for p in rows]


@pytest.mark.asyncio
async def test_undo_and_redo_of_a_kept_delete_span_batches_exactly(
    uow_factory: UnitOfWorkFactory, engine: AsyncEngine, tmp_path: Path
) -> None:
    """A delete of two users and 1,300 posts (three batches of posts), kept on disk: undo puts
    back every column, redo removes them again; the store's rows are read, not held."""
    app = App.over(uow_factory)
    authors, _posts = await _seed(engine, 1_300)
    start = await dump(engine)
    await app.users.delete_users(authors)
    end = await dump(engine)
    store = TemporaryChangeStore(tmp_path)
    try:
        kept = store.keep(app.changes[-1])
        assert isinstance(kept.posts, KeptRows) and len(kept.posts) == 1_300
        seen: list[tuple[int, int]] = []
        await app.applier.apply(kept.inverse(), progress=lambda d, t: seen.append((d, t)) or True)
        assert await dump(engine) == start
        assert len(seen) >= 4 and seen[-1] == (1_302, 1_302)  # reported between batches
        await app.applier.apply(kept)
        assert await dump(engine) == end
    finally:
        store.close()


@pytest.mark.asyncio
async def test_a_conflict_in_a_late_batch_writes_nothing_and_every_conflict_is_named(
    uow_factory: UnitOfWorkFactory, engine: AsyncEngine, database_url: str, tmp_path: Path
) -> None:
    """The undo of a 1,300-post delete writes its first batches before it meets the rows the
    site re-created in the last batch: the transaction rolls back, nothing of it stays, and
    both rows are named, one per batch apart."""
    app = App.over(uow_factory)
    _authors, posts = await _seed(engine, 1_300)
    await app.posts.delete_posts(posts)
    deletion = app.changes[-1]
    store = TemporaryChangeStore(tmp_path)
    try:
        kept = store.keep(deletion)
        order = [c.row.id for c in kept.inverse().posts]  # the order the undo writes them
        early, late = order[10], order[1_250]  # first batch, third batch
        async with WebBackend(database_url) as site:
            author = await site.add_user(email="s@example.org", username="s", bio="site")
            for post_id in (early, late):
                async with site.sessions() as session:
                    session.add(SitePost(id=post_id, title="theirs", content="x", author_id=author))
                    await session.commit()
        before = await dump(engine)
        with pytest.raises(ChangeConflictError) as caught:
            await app.applier.apply(kept.inverse())
        assert {c.id for c in caught.value.conflicts} == {early, late}
        assert await dump(engine) == before  # the batches written before it rolled back
    finally:
        store.close()


@pytest.mark.asyncio
async def test_an_undo_never_reads_more_than_a_batch_of_a_kept_change(
    uow_factory: UnitOfWorkFactory, engine: AsyncEngine, tmp_path: Path
) -> None:
    """The applier asks the kept rows for slices of at most CHUNK rows, never the whole list
    (that is what keeps a million-row undo within a batch's memory)."""
    app = App.over(uow_factory)
    _authors, posts = await _seed(engine, 1_200)
    await app.posts.delete_posts(posts)
    store = TemporaryChangeStore(tmp_path)
    reads: list[int] = []
    read = store.read

    def counted(change_id: int, kind: int, start: int, stop: int) -> list[RowChange[Post]]:
        reads.append(stop - start)
        return read(change_id, kind, start, stop)

    store.read = counted  # type: ignore[method-assign]
    try:
        kept = store.keep(app.changes[-1])
        await app.applier.apply(kept.inverse())
        assert reads and max(reads) <= change_applier.CHUNK
        assert sum(reads) == 2 * 1_200  # the posts read once per pass (writes, deletes)
    finally:
        store.close()
