"""Issue #8: the site's own data opens, pages, searches and edits correctly, on both backends.

(a) The web backend creates the tables (``create_all``) and writes rows, and raw SQL writes more
in every timestamp format; then the app adopts the database with its migration runner. Every
sort, both directions, pages exactly (each row once, in the right order) by cursor and by
position; a NULL ``updated_at`` ("never edited") is the oldest. Edits and deletes work on rows
whatever wrote their timestamps, and an edit made from a stale version is refused.

(b) The reverse: the app creates the database; the site's ORM inserts (``updated_at`` NULL),
updates and deletes there without errors, and the app reads what it wrote.
"""

from __future__ import annotations

import functools
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any
from uuid import UUID

import pytest
import pytest_asyncio
from sqlalchemy import inspect
from sqlalchemy.ext.asyncio import AsyncEngine

from desktop_app.application.abstract_unit_of_work import UnitOfWorkFactory
from desktop_app.application.post_service import PostService
from desktop_app.application.read_models import (
    POST_SORTS,
    USER_SORTS,
    PostQuery,
    UserQuery,
)
from desktop_app.application.user_service import UserService
from desktop_app.domain.entities import CreateUserDTO, UpdatePostDTO, UpdateUserDTO
from desktop_app.domain.errors import StaleEditError, UserNotFoundError
from desktop_app.infrastructure.database import migrations
from desktop_app.infrastructure.database.connection import make_session_factory
from desktop_app.infrastructure.database.readers import (
    SQLAlchemyPostReader,
    SQLAlchemyUserReader,
)
from desktop_app.infrastructure.database.search_planner import ReadTuning
from desktop_app.infrastructure.database.unit_of_work import SQLAlchemyUnitOfWork
from tests.integration.test_read_queries import readers, walk
from tests.reference_backend import WebBackend
from tests.site_data import (
    RAW_TIMES,
    SEARCH_BIO_WORD,
    SEARCH_TITLE_WORD,
    Site,
    build_site,
    expected_ids,
    read_truth,
)

pytestmark = pytest.mark.asyncio

PAGE = 7


async def fake_hash(password: str) -> str:
    return f"hashed:{password}"


@dataclass(slots=True)
class Adopted:
    """A site database the app has opened: the site, what it wrote, the app's services."""

    site: WebBackend
    made: Site
    engine: AsyncEngine
    uow_factory: UnitOfWorkFactory
    users: SQLAlchemyUserReader
    posts: SQLAlchemyPostReader
    user_service: UserService
    post_service: PostService

    async def paging_problems(
        self,
        user_truth: dict[UUID, Any],
        user_sorts: tuple[str, ...],
        post_truth: dict[UUID, Any],
        post_sorts: tuple[str, ...],
    ) -> list[str]:
        """``paging_problems`` of the users, then of the posts, by the given sorts."""
        dialect = self.engine.dialect.name
        problems = await paging_problems(
            self.users, user_truth, UserQuery, user_sorts, dialect=dialect
        )
        return problems + await paging_problems(
            self.posts, post_truth, PostQuery, post_sorts, dialect=dialect
        )


def app_services(engine: AsyncEngine) -> tuple[UnitOfWorkFactory, UserService, PostService]:
    uow_factory = functools.partial(SQLAlchemyUnitOfWork, make_session_factory(engine))
    return (
        uow_factory,
        UserService(uow_factory, hash_password=fake_hash),
        PostService(uow_factory),
    )


@pytest_asyncio.fixture
async def adopted(bare_engine: AsyncEngine, database_url: str) -> AsyncIterator[Adopted]:
    """The site builds its database first; then the app opens it (migrations to head)."""
    async with WebBackend(database_url) as site:
        made = await build_site(site)
        await migrations.upgrade(bare_engine, database_url)
        uow_factory, user_service, post_service = app_services(bare_engine)
        users, posts = readers(bare_engine)
        yield Adopted(
            site, made, bare_engine, uow_factory, users, posts, user_service, post_service
        )


