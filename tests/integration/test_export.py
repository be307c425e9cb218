"""Export's rows from a real database (issue #12), on SQLite and PostgreSQL: keyset pages cover
every row once in the view's order, a search or an author filter exports exactly the rows the
table reader shows for it, and the web backend's rows (``updated_at`` NULL, timestamps in any
text format) export with their true times."""

from __future__ import annotations

import io
import json
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from typing import Any
from uuid import UUID

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from desktop_app.application.abstract_unit_of_work import UnitOfWorkFactory
from desktop_app.application.export_formats import (
    HASH_COLUMN,
    ExportQuery,
    columns_of,
    export,
    table_of,
)
from desktop_app.application.read_models import POST_SORTS, USER_SORTS, PostQuery, UserQuery
from desktop_app.domain.entities import Post, User
from desktop_app.infrastructure.database.connection import make_session_factory
from desktop_app.infrastructure.database.export_source import SQLAlchemyExportSource
from desktop_app.infrastructure.database.search_planner import ReadTuning
from tests.integration.test_read_queries import readers
from tests.integration.test_site_data import Adopted, adopted  # noqa: F401 - a fixture
from tests.site_data import SEARCH_BIO_WORD, SEARCH_TITLE_WORD, read_truth

pytestmark = pytest.mark.asyncio

BASE = datetime(2026, 3, 1, tzinfo=UTC)
ROWS = 50
PAGE = 7
LONG_CONTENT = "A post much longer than the table's preview. " * 40
# Every search plan the readers have: matches collected then sorted, or (FTS5) a scan that
# tests each row in order.
TUNINGS = {
    "default": ReadTuning(),
    "dense": ReadTuning(dense_after=0, dense_fraction=0.0, dense_fraction_spread=0.0),
}


