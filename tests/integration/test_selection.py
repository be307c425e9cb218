"""A table's selection resolved in the database: ranges of positions in a sorted, searched
query are exactly the rows at those positions, in order, whether or not they were loaded."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from uuid import uuid4

import pytest
from sqlalchemy import insert
from sqlalchemy.ext.asyncio import AsyncEngine

from desktop_app.application.read_models import PostQuery, PostRow, UserQuery
from desktop_app.application.selection_resolver import Selection, selected_keys, selected_rows
from desktop_app.domain.errors import OperationCancelledError
from desktop_app.infrastructure.database.connection import make_session_factory
from desktop_app.infrastructure.database.models import PostModel, UserModel
from desktop_app.infrastructure.database.readers import (
    SQLAlchemyPostReader,
    SQLAlchemyUserReader,
)

pytestmark = pytest.mark.asyncio

BASE = datetime(2026, 5, 1, tzinfo=UTC)
POSTS = 1_500  # past ReadTuning.seek_from_offset, so deep positions are found through the index


async def seed(engine: AsyncEngine) -> None:
    """30 authors; 1,500 posts, two in three about apples, with many equal titles (the order
    is then decided by the id) and some equal timestamps."""
    users = [
        {
            "id": uuid4(),
            "email": f"author{n}@example.org",
            "username": f"author{n:02d}",
            "hashed_password": "x",
            "created_at": BASE + timedelta(minutes=n),
            "updated_at": None,
        }
        for n in range(30)
    ]
    posts = [
        {
            "id": uuid4(),
            "title": f"{'apple' if n % 3 else 'pear'} pie {n % 40:02d}",
            "content": f"about fruit {n}",
            "author_id": users[n % 30]["id"],
            "created_at": BASE + timedelta(seconds=n // 2),
            "updated_at": BASE + timedelta(seconds=n // 2) if n % 2 else None,
        }
        for n in range(POSTS)
    ]
    async with engine.begin() as connection:
        await connection.execute(insert(UserModel), users)
        await connection.execute(insert(PostModel), posts)


def readers(engine: AsyncEngine) -> tuple[SQLAlchemyUserReader, SQLAlchemyPostReader]:
    factory = make_session_factory(engine)
    return SQLAlchemyUserReader(factory), SQLAlchemyPostReader(factory)


@pytest.mark.parametrize(
    ("sort", "descending"), [("title", False), ("updated_at", True), ("author_username", True)]
)
async def test_ranges_of_positions_resolve_to_exactly_those_rows_in_order(
    engine: AsyncEngine, sort: str, descending: bool
) -> None:
    await seed(engine)
    _users, posts = readers(engine)
    query = PostQuery(search="apple", sort=sort, descending=descending)  # type: ignore[arg-type]
    everything = await posts.fetch(query, limit=POSTS)  # one page by OFFSET: the reference
    assert len(everything) == 1_000
    spans = [(990, 1_000), (3, 10), (400, 1_000), (1_990, 2_000)]  # overlapping, one past the end
    loaded = {n: everything[n] for n in (3, 4, 5, 450, 451, 998)}  # what the table had loaded
    selection = Selection.of(query, spans, loaded, total=len(everything))
    assert selection.ranges == (range(3, 10), range(400, 1_000), range(1_990, 2_000))
    assert not selection.everything
    wanted = [*range(3, 10), *range(400, 1_000)]

    keys = await selected_keys(posts, selection, page=64)
    assert [k.id for k in keys] == [everything[n].id for n in wanted]
    assert [k.updated_at for k in keys] == [everything[n].updated_at for n in wanted]
    assert [k.author_id for k in keys] == [everything[n].author_id for n in wanted]

    rows = [row async for page in selected_rows(posts, selection, page=64) for row in page]
    assert rows == [everything[n] for n in wanted]
    assert all(isinstance(row, PostRow) for row in rows)

    whole = Selection.of(query, [(0, len(everything))], {}, total=len(everything))
    assert whole.everything
    assert [k.id for k in await selected_keys(posts, whole, page=300)] == [r.id for r in everything]


async def test_select_all_is_the_query_and_keeps_the_versions_that_were_shown(
    engine: AsyncEngine,
) -> None:
    """Select All means every row the query matches when the action runs; a row that was
    on screen keeps the version it was shown with, so a delete can tell it changed since."""
    await seed(engine)
    users, _posts = readers(engine)
    query = UserQuery(sort="username", descending=False)
    shown = await users.fetch(query, limit=10)
    on_screen = {n: row for n, row in enumerate(shown)}
    on_screen[2] = replace(on_screen[2], updated_at=BASE - timedelta(days=1))  # seen before
    selection = Selection.of(query, [(0, 30)], on_screen, total=30)
    keys = await selected_keys(users, selection, page=7)
    assert [k.id for k in keys] == [r.id for r in await users.fetch(query, limit=100)]
    assert keys[2].updated_at == BASE - timedelta(days=1)
    assert keys[3].updated_at is None

    reported: list[int] = []

    def cancel_after_two_pages(done: int, total: int) -> bool:
        reported.append(done)
        return len(reported) < 2

    with pytest.raises(OperationCancelledError):
        await selected_keys(users, selection, page=7, progress=cancel_after_two_pages)
    assert reported == [7, 14]


async def test_contents_are_the_whole_posts_by_id_in_batches_and_leave_out_missing_ones(
    engine: AsyncEngine, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What Copy writes for a post's Content: its whole text, exactly, read by ids."""
    await seed(engine)
    _users, posts = readers(engine)
    long = 'He said "no"\tthen\r\nleft\rand\nwent. ' * 40  # past the preview, every break kind
    page = await posts.fetch(PostQuery(sort="title"), limit=5)
    async with engine.begin() as connection:
        await connection.execute(
            PostModel.__table__.update().where(PostModel.id == page[0].id).values(content=long)
        )
    monkeypatch.setattr("desktop_app.infrastructure.database.readers.IDS_A_STATEMENT", 2)
    gone = uuid4()
    found = await posts.contents([row.id for row in page] + [gone])  # three statements
    assert set(found) == {row.id for row in page}
    assert found[page[0].id] == long
    assert len(page[0].content_preview) < len(long)
    assert all(found[row.id] == row.content_preview for row in page[1:])  # short: all of it
    assert await posts.contents([]) == {}
