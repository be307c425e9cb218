"""Issue #12's round trip, on SQLite and PostgreSQL: export a database's users (with their
password hashes) and posts, import both files into an empty database of the same backend,
export that one, and the files are byte for byte the same, in every format. Holds for
hand-picked tricky rows (NULL and set ``updated_at``, argon2, bcrypt and pbkdf2_sha256 hashes,
an inactive user, no bio) and for hypothesis-generated text: quotes, commas, CR/LF, tabs, RTL,
emoji, and characters of every Unicode plane (never a NUL or a lone surrogate, which no
backend can store).

Rows are seeded through the repositories as the services would have stored them (text trimmed
as the validation trims it, e-mails normalised), since an import accepts exactly what the
forms accept and cleans what they clean.
"""

from __future__ import annotations

import difflib
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from functools import cache, partial
from pathlib import Path

import pytest
import pytest_asyncio
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy.ext.asyncio import AsyncEngine

from desktop_app.application.abstract_unit_of_work import UnitOfWorkFactory
from desktop_app.application.export_formats import ExportFormat, export_to_file
from desktop_app.application.import_rows import Kind
from desktop_app.application.import_service import ImportService
from desktop_app.application.read_models import PostQuery, UserQuery
from desktop_app.core.emails import normalise_email
from desktop_app.core.security import hash_password
from desktop_app.domain.entities import Post, User
from desktop_app.domain.hash_syntax import hash_scheme
from desktop_app.domain.validation import check_bio, check_title
from desktop_app.infrastructure.database import migrations
from desktop_app.infrastructure.database.bulk_import import users_matching
from desktop_app.infrastructure.database.connection import make_engine, make_session_factory
from desktop_app.infrastructure.database.export_source import SQLAlchemyExportSource
from desktop_app.infrastructure.database.unit_of_work import SQLAlchemyUnitOfWork
from tests.integration.conftest import create_postgres_database, drop_postgres_database
from tests.integration.undo_support import dump, empty

pytestmark = pytest.mark.asyncio

PAGE = 3  # small pages: the rows cross several keyset pages
BASE = datetime(2026, 3, 1, 12, 0, 0, 123456, tzinfo=UTC)
# Real hashes (of "x") as passlib writes them; argon2 is made once, by the app's own hasher.
PBKDF2 = "$pbkdf2-sha256$29000$0XpvDYFQCmEsRShFSKn1Xg$KZMDVggM73KAXCSlwTEAwCgoD0FO4O.q6tp2Lfwedz8"
BCRYPT = "$2b$12$c4lQ5lptveRLYmk4Msx.dOD6S4Vo9DSAbka7W8VlwNF9KN0P58036"
EVERY_PLANE = "".join(chr(plane * 0x10000 + 0x4E2D) for plane in range(17))
TRICKY = [
    'quotes "a" and ""b"", commas, ,;',
    "new\nlines\r\nand\ttabs\rand a lone CR",
    "emoji 😀👩‍👩‍👧🏳️‍🌈 and RTL שלום עולם مرحبا بالعالم",
    "every plane " + EVERY_PLANE,
    "line and paragraph separators \u2028 \u2029 \x85 and a BOM \ufeff inside",
    '\\ backslashes \\n and \\u0041, JSON-ish {"k": [1, 2]}',
    "=1+2 @formula -3 +4",
]
FORMATS: list[ExportFormat] = ["csv", "jsonl", "json"]


@cache
def argon2_hash() -> str:
    return hash_password("correct horse battery staple")


async def no_hashing(password: str) -> str:
    raise AssertionError("a round trip carries hashes, never passwords to hash")


@pytest_asyncio.fixture
async def target(database_url: str, tmp_path: Path) -> AsyncIterator[AsyncEngine]:
    """A second empty database, migrated to head, on the same backend as ``database_url``:
    made the way conftest makes the first (a SQLite file in ``tmp_path``, or a throwaway
    PostgreSQL database from TEST_POSTGRES_URL)."""
    sqlite = database_url.startswith("sqlite")
    url = (
        f"sqlite+aiosqlite:///{tmp_path / 'target.db'}"
        if sqlite
        else await create_postgres_database()
    )
    try:
        engine = make_engine(url, pool_size=2, max_overflow=2, wal=True)
        try:
            await migrations.upgrade(engine, url)
            yield engine
        finally:
            await engine.dispose()
    finally:
        if not sqlite:
            await drop_postgres_database(url)


def factory_of(engine: AsyncEngine) -> UnitOfWorkFactory:
    return partial(SQLAlchemyUnitOfWork, make_session_factory(engine))


