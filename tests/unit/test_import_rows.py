"""Import (#12), reading and checking: every bad-line kind is reported with its line and
field, all of them at once; the formats, the header guess and tricky text round-trip."""

from __future__ import annotations

import csv
import io
import json
import threading
from pathlib import Path
from uuid import uuid4

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop_app.application.import_plan import plan_posts, plan_users
from desktop_app.application.import_rows import (
    READ_BUFFER,
    FileSource,
    LineError,
    ReadResult,
    TextSource,
    format_of,
    guess_mapping,
    iter_rows,
    read_source,
    read_text,
)
from desktop_app.core.emails import normalise_email
from desktop_app.domain.entities import Post, User
from desktop_app.domain.errors import ValidationError
from desktop_app.domain.hash_syntax import check_hashed_password, hash_scheme
from desktop_app.domain.validation import TITLE_MAX
from tests.fakes import FakeStore, FakeUnitOfWork

ARGON2 = "$argon2id$v=19$m=65536,t=3,p=4$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA"
BCRYPT = "$2b$12$" + "a" * 22 + "b" * 31
PBKDF2 = "$pbkdf2-sha256$29000$N2bsXYsRIgRgDKE0Zsz5Hw$Q5cBeDBHdGJyJ0TM2fP5C6pYnPuZGGvBb4R4bO8RYVc"


def where(errors: list[LineError]) -> set[tuple[int, str]]:
    return {(e.line, e.field) for e in errors}


async def check_users(text: str, store: FakeStore | None = None, **kw: object) -> tuple:  # type: ignore[type-arg]
    read = read_text(text, "csv", "users")
    async with FakeUnitOfWork(store or FakeStore()) as uow:
        plan, errors = await plan_users(read.rows, uow, normalise_email=normalise_email, **kw)  # type: ignore[arg-type]
    return plan, read.errors + errors


def test_format_comes_from_the_extension() -> None:
    assert format_of(Path("a.CSV")) == "csv"
    assert format_of(Path("a.jsonl")) == "jsonl"
    assert format_of(Path("a.json")) == "json"
    with pytest.raises(ValueError, match="extension"):
        format_of(Path("a.xlsx"))


def test_header_synonyms_are_guessed_case_insensitively_and_overridable() -> None:
    mapping, ignored = guess_mapping("users", ["E-Mail", "Name", "Password", "shoe size"])
    assert mapping == {"E-Mail": "email", "Name": "username", "Password": "password"}
    assert ignored == ["shoe size"]
    assert guess_mapping("users", ["mail", "user"])[0] == {"mail": "email", "user": "username"}
    for author in ("author", "author_username", "Author Email", "author_id"):
        assert guess_mapping("posts", [author])[0] == {author: "author"}
    mapping, ignored = guess_mapping(
        "users", ["mail", "handle"], {"handle": "username", "mail": ""}
    )
    assert (mapping, ignored) == ({"handle": "username"}, [])
    with pytest.raises(ValueError, match="no such users field"):
        guess_mapping("users", ["x"], {"x": "shoe"})


def test_json_and_json_lines_keep_each_rows_line() -> None:
    text = '[\n  {"email": "a@example.com"},\n\n  {"email": "b@example.com"}\n]\n'
    assert [r.line for r in read_text(text, "json", "users").rows] == [2, 4]
    lines = '{"email": "a@example.com"}\n\n{"email": "b@example.com"}\n{broken\n'
    read = read_text(lines, "jsonl", "users")
    assert [r.line for r in read.rows] == [1, 3]
    assert where(read.errors) == {(4, "text")}


def test_csv_rows_start_on_their_first_physical_line() -> None:
    text = 'username,bio\nann,"two\nlines"\nbob,x\n'
    assert [r.line for r in read_text(text, "csv", "users").rows] == [2, 4]


def test_bad_utf8_is_reported_with_its_line(tmp_path: Path) -> None:
    from desktop_app.application.import_rows import read_file

    path = tmp_path / "users.csv"
    path.write_bytes("\ufeffemail,username\nok@example.com,ann\n".encode() + b"x@y.z,b\xffd\n")
    read = read_file(path, "users")
    assert where(read.errors) == {(3, "file")}
    assert "UTF-8" in read.errors[0].reason
    path.write_bytes("\ufeffEmail,username\nok@example.com,ann\n".encode())
    assert read_file(path, "users").rows[0].values == {"email": "ok@example.com", "username": "ann"}