def describe(got: list[UUID], want: list[UUID]) -> str | None:
    """None if equal, else what is wrong: rows missing, repeated, or out of order."""
    if got == want:
        return None
    missing = len(set(want) - set(got))
    repeated = len(got) - len(set(got))
    extra = len(set(got) - set(want))
    first = next((i for i, (g, w) in enumerate(zip(got, want, strict=False)) if g != w), None)
    return (
        f"{len(got)} rows for {len(want)}: {missing} missing, {repeated} repeated, "
        f"{extra} unknown, first difference at position {first}"
    )


PAGINGS = ("one page", "cursor", "offset", "offset+total", "seek")


def bounded(fetch: Callable[..., Any], total: int) -> Callable[..., Any]:
    """``fetch`` that gives up once it has been asked for more pages than there are rows: a
    cursor that repeats rows would otherwise page forever."""
    pages = 0

    async def fetch_page(*args: Any, **kwargs: Any) -> Any:
        nonlocal pages
        pages += 1
        if pages > total // PAGE + 3:
            raise RuntimeError(f"still paging after {pages - 1} pages of {PAGE} for {total} rows")
        return await fetch(*args, **kwargs)

    return fetch_page


async def page_through(reader: Any, query: Any, way: str, total: int) -> list[UUID]:
    """All ids of ``query``, read one of the ways the table reads them."""
    fetch = bounded(reader.fetch, total)
    if way == "one page":
        return [row.id for row in await reader.fetch(query, limit=10_000)]
    if way == "cursor":  # scrolling
        return [row.id for row in await walk(fetch, query, PAGE, keyset=True)]
    if way == "offset":
        return [row.id for row in await walk(fetch, query, PAGE, keyset=False)]
    if way == "offset+total":  # past the middle: read from the far end, reversed
        with_total = functools.partial(fetch, total=total)
        return [row.id for row in await walk(with_total, query, PAGE, keyset=False)]
    assert way == "seek"  # jumps: the key at the position, then a keyset page after it
    seeking = type(reader)(reader._sessions, tuning=ReadTuning(seek_from_offset=3))
    return [row.id for row in await walk(bounded(seeking.fetch, total), query, PAGE, keyset=False)]


async def paging_problems(
    reader: Any,
    truth: dict[UUID, Any],
    make_query: Callable[..., Any],
    sorts: tuple[str, ...],
    *,
    dialect: str,
    only: set[UUID] | None = None,
) -> list[str]:
    """Every sort, both directions, every way of paging: what differs from the truth."""
    problems = []
    rows = truth if only is None else {k: v for k, v in truth.items() if k in only}
    for sort in sorts:
        for descending in (False, True):
            query = make_query(sort=sort, descending=descending)
            want = expected_ids(rows, sort, descending, dialect)
            for way in PAGINGS:
                name = f"{sort} {'desc' if descending else 'asc'} by {way}"
                try:
                    got = await page_through(reader, query, way, len(want))
                except Exception as error:  # one broken way must not hide the others
                    problems.append(f"{name}: {type(error).__name__}: {error}")
                    continue
                if (problem := describe(got, want)) is not None:
                    problems.append(f"{name}: {problem}")
    return problems


# -- (a) the site's database, adopted by the app ------------------------------------------------


async def test_every_sort_pages_each_site_row_once_in_order(adopted: Adopted) -> None:
    user_truth, post_truth = await read_truth(adopted.engine)
    assert len(user_truth) == 52 and len(post_truth) == 58
    assert sum(u.updated_at is None for u in user_truth.values()) > len(user_truth) // 2
    if adopted.engine.dialect.name == "sqlite":  # the mix of formats really is in the file
        stored = {u.stored_created_at for u in user_truth.values()}
        assert set(RAW_TIMES) <= stored
        assert any(len(str(s)) == 19 and " " in str(s) for s in stored)  # CURRENT_TIMESTAMP
        assert any(str(s).endswith(".000000") for s in stored)  # the ORM's own datetimes
    problems = await adopted.paging_problems(user_truth, USER_SORTS, post_truth, POST_SORTS)
    assert not problems, "\n".join(problems)
    assert await adopted.users.count(UserQuery()) == len(user_truth)
    assert await adopted.posts.count(PostQuery()) == len(post_truth)