async def export_both(
    engine: AsyncEngine, prefix: Path, fmt: ExportFormat, *, bom: bool
) -> tuple[Path, Path, int, int]:
    """The users (with hashes) and the posts of ``engine`` in ``fmt``, into files named
    ``prefix`` and the table."""
    source = SQLAlchemyExportSource(make_session_factory(engine), page_size=PAGE)
    users = prefix.with_name(f"{prefix.name}-users.{fmt}")
    posts = prefix.with_name(f"{prefix.name}-posts.{fmt}")
    user_rows = await export_to_file(source, users, UserQuery(), fmt, with_hashes=True, bom=bom)
    post_rows = await export_to_file(source, posts, PostQuery(), fmt, bom=bom)
    return users, posts, user_rows, post_rows


async def import_both(engine: AsyncEngine, users: Path, posts: Path) -> None:
    service = ImportService(
        factory_of(engine),
        normalise_email=normalise_email,
        hash_password=no_hashing,
        lookup=users_matching,
    )
    tables: tuple[tuple[Kind, Path], ...] = (("users", users), ("posts", posts))
    for kind, path in tables:
        checked = await service.check(kind, path)
        assert checked.errors == [], f"{path.name}: {[str(e) for e in checked.errors]}"
        # posts name their author by id; the author's username is only there to read
        assert set(checked.ignored_columns) <= ({"author_username"} if kind == "posts" else set())
        await service.write(checked.plan)


def assert_identical(first: Path, second: Path) -> None:
    one, two = first.read_bytes(), second.read_bytes()
    if one == two:
        return
    diff = difflib.unified_diff(
        one.decode("utf-8", "backslashreplace").splitlines(keepends=True),
        two.decode("utf-8", "backslashreplace").splitlines(keepends=True),
        "first export",
        "second export",
        n=0,
    )
    shown = [repr(line) for line in list(diff)[:20]]
    raise AssertionError(f"{first.name} differs after the round trip:\n" + "\n".join(shown))


async def round_trip(
    source: AsyncEngine, target: AsyncEngine, prefix: Path, fmt: ExportFormat, *, bom: bool
) -> tuple[Path, Path]:
    """Export ``source``, import into the empty ``target``, export ``target``: the same files,
    and the same rows in both databases, every column (a format that lost something, say the
    microseconds, would still give the same file twice). Returns the first export's files."""
    users, posts, user_count, post_count = await export_both(
        source, prefix.with_name(prefix.name + "-first"), fmt, bom=bom
    )
    await import_both(target, users, posts)
    users_again, posts_again, *counts = await export_both(
        target, prefix.with_name(prefix.name + "-second"), fmt, bom=bom
    )
    assert counts == [user_count, post_count]
    assert_identical(users, users_again)
    assert_identical(posts, posts_again)
    for table, seeded, imported in zip(
        ("users", "posts"), await dump(source), await dump(target), strict=True
    ):
        lost = sorted(set(seeded) - set(imported), key=str)
        if lost:
            twin = next((row for row in imported if row[0] == lost[0][0]), None)
            raise AssertionError(f"{table}: {lost[0]!r} was imported as {twin!r}")
        assert len(imported) == len(seeded), f"{table}: {len(imported)} rows for {len(seeded)}"
    return users, posts


async def seed(uow_factory: UnitOfWorkFactory, users: list[User], posts: list[Post]) -> None:
    async with uow_factory() as uow:
        for user in users:
            await uow.users.create(user)
        for post in posts:
            await uow.posts.create(post)
        await uow.commit()