async def seed(uow_factory: UnitOfWorkFactory) -> list[User]:
    """50 users and 50 posts, with ties in every sort (only the id tells them apart), some
    ``updated_at`` NULL, and words to search for."""
    users = []
    async with uow_factory() as uow:
        for n in range(ROWS):
            when = BASE + timedelta(minutes=n // 4)  # four users a minute
            users.append(
                await uow.users.create(
                    User(
                        email=f"member{n:02d}@{'north' if n % 3 else 'south'}.example.org",
                        username=f"{'kite' if n % 5 == 0 else 'member'}_{n:02d}",
                        hashed_password=f"$pbkdf2-sha256$29000$salt{n}$hash{n}",
                        is_active=n % 2 == 0,
                        bio=None if n % 7 == 0 else f"flies {'kites' if n % 4 == 0 else 'planes'}",
                        created_at=when,
                        updated_at=None if n % 3 == 0 else when + timedelta(hours=n % 2),
                    )
                )
            )
        for n in range(ROWS):
            when = BASE + timedelta(seconds=n // 5)
            await uow.posts.create(
                Post(
                    title=["Same title", f"Kites {n}", f"Other {n}"][n % 3],
                    content=LONG_CONTENT if n == 0 else f"text {n} about kites",
                    author_id=users[(n * 3) % ROWS].id,
                    created_at=when,
                    updated_at=None if n % 4 == 0 else when,
                )
            )
        await uow.commit()
    return users


async def exported(
    source: SQLAlchemyExportSource, query: ExportQuery, *, with_hashes: bool = False
) -> list[Sequence[Any]]:
    rows: list[Sequence[Any]] = []
    async for page in source.pages(query, with_hashes=with_hashes):
        assert 0 < len(page) <= source.page_size
        rows.extend(page)
    return rows


async def shown(engine: AsyncEngine, query: ExportQuery, tuning: ReadTuning) -> list[UUID]:
    """The ids the table's reader shows for ``query``, in its order."""
    users, posts = readers(engine, tuning)
    reader: Any = posts if isinstance(query, PostQuery) else users
    return [row.id for row in await reader.fetch(query, limit=10_000)]


def source_on(engine: AsyncEngine, tuning: ReadTuning | None = None) -> SQLAlchemyExportSource:
    return SQLAlchemyExportSource(make_session_factory(engine), page_size=PAGE, tuning=tuning)


SORTED = [
    *(UserQuery(sort=sort, descending=d) for sort in USER_SORTS for d in (True, False)),
    *(PostQuery(sort=sort, descending=d) for sort in POST_SORTS for d in (True, False)),
]
SEARCHES = [
    UserQuery(search="kite"),
    UserQuery(search="KITES", sort="username", descending=False),
    UserQuery(search="south.example"),
    UserQuery(search="no such word"),
    PostQuery(search="kites"),  # in titles, contents, and usernames of authors
    PostQuery(search="member"),  # in usernames of authors alone
    PostQuery(search="same title", sort="author_username"),
    PostQuery(search="text 1", sort="updated_at", descending=False),
]


def name(query: ExportQuery) -> str:
    order = "desc" if query.descending else "asc"
    return f"{table_of(query)} {query.search!r} by {query.sort} {order}"


async def test_keyset_pages_cover_every_row_once_in_the_views_order(
    engine: AsyncEngine, uow_factory: UnitOfWorkFactory
) -> None:
    await seed(uow_factory)
    source = source_on(engine)
    problems = []
    for query in SORTED:  # every sort, both ways: ties and NULL times across page edges
        ids = [row[0] for row in await exported(source, query)]
        if len(ids) != ROWS or len(set(ids)) != ROWS:
            problems.append(f"{name(query)}: {len(ids)} rows, {len(set(ids))} different")
        elif ids != await shown(engine, query, ReadTuning()):
            problems.append(f"{name(query)}: not in the table's order")
    assert not problems, "\n".join(problems)
    assert await source.count(UserQuery()) == await source.count(PostQuery()) == ROWS
    assert engine.pool.checkedout() == 0  # every page gave its connection back


@pytest.mark.parametrize("tuning", list(TUNINGS))
async def test_a_search_exports_exactly_the_rows_the_table_shows(
    engine: AsyncEngine, uow_factory: UnitOfWorkFactory, tuning: str
) -> None:
    await seed(uow_factory)
    source = source_on(engine, TUNINGS[tuning])
    problems = []
    for query in SEARCHES:
        got = [row[0] for row in await exported(source, query)]
        want = await shown(engine, query, TUNINGS[tuning])
        if got != want:
            problems.append(f"{name(query)}: {len(got)} rows exported, {len(want)} shown")
        elif query.search != "no such word" and not 0 < len(want) < ROWS:
            problems.append(f"{name(query)}: {len(want)} rows (the search is no test)")
    assert not problems, "\n".join(problems)


async def test_the_posts_of_selected_authors_export_as_the_posts_pane_shows_them(
    engine: AsyncEngine, uow_factory: UnitOfWorkFactory
) -> None:
    users = await seed(uow_factory)
    source = source_on(engine)
    authors = frozenset(u.id for u in users[:9])
    for query in (
        PostQuery(author_ids=authors),
        PostQuery(author_ids=authors, search="kites"),
        PostQuery(author_ids=frozenset()),  # a selection of users who wrote nothing
    ):
        rows = await exported(source, query)
        assert [row[0] for row in rows] == await shown(engine, query, ReadTuning())
        assert {row[3] for row in rows} <= authors
    assert len(await exported(source, PostQuery(author_ids=authors))) > PAGE  # several pages


async def test_columns_are_whole_and_hashes_only_when_asked(
    engine: AsyncEngine, uow_factory: UnitOfWorkFactory
) -> None:
    users = await seed(uow_factory)
    source = source_on(engine)
    plain = await exported(source, UserQuery())
    assert {len(row) for row in plain} == {len(columns_of("users"))}
    with_hashes = await exported(source, UserQuery(), with_hashes=True)
    hashes = {row[0]: row[-1] for row in with_hashes}
    assert hashes == {u.id: u.hashed_password for u in users}
    posts = await exported(source, PostQuery(), with_hashes=True)  # posts have no hashes
    assert {len(row) for row in posts} == {len(columns_of("posts"))}
    assert LONG_CONTENT in [row[2] for row in posts]  # the whole content, not the preview
    assert all(isinstance(row[0], UUID) and row[5].tzinfo is not None for row in posts)


async def test_an_export_stopped_early_gives_its_connection_back(
    engine: AsyncEngine, uow_factory: UnitOfWorkFactory
) -> None:
    await seed(uow_factory)
    pages = source_on(engine).pages(UserQuery())
    await anext(pages)
    await pages.aclose()
    assert engine.pool.checkedout() == 0


async def test_the_web_backends_rows_export_with_their_true_times(adopted: Adopted) -> None:  # noqa: F811
    """Rows the site's ORM wrote (``updated_at`` NULL) and raw SQL wrote (every text format):
    each exports once, with the instant it means, in UTC with its offset; NULL as null."""
    user_truth, post_truth = await read_truth(adopted.engine)
    source = source_on(adopted.engine)
    for query, truth in ((UserQuery(sort="updated_at"), user_truth), (PostQuery(), post_truth)):
        out = io.StringIO()
        written = await export(source, out, query, "jsonl")
        records = [json.loads(line) for line in out.getvalue().splitlines()]
        assert written == len(records) == len(truth)
        assert {UUID(r["id"]) for r in records} == set(truth)
        assert any(r["updated_at"] is None for r in records)
        for record in records:
            true = truth[UUID(record["id"])]
            for column in ("created_at", "updated_at"):
                text = record[column]
                if text is None:
                    assert getattr(true, column) is None, record
                    continue
                assert text.endswith("+00:00"), text
                assert datetime.fromisoformat(text) == getattr(true, column), record
        assert [UUID(r["id"]) for r in records] == await shown(adopted.engine, query, ReadTuning())


async def test_a_search_over_the_web_backends_rows(adopted: Adopted) -> None:  # noqa: F811
    user_truth, post_truth = await read_truth(adopted.engine)
    source = source_on(adopted.engine)
    gardeners = await exported(source, UserQuery(search=SEARCH_BIO_WORD), with_hashes=True)
    assert {row[0] for row in gardeners} == {
        u.id for u in user_truth.values() if SEARCH_BIO_WORD in (u.bio or "")
    }
    assert all(row[-1] for row in gardeners)  # the site's hashes, read as stored
    zeppelins = await exported(source, PostQuery(search=SEARCH_TITLE_WORD))
    assert {row[0] for row in zeppelins} == {
        p.id for p in post_truth.values() if SEARCH_TITLE_WORD in p.title
    }
    assert HASH_COLUMN not in columns_of("posts", with_hashes=True)