def test_hash_schemes_the_backend_accepts() -> None:
    assert [hash_scheme(h) for h in (ARGON2, BCRYPT, PBKDF2)] == [
        "argon2",
        "bcrypt",
        "pbkdf2_sha256",
    ]
    assert hash_scheme("$1$md5$crypt") is None
    assert hash_scheme("plaintext") is None


def test_the_locked_account_marker_is_accepted_and_other_junk_is_not() -> None:
    assert check_hashed_password(" !demo-account-locked ") == "!demo-account-locked"
    assert check_hashed_password("!locked") == "!locked"
    for junk in ("!", "!!", "! locked", "!Locked", "!$argon2id$x", "!a--b", "!" + "a" * 64, "x!"):
        with pytest.raises(ValidationError, match="locked account"):
            check_hashed_password(junk)


@pytest.mark.asyncio
async def test_every_bad_user_line_is_reported_with_its_line_and_field() -> None:
    store = FakeStore()
    taken = User(email="taken@example.com", username="taken", hashed_password=ARGON2)
    store.users[taken.id] = taken
    text = "\n".join(
        [
            "id,email,username,password,hashed_password,is_active,created_at",
            f"{uuid4()},good@example.com,good,secret123,,true,2024-01-01T00:00:00Z",  # 2 ok
            ",not-an-email,bademail,secret123,,,",  # 3
            ",missing@example.com,,secret123,,,",  # 4
            ",dup@example.com,dupname,secret123,,,",  # 5 ok
            ",DUP@example.com,other,secret123,,,",  # 6 email twice
            ",x@example.com,DupName,secret123,,,",  # 7 username twice
            ",taken@example.com,fresh,secret123,,,",  # 8 in the database
            f",h@example.com,hashy,,{'$md5$nope'},,",  # 9 unknown scheme
            ",n@example.com,nopass,,,,",  # 10 no password
            "zzz,i@example.com,badid,secret123,,,",  # 11 bad id
            ",t@example.com,badtime,secret123,,,yesterday",  # 12 bad timestamp
            ",b@example.com,badbool,secret123,,maybe,",  # 13 bad boolean
            f",ok2@example.com,hashok,,{BCRYPT},,",  # 14 ok
        ]
    )
    plan, errors = await check_users(text, store)
    assert where(errors) == {
        (3, "email"),
        (4, "username"),
        (6, "email"),
        (7, "username"),
        (8, "email"),
        (9, "hashed_password"),
        (10, "password"),
        (11, "id"),
        (12, "created_at"),
        (13, "is_active"),
    }
    assert "first on line 5" in next(e.reason for e in errors if e.line == 6)
    assert [u.username for u in plan.inserts] == ["good", "dupname", "hashok"]
    assert plan.inserts[2].hashed_password == BCRYPT
    assert set(plan.passwords) == {plan.inserts[0].id, plan.inserts[1].id}


@pytest.mark.asyncio
async def test_on_duplicate_skip_and_update() -> None:
    store = FakeStore()
    old = User(email="ann@example.com", username="ann", hashed_password=ARGON2, bio="old")
    store.users[old.id] = old
    text = "email,username,bio,hashed_password\nANN@example.com,ann,new," + PBKDF2
    plan, errors = await check_users(text, store, on_duplicate="skip")
    assert (errors, plan.skipped, plan.inserts) == ([], [2], [])
    plan, errors = await check_users(text, store, on_duplicate="update")
    [(before, after)] = plan.updates
    assert errors == [] and before == old
    assert (after.id, after.bio, after.hashed_password) == (old.id, "new", PBKDF2)
    assert after.updated_at is not None


@pytest.mark.asyncio
async def test_only_a_new_user_needs_a_password() -> None:
    """A row without password or hash updates an existing user keeping its hash, is skipped,
    or is refused as a duplicate (not for its missing password); a new one needs a password."""
    store = FakeStore()
    old = User(email="ann@example.com", username="ann", hashed_password=ARGON2)
    store.users[old.id] = old
    text = f"id,email,username,bio\n{old.id},ann@example.com,ann,new\n,new@example.com,new,x"
    plan, errors = await check_users(text, store, on_duplicate="update")
    assert [(e.line, e.field, e.reason) for e in errors] == [
        (3, "password", "required for a new user: give a password or a hashed_password")
    ]
    [(_, after)] = plan.updates
    assert (after.bio, after.hashed_password, plan.passwords) == ("new", ARGON2, {})
    plan, errors = await check_users(text, store, on_duplicate="skip")
    assert (plan.skipped, where(errors)) == ([2], {(3, "password")})
    _, errors = await check_users(text, store, on_duplicate="stop")
    assert where(errors) == {(2, "id"), (3, "password")}