async def test_site_rows_read_with_their_true_times(adopted: Adopted) -> None:
    """Whatever text a writer stored, the app reads the instant it means (UTC, aware), and a
    NULL ``updated_at`` as None."""
    user_truth, post_truth = await read_truth(adopted.engine)
    wrong = []
    for row in await adopted.users.fetch(UserQuery(), limit=10_000):
        true = user_truth[row.id]
        if (row.created_at, row.updated_at) != (true.created_at, true.updated_at):
            wrong.append(
                f"user stored {true.stored_created_at!r}/{true.stored_updated_at!r} "
                f"read as {row.created_at}/{row.updated_at}"
            )
        if row.created_at.tzinfo is None:
            wrong.append(f"user {row.id}: naive created_at")
    for row in await adopted.posts.fetch(PostQuery(), limit=10_000):
        true = post_truth[row.id]
        if (row.created_at, row.updated_at) != (true.created_at, true.updated_at):
            wrong.append(
                f"post stored {true.stored_created_at!r}/{true.stored_updated_at!r} "
                f"read as {row.created_at}/{row.updated_at}"
            )
    assert not wrong, "\n".join(wrong)
    never = adopted.made.orm_users[0]  # a sign-up the site never edited
    async with adopted.uow_factory() as uow:
        user = await uow.users.get_by_id(never)
        post = await uow.posts.get_by_id(adopted.made.raw_posts[0])
    assert user is not None and user.updated_at is None
    assert user.created_at == user_truth[never].created_at
    assert post is not None and post.updated_at is None


async def test_searches_find_site_rows_and_page_them(adopted: Adopted) -> None:
    user_truth, post_truth = await read_truth(adopted.engine)
    gardeners = {u.id for u in user_truth.values() if SEARCH_BIO_WORD in (u.bio or "")}
    zeppelins = {p.id for p in post_truth.values() if SEARCH_TITLE_WORD in p.title}
    assert len(gardeners) >= 10 and len(zeppelins) >= 10
    assert await adopted.users.count(UserQuery(search=SEARCH_BIO_WORD)) == len(gardeners)
    assert await adopted.posts.count(PostQuery(search=SEARCH_TITLE_WORD)) == len(zeppelins)
    problems = await paging_problems(
        adopted.users,
        user_truth,
        functools.partial(UserQuery, search=SEARCH_BIO_WORD),
        ("created_at", "updated_at", "username"),
        only=gardeners,
        dialect=adopted.engine.dialect.name,
    )
    problems += await paging_problems(
        adopted.posts,
        post_truth,
        functools.partial(PostQuery, search=SEARCH_TITLE_WORD.upper()),
        ("created_at", "updated_at", "author_username"),
        only=zeppelins,
        dialect=adopted.engine.dialect.name,
    )
    assert not problems, "\n".join(problems)
    raw_author = adopted.made.raw_users[1]
    by_author = await adopted.posts.fetch(PostQuery(author_ids=frozenset({raw_author})), limit=1000)
    assert {r.id for r in by_author} == {
        p.id for p in post_truth.values() if p.author_id == raw_author
    }