def tricky_rows() -> tuple[list[User], list[Post]]:
    hashes = [argon2_hash(), BCRYPT, PBKDF2]
    assert [hash_scheme(h) for h in hashes] == ["argon2", "bcrypt", "pbkdf2_sha256"]
    users = [
        User(
            email=normalise_email(email),
            username=username,
            hashed_password=hashes[n % 3],
            is_active=n != 1,
            bio=check_bio(TRICKY[n % len(TRICKY)]) if n != 2 else None,
            created_at=BASE + timedelta(minutes=n // 2),  # ties: the id orders them
            updated_at=None if n % 2 == 0 else BASE + timedelta(days=n, microseconds=n),
        )
        for n, (email, username) in enumerate(
            [
                ("ann@example.com", "ann"),
                ("Zoë.Ünïcode@Example.ORG", "zoe.u"),
                ("o'brien+tag@example.co.uk", "o-brien_2"),
                ("ボブ@例え.jp", "bob"),
                ("first.last@sub.example.net", "Mixed.Case-Name_9"),
            ]
        )
    ]
    posts = [
        Post(
            title=check_title(f"{TRICKY[n % len(TRICKY)]} #{n}"[:255]),
            content=TRICKY[(n + 3) % len(TRICKY)] + " " * (n % 2),  # content is kept as typed
            author_id=users[n % len(users)].id,
            created_at=BASE + timedelta(seconds=n // 3),
            updated_at=None if n % 3 == 0 else BASE + timedelta(hours=n),
        )
        for n in range(11)
    ]
    return users, posts


@pytest.mark.parametrize(
    ("fmt", "bom"), [("csv", True), ("csv", False), ("jsonl", False), ("json", False)]
)
async def test_export_import_export_gives_identical_files(
    engine: AsyncEngine,
    target: AsyncEngine,
    uow_factory: UnitOfWorkFactory,
    tmp_path: Path,
    fmt: ExportFormat,
    bom: bool,
) -> None:
    users, posts = tricky_rows()
    await seed(uow_factory, users, posts)
    first_users, first_posts = await round_trip(engine, target, tmp_path / "tricky", fmt, bom=bom)
    texts = [first_users.read_text("utf-8"), first_posts.read_text("utf-8")]
    assert [text.startswith("\ufeff") for text in texts] == [bom, bom]
    for hashed in (argon2_hash(), BCRYPT, PBKDF2):  # the hashes were exported, as asked
        assert hashed in texts[0]
    async with factory_of(target)() as uow:
        assert await uow.users.count() == len(users) and await uow.posts.count() == len(posts)


# Text that tests every escape the formats have: a mix of hand-picked troublemakers and any
# character of any plane (utf-8 encodable: no lone surrogates) except NUL.
_PIECES = st.sampled_from(
    [
        '"',
        "'",
        ",",
        ";",
        "\n",
        "\r",
        "\r\n",
        "\t",
        " ",
        "\\",
        "\u2028",
        "\u2029",
        "\x85",
        "\ufeff",
        "שלום",
        "مرحبا",
        "\u200f",
        "\u202e",
        "😀",
        "👩‍👩‍👧",
        "🏳️‍🌈",
        "\U0010fffd",
        "\U000e0041",
    ]
)
_ANY_CHAR = st.characters(codec="utf-8", exclude_characters="\x00")
# Any code point but NUL and the surrogates, each plane as likely as another.
_PLANE_CHAR = st.integers(1, 0x10FFFF - 0x800).map(lambda c: chr(c + 0x800 if c >= 0xD800 else c))
_TEXT = st.lists(st.one_of(_PIECES, _ANY_CHAR, _PLANE_CHAR), min_size=1, max_size=40).map("".join)
_TIME = st.datetimes(
    min_value=datetime(1900, 1, 1), max_value=datetime(2200, 1, 1), timezones=st.just(UTC)
)
_USERNAME = st.from_regex(r"[A-Za-z0-9_.\-]{3,50}", fullmatch=True)


@st.composite
def databases(draw: st.DrawFn) -> tuple[list[User], list[Post]]:
    """A few users and posts as the services would store them (validation's cleaning applied)."""
    names = draw(st.lists(_USERNAME, min_size=1, max_size=4, unique_by=str.casefold))
    users = [
        User(
            email=normalise_email(f"member{n}@example.org"),
            username=name,
            hashed_password=draw(st.sampled_from([BCRYPT, PBKDF2])),
            is_active=draw(st.booleans()),
            bio=check_bio(draw(_TEXT)) if draw(st.booleans()) else None,
            created_at=draw(_TIME),
            updated_at=draw(st.none() | _TIME),
        )
        for n, name in enumerate(names)
    ]
    posts = []
    for _ in range(draw(st.integers(0, 6))):
        title = check_title(draw(_TEXT)[:255].strip() or "untitled")
        content = draw(_TEXT)
        posts.append(
            Post(
                title=title,
                content=content if content.strip() else content + "x",
                author_id=draw(st.sampled_from(users)).id,
                created_at=draw(_TIME),
                updated_at=draw(st.none() | _TIME),
            )
        )
    return users, posts


_runs = iter(range(1_000_000))


@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(rows=databases(), fmt=st.sampled_from(FORMATS), bom=st.booleans())
async def test_generated_rows_survive_the_round_trip(
    engine: AsyncEngine,
    target: AsyncEngine,
    uow_factory: UnitOfWorkFactory,
    tmp_path: Path,
    rows: tuple[list[User], list[Post]],
    fmt: ExportFormat,
    bom: bool,
) -> None:
    await empty(engine)  # the fixtures' databases are shared by every example
    await empty(target)
    await seed(uow_factory, *rows)
    prefix = tmp_path / f"run{next(_runs)}"
    await round_trip(engine, target, prefix, fmt, bom=bom and fmt == "csv")