@pytest.mark.asyncio
async def test_every_bad_post_line_is_reported_and_authors_resolve_three_ways() -> None:
    store = FakeStore()
    ann = User(email="ann@example.com", username="ann", hashed_password=ARGON2)
    store.users[ann.id] = ann
    existing = Post(title="t", content="c", author_id=ann.id)
    store.posts[existing.id] = existing
    rows = [
        {"title": "by id", "content": "c", "author": str(ann.id)},  # 1
        {"title": "by name", "content": "c", "author": "ANN"},  # 2
        {"title": "by mail", "content": "c", "author": "ann@example.com"},  # 3
        {"title": "x" * (TITLE_MAX + 1), "content": "c", "author": "ann"},  # 4
        {"title": "t", "content": "c", "author": "nobody"},  # 5
        {"title": "t", "content": " ", "author": "ann"},  # 6
        {"id": str(existing.id), "title": "t", "content": "c", "author": "ann"},  # 7
        {"title": "t", "content": "c", "author": "ann", "updated_at": "13/13/2024"},  # 8
    ]
    text = "\n".join(json.dumps(r) for r in rows)
    read = read_text(text, "jsonl", "posts")
    async with FakeUnitOfWork(store) as uow:
        plan, errors = await plan_posts(read.rows, uow)
    assert where(errors) == {
        (4, "title"),
        (5, "author"),
        (6, "content"),
        (7, "id"),
        (8, "updated_at"),
    }
    assert str(TITLE_MAX) in next(e.reason for e in errors if e.line == 4)
    assert [p.author_id for p in plan.inserts] == [ann.id] * 3


_TEXT = st.text(st.characters(codec="utf-8", exclude_characters="\x00"), min_size=1).filter(
    lambda s: s.strip() != ""
)
_TRICKY = st.one_of(
    _TEXT, st.sampled_from(['a,"b"', "x\ny", "\t", "😀", "שלום", "\r\n", "\U0010fffd"])
)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(_TRICKY, _TRICKY), min_size=1, max_size=5))
def test_csv_round_trip_keeps_tricky_text(rows: list[tuple[str, str]]) -> None:
    out = io.StringIO(newline="")
    writer = csv.writer(out)
    writer.writerow(["title", "content"])
    writer.writerows(rows)
    read = read_text(out.getvalue(), "csv", "posts")
    assert read.errors == []
    assert [(r.values["title"], r.values["content"]) for r in read.rows] == rows


def test_a_stopped_read_ends_the_encoding_check_with_no_row(tmp_path: Path) -> None:
    """The import's task cancelled: its reader thread stops at the next block of the file's
    encoding check, reporting nothing."""
    path = tmp_path / "users.csv"
    path.write_text("email,username\n" + "a@example.com,ann\n" * 10, encoding="utf-8")
    stop = threading.Event()
    stop.set()
    out = ReadResult()
    assert list(iter_rows(FileSource(path), "users", None, out, stop=stop)) == []
    assert out.errors == []
    assert len(list(iter_rows(FileSource(path), "users", None, ReadResult()))) == 10


def test_a_file_is_read_from_the_disk_a_megabyte_at_a_time(tmp_path: Path) -> None:
    """Each read from the disk lets go of the interpreter's lock, and the event loop's thread
    may then wait a switch interval for it while a worker runs: 8 KiB reads made that a wait
    every few rows. After the first line, the rest of a megabyte is already in the buffer."""
    path = tmp_path / "posts.csv"
    path.write_text("title,content\n" + "a title,some content\n" * 200_000, encoding="utf-8")
    with FileSource(path).open() as stream:
        stream.readline()
        assert len(stream.buffer.peek(1)) >= READ_BUFFER - 64 * 1024  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("text", "line", "reason"),
    [
        ('{"a": 1}', 1, "expected a JSON array of objects ([{...}, ...])"),
        ('[\n{"a": 1}\n{"a": 2}]', 3, "expected ',' or ']' after a row"),
        ('[\n{"a": 1}]\n]', 3, "unexpected text after the array"),
        ('[{"a": }]', 1, "not valid JSON (Expecting value)"),
    ],
)
def test_each_broken_json_array_is_its_own_problem(text: str, line: int, reason: str) -> None:
    """The reader's JSON array errors, each worded as the import's own (translatable) problem."""
    read = read_source(TextSource(text, fmt="json"), "users")
    assert [(e.line, e.field, e.reason) for e in read.errors] == [(line, "text", reason)]