async def test_edits_of_site_rows_succeed_from_the_version_shown(adopted: Adopted) -> None:
    """An edit made from the row as the table showed it saves, whatever format its
    ``updated_at`` was written in, and NULL ("never edited") included."""
    made, service = adopted.made, adopted.user_service
    shown = {r.id: r for r in await adopted.users.fetch(UserQuery(), limit=10_000)}
    failures = []
    for k, user_id in sorted(made.raw_users_by_updated_format.items()):
        try:
            saved = await service.update_user(
                user_id,
                UpdateUserDTO(bio=f"edited in the app {k}"),
                expected_updated_at=shown[user_id].updated_at,
            )
        except Exception as error:
            failures.append(f"updated_at {RAW_TIMES[k]!r}: {type(error).__name__}: {error}")
            continue
        if saved.bio != f"edited in the app {k}" or saved.updated_at is None:
            failures.append(f"updated_at {RAW_TIMES[k]!r}: saved {saved!r}")
    for user_id in [made.orm_users[0], made.raw_users[1], made.now_users[0]]:
        assert shown[user_id].updated_at is None
        try:
            await service.update_user(user_id, UpdateUserDTO(bio="x"), expected_updated_at=None)
        except Exception as error:
            failures.append(f"never edited {user_id}: {type(error).__name__}: {error}")
    for user_id in [made.orm_edited_users[0], made.now_users[1]]:  # site-edited, now()
        try:
            await service.update_user(
                user_id,
                UpdateUserDTO(is_active=False),
                expected_updated_at=shown[user_id].updated_at,
            )
        except Exception as error:
            failures.append(f"site-edited {user_id}: {type(error).__name__}: {error}")
    # Without a version: the one read in the same transaction (a NULL one included).
    for user_id in [made.orm_users[3], made.raw_users[2]]:
        try:
            await service.update_user(user_id, UpdateUserDTO(username=f"renamed_{user_id.hex[:6]}"))
        except Exception as error:
            failures.append(f"no version {user_id}: {type(error).__name__}: {error}")
    assert not failures, "\n".join(failures)

    posts = {r.id: r for r in await adopted.posts.fetch(PostQuery(), limit=10_000)}
    for k, post_id in sorted(made.raw_posts_by_updated_format.items()):
        try:
            await adopted.post_service.update_post(
                post_id,
                UpdatePostDTO(title=f"Edited {k}"),
                expected_updated_at=posts[post_id].updated_at,
            )
        except Exception as error:
            failures.append(f"post updated_at {RAW_TIMES[k]!r}: {type(error).__name__}: {error}")
    for post_id in [made.raw_posts[0], made.orm_posts[0], made.now_posts[0]]:
        assert posts[post_id].updated_at is None
        try:
            await adopted.post_service.update_post(
                post_id, UpdatePostDTO(content="Edited in the app."), expected_updated_at=None
            )
        except Exception as error:
            failures.append(f"never edited post {post_id}: {type(error).__name__}: {error}")
    assert not failures, "\n".join(failures)

    user_truth, post_truth = await read_truth(adopted.engine)
    for k, user_id in made.raw_users_by_updated_format.items():
        assert user_truth[user_id].bio == f"edited in the app {k}"
        assert user_truth[user_id].updated_at is not None
    assert user_truth[made.orm_users[0]].updated_at is not None  # edited now
    assert post_truth[made.raw_posts[0]].content == "Edited in the app."


async def test_stale_edits_of_site_rows_are_refused(adopted: Adopted) -> None:
    made, service = adopted.made, adopted.user_service
    shown = {r.id: r for r in await adopted.users.fetch(UserQuery(), limit=10_000)}

    # The site edits a row the app showed as never edited: the app's edit must not win.
    never = made.orm_users[6]
    assert shown[never].updated_at is None
    await adopted.site.update_user(never, bio="the site's edit")
    with pytest.raises(StaleEditError):
        await service.update_user(never, UpdateUserDTO(bio="mine"), expected_updated_at=None)

    # The app edits, and the site edits right after (within the same second on SQLite):
    # the app's version read before the site's edit is stale.
    target = made.raw_users[3]
    mine = await service.update_user(target, UpdateUserDTO(bio="app first"))
    await adopted.site.update_user(target, bio="site second")
    with pytest.raises(StaleEditError):
        await service.update_user(
            target, UpdateUserDTO(bio="app again"), expected_updated_at=mine.updated_at
        )

    # A version in a foreign format that is not the row's: stale as well.
    formatted = made.raw_users_by_updated_format[min(made.raw_users_by_updated_format)]
    version = shown[formatted].updated_at
    assert version is not None
    with pytest.raises(StaleEditError):
        await service.update_user(
            formatted, UpdateUserDTO(bio="late"), expected_updated_at=version - timedelta(seconds=1)
        )
    # "I saw it never edited" about a row that was edited is stale too.
    with pytest.raises(StaleEditError):
        await service.update_user(formatted, UpdateUserDTO(bio="late"), expected_updated_at=None)

    post_id = made.orm_edited_posts[0]
    with pytest.raises(StaleEditError):
        await adopted.post_service.update_post(
            post_id, UpdatePostDTO(title="late"), expected_updated_at=None
        )
    # A row the site deleted: not found, not stale.
    gone = made.orm_users[9]
    gone_version = shown[gone].updated_at
    await adopted.site.delete_user(gone)
    with pytest.raises(UserNotFoundError):
        await service.update_user(gone, UpdateUserDTO(bio="x"), expected_updated_at=gone_version)

    user_truth, post_truth = await read_truth(adopted.engine)
    assert user_truth[never].bio == "the site's edit"
    assert user_truth[target].bio == "site second"
    assert user_truth[formatted].bio == shown[formatted].bio
    assert post_truth[post_id].title != "late"


async def test_a_profile_edit_with_a_new_password_is_one_unit_of_work(adopted: Adopted) -> None:
    user_id = adopted.made.raw_users[0]
    shown = {r.id: r for r in await adopted.users.fetch(UserQuery(), limit=10_000)}
    saved = await adopted.user_service.update_user(
        user_id,
        UpdateUserDTO(bio="new bio", password="a new password 42"),  # type: ignore[call-arg]
        expected_updated_at=shown[user_id].updated_at,
    )
    assert saved.bio == "new bio"
    assert saved.hashed_password == "hashed:a new password 42"
    assert saved.updated_at is not None
    with pytest.raises(StaleEditError):  # a second form still showing the old version
        await adopted.user_service.update_user(
            user_id,
            UpdateUserDTO(password="another password 42"),  # type: ignore[call-arg]
            expected_updated_at=shown[user_id].updated_at,
        )
    site_view = await adopted.site.get_user(user_id)
    assert site_view is not None and site_view.hashed_password == "hashed:a new password 42"


async def test_deletes_of_site_rows(adopted: Adopted) -> None:
    made = adopted.made
    user_truth, post_truth = await read_truth(adopted.engine)
    author = next(
        u for u in made.raw_users if sum(p.author_id == u for p in post_truth.values()) >= 2
    )
    written = sum(p.author_id == author for p in post_truth.values())
    outcome = await adopted.user_service.delete_user(author)
    assert (outcome.users, outcome.posts) == (1, written)
    await adopted.post_service.delete_post(made.raw_posts[4])
    await adopted.post_service.delete_post(made.orm_posts[5])

    shown = {r.id: r for r in await adopted.users.fetch(UserQuery(), limit=10_000)}
    formatted = next(
        user_id
        for _, user_id in sorted(made.raw_users_by_updated_format.items())
        if user_id != author
    )
    never = made.orm_users[12]
    async with adopted.uow_factory() as uow:  # compare-and-delete from the version shown
        assert await uow.users.delete(formatted, expected_updated_at=shown[formatted].updated_at)
        assert await uow.users.delete(never, expected_updated_at=None)
        await uow.commit()
    stale = made.orm_edited_users[1]
    try:
        async with adopted.uow_factory() as uow:
            removed = await uow.users.delete(stale, expected_updated_at=None)
            await uow.commit()
    except StaleEditError:
        removed = False
    assert not removed, "a compare-and-delete from a stale version removed the row"

    after_users, after_posts = await read_truth(adopted.engine)
    gone = {author, formatted, never}
    assert set(after_users) == set(user_truth) - gone
    assert not any(p.author_id in gone for p in after_posts.values())
    assert made.raw_posts[4] not in after_posts and made.orm_posts[5] not in after_posts
    problems = await adopted.paging_problems(
        after_users, ("updated_at",), after_posts, ("created_at",)
    )
    assert not problems, "\n".join(problems)


async def test_pages_stay_exact_after_the_app_edits_site_rows(adopted: Adopted) -> None:
    """The app's own timestamps mixed with the site's: still each row once, in order."""
    made = adopted.made
    for user_id in [*made.orm_users[:8], *made.raw_users[:8], made.now_users[3]]:
        await adopted.user_service.update_user(user_id, UpdateUserDTO(bio="touched"))
    for post_id in [*made.raw_posts[:6], *made.orm_posts[:6]]:
        await adopted.post_service.update_post(post_id, UpdatePostDTO(content="touched"))
    await adopted.site.update_user(made.orm_users[1], bio="the site again")
    user_truth, post_truth = await read_truth(adopted.engine)
    problems = await adopted.paging_problems(
        user_truth, ("updated_at", "created_at"), post_truth, ("updated_at",)
    )
    assert not problems, "\n".join(problems)


# -- (b) the app's database, written by the site ------------------------------------------------


async def test_the_site_writes_to_the_apps_database(
    engine: AsyncEngine, uow_factory: UnitOfWorkFactory, database_url: str
) -> None:
    _, user_service, post_service = app_services(engine)
    mine = await user_service.create_user(
        CreateUserDTO(email="app@example.org", username="app_user", password="long enough 1")
    )
    assert mine.updated_at is None  # a row the app creates is "never edited" too

    async with WebBackend(database_url) as site:
        alice = await site.add_user(email="alice@site.example", username="alice", bio="hi")
        bob = await site.add_user(email="bob@site.example", username="bob")
        carol = await site.add_user(email="carol@site.example", username="carol")
        posts = [
            await site.add_post(author_id=author, title=f"Post {n}", content="Body.")
            for n, author in enumerate([alice, alice, bob, carol, mine.id])
        ]
        await site.update_user(bob, bio="bob was here")
        await site.update_post(posts[0], title="Post 0, edited")
        await site.update_user(mine.id, bio="the site edits the app's row")
        await site.delete_post(posts[1])
        assert await site.delete_user(carol) == 1  # and posts[3] by cascade
        site_alice = await site.get_user(alice)
        assert site_alice is not None and site_alice.updated_at is None

        async with uow_factory() as uow:
            got_alice = await uow.users.get_by_id(alice)
            got_bob = await uow.users.get_by_id(bob)
            got_mine = await uow.users.get_by_id(mine.id)
            assert await uow.users.get_by_id(carol) is None
            got_post = await uow.posts.get_by_id(posts[0])
            untouched_post = await uow.posts.get_by_id(posts[2])
            assert await uow.posts.get_by_id(posts[3]) is None
        assert got_alice is not None and got_alice.updated_at is None and got_alice.is_active
        assert got_bob is not None and got_bob.bio == "bob was here"
        assert got_bob.updated_at is not None and got_bob.updated_at.tzinfo is not None
        assert got_mine is not None and got_mine.bio == "the site edits the app's row"
        assert got_mine.updated_at is not None
        assert got_post is not None and got_post.title == "Post 0, edited"
        assert got_post.updated_at is not None
        assert untouched_post is not None and untouched_post.updated_at is None

        users, posts_reader = readers(engine)
        oldest_first = await users.fetch(UserQuery(sort="updated_at", descending=False), limit=10)
        assert {r.id for r in oldest_first} == {alice, bob, mine.id}
        assert oldest_first[0].id == alice and oldest_first[0].updated_at is None  # never edited
        newest_first = await users.fetch(UserQuery(sort="updated_at", descending=True), limit=10)
        assert newest_first[-1].id == alice
        assert await posts_reader.count(PostQuery()) == 3
        found = await posts_reader.fetch(PostQuery(search="edited"), limit=10)
        assert [r.id for r in found] == [posts[0]]

        # The app edits a site row from the version it showed; the site reads the result.
        saved = await user_service.update_user(
            alice, UpdateUserDTO(bio="edited in the app"), expected_updated_at=None
        )
        assert saved.updated_at is not None
        await post_service.update_post(
            posts[2], UpdatePostDTO(title="Edited in the app"), expected_updated_at=None
        )
        site_alice = await site.get_user(alice)
        assert site_alice is not None and site_alice.bio == "edited in the app"
        assert site_alice.updated_at is not None
        site_post = await site.get_post(posts[2])
        assert site_post is not None and site_post.title == "Edited in the app"
        # ... and the site can still insert and edit beside the app's writes.
        await site.update_user(alice, bio="the site answers")
        await site.add_user(email="dave@site.example", username="dave")
    assert await users.count(UserQuery()) == 4


async def test_updated_at_is_nullable_with_no_default_as_on_the_site(engine: AsyncEngine) -> None:
    async with engine.connect() as connection:
        columns = await connection.run_sync(
            lambda c: {
                table: {col["name"]: col for col in inspect(c).get_columns(table)}
                for table in ("users", "posts")
            }
        )
    for table in ("users", "posts"):
        updated = columns[table]["updated_at"]
        assert updated["nullable"] is True, f"{table}.updated_at must be nullable"
        assert updated["default"] is None, f"{table}.updated_at must have no default"
        assert columns[table]["created_at"]["nullable"] is False
